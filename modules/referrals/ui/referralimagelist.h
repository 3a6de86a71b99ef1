#pragma once

#include "referrals/ui/camerasource.h"
#include "referrals/ui/referraldraft.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace nara {
class Clock;
}

namespace nara::referrals {

class CameraCaptureDialog;
struct ImportOutcome; // what processing one image in the background gave (referralimagelist.cpp)

// The images of a referral as the sender collects them (the compose dialog and the "add images"
// dialog): imported from files (the file dialog, addFiles() or drag and drop) or taken with a
// camera, each through the ImagePipeline off the GUI thread so that a 20 MB photo never freezes the
// window. Every image shows its thumbnail, its kind of view (chosen per image), a warning mark when
// it looks blurred and a remove button. Refused files are named with the reason. At most maximum().
class ReferralImageList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralImageList)
public:
    static constexpr int kMaxImages = 6;

    explicit ReferralImageList(const Clock &clock, QWidget *parent = nullptr);
    ~ReferralImageList() override;

    // How many images the list holds at most (1..kMaxImages; an "add images" dialog may allow fewer).
    void setMaximum(int maximum);
    int maximum() const { return m_maximum; }
    // The camera the "Take photo" button uses (default: Qt Multimedia's).
    void setCameraSourceFactory(CameraSourceFactory factory);

    // Imports files: each is read and processed in the background; refusals are shown by name.
    void addFiles(const QStringList &paths);
    // Adds a picture taken with a camera, processed like a file.
    void addCapturedImage(const QImage &image, qint64 takenAt, const QString &sourceName);
    // Adds an image already through the pipeline (a referral restored after the server refused it),
    // with its view as chosen then.
    void addProcessedImage(const DraftImage &image);
    void removeImage(int index);
    void setView(int index, const QString &view);

    // The processed images, in the order shown (those still being processed are left out).
    QList<DraftImage> images() const;
    int count() const; // processed and pending
    int pendingCount() const;
    bool isProcessing() const { return pendingCount() > 0; }
    // The refusals of the last import, one line per file ("" when none).
    QString statusText() const;
    // The widget showing image `index` (its children: imageThumbnail, imageName, imageView,
    // imageBlurWarning, removeImageButton); nullptr out of range.
    QWidget *entryWidget(int index) const;
    // Focus for the quality check: the first image's view, or the import button when there is none.
    void focusImages();

Q_SIGNALS:
    void imagesChanged(); // added, removed or a view changed
    void processingFinished(); // nothing is being processed any more

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Entry;

    void importFromDialog();
    void capture();
    // Adds a pending entry, or refuses it when the list is full; returns its id (0: refused).
    quint64 addPending(const QString &sourceName, qint64 takenAt);
    void finish(quint64 id, const ImportOutcome &outcome);
    // The first image (in the order shown) is an overview, later ones close-ups, unless chosen.
    void applyDefaultViews();
    // Says why a file was not added; `order` is its place among the files added, so that the lines
    // follow the order of the files whatever order their processing ends in.
    void refuse(quint64 order, const QString &line);
    void relayout();
    void updateControls();
    Entry *entryById(quint64 id);

    const Clock &m_clock;
    CameraSourceFactory m_cameraFactory;
    int m_maximum = kMaxImages;
    quint64 m_nextId = 1;
    std::vector<Entry> m_entries;
    QList<std::pair<quint64, QString>> m_refusals;
    QPushButton *m_import = nullptr;
    QPushButton *m_camera = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_status = nullptr;
    QGridLayout *m_grid = nullptr;
    QPointer<CameraCaptureDialog> m_captureDialog;
};

} // namespace nara::referrals
