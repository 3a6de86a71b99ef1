#pragma once

#include <QImage>
#include <QListWidget>

namespace nara::referrals {

// The images of a referral as a row of thumbnails with what each one shows ("Översiktsbild · taken
// 3 Mar 2025"). A thumbnail not fetched yet is grey; one that could not be fetched says so.
class ReferralThumbnailStrip final : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralThumbnailStrip)
public:
    static constexpr int kThumbnailSize = 96;

    struct Entry
    {
        QString imageId;
        QString caption;
    };

    explicit ReferralThumbnailStrip(QWidget *parent = nullptr);
    ~ReferralThumbnailStrip() override;

    // The entries in order; the image chosen stays chosen while it is among them, else the first is.
    void setEntries(const QList<Entry> &entries);
    void setThumbnail(const QString &imageId, const QImage &thumbnail);
    void setThumbnailUnavailable(const QString &imageId);

    QString currentImageId() const;
    void selectImage(const QString &imageId);
    QListWidgetItem *itemFor(const QString &imageId) const;

Q_SIGNALS:
    void currentImageChanged(const QString &imageId);

private:
    QIcon placeholder(bool failed) const;
};

} // namespace nara::referrals
