// End to end, dermatology referrals (issue 5): a real nara-server with the demo region, erik's
// real workstation composing a referral from image files (the blurred one warns), the images and
// the referral through the outbox and the upload path, omar's real workstation receiving it by
// push, looking at the images fetched from the server and answering, and erik acknowledging.

#include "apifixture.h"
#include "foundation/core/clock.h"
#include "referrals/core/samplephotos.h"
#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralanswerform.h"
#include "referrals/ui/referralimagelist.h"
#include "referrals/ui/referralpane.h"
#include "referrals/ui/sendreferraldialog.h"
#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"
#include "serverdatabase.h"
#include "workstation/ui/detailpanes.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/workstation.h"
#include "workstationlogin.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;

namespace {

// Derm's right upper arm: a site no demo referral uses.
const QString kSite = QStringLiteral("40983000:272741003=24028007");

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

// The referral record of `patientId` at kSite in a workstation's store (empty until synced).
QJsonObject referralOf(const InboxStore &store, const QString &patientId)
{
    for (const QJsonObject &record : store.records(QStringLiteral("referral"), patientId)) {
        if (record.value(u"bodySite").toObject().value(u"code").toString() == kSite)
            return record;
    }
    return {};
}

} // namespace

class TestReferralsE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sendAnswerAcknowledge();
    void cleanupTestCase() { m_server.terminate(); }

private:
    std::unique_ptr<Workstation> open(const QString &username);

    QTemporaryDir m_dir;
    ServerProcess m_server{{QStringLiteral("--demo")}};
    SystemClock m_clock;
};

void TestReferralsE2e::initTestCase()
{
    Dialogs::setNonInteractive(true);
    QVERIFY2(m_server.start(), m_server.output().constData());
}

