// End to end, dermatology referrals (issue 5): a real nara-server with the demo region, erik's
// real workstation composing a referral from image files (the blurred one warns), the images and
// the referral through the outbox and the upload path, omar's real workstation receiving it by
// push, looking at the images fetched from the server and answering, and erik acknowledging; and
// the detour: omar asks for more through his pane, erik adds a dermoscopy image, omar answers.

#include "apifixture.h"
#include "foundation/core/clock.h"
#include "referrals/core/samplephotos.h"
#include "referrals/ui/addimagesdialog.h"
#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralanswerform.h"
#include "referrals/ui/referralimagelist.h"
#include "referrals/ui/referralpane.h"
#include "referrals/ui/requestinfodialog.h"
#include "referrals/ui/sendreferraldialog.h"
#include "referrals/ui/skinimagecanvas.h"
#include "referrals/ui/skinimageviewer.h"
#include "referralsteps.h"
#include "serverdatabase.h"
#include "workstation/ui/detailpanes.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/referralshost.h"
#include "workstation/ui/workstation.h"
#include "workstationlogin.h"

#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace nara;
using namespace nara::test;
using namespace nara::workstation;

class TestReferralsE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sendAnswerAcknowledge();
    void askForMoreThenGpAddsImages();
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
    // A cache of its own in every test: each starts as a workstation freshly signed in.
    return openWorkstation(
        m_server.url(), username, m_clock,
        m_dir.filePath(username % u'-' % QLatin1StringView(QTest::currentTestFunction()) % u".sqlite"));
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
    dialog->bodyMap()->setSiteCode(kReferralSite);
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
                                       {patientId, kReferralSite}),
                              1, 20000);
    const QString referralId = db.value(QStringLiteral("SELECT id FROM referrals WHERE patient_id = ? AND "
                                                       "body_site_code = ?"),
                                        {patientId, kReferralSite})
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

