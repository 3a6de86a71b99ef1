#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QString>

namespace nara::referrals {

// The images of the referral shown, as the pane has asked its host for them: what was asked for
// and not answered yet, the thumbnails and full images received (full images kept up to a total
// size: one dropped is asked for again when it is needed again), and why an image could not be
// fetched (not asked for again until retried).
class ReferralImageRequests final
{
public:
    static constexpr qsizetype kFullImagesKiB = 256 * 1024;

    ReferralImageRequests();

    // Whether to ask for the image now: it is neither held, nor asked for, nor failed. When it
    // is, it counts as asked for from then on.
    bool ask(const QString &imageId, bool thumbnail);
    void received(const QString &imageId, bool thumbnail, const QImage &image);
    // Both kinds: nothing of the image is asked for any more.
    void failed(const QString &imageId, const QString &message);
    void forgetFailure(const QString &imageId);
    void clear();

    const QImage *image(const QString &imageId) const { return m_images.object(imageId); }
    bool hasThumbnail(const QString &imageId) const { return m_thumbnails.contains(imageId); }
    QImage thumbnail(const QString &imageId) const { return m_thumbnails.value(imageId); }
    bool hasFailed(const QString &imageId) const { return m_failed.contains(imageId); }
    QString failure(const QString &imageId) const { return m_failed.value(imageId); }

private:
    static QString key(const QString &imageId, bool thumbnail);

    QSet<QString> m_asked; // "t:" / "f:" + image id
    QHash<QString, QImage> m_thumbnails;
    QCache<QString, QImage> m_images; // cost in KiB
    QHash<QString, QString> m_failed; // image id → why it could not be fetched
};

} // namespace nara::referrals
