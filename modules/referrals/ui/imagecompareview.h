#pragma once

#include <QImage>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace nara::referrals {

class SkinImageViewer;

// An image the compare view can put beside the current one; `label` says when it was taken and
// what it is ("3 mar 2025 · Närbild · remiss 3 mar 2025").
struct CompareChoice
{
    QString imageId;
    QString label;
};

// Two skin image viewers side by side: on the left the image being looked at, on the right one
// chosen from earlier images (of the same referral or earlier ones of the same patient and site).
// "Lock zoom" (on by default) makes zooming and panning either one do the same to the other,
// relative to each image's size. Images come from the owner: imageWanted when the right one needs
// an image it has not been given, setImage / setImageUnavailable in return.
class ImageCompareView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCompareView)
public:
    explicit ImageCompareView(QWidget *parent = nullptr);
    ~ImageCompareView() override;

    SkinImageViewer *leftViewer() const { return m_left; }
    SkinImageViewer *rightViewer() const { return m_right; }
    QComboBox *choiceBox() const { return m_choices; }

    // The left side; `image` may be null (still being fetched).
    void setCurrent(const QString &imageId, const QString &label, const QImage &image);
    // The right side's choices, first chosen unless the chosen one is among them still.
    void setChoices(const QList<CompareChoice> &choices);
    QString currentImageId() const { return m_currentId; }
    QString chosenImageId() const;
    void choose(const QString &imageId);

    void setImage(const QString &imageId, const QImage &image);
    void setImageUnavailable(const QString &imageId, const QString &reason);
    // Fetching `imageId` again: the side showing it (without an image) says so.
    void setImageLoading(const QString &imageId);

    bool isLocked() const;
    void setLocked(bool locked);

Q_SIGNALS:
    void imageWanted(const QString &imageId);
    void retryRequested(const QString &imageId);

private:
    void chosen();
    void place(SkinImageViewer *side, SkinImageViewer *other, const QImage &image);
    void follow(SkinImageViewer *from, SkinImageViewer *to);

    QString m_currentId;
    QLabel *m_leftLabel = nullptr;
    QLabel *m_rightLabel = nullptr;
    QComboBox *m_choices = nullptr;
    QCheckBox *m_lock = nullptr;
    SkinImageViewer *m_left = nullptr;
    SkinImageViewer *m_right = nullptr;
    bool m_following = false;
};

} // namespace nara::referrals