void TestReferralsE2e::askForMoreThenGpAddsImages()
{
    const QString overviewFile
        = writeFile(m_dir, QStringLiteral("fraga-oversikt.jpg"), referrals::drawSampleLesionPhoto(301, false));
    const QString closeUpFile
        = writeFile(m_dir, QStringLiteral("fraga-narbild.jpg"), referrals::drawSampleLesionPhoto(302, true));
    const QString dermoscopyFile
        = writeFile(m_dir, QStringLiteral("dermatoskopi.jpg"), referrals::drawSampleLesionPhoto(303, true));
    QVERIFY(!overviewFile.isEmpty() && !closeUpFile.isEmpty() && !dermoscopyFile.isEmpty());
    ServerDatabase db(m_server.dataDir());
    QVERIFY2(db.isOpen(), qPrintable(db.errorText()));
    const QString stateOf = QStringLiteral("SELECT state FROM referrals WHERE id = ?");
    const QString imagesOf = QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ?");

    // erik sends a referral with an overview and a close-up for a patient who has none yet.
    auto erik = open(QStringLiteral("erik"));
    QVERIFY(erik);
    QTRY_VERIFY_WITH_TIMEOUT(erik->store().count() > 100, 20000);
    const QStringList itemIds = chatItemsOfFreshPatients(erik->store(), db, 1);
    QCOMPARE(itemIds.size(), 1);
    const QString patientId = erik->store().item(itemIds.first())->patientId;
    MainWindow &window = erik->window();
    QList<referrals::ProcessedImage> sent;
    sendReferralThroughDialog(window, itemIds.first(), {overviewFile, closeUpFile}, sent);
    if (QTest::currentTestFailed())
        return;
    const QString idOf = QStringLiteral("SELECT id FROM referrals WHERE patient_id = ? AND body_site_code = ?");
    QTRY_VERIFY_WITH_TIMEOUT(!db.value(idOf, {patientId, kReferralSite}).toString().isEmpty(), 20000);
    const QString referralId = db.value(idOf, {patientId, kReferralSite}).toString();
    QCOMPARE(db.count(imagesOf, {referralId}), 2);

    // omar opens it and asks for a dermoscopy image through the pane's button. Dialogs::run shows
    // the dialog modally, as at the desk (no answer queued): it is filled in and accepted once up.
    auto omar = open(QStringLiteral("omar"));
    QVERIFY(omar);
    QTRY_VERIFY_WITH_TIMEOUT(!referralOf(omar->store(), patientId).isEmpty(), 20000);
    const QString dermItemId = referralOf(omar->store(), patientId).value(u"itemId").toString();
    QTRY_VERIFY_WITH_TIMEOUT(omar->store().item(dermItemId) != nullptr, 10000);
    QVERIFY(omar->window().openItem(dermItemId));
    referrals::ReferralPane *pane = omar->window().detailPanes()->referrals()->pane();
    QCOMPARE(pane->referralId(), referralId);
    auto *requestButton = pane->findChild<QPushButton *>(QStringLiteral("referralRequestInfoButton"));
    QVERIFY(requestButton && requestButton->isEnabled());
    const QString question = QStringLiteral("Ta en dermatoskopibild av förändringen.");
    bool dialogShown = false;
    QTimer::singleShot(0, pane, [pane, &question, &dialogShown] {
        auto *dialog = pane->findChild<referrals::RequestInfoDialog *>();
        if (!dialog)
            return;
        dialogShown = dialog->isVisible();
        dialog->setQuestion(question);
        dialog->accept();
    });
    Dialogs::setNonInteractive(false);
    requestButton->click();
    Dialogs::setNonInteractive(true);
    QVERIFY(dialogShown);
    QTRY_COMPARE_WITH_TIMEOUT(db.value(stateOf, {referralId}).toString(), QStringLiteral("needs_info"), 20000);

    // erik gets the "Komplettering" item by push, opens it and adds a dermoscopy image with a reply.
    QTRY_COMPARE_WITH_TIMEOUT(referralOf(erik->store(), patientId).value(u"state").toString(),
                              QStringLiteral("needs_info"), 20000);
    const QString senderItemId = referralOf(erik->store(), patientId).value(u"senderItemId").toString();
    QTRY_VERIFY_WITH_TIMEOUT(erik->store().item(senderItemId) != nullptr, 10000);
    QVERIFY2(erik->store().item(senderItemId)->title.startsWith(u"Komplettering"),
             qPrintable(erik->store().item(senderItemId)->title));
    QVERIFY(window.openItem(senderItemId));
    ReferralsHost &host = *window.detailPanes()->referrals();
    QCOMPARE(host.pane()->referralId(), referralId);
    QVERIFY(host.pane()->findChild<QPushButton *>(QStringLiteral("referralAddImagesButton"))->isEnabled());
    auto dialog = host.createAddImagesDialog(referralId);
    QVERIFY(dialog);
    dialog->show();
    auto *asked = dialog->findChild<QLabel *>(QStringLiteral("infoQuestion"));
    QVERIFY(asked && asked->text().contains(question));
    dialog->imageList()->addFiles({dermoscopyFile});
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->imageList()->isProcessing(), 20000);
    QCOMPARE(dialog->imageList()->images().size(), 1);
    dialog->imageList()->setView(0, QStringLiteral("dermoscopy"));
    const QString reply = QStringLiteral("Dermatoskopibild bifogad.");
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("infoReply"))->setPlainText(reply);
    QSignalSpy sendRequested(dialog.get(), &referrals::AddImagesDialog::sendRequested);
    dialog->findChild<QPushButton *>(QStringLiteral("sendImagesButton"))->click();
    if (sendRequested.isEmpty())
        dialog->findChild<QPushButton *>(QStringLiteral("sendAnywayButton"))->click();
    QVERIFY2(sendRequested.size() == 1, qPrintable(dialog->statusText()));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const QList<referrals::ProcessedImage> added = dialog->draft().images;
    QCOMPARE(added.size(), 1);

    // Back with the dermatologist: sent again, three images, the reply with the question.
    QTRY_COMPARE_WITH_TIMEOUT(db.value(stateOf, {referralId}).toString(), QStringLiteral("sent"), 20000);
    QCOMPARE(db.count(imagesOf, {referralId}), 3);
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM referral_images WHERE referral_id = ? AND image_id = ?"),
                      {referralId, added.first().sha256}),
             1);
    QCOMPARE(db.count(QStringLiteral("SELECT count(*) FROM uploaded_images WHERE id = ?"), {added.first().sha256}), 1);
    QTRY_COMPARE_WITH_TIMEOUT(referralOf(omar->store(), patientId).value(u"images").toArray().size(), 3, 20000);
    const QJsonObject back = referralOf(omar->store(), patientId);
    QCOMPARE(back.value(u"state").toString(), QStringLiteral("sent"));
    QCOMPARE(back.value(u"infoRequests").toArray().last().toObject().value(u"reply").toString(), reply);
    QCOMPARE(back.value(u"images").toArray().last().toObject().value(u"view").toString(), QStringLiteral("dermoscopy"));

    // omar answers; the referral is answered.
    QVERIFY(omar->window().openItem(dermItemId));
    pane = omar->window().detailPanes()->referrals()->pane();
    QCOMPARE(pane->referralId(), referralId);
    QVERIFY(pane->shownView().canAnswer);
    QCOMPARE(pane->shownView().referral.value(u"images").toArray().size(), 3);
    referrals::ReferralAnswerForm *form = pane->answerForm();
    form->descriptionEdit()->setPlainText(
        QStringLiteral("Dermatoskopiskt regelbundet nätmönster, inga atypiska drag."));
    form->setDiagnosis(QStringLiteral("D22.9"));
    form->setManagement(QStringLiteral("none"));
    pane->sendAnswer();
    QTRY_COMPARE_WITH_TIMEOUT(db.value(stateOf, {referralId}).toString(), QStringLiteral("answered"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(referralOf(erik->store(), patientId).value(u"state").toString(),
                              QStringLiteral("answered"), 20000);
    omar->stop();
    erik->stop();
}

QTEST_MAIN(TestReferralsE2e)
#include "tst_referrals_e2e.moc"
