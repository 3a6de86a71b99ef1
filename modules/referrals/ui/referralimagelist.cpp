#include "referrals/ui/referralimagelist.h"

#include "foundation/core/clock.h"
#include "referrals/core/dermatologycatalog.h"
#include "referrals/core/imagepipeline.h"
#include "referrals/core/imagesharpness.h"
#include "referrals/ui/cameracapturedialog.h"
#include "referrals/ui/qtcamerasource.h"

#include <QBuffer>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QImageWriter>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace nara::referrals {

namespace {

constexpr int kColumns = 3;
constexpr int kThumbnailSide = 128;

enum class Refusal { None, NotAnImage, TooLarge, Damaged, Unreadable };

} // namespace

// What the background work hands back: the processed image, or why it was refused.
struct ImportOutcome
{
    Refusal refusal = Refusal::None;
    ProcessedImage image;
    QImage thumbnail;
    double sharpness = 0;
};

struct ReferralImageList::Entry
{
    quint64 id = 0;
    bool ready = false;
    bool viewChosen = false; // by the sender: not changed by applyDefaultViews()
    DraftImage image;
    QFrame *widget = nullptr;
    QLabel *thumbnail = nullptr;
    QLabel *name = nullptr;
    QComboBox *view = nullptr;
    QLabel *blur = nullptr;
    QToolButton *remove = nullptr;
};

namespace {

using Outcome = ImportOutcome;

// Why the pipeline refused these bytes, in the sender's terms: the pipeline's own messages are for
// the server's log, so the kind is judged here from the error and the bytes' header.
Refusal refusalOf(const Error &error, const QByteArray &bytes, const ImagePipeline &pipeline)
{
    if (error.code == ErrorCode::PayloadTooLarge)
        return Refusal::TooLarge;
    const bool jpeg = bytes.startsWith(QByteArrayLiteral("\xff\xd8\xff"));
    const bool png = bytes.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n"));
    if (!jpeg && !png)
        return Refusal::NotAnImage;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const QSize size = QImageReader(&buffer).size();
    if (size.isValid() && qint64(size.width()) * size.height() > pipeline.maxPixels())
        return Refusal::TooLarge;
    return Refusal::Damaged;
}

Outcome processBytes(const QByteArray &bytes)
{
    const ImagePipeline pipeline;
    Outcome outcome;
    auto processed = pipeline.process(bytes);
    if (!processed) {
        outcome.refusal = refusalOf(processed.error(), bytes, pipeline);
        return outcome;
    }
    outcome.image = std::move(*processed);
    QImage decoded;
    decoded.loadFromData(outcome.image.image, "JPEG");
    outcome.sharpness = imageSharpness(decoded);
    QImage thumbnail;
    thumbnail.loadFromData(outcome.image.thumbnail, "JPEG");
    outcome.thumbnail = thumbnail.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return outcome;
}

Outcome processFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {Refusal::Unreadable, {}, {}, 0};
    // Not a byte more than the pipeline accepts is read: a huge file is refused without loading it.
    if (file.size() > ImagePipeline::kDefaultMaxBytes)
        return {Refusal::TooLarge, {}, {}, 0};
    const QByteArray bytes = file.read(ImagePipeline::kDefaultMaxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return {Refusal::Unreadable, {}, {}, 0};
    return processBytes(bytes);
}

Outcome processCapture(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(95);
    if (!writer.write(image))
        return {Refusal::Damaged, {}, {}, 0};
    return processBytes(bytes);
}

// Images are decoded on a pool of their own, two at a time: a 50-megapixel photo takes 200 MB while
// it is decoded, so six at once on a many-core machine would take more memory than they are worth.
QThreadPool &imagePool()
{
    static QThreadPool pool;
    pool.setMaxThreadCount(2);
    return pool;
}

} // namespace