std::unique_ptr<Workstation> TestReferralsE2e::open(const QString &username)
{
    const LoginSession session = logInThroughDialog(m_server.url(), username);
    if (session.token.isEmpty())
        return nullptr;
    // Polling every ten minutes: what arrives during the test came by push.
    auto station
        = Workstation::open(session, m_clock, {m_dir.filePath(username + QStringLiteral(".sqlite")), 600'000, true});
    if (!station)
        return nullptr;
    (*station)->start();
    (*station)->window().show();
    return std::move(*station);
}

void TestReferralsE2e::sendAnswerAcknowledge()
{
    const QString overviewFile
        = writeFile(m_dir, QStringLiteral("overview.jpg"), referrals::drawSampleLesionPhoto(101, false));
    const QString blurredFile = writeFile(m_dir, QStringLiteral("narbild.jpg"),
                                          referrals::drawSampleLesionPhoto(102, true, /*blurred=*/true));
    QVERIFY(!overviewFile.isEmpty() && !blurredFile.isEmpty());

    // erik, a GP in Falkenberg, opens a patient's chat and composes a referral (Shift+R's dialog).
    auto erik = open(QStringLiteral("erik"));
    QVERIFY(erik);
    QTRY_VERIFY_WITH_TIMEOUT(erik->store().count() > 100, 20000);
    QString itemId;
    QString patientId;
    for (int row = 0; row < erik->store().count() && itemId.isEmpty(); ++row) {
        const auto &item = erik->store().row(row).item;
        if (item.kind == inbox::Kind::Chat && item.state == inbox::State::New && !item.patientId.isEmpty()) {
            itemId = item.id;
            patientId = item.patientId;
        }
    }
    QVERIFY(!itemId.isEmpty());
    MainWindow &window = erik->window();
    QVERIFY(window.openItem(itemId));
    ReferralsHost &host = *window.detailPanes()->referrals();
    QTRY_VERIFY_WITH_TIMEOUT(!host.units().isEmpty(), 10000); // the dermatology clinics, from the server
    auto dialog = host.createSendDialog(itemId);
    QVERIFY(dialog);
    dialog->show();
    QSignalSpy sendRequested(dialog.get(), &referrals::SendReferralDialog::sendRequested);
    dialog->imageList()->addFiles({overviewFile, blurredFile});
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->imageList()->isProcessing(), 20000);
    QCOMPARE(dialog->imageList()->images().size(), 2);
    dialog->imageList()->setView(0, QStringLiteral("overview"));
    dialog->imageList()->setView(1, QStringLiteral("close_up"));
    // The blurred close-up is marked in the list; the sharp overview is not.
    auto blurMark = [&](int index) {
        auto *mark = dialog->imageList()->entryWidget(index)->findChild<QWidget *>(QStringLiteral("imageBlurWarning"));
        return mark && mark->isVisibleTo(dialog.get());
    };
    QVERIFY(!blurMark(0));
    QVERIFY(blurMark(1));
    dialog->bodyMap()->setSiteCode(kSite);
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("referralQuestion"))
        ->setPlainText(QStringLiteral("Nytillkommen pigmenterad förändring. Benign?"));

    // Send: the quality check warns about the blurred image and sends nothing yet.
    auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendReferralButton"));
    auto *sendAnyway = dialog->findChild<QPushButton *>(QStringLiteral("sendAnywayButton"));
    QVERIFY(send && sendAnyway);
    QVERIFY(!sendAnyway->isVisible());
    send->click();
    QCOMPARE(sendRequested.size(), 0);
    QVERIFY(sendAnyway->isVisible());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("blur"), Qt::CaseInsensitive),
             qPrintable(dialog->statusText()));
    sendAnyway->click();
    QCOMPARE(sendRequested.size(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const QList<referrals::ProcessedImage> sent = dialog->draft().images;
    QCOMPARE(sent.size(), 2);

    // The images (once each) and then the referral reach the server through the outbox.
    ServerDatabase db(m_server.dataDir());
    QVERIFY2(db.isOpen(), qPrintable(db.errorText()));
    QTRY_COMPARE_WITH_TIMEOUT(db.count(QStringLiteral("SELECT count(*) FROM referrals WHERE patient_id = ? AND "
                                                      "body_site_code = ?"),
                                       {patientId, kSite}),
                              1, 20000);
    const QString referralId = db.value(QStringLiteral("SELECT id FROM referrals WHERE patient_id = ? AND "
                                                       "body_site_code = ?"),
                                        {patientId, kSite})
                                   .toString();
    for (const referrals::ProcessedImage &image : sent) {
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM uploaded_images WHERE id = ?"), {image.sha256}), 1);
        QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ? AND image_id = ?"),
                          {referralId, image.sha256}),
                 1);
    }
    QCOMPARE(db.value(QStringLiteral("SELECT state FROM referrals WHERE id = ?"), {referralId}).toString(),
             QStringLiteral("sent"));

    // omar, the dermatologist, gets the referral in his pool by push and opens it.
    auto omar = open(QStringLiteral("omar"));
    QVERIFY(omar);
    QTRY_VERIFY_WITH_TIMEOUT(!referralOf(omar->store(), patientId).isEmpty(), 20000);
    const QString dermItemId = referralOf(omar->store(), patientId).value(u"itemId").toString();
    QTRY_VERIFY_WITH_TIMEOUT(omar->store().item(dermItemId) != nullptr, 10000);
    QVERIFY(omar->store().item(dermItemId)->kind == inbox::Kind::Referral);
    QVERIFY(omar->window().openItem(dermItemId));
    referrals::ReferralPane *pane = omar->window().detailPanes()->referrals()->pane();
    QCOMPARE(pane->referralId(), referralId);
    QVERIFY(pane->shownView().canAnswer);
    // The first image, fetched from the server (re-encoded there: as large as sent), in the viewer.
    QTRY_VERIFY_WITH_TIMEOUT(pane->viewer()->canvas()->hasImage(), 20000);
    QCOMPARE(pane->viewer()->canvas()->image().size(), QSize(sent.first().width, sent.first().height));
    QVERIFY(db.count(QStringLiteral("SELECT count(*) FROM audit_log WHERE user_id = 'staff-omar' AND action = 'read' "
                                    "AND patient_id = ? AND object LIKE 'referral_image:%'"),
                     {patientId})
            >= 1); // every view audited

    // He answers: a description, a diagnosis from the list, follow-up in six months.
    referrals::ReferralAnswerForm *form = pane->answerForm();
    form->descriptionEdit()->setPlainText(QStringLiteral("Regelbundet pigmenterat nevus utan atypi."));
    form->setDiagnosis(QStringLiteral("D22.9"));
    form->setManagement(QStringLiteral("follow_up"));
    form->monthsBox()->setValue(6);
    pane->sendAnswer();
    QTRY_COMPARE_WITH_TIMEOUT(
        db.value(QStringLiteral("SELECT state FROM referrals WHERE id = ?"), {referralId}).toString(),
        QStringLiteral("answered"), 20000);

    // erik's inbox gets the answer by push; he tells the patient and acknowledges.
    QTRY_VERIFY_WITH_TIMEOUT(!referralOf(erik->store(), patientId).value(u"senderItemId").toString().isEmpty(), 20000);
    const QString answerItemId = referralOf(erik->store(), patientId).value(u"senderItemId").toString();
    QTRY_VERIFY_WITH_TIMEOUT(erik->store().item(answerItemId) != nullptr, 10000);
    QVERIFY(window.openItem(answerItemId));
    referrals::ReferralPane *senderPane = window.detailPanes()->referrals()->pane();
    QCOMPARE(senderPane->referralId(), referralId);
    QVERIFY(senderPane->shownView().canRespondAsSender);
    QCOMPARE(senderPane->shownView()
                 .referral.value(u"answer")
                 .toObject()
                 .value(u"diagnosis")
                 .toObject()
                 .value(u"code")
                 .toString(),
             QStringLiteral("D22.9"));
    senderPane->acknowledge();
    QTRY_COMPARE_WITH_TIMEOUT(
        db.value(QStringLiteral("SELECT state FROM referrals WHERE id = ?"), {referralId}).toString(),
        QStringLiteral("acknowledged"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(inbox::toString(erik->store().item(answerItemId)->state), QStringLiteral("done"), 20000);
    omar->stop();
    erik->stop();
}

QTEST_MAIN(TestReferralsE2e)
#include "tst_referrals_e2e.moc"
