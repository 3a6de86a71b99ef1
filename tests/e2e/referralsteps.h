#pragma once

// Steps the dermatology referral end-to-end tests share: a workstation signed in through the login
// dialog, image files drawn in the test, the referral of a patient at the tests' body site, and a
// GP composing a new referral through the workstation's referral host as a person does.

#include "foundation/core/clock.h"
#include "referrals/core/processedimage.h"
#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralimagelist.h"
#include "referrals/ui/sendreferraldialog.h"
#include "serverdatabase.h"
#include "workstation/ui/detailpanes.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/workstation.h"
#include "workstationlogin.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace nara::test {

// Derm's right upper arm: a site no demo referral uses.
inline const QString kReferralSite = QStringLiteral("40983000:272741003=24028007");

// A real workstation of `username`, started and shown, its cache at `cachePath`; null when the
// login failed. Polling every ten minutes: what arrives during a test came by push.
inline std::unique_ptr<workstation::Workstation> openWorkstation(const QUrl &server, const QString &username,
                                                                 const Clock &clock, const QString &cachePath)
{
    const workstation::LoginSession session = logInThroughDialog(server, username);
    if (session.token.isEmpty())
        return nullptr;
    auto station = workstation::Workstation::open(session, clock, {cachePath, 600'000, true});
    if (!station)
        return nullptr;
    (*station)->start();
    (*station)->window().show();
    return std::move(*station);
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

// The referral record of `patientId` at kReferralSite in a workstation's store (empty until synced).
inline QJsonObject referralOf(const workstation::InboxStore &store, const QString &patientId)
{
    for (const QJsonObject &record : store.records(QStringLiteral("referral"), patientId)) {
        if (record.value(u"bodySite").toObject().value(u"code").toString() == kReferralSite)
            return record;
    }
    return {};
}

// New chat items of `count` different patients none of whom has a referral at kReferralSite on
// the server yet; fewer when the store has fewer.
inline QStringList chatItemsOfFreshPatients(const workstation::InboxStore &store, const ServerDatabase &db, int count)
{
    QStringList itemIds;
    QSet<QString> patients;
    for (int row = 0; row < store.count() && itemIds.size() < count; ++row) {
        const inbox::InboxItem &item = store.row(row).item;
        if (item.kind != inbox::Kind::Chat || item.state != inbox::State::New || item.patientId.isEmpty()
            || patients.contains(item.patientId))
            continue;
        if (db.count(QStringLiteral("SELECT count(*) FROM referrals WHERE patient_id = ? AND body_site_code = ?"),
                     {item.patientId, kReferralSite})
            != 0)
            continue;
        patients.insert(item.patientId);
        itemIds.append(item.id);
    }
    return itemIds;
}

// The GP opens `itemId` and sends its patient a referral at kReferralSite through the host's
// dialog (Shift+R's): the first file an overview, the others close-ups, a question, Send (and
// "Send anyway" should an image look blurred). `sent` receives the processed images handed to the
// host. Check QTest::currentTestFailed() after it.
inline void sendReferralThroughDialog(workstation::MainWindow &window, const QString &itemId, const QStringList &files,
                                      QList<referrals::ProcessedImage> &sent)
{
    QVERIFY(window.openItem(itemId));
    workstation::ReferralsHost &host = *window.detailPanes()->referrals();
    QTRY_VERIFY_WITH_TIMEOUT(!host.units().isEmpty(), 10000); // the dermatology clinics, from the server
    auto dialog = host.createSendDialog(itemId);
    QVERIFY(dialog);
    dialog->show();
    QSignalSpy sendRequested(dialog.get(), &referrals::SendReferralDialog::sendRequested);
    dialog->imageList()->addFiles(files);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->imageList()->isProcessing(), 20000);
    QCOMPARE(dialog->imageList()->images().size(), files.size());
    for (int i = 0; i < files.size(); ++i)
        dialog->imageList()->setView(i, i == 0 ? QStringLiteral("overview") : QStringLiteral("close_up"));
    dialog->bodyMap()->setSiteCode(kReferralSite);
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("referralQuestion"))
        ->setPlainText(QStringLiteral("Pigmenterad förändring som vuxit. Benign?"));
    auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendReferralButton"));
    auto *sendAnyway = dialog->findChild<QPushButton *>(QStringLiteral("sendAnywayButton"));
    QVERIFY(send && sendAnyway);
    send->click();
    if (sendRequested.isEmpty() && sendAnyway->isVisible())
        sendAnyway->click();
    QVERIFY2(sendRequested.size() == 1, qPrintable(dialog->statusText()));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    sent = dialog->draft().images;
    QCOMPARE(sent.size(), files.size());
}

} // namespace nara::test
