// Composing a dermatology referral on the workstation (issue 5), with real widgets offscreen and
// image files the test writes: import through the pipeline off the GUI thread, refusals named by
// file, the blur warning, EXIF orientation, at most six images; the quality check before sending
// (overview and close-up, body site, question) with the focus on the first problem, "Send anyway"
// for blurred images, the draft body exactly as the contract has it, a refusal that keeps the
// input; and the smaller dialog that adds images after a request for more information.

#include "fakeclock.h"
#include "referrals/core/imagestore.h"
#include "referrals/ui/addimagesdialog.h"
#include "referrals/ui/bodymapwidget.h"
#include "referrals/ui/referralimagelist.h"
#include "referrals/ui/sendreferraldialog.h"
#include "referraltestimages.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;
using namespace nara::referrals;
using namespace Qt::StringLiterals;

namespace {

const QString kCheek = u"60819002:272741003=24028007"_s; // right cheek
const ReferralPatient kPatient{u"patient-1"_s, u"Tolvan Tolvansson"_s, u"19121212-1212"_s};
const QList<ReferralUnit> kUnits{{u"unit-derm"_s, u"Hudmottagningen Växjö"_s},
                                 {u"unit-derm-2"_s, u"Hudmottagningen Ljungby"_s}};

template<typename T> T *child(QWidget &parent, const QString &name)
{
    auto *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no widget %s", qPrintable(name));
    return widget;
}

QString nameOf(const ReferralImageList &list, int index)
{
    return list.entryWidget(index)->findChild<QLabel *>(u"imageName"_s)->text();
}

bool blurMarkShown(const ReferralImageList &list, int index)
{
    auto *mark = list.entryWidget(index)->findChild<QLabel *>(u"imageBlurWarning"_s);
    return mark && mark->isVisibleTo(list.entryWidget(index));
}

// Imports and waits until everything is processed (the pipeline runs on the thread pool).
bool importAll(ReferralImageList &list, const QStringList &paths)
{
    QSignalSpy finished(&list, &ReferralImageList::processingFinished);
    list.addFiles(paths);
    return !list.isProcessing() || finished.wait(30'000);
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

class TestReferralDialog : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock{1'764'000'000'000};
    QTemporaryDir m_dir;
    std::unique_ptr<test::ReferralTestFiles> m_files;

    // A dialog filled in except for what a test leaves out.
    void fillIn(SendReferralDialog &dialog, bool unit = true, bool question = true, bool site = true)
    {
        if (unit)
            child<QComboBox>(dialog, u"referralUnit"_s)->setCurrentIndex(1);
        if (question)
            child<QPlainTextEdit>(dialog, u"referralQuestion"_s)->setPlainText(u"  Malignt melanom?  "_s);
        if (site)
            dialog.bodyMap()->setSiteCode(kCheek);
    }

private Q_SLOTS:
    void initTestCase();
    void importsThroughThePipeline();
    void refusalsNameTheFile();
    void atMostSixAndNoDuplicates();
    void removingAnImage();
    void droppedFilesAreImported();
    void qualityCheckNamesEveryProblem();
    void qualityCheckNeedsOverviewAndCloseUp();
    void blurredImagesNeedSendAnyway();
    void draftBodyIsTheContractsBody();
    void refusalKeepsTheInput();
    void addImagesDialog();
    void addImagesDialogWhenTheReferralIsFull();
};

void TestReferralDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_files = std::make_unique<test::ReferralTestFiles>(m_dir.path());
}

void TestReferralDialog::importsThroughThePipeline()
{
    ReferralImageList list(m_clock);
    QSignalSpy changed(&list, &ReferralImageList::imagesChanged);
    list.addFiles({m_files->sharp, m_files->blurred, m_files->text, m_files->rotated});
    QCOMPARE(list.count(), 4); // shown at once, processed in the background
    QVERIFY(list.isProcessing());
    QTRY_VERIFY_WITH_TIMEOUT(!list.isProcessing(), 30'000);
    QVERIFY(changed.count() >= 1);

    QCOMPARE(list.count(), 3);
    QCOMPARE(nameOf(list, 0), fileName(m_files->sharp));
    QCOMPARE(nameOf(list, 1), fileName(m_files->blurred));
    QCOMPARE(nameOf(list, 2), fileName(m_files->rotated));
    QCOMPARE(list.statusText(), u"notes.jpg: not a JPEG or PNG image."_s);
    QVERIFY(child<QLabel>(list, u"imageListStatus"_s)->isVisibleTo(&list));

    const QList<DraftImage> images = list.images();
    QCOMPARE(images.size(), 3);
    for (const DraftImage &image : images) {
        QCOMPARE(image.processed.sha256, ImageStore::hashOf(image.processed.image));
        QVERIFY(!image.processed.thumbnail.isEmpty());
        QCOMPARE(image.takenAt, 0); // unknown for a file
    }
    // The first is the overview, later ones close-ups, until the sender chooses.
    QCOMPARE(images[0].view, u"overview"_s);
    QCOMPARE(images[1].view, u"close_up"_s);
    QCOMPARE(images[2].view, u"close_up"_s);
    QCOMPARE(list.entryWidget(0)->findChild<QComboBox *>(u"imageView"_s)->currentData().toString(), u"overview"_s);
    QVERIFY(list.entryWidget(0)->findChild<QLabel *>(u"imageThumbnail"_s)->pixmap().width() > 0);

    // The blur warning is shown for the blurred photo only.
    QVERIFY(!images[0].looksBlurred());
    QVERIFY(images[1].looksBlurred());
    QVERIFY(!blurMarkShown(list, 0));
    QVERIFY(blurMarkShown(list, 1));
    QVERIFY(!blurMarkShown(list, 2));

    // EXIF orientation 6: stored 800 × 600, upright 600 × 800.
    QCOMPARE(images[2].processed.width, 600);
    QCOMPARE(images[2].processed.height, 800);
}

void TestReferralDialog::refusalsNameTheFile()
{
    const QString tooLarge = test::writeFile(m_dir.path(), u"huge.jpg"_s, QByteArray(20 * 1024 * 1024 + 1, 'x'));
    const QString missing = m_dir.filePath(u"gone.png"_s);
    ReferralImageList list(m_clock);
    QVERIFY(importAll(list, {m_files->truncated, tooLarge, missing, m_files->text}));
    QCOMPARE(list.count(), 0);
    QCOMPARE(list.statusText(),
             u"cut-off.jpg: damaged or incomplete, it cannot be opened as an image.\n"
             u"huge.jpg: too large (at most 20 MB and 50 megapixels).\n"
             u"gone.png: the file cannot be read.\n"
             u"notes.jpg: not a JPEG or PNG image."_s);
    // A new import starts a new list of refusals.
    QVERIFY(importAll(list, {m_files->sharp}));
    QCOMPARE(list.statusText(), QString());
    QVERIFY(!child<QLabel>(list, u"imageListStatus"_s)->isVisibleTo(&list));
    QCOMPARE(list.count(), 1);
}

void TestReferralDialog::atMostSixAndNoDuplicates()
{
    QStringList paths;
    for (int i = 0; i < 7; ++i)
        paths.append(test::writeFile(m_dir.path(), u"lesion-%1.jpg"_s.arg(i),
                                     test::jpegBytes(test::skinPattern(320, 240, 100 + i))));
    ReferralImageList list(m_clock);
    QVERIFY(importAll(list, paths));
    QCOMPARE(list.count(), 6);
    QCOMPARE(list.statusText(), u"lesion-6.jpg: not added, at most 6 image(s) can be sent."_s);
    QVERIFY(!child<QPushButton>(list, u"importImagesButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(list, u"captureImageButton"_s)->isEnabled());

    // The same picture twice is one image.
    list.removeImage(5);
    QVERIFY(child<QPushButton>(list, u"importImagesButton"_s)->isEnabled());
    const QString copy = test::writeFile(m_dir.path(), u"copy-of-0.jpg"_s, [&] {
        QFile file(paths[0]);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }());
    QVERIFY(importAll(list, {copy}));
    QCOMPARE(list.count(), 5);
    QCOMPARE(list.statusText(), u"copy-of-0.jpg: this image is added already."_s);

    // Both copies in one import: the one added first stays, whichever is processed first.
    for (int round = 0; round < 3; ++round) {
        ReferralImageList twice(m_clock);
        QVERIFY(importAll(twice, {paths[1], copy, paths[0]}));
        QCOMPARE(twice.count(), 2);
        QCOMPARE(nameOf(twice, 0), u"lesion-1.jpg"_s);
        QCOMPARE(nameOf(twice, 1), u"copy-of-0.jpg"_s);
        QCOMPARE(twice.statusText(), u"lesion-0.jpg: this image is added already."_s);
    }

    // A smaller limit (an "add images" dialog).
    ReferralImageList few(m_clock);
    few.setMaximum(2);
    QVERIFY(importAll(few, paths.mid(0, 3)));
    QCOMPARE(few.count(), 2);
    QCOMPARE(few.statusText(), u"lesion-2.jpg: not added, at most 2 image(s) can be sent."_s);
}

void TestReferralDialog::removingAnImage()
{
    ReferralImageList list(m_clock);
    QVERIFY(importAll(list, {m_files->sharp, m_files->rotated}));
    QSignalSpy changed(&list, &ReferralImageList::imagesChanged);
    QTest::mouseClick(list.entryWidget(0)->findChild<QAbstractButton *>(u"removeImageButton"_s), Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(list.count(), 1);
    QCOMPARE(nameOf(list, 0), fileName(m_files->rotated));
    QCOMPARE(list.images()[0].view, u"overview"_s); // the remaining one becomes the overview

    // A view the sender chose stays.
    QVERIFY(importAll(list, {m_files->sharp}));
    list.setView(1, u"dermoscopy"_s);
    list.removeImage(0);
    QCOMPARE(list.images()[0].view, u"dermoscopy"_s);
}

void TestReferralDialog::droppedFilesAreImported()
{
    ReferralImageList list(m_clock);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_files->sharp), QUrl(u"https://example.org/lesion.jpg"_s)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(&list, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy finished(&list, &ReferralImageList::processingFinished);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(&list, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(finished.wait(30'000));
    QCOMPARE(list.count(), 1); // the local file only
    QCOMPARE(nameOf(list, 0), fileName(m_files->sharp));

    // Nothing local: refused at the door.
    QMimeData remote;
    remote.setUrls({QUrl(u"https://example.org/lesion.jpg"_s)});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &remote, Qt::LeftButton, {});
    refused.setAccepted(false);
    QApplication::sendEvent(&list, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestReferralDialog::qualityCheckNamesEveryProblem()
{
    SendReferralDialog dialog(kPatient, kUnits, m_clock);
    QSignalSpy send(&dialog, &SendReferralDialog::sendRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(child<QLabel>(dialog, u"referralPatient"_s)->text(), u"Tolvan Tolvansson, 19121212-1212"_s);
    QCOMPARE(child<QComboBox>(dialog, u"referralUnit"_s)->count(), 3); // "choose" and two units

    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 0);
    QCOMPARE(dialog.statusText(),
             u"Choose the dermatology unit to send to.\n"
             u"Write the clinical question.\n"
             u"Choose the body site, on the map or in the list.\n"
             u"Add at least one image."_s);
    QCOMPARE(dialog.focusWidget(), child<QComboBox>(dialog, u"referralUnit"_s));

    fillIn(dialog, true, true, false);
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.statusText(), u"Choose the body site, on the map or in the list.\nAdd at least one image."_s);
    QCOMPARE(dialog.focusWidget(), child<QComboBox>(dialog, u"bodySiteCombo"_s));

    // The body site chosen on the map; an image still missing.
    BodyMapWidget *map = dialog.bodyMap();
    const auto point = map->pointOf(kCheek);
    QVERIFY(point);
    QTest::mouseClick(map->canvas(), Qt::LeftButton, {}, *point);
    QCOMPARE(map->siteCode(), kCheek);
    QCOMPARE(dialog.statusText(), u"Add at least one image."_s); // said again as the input changes
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.focusWidget(), child<QPushButton>(dialog, u"importImagesButton"_s));
    QCOMPARE(send.count(), 0);

    // An empty question after all: only white space.
    child<QPlainTextEdit>(dialog, u"referralQuestion"_s)->setPlainText(u" \n "_s);
    QVERIFY(importAll(*dialog.imageList(), {m_files->sharp, m_files->rotated}));
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.statusText(), u"Write the clinical question."_s);
    QCOMPARE(dialog.focusWidget(), child<QPlainTextEdit>(dialog, u"referralQuestion"_s));
    QCOMPARE(send.count(), 0);
}

void TestReferralDialog::qualityCheckNeedsOverviewAndCloseUp()
{
    SendReferralDialog dialog(kPatient, kUnits, m_clock);
    QSignalSpy send(&dialog, &SendReferralDialog::sendRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillIn(dialog);
    ReferralImageList *list = dialog.imageList();
    QVERIFY(importAll(*list, {m_files->sharp, m_files->rotated}));

    list->setView(1, u"overview"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 0);
    QCOMPARE(dialog.statusText(), u"Mark at least one image as a close-up or dermoscopy."_s);
    QCOMPARE(dialog.focusWidget(), list->entryWidget(0)->findChild<QComboBox *>(u"imageView"_s));

    list->setView(0, u"dermoscopy"_s);
    QCOMPARE(dialog.statusText(), QString()); // said while it applies: dermoscopy and overview will do
    list->setView(1, u"close_up"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 0);
    QCOMPARE(dialog.statusText(), u"Mark at least one image as an overview."_s);

    // Overview and dermoscopy are enough.
    list->setView(1, u"overview"_s);
    QCOMPARE(dialog.statusText(), QString());
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 1);
    QVERIFY(dialog.isSending());
    QVERIFY(!child<QPushButton>(dialog, u"sendReferralButton"_s)->isEnabled());
}

void TestReferralDialog::blurredImagesNeedSendAnyway()
{
    SendReferralDialog dialog(kPatient, kUnits, m_clock);
    QSignalSpy send(&dialog, &SendReferralDialog::sendRequested);
    fillIn(dialog);
    QVERIFY(importAll(*dialog.imageList(), {m_files->sharp, m_files->blurred}));
    auto *anyway = child<QPushButton>(dialog, u"sendAnywayButton"_s);
    QVERIFY(!anyway->isVisibleTo(&dialog));

    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 0);
    QCOMPARE(dialog.statusText(),
             u"1 image(s) look blurred: the dermatologist may not be able to judge them. "
             u"Take them again, or send anyway."_s);
    QVERIFY(anyway->isVisibleTo(&dialog));

    // A change withdraws the confirmation: it was given for the images as they were.
    dialog.imageList()->setView(1, u"dermoscopy"_s);
    QVERIFY(!anyway->isVisibleTo(&dialog));
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QVERIFY(anyway->isVisibleTo(&dialog));
    QTest::mouseClick(anyway, Qt::LeftButton);
    QCOMPARE(send.count(), 1);
    QCOMPARE(dialog.draft().images.size(), 2);
    QCOMPARE(dialog.statusText(), u"Sending…"_s);
}

void TestReferralDialog::draftBodyIsTheContractsBody()
{
    SendReferralDialog dialog(kPatient, kUnits, m_clock);
    QSignalSpy send(&dialog, &SendReferralDialog::sendRequested);
    fillIn(dialog);
    child<QLineEdit>(dialog, u"historyDuration"_s)->setText(u" 3 månader "_s);
    child<QCheckBox>(dialog, u"historyChangedRecently"_s)->setChecked(true);
    child<QCheckBox>(dialog, u"historyEarlierSkinCancer"_s)->setChecked(true);
    child<QRadioButton>(dialog, u"priorityUrgent"_s)->setChecked(true);
    QVERIFY(importAll(*dialog.imageList(), {m_files->sharp, m_files->rotated}));
    dialog.imageList()->setView(1, u"dermoscopy"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 1);

    const ReferralDraft draft = dialog.draft();
    QCOMPARE(draft.images.size(), 2);
    const QList<DraftImage> images = dialog.imageList()->images();
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(draft.images[i].image, images[i].processed.image);
        QCOMPARE(draft.images[i].sha256, ImageStore::hashOf(draft.images[i].image));
    }
    const QJsonObject expected{
        {u"patientId"_s, u"patient-1"_s},
        {u"toUnitId"_s, u"unit-derm"_s},
        {u"question"_s, u"Malignt melanom?"_s},
        {u"history"_s,
         QJsonObject{{u"duration"_s, u"3 månader"_s},
                     {u"changedRecently"_s, true},
                     {u"itchOrBleeding"_s, false},
                     {u"earlierSkinCancer"_s, true}}},
        {u"bodySite"_s, QJsonObject{{u"code"_s, kCheek}}},
        {u"priority"_s, u"urgent"_s},
        {u"images"_s,
         QJsonArray{QJsonObject{{u"id"_s, draft.images[0].sha256}, {u"view"_s, u"overview"_s}, {u"takenAt"_s, 0}},
                    QJsonObject{{u"id"_s, draft.images[1].sha256}, {u"view"_s, u"dermoscopy"_s}, {u"takenAt"_s, 0}}}},
    };
    QCOMPARE(draft.body, expected);

    // Routine is the default priority.
    SendReferralDialog routine(kPatient, {kUnits[0]}, m_clock);
    QCOMPARE(child<QComboBox>(routine, u"referralUnit"_s)->count(), 1); // one unit: chosen already
    QCOMPARE(routine.draft().body.value(u"priority"_s).toString(), u"routine"_s);
    QCOMPARE(routine.draft().body.value(u"toUnitId"_s).toString(), u"unit-derm"_s);
}

void TestReferralDialog::refusalKeepsTheInput()
{
    SendReferralDialog dialog(kPatient, kUnits, m_clock);
    QSignalSpy send(&dialog, &SendReferralDialog::sendRequested);
    fillIn(dialog);
    QVERIFY(importAll(*dialog.imageList(), {m_files->sharp, m_files->rotated}));
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 1);
    const QJsonObject body = dialog.draft().body;

    dialog.showRefusal(u"the patient does not belong to your care centre"_s);
    QCOMPARE(dialog.statusText(), u"The referral was not sent: the patient does not belong to your care centre"_s);
    QVERIFY(!dialog.isSending());
    QVERIFY(child<QPushButton>(dialog, u"sendReferralButton"_s)->isEnabled());
    QCOMPARE(dialog.draft().body, body);
    QCOMPARE(dialog.imageList()->count(), 2);
    QTest::mouseClick(child<QPushButton>(dialog, u"sendReferralButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 2);
}

void TestReferralDialog::addImagesDialog()
{
    AddImagesDialog dialog(8, u"Finns fler lesioner?"_s, m_clock);
    QSignalSpy send(&dialog, &AddImagesDialog::sendRequested);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(child<QLabel>(dialog, u"infoQuestion"_s)->text(), u"The dermatologist asks: Finns fler lesioner?"_s);
    QCOMPARE(dialog.imageList()->maximum(), 4); // 12 in all

    QTest::mouseClick(child<QPushButton>(dialog, u"sendImagesButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 0);
    QCOMPARE(dialog.statusText(), u"Add at least one image.\nWrite your reply to the dermatologist's question."_s);
    QCOMPARE(dialog.focusWidget(), child<QPushButton>(dialog, u"importImagesButton"_s));

    QVERIFY(importAll(*dialog.imageList(), {m_files->rotated}));
    QTest::mouseClick(child<QPushButton>(dialog, u"sendImagesButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.statusText(), u"Write your reply to the dermatologist's question."_s);
    QCOMPARE(dialog.focusWidget(), child<QPlainTextEdit>(dialog, u"infoReply"_s));

    child<QPlainTextEdit>(dialog, u"infoReply"_s)->setPlainText(u"Nej, bara denna. "_s);
    QVERIFY(importAll(*dialog.imageList(), {m_files->blurred}));
    QTest::mouseClick(child<QPushButton>(dialog, u"sendImagesButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 0); // the blurred one needs "Send anyway"
    QTest::mouseClick(child<QPushButton>(dialog, u"sendAnywayButton"_s), Qt::LeftButton);
    QCOMPARE(send.count(), 1);

    const AddImagesDraft draft = dialog.draft();
    QCOMPARE(draft.images.size(), 2);
    const QJsonObject expected{
        {u"images"_s,
         QJsonArray{QJsonObject{{u"id"_s, draft.images[0].sha256}, {u"view"_s, u"overview"_s}, {u"takenAt"_s, 0}},
                    QJsonObject{{u"id"_s, draft.images[1].sha256}, {u"view"_s, u"close_up"_s}, {u"takenAt"_s, 0}}}},
        {u"reply"_s, u"Nej, bara denna."_s},
    };
    QCOMPARE(draft.body, expected);

    dialog.showRefusal(u"the referral was answered meanwhile"_s);
    QCOMPARE(dialog.statusText(), u"The images were not sent: the referral was answered meanwhile"_s);
    QCOMPARE(dialog.draft().body, expected);
}

void TestReferralDialog::addImagesDialogWhenTheReferralIsFull()
{
    AddImagesDialog dialog(12, QString(), m_clock);
    QCOMPARE(dialog.imageList()->maximum(), 0);
    QVERIFY(!child<QPushButton>(dialog, u"sendImagesButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, u"importImagesButton"_s)->isEnabled());
    QCOMPARE(dialog.statusText(), u"The referral has 12 images already; no more can be added."_s);
}

QTEST_MAIN(TestReferralDialog)
#include "tst_referraldialog.moc"
