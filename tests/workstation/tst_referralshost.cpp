// The workstation's referral host with a recording outbox: images before the write naming them,
// each image once per user and session, an image refused by the server sent again when named
// again, and a write refused for a missing image re-sent once with its images.

#include "../sync/fakeapiserver.h"
#include "fakeclock.h"
#include "inboxfixtures.h"
#include "referrals/core/samplephotos.h"
#include "referrals/ui/addimagesdialog.h"
#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralimagelist.h"
#include "referrals/ui/sendreferraldialog.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/referralshost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;
using namespace Qt::StringLiterals;

class TestReferralsHost : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock;
    InboxStore m_store;
    RecordingSink m_sink;
    QWidget m_window;
    QTemporaryDir m_dir;
    FakeServer m_server; // answers the dermatology units; the outbox here is a recording sink
    std::unique_ptr<ReferralsHost> m_host;
    QStringList m_messages;

    QString photo(quint32 seed)
    {
        QFile file(m_dir.filePath(u"photo-%1.jpg"_s.arg(seed)));
        if (!file.open(QIODevice::WriteOnly) || file.write(referrals::drawSampleLesionPhoto(seed, true)) <= 0)
            return {};
        return file.fileName();
    }

    // Sends one new image and a reply through the add-images dialog; returns the image's id.
    QString addImage(quint32 seed)
    {
        auto dialog = m_host->createAddImagesDialog(u"r1"_s);
        if (!dialog)
            return {};
        dialog->imageList()->addFiles({photo(seed)});
        if (!QTest::qWaitFor([&] { return !dialog->imageList()->isProcessing(); }, 20'000))
            return {};
        dialog->imageList()->setView(0, u"dermoscopy"_s);
        dialog->findChild<QPlainTextEdit *>(u"infoReply"_s)->setPlainText(u"Här är en dermatoskopisk bild."_s);
        QSignalSpy sent(dialog.get(), &referrals::AddImagesDialog::sendRequested);
        dialog->findChild<QPushButton *>(u"sendImagesButton"_s)->click();
        if (sent.isEmpty()) // a blur warning: the drawn close-up is sharp, so this is not expected
            dialog->findChild<QPushButton *>(u"sendAnywayButton"_s)->click();
        return dialog->draft().images.value(0).sha256;
    }

    QList<sync::PendingWrite> puts() const
    {
        QList<sync::PendingWrite> found;
        for (const sync::PendingWrite &write : m_sink.writes)
            if (write.method == u"PUT")
                found.append(write);
        return found;
    }

private Q_SLOTS:
    void init()
    {
        Dialogs::setNonInteractive(true);
        m_sink.writes.clear();
        m_messages.clear();
        m_clock.setMs(QDateTime(QDate(2026, 11, 26), QTime(10, 0)).toMSecsSinceEpoch());
        const QJsonObject referral{{u"id"_s, u"r1"_s},
                                   {u"version"_s, 3},
                                   {u"patientId"_s, u"p1"_s},
                                   {u"state"_s, u"needs_info"_s},
                                   {u"images"_s, QJsonArray{QJsonObject{{u"id"_s, QString(64, u'a')}}}},
                                   {u"infoRequests"_s, QJsonArray{QJsonObject{{u"question"_s, u"Dermatoskopi?"_s}}}}};
        m_store.resetRecords({u"referral"_s}, {{u"referral"_s, u"r1"_s, 3, referral}});
        WorkstationContext context;
        context.store = &m_store;
        context.sink = &m_sink;
        context.clock = &m_clock;
        context.staffId = u"me"_s;
        context.serverUrl = m_server.url().toString();
        context.token = u"tok"_s;
        m_server.handler = [](const FakeServer::Request &) {
            return FakeServer::Response{200, R"({"units":[{"id":"unit-derm","name":"Hudmottagningen"}]})"};
        };
        m_host = std::make_unique<ReferralsHost>(context, &m_window);
        connect(m_host.get(), &ReferralsHost::message, this, [this](const QString &text) { m_messages.append(text); });
    }
    void cleanup() { m_host.reset(); }

    void imagesGoFirstThenTheWriteNamingThem()
    {
        const QString imageId = addImage(21);
        QVERIFY(!imageId.isEmpty());
        QCOMPARE(m_sink.writes.size(), 2);
        QCOMPARE(m_sink.writes[0].method, u"PUT"_s);
        QCOMPARE(m_sink.writes[0].path, u"/api/v1/images/"_s + imageId);
        QCOMPARE(m_sink.writes[0].contentType, QByteArray("image/jpeg"));
        QCOMPARE(m_sink.writes[1].path, u"/api/v1/referrals/r1/images"_s);
        const QJsonObject body = RecordingSink::body(m_sink.writes[1]);
        QCOMPARE(body.value(u"version").toInteger(), 3);
        QCOMPARE(body.value(u"images").toArray().at(0).toObject().value(u"id").toString(), imageId);
        QCOMPARE(body.value(u"images").toArray().at(0).toObject().value(u"view").toString(), u"dermoscopy"_s);
        // Progress, then the final word.
        m_host->writeDelivered(m_sink.writes[0].id);
        QVERIFY(m_messages.last().contains(u"1 of 1"_s));
        m_host->writeDelivered(m_sink.writes[1].id);
        QVERIFY(m_messages.last().startsWith(u"Sent"_s));
    }

    void theSameImageIsUploadedOncePerSession()
    {
        const QString first = addImage(22);
        m_sink.writes.clear();
        QCOMPARE(addImage(22), first); // the same bytes: the same id
        QCOMPARE(puts().size(), 0);
        QCOMPARE(m_sink.writes.size(), 1); // only the write naming it
    }

    void aRefusedImageIsSentAgainWhenNamedAgain()
    {
        const QString imageId = addImage(23);
        m_host->writeRejected(m_sink.writes[0].id, Error{ErrorCode::Conflict, u"deleted meanwhile"_s, {}});
        QVERIFY(m_messages.last().contains(u"refused"_s));
        m_sink.writes.clear();
        QCOMPARE(addImage(23), imageId);
        QCOMPARE(puts().size(), 1);
    }

    void aWriteRefusedForAMissingImageIsResentOnceWithItsImages()
    {
        const QString imageId = addImage(24);
        const QString post = m_sink.writes[1].id;
        m_host->writeDelivered(m_sink.writes[0].id);
        m_sink.writes.clear();
        const Error missing{ErrorCode::InvalidInput, u"images[0].id: no image with this id was uploaded by you"_s,
                            QJsonObject{{u"field"_s, u"images[0].id"_s}}};
        m_host->writeRejected(post, missing);
        QCOMPARE(m_sink.writes.size(), 2); // the image again, then the write with a new key
        QCOMPARE(m_sink.writes[0].path, u"/api/v1/images/"_s + imageId);
        QCOMPARE(m_sink.writes[1].path, u"/api/v1/referrals/r1/images"_s);
        QVERIFY(m_sink.writes[1].id != post);
        // Refused again: said, not repeated for ever.
        m_host->writeRejected(m_sink.writes[1].id, missing);
        QCOMPARE(m_sink.writes.size(), 2);
        QVERIFY(m_messages.last().contains(u"did not accept"_s));
    }

    void aWriteNamingAnImageTheServerRefusedIsNotResent()
    {
        addImage(26);
        m_host->writeRejected(m_sink.writes[0].id, Error{ErrorCode::PayloadTooLarge, u"too large"_s, {}});
        m_host->writeRejected(
            m_sink.writes[1].id,
            Error{ErrorCode::InvalidInput, u"images[0].id: unknown"_s, QJsonObject{{u"field"_s, u"images[0].id"_s}}});
        QCOMPARE(m_sink.writes.size(), 2); // the same image would be refused again
        QVERIFY(m_messages.last().contains(u"did not accept"_s));
    }

    void aRefusedReferralOpensAgainWithEverythingTyped()
    {
        m_store.reset({makeItem(u"chat-1"_s, inbox::Priority::Routine, m_clock.nowMs())});
        inbox::InboxItem item = *m_store.item(u"chat-1"_s);
        item.patientId = u"p1"_s;
        m_store.replace(item);
        QTRY_VERIFY(!m_host->units().isEmpty()); // fetched from the server
        auto dialog = m_host->createSendDialog(u"chat-1"_s);
        QVERIFY(dialog);
        auto *unit = dialog->findChild<QComboBox *>(u"referralUnit"_s);
        unit->setCurrentIndex(unit->findData(u"unit-derm"_s));
        dialog->imageList()->addFiles({photo(31), photo(32)});
        QVERIFY(QTest::qWaitFor([&] { return !dialog->imageList()->isProcessing(); }, 20'000));
        dialog->imageList()->setView(0, u"overview"_s);
        dialog->imageList()->setView(1, u"dermoscopy"_s);
        dialog->bodyMap()->setSiteCode(u"77568009"_s);
        dialog->findChild<QPlainTextEdit *>(u"referralQuestion"_s)->setPlainText(u"Växande nevus?"_s);
        dialog->findChild<QCheckBox *>(u"historyItchOrBleeding"_s)->setChecked(true);
        const QJsonObject sentBody = dialog->draft().body;
        QSignalSpy sent(dialog.get(), &referrals::SendReferralDialog::sendRequested);
        dialog->findChild<QPushButton *>(u"sendReferralButton"_s)->click();
        QVERIFY2(sent.size() == 1, qPrintable(dialog->statusText()));
        dialog.reset();
        QCOMPARE(m_sink.writes.size(), 3);
        m_host->writeDelivered(m_sink.writes[0].id);
        m_host->writeDelivered(m_sink.writes[1].id);
        m_host->writeRejected(m_sink.writes[2].id, Error{ErrorCode::NotFound, u"No such patient in your units."_s, {}});
        QVERIFY(m_messages.last().contains(u"Nothing is lost"_s));

        // Shift+R on the patient again: the dialog holds what was typed, the images and the reason.
        auto again = m_host->createSendDialog(u"chat-1"_s);
        QVERIFY(again);
        QCOMPARE(again->draft().body, sentBody);
        QCOMPARE(again->imageList()->images().size(), 2);
        QVERIFY(again->statusText().contains(u"not on the server"_s));
        // Once: the next dialog is empty again.
        QVERIFY(m_host->createSendDialog(u"chat-1"_s)->draft().body.value(u"question").toString().isEmpty());
    }

    void refusedImagesOpenAgainWithTheReply()
    {
        addImage(27);
        m_host->writeDelivered(m_sink.writes[0].id);
        m_host->writeRejected(m_sink.writes[1].id, Error{ErrorCode::Conflict, u"state"_s, {}});
        QVERIFY(m_messages.last().contains(u"Nothing is lost"_s));
        auto again = m_host->createAddImagesDialog(u"r1"_s);
        QCOMPARE(again->imageList()->images().size(), 1);
        QCOMPARE(again->imageList()->images().first().view, u"dermoscopy"_s);
        QCOMPARE(again->findChild<QPlainTextEdit *>(u"infoReply"_s)->toPlainText(),
                 u"Här är en dermatoskopisk bild."_s);
        QVERIFY(again->statusText().contains(u"changed meanwhile"_s));
    }

    void otherRefusalsAreSaidNotRetried()
    {
        addImage(25);
        m_host->writeDelivered(m_sink.writes[0].id);
        m_host->writeRejected(m_sink.writes[1].id, Error{ErrorCode::Conflict, u"state"_s, {}});
        QCOMPARE(m_sink.writes.size(), 2); // said, kept for the dialog, not sent again by itself
        QVERIFY(m_messages.last().contains(u"changed meanwhile"_s));
    }
};

QTEST_MAIN(TestReferralsHost)
#include "tst_referralshost.moc"