ReferralImageList::ReferralImageList(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_cameraFactory(QtCameraSource::factory())
{
    setObjectName(QStringLiteral("referralImageList"));
    setAccessibleName(tr("Images"));
    setAcceptDrops(true);

    m_import = new QPushButton(tr("&Import images…"), this);
    m_import->setObjectName(QStringLiteral("importImagesButton"));
    m_import->setAccessibleName(tr("Import images from files"));
    m_camera = new QPushButton(tr("Take &photo…"), this);
    m_camera->setObjectName(QStringLiteral("captureImageButton"));
    m_camera->setAccessibleName(tr("Take a photo with a camera or dermatoscope"));
    connect(m_import, &QPushButton::clicked, this, &ReferralImageList::importFromDialog);
    connect(m_camera, &QPushButton::clicked, this, &ReferralImageList::capture);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addWidget(m_camera);
    buttons->addStretch(1);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("imageListHint"));
    m_hint->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("imageListStatus"));
    m_status->setAccessibleName(tr("Refused images"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_status->hide();
    m_grid = new QGridLayout;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addLayout(m_grid);
    layout->addWidget(m_status);
    layout->addStretch(1);
    updateControls();
}

ReferralImageList::~ReferralImageList() = default;

void ReferralImageList::setMaximum(int maximum)
{
    m_maximum = std::clamp(maximum, 0, kMaxImages);
    updateControls();
}

void ReferralImageList::setCameraSourceFactory(CameraSourceFactory factory)
{
    m_cameraFactory = std::move(factory);
}

int ReferralImageList::count() const
{
    return int(m_entries.size());
}

int ReferralImageList::pendingCount() const
{
    return int(std::ranges::count_if(m_entries, [](const Entry &entry) { return !entry.ready; }));
}

QList<DraftImage> ReferralImageList::images() const
{
    QList<DraftImage> result;
    for (const Entry &entry : m_entries)
        if (entry.ready)
            result.append(entry.image);
    return result;
}

QString ReferralImageList::statusText() const
{
    QStringList lines;
    for (const auto &[order, line] : m_refusals)
        lines.append(line);
    return lines.join(u'\n');
}

QWidget *ReferralImageList::entryWidget(int index) const
{
    return index >= 0 && index < count() ? m_entries[size_t(index)].widget : nullptr;
}

void ReferralImageList::focusImages()
{
    for (const Entry &entry : m_entries) {
        if (entry.view) {
            entry.view->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_import->setFocus(Qt::OtherFocusReason);
}

void ReferralImageList::addFiles(const QStringList &paths)
{
    m_refusals.clear();
    for (const QString &path : paths) {
        const quint64 id = addPending(QFileInfo(path).fileName(), 0);
        if (id == 0)
            continue;
        auto *watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, id] {
            finish(id, watcher->result());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run(&imagePool(), processFile, path));
    }
    relayout();
}

void ReferralImageList::addCapturedImage(const QImage &image, qint64 takenAt, const QString &sourceName)
{
    m_refusals.clear();
    const quint64 id = addPending(sourceName, takenAt);
    if (id != 0) {
        auto *watcher = new QFutureWatcher<Outcome>(this);
        connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, id] {
            finish(id, watcher->result());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run(&imagePool(), processCapture, image));
    }
    relayout();
}

void ReferralImageList::addProcessedImage(const DraftImage &image)
{
    const quint64 id = addPending(image.sourceName, image.takenAt);
    if (id == 0)
        return;
    ImportOutcome outcome;
    outcome.image = image.processed;
    outcome.thumbnail = QImage::fromData(image.processed.thumbnail);
    outcome.sharpness = image.sharpness;
    finish(id, outcome);
    for (int i = 0; i < count(); ++i) {
        if (m_entries[size_t(i)].id == id)
            setView(i, image.view);
    }
    relayout();
}

quint64 ReferralImageList::addPending(const QString &sourceName, qint64 takenAt)
{
    if (count() >= m_maximum) {
        refuse(m_nextId++, tr("%1: not added, at most %n image(s) can be sent.", nullptr, m_maximum).arg(sourceName));
        return 0;
    }
    Entry entry;
    entry.id = m_nextId++;
    entry.image.sourceName = sourceName;
    entry.image.takenAt = takenAt;
    entry.widget = new QFrame(this);
    entry.widget->setObjectName(QStringLiteral("referralImage"));
    entry.widget->setFrameShape(QFrame::StyledPanel);
    entry.thumbnail = new QLabel(tr("Processing…"), entry.widget);
    entry.thumbnail->setObjectName(QStringLiteral("imageThumbnail"));
    entry.thumbnail->setAlignment(Qt::AlignCenter);
    entry.thumbnail->setFixedSize(kThumbnailSide, kThumbnailSide);
    entry.name = new QLabel(sourceName, entry.widget);
    entry.name->setObjectName(QStringLiteral("imageName"));
    entry.name->setTextFormat(Qt::PlainText);
    entry.name->setMaximumWidth(kThumbnailSide + 40);
    entry.remove = new QToolButton(entry.widget);
    entry.remove->setObjectName(QStringLiteral("removeImageButton"));
    entry.remove->setText(tr("Remove"));
    entry.remove->setAccessibleName(tr("Remove %1").arg(sourceName));
    const quint64 id = entry.id;
    connect(entry.remove, &QToolButton::clicked, this, [this, id] {
        for (int i = 0; i < count(); ++i)
            if (m_entries[size_t(i)].id == id)
                removeImage(i);
    });
    auto *layout = new QVBoxLayout(entry.widget);
    layout->addWidget(entry.thumbnail, 0, Qt::AlignHCenter);
    layout->addWidget(entry.name);
    layout->addStretch(1); // what finish() adds goes above: the tiles' contents line up at the top
    m_entries.push_back(std::move(entry));
    return id;
}

void ReferralImageList::finish(quint64 id, const ImportOutcome &outcome)
{
    Entry *entry = entryById(id);
    if (!entry) // removed while it was processed
        return;
    const QString name = entry->image.sourceName;
    QString refusal;
    switch (outcome.refusal) {
    case Refusal::None: break;
    case Refusal::NotAnImage: refusal = tr("%1: not a JPEG or PNG image.").arg(name); break;
    case Refusal::TooLarge:
        refusal = tr("%1: too large (at most %2 MB and %3 megapixels).")
                      .arg(name, QString::number(ImagePipeline::kDefaultMaxBytes / (1024 * 1024)),
                           QString::number(ImagePipeline::kDefaultMaxPixels / 1'000'000));
        break;
    case Refusal::Damaged: refusal = tr("%1: damaged or incomplete, it cannot be opened as an image.").arg(name); break;
    case Refusal::Unreadable: refusal = tr("%1: the file cannot be read.").arg(name); break;
    }
    if (refusal.isEmpty()) {
        // The same picture twice is one image: the copy added first stays, whichever was done first.
        const auto same = std::ranges::find_if(m_entries, [&outcome](const Entry &other) {
            return other.ready && other.image.processed.sha256 == outcome.image.sha256;
        });
        if (same != m_entries.end() && same->id < id) {
            refusal = tr("%1: this image is added already.").arg(name);
        } else if (same != m_entries.end()) {
            refuse(same->id, tr("%1: this image is added already.").arg(same->image.sourceName));
            same->widget->deleteLater();
            m_entries.erase(same);
            entry = entryById(id); // the erase moved it
        }
    }
    if (!refusal.isEmpty()) {
        refuse(id, refusal);
        entry->widget->deleteLater();
        m_entries.erase(m_entries.begin() + (entry - m_entries.data()));
    } else {
        entry->ready = true;
        entry->image.processed = outcome.image;
        entry->image.sharpness = outcome.sharpness;
        entry->image.view = QStringLiteral("close_up");
        entry->thumbnail->setPixmap(QPixmap::fromImage(outcome.thumbnail));
        entry->thumbnail->setAccessibleName(tr("Thumbnail of %1").arg(name));
        entry->view = new QComboBox(entry->widget);
        entry->view->setObjectName(QStringLiteral("imageView"));
        entry->view->setAccessibleName(tr("Kind of image: %1").arg(name));
        for (const QString &code : imageViewCodes())
            entry->view->addItem(imageViewDisplay(code), code);
        entry->view->setCurrentIndex(entry->view->findData(entry->image.view));
        connect(entry->view, &QComboBox::currentIndexChanged, this, [this, id] {
            if (Entry *changed = entryById(id)) {
                changed->viewChosen = true;
                changed->image.view = changed->view->currentData().toString();
                Q_EMIT imagesChanged();
            }
        });
        entry->blur = new QLabel(tr("⚠ Looks blurred"), entry->widget);
        entry->blur->setObjectName(QStringLiteral("imageBlurWarning"));
        entry->blur->setStyleSheet(QStringLiteral("color: #8a5300; font-weight: bold;"));
        entry->blur->setToolTip(tr("The image looks blurred (sharpness %1; below %2 is flagged). Take it again if "
                                   "you can; it may still be sent.")
                                    .arg(qRound(outcome.sharpness))
                                    .arg(qRound(kBlurredBelow)));
        entry->blur->setAccessibleName(entry->blur->toolTip());
        entry->blur->setVisible(entry->image.looksBlurred());
        auto *layout = static_cast<QVBoxLayout *>(entry->widget->layout());
        const int end = layout->count() - 1;
        layout->insertWidget(end, entry->view);
        layout->insertWidget(end + 1, entry->blur);
        layout->insertWidget(end + 2, entry->remove);
        entry->view->show(); // now, not when the layout gets to it: the quality check may focus it
    }
    applyDefaultViews();
    relayout();
    Q_EMIT imagesChanged();
    if (!isProcessing())
        Q_EMIT processingFinished();
}

void ReferralImageList::applyDefaultViews()
{
    bool overview = false;
    for (Entry &entry : m_entries) {
        if (!entry.ready)
            continue;
        if (!entry.viewChosen) {
            entry.image.view = overview ? QStringLiteral("close_up") : QStringLiteral("overview");
            const QSignalBlocker blocker(entry.view);
            entry.view->setCurrentIndex(entry.view->findData(entry.image.view));
        }
        overview = overview || entry.image.view == u"overview";
    }
}

void ReferralImageList::removeImage(int index)
{
    if (index < 0 || index >= count())
        return;
    const auto it = m_entries.begin() + index;
    it->widget->deleteLater();
    const bool wasPending = !it->ready;
    m_entries.erase(it);
    applyDefaultViews();
    relayout();
    Q_EMIT imagesChanged();
    if (wasPending && !isProcessing())
        Q_EMIT processingFinished();
}

void ReferralImageList::setView(int index, const QString &view)
{
    if (index < 0 || index >= count() || !m_entries[size_t(index)].view)
        return;
    QComboBox *combo = m_entries[size_t(index)].view;
    combo->setCurrentIndex(combo->findData(view));
}

void ReferralImageList::refuse(quint64 order, const QString &line)
{
    const auto at = std::ranges::upper_bound(m_refusals, order, {}, &std::pair<quint64, QString>::first);
    m_refusals.insert(at, {order, line});
    m_status->setText(statusText());
    m_status->setVisible(true);
}

void ReferralImageList::relayout()
{
    for (const Entry &entry : m_entries)
        m_grid->removeWidget(entry.widget);
    for (int i = 0; i < count(); ++i) {
        QFrame *widget = m_entries[size_t(i)].widget;
        widget->setProperty("imageIndex", i);
        m_grid->addWidget(widget, i / kColumns, i % kColumns);
        widget->show();
    }
    m_status->setText(statusText());
    m_status->setVisible(!m_refusals.isEmpty());
    updateControls();
}

void ReferralImageList::updateControls()
{
    const bool room = count() < m_maximum;
    m_import->setEnabled(room);
    m_camera->setEnabled(room && m_cameraFactory && !m_captureDialog);
    if (count() == 0)
        m_hint->setText(tr("Import JPEG or PNG pictures, drop them here or take a photo: %n image(s) at most, at "
                           "least one overview and one close-up.",
                           nullptr, m_maximum));
    else
        m_hint->setText(tr("%1 of %n image(s).", nullptr, m_maximum).arg(count()));
}

ReferralImageList::Entry *ReferralImageList::entryById(quint64 id)
{
    const auto it = std::ranges::find(m_entries, id, &Entry::id);
    return it == m_entries.end() ? nullptr : &*it;
}

void ReferralImageList::importFromDialog()
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import images"), pictures,
                                                            tr("Images (*.jpg *.jpeg *.png);;All files (*)"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void ReferralImageList::capture()
{
    if (!m_cameraFactory || m_captureDialog)
        return;
    m_captureDialog = new CameraCaptureDialog(m_cameraFactory(), this);
    m_captureDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_captureDialog, &QDialog::accepted, this, [this, dialog = m_captureDialog] {
        if (dialog)
            addCapturedImage(dialog->capturedImage(), m_clock.nowMs(),
                             dialog->cameraDescription().isEmpty() ? tr("Camera") : dialog->cameraDescription());
    });
    connect(m_captureDialog, &QObject::destroyed, this, &ReferralImageList::updateControls);
    updateControls();
    m_captureDialog->open();
}

void ReferralImageList::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::ranges::any_of(urls, &QUrl::isLocalFile))
        event->acceptProposedAction();
}

void ReferralImageList::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        addFiles(paths);
    }
}

} // namespace nara::referrals
