#pragma once

// What the referral pane tests share: `referral` records as the contract describes them, the item
// view the host would build, pictures painted in the test, and a pane shown offscreen with a
// recording write sink and a fake clock.

#include "fakeclock.h"
#include "referrals/ui/referralpane.h"
#include "sync/core/writesink.h"

#include <QAction>
#include <QDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace nara::referrals::test {

using namespace Qt::StringLiterals;

constexpr qint64 kNow = 1'764'000'000'000; // 24 Nov 2025 16:00 UTC
constexpr qint64 kDay = 24LL * 3600 * 1000;

class RecordingSink final : public sync::WriteSink
{
public:
    void submit(const sync::PendingWrite &write) override { writes.append(write); }
    static QJsonObject body(const sync::PendingWrite &write) { return QJsonDocument::fromJson(write.body).object(); }
    QList<sync::PendingWrite> writes;
};

inline QJsonObject image(const QString &id, const QString &view, qint64 takenAt, qint64 addedAt)
{
    return {{u"id"_s, id},      {u"view"_s, view},       {u"width"_s, 800},
            {u"height"_s, 600}, {u"takenAt"_s, takenAt}, {u"addedAt"_s, addedAt}};
}

inline QJsonObject referral(const QString &state, int version, const QJsonArray &images = {})
{
    QJsonObject record{{u"id"_s, u"r1"_s},
                       {u"version"_s, version},
                       {u"itemId"_s, u"item-derm"_s},
                       {u"senderItemId"_s, u""_s},
                       {u"patientId"_s, u"p1"_s},
                       {u"fromUnitId"_s, u"unit-vc"_s},
                       {u"toUnitId"_s, u"unit-derm"_s},
                       {u"sentBy"_s, u"s-gp"_s},
                       {u"sentAt"_s, kNow - 2 * kDay},
                       {u"priority"_s, u"urgent"_s},
                       {u"question"_s, u"Växande pigmenterad förändring, melanom?"_s},
                       {u"history"_s,
                        QJsonObject{{u"duration"_s, u"3 månader"_s},
                                    {u"changedRecently"_s, true},
                                    {u"itchOrBleeding"_s, false},
                                    {u"earlierSkinCancer"_s, false}}},
                       {u"bodySite"_s, QJsonObject{{u"code"_s, u"77568009"_s}, {u"display"_s, u"Rygg"_s}}},
                       {u"images"_s,
                        images.isEmpty()
                            ? QJsonArray{image(u"img-a"_s, u"overview"_s, kNow - 3 * kDay, kNow - 2 * kDay),
                                         image(u"img-b"_s, u"close_up"_s, kNow - 3 * kDay, kNow - 2 * kDay),
                                         image(u"img-c"_s, u"dermoscopy"_s, 0, kNow - 2 * kDay)}
                            : images},
                       {u"state"_s, state},
                       {u"dueAt"_s, kNow + 2 * kDay},
                       {u"infoRequests"_s, QJsonArray{}},
                       {u"answer"_s, QJsonValue::Null},
                       {u"acknowledgedBy"_s, u""_s},
                       {u"acknowledgedAt"_s, 0}};
    if (state == u"answered" || state == u"acknowledged")
        record.insert(
            u"answer"_s,
            QJsonObject{{u"description"_s, u"Asymmetrisk pigmentering."_s},
                        {u"diagnosis"_s, QJsonObject{{u"code"_s, u"C43.9"_s}, {u"display"_s, u"Malignt melanom"_s}}},
                        {u"management"_s, u"cancer_pathway"_s},
                        {u"followUpMonths"_s, 0},
                        {u"answeredBy"_s, u"s-derm"_s},
                        {u"answeredAt"_s, kNow - kDay}});
    if (state == u"acknowledged")
        record.insert(u"acknowledgedAt"_s, kNow);
    return record;
}

inline ReferralItemView itemView(const QJsonObject &record, bool dermatologist)
{
    ReferralItemView view;
    view.itemId = dermatologist ? u"item-derm"_s : u"item-gp"_s;
    view.itemTitle = u"Hudremiss: Rygg"_s;
    view.patientId = u"p1"_s;
    view.patientText = u"Tolvan Tolvansson, 19121212-1212"_s;
    view.referral = record;
    view.sentByName = u"Bo Berg"_s;
    view.answeredByName = u"Dora Derm"_s;
    view.canAnswer = dermatologist;
    view.canRespondAsSender = !dermatologist;
    return view;
}

inline QImage picture(QColor colour, int width = 640, int height = 480)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.setBrush(Qt::black);
    painter.drawEllipse(QPoint(width / 2, height / 2), width / 8, height / 8);
    return image;
}

inline QList<std::pair<QString, bool>> wantedOf(const QSignalSpy &spy)
{
    QList<std::pair<QString, bool>> wanted;
    for (const QList<QVariant> &call : spy)
        wanted.append({call.at(0).toString(), call.at(1).toBool()});
    return wanted;
}

// A referral pane shown offscreen; dialogs are refused unless a test answers them.
struct PaneHarness
{
    nara::test::FakeClock clock{kNow};
    RecordingSink sink;
    std::unique_ptr<ReferralPane> pane;

    bool start()
    {
        clock.setMs(kNow);
        sink.writes.clear();
        pane = std::make_unique<ReferralPane>(sink, clock);
        pane->setDialogRunner([](QDialog &) { return int(QDialog::Rejected); }); // never blocks
        pane->resize(900, 1100);
        pane->show();
        return QTest::qWaitForWindowExposed(pane.get());
    }

    template<typename T> T *child(const QString &name) const
    {
        T *found = pane->findChild<T *>(name);
        if (!found)
            qFatal("no child %s", qPrintable(name));
        return found;
    }
};

} // namespace nara::referrals::test
