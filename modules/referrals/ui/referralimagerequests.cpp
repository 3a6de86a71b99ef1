#include "referrals/ui/referralimagerequests.h"

namespace nara::referrals {

ReferralImageRequests::ReferralImageRequests()
    : m_images(kFullImagesKiB)
{
}

QString ReferralImageRequests::key(const QString &imageId, bool thumbnail)
{
    return (thumbnail ? u"t:" : u"f:") % imageId;
}

bool ReferralImageRequests::ask(const QString &imageId, bool thumbnail)
{
    if (imageId.isEmpty() || m_failed.contains(imageId))
        return false;
    if (thumbnail ? m_thumbnails.contains(imageId) : m_images.contains(imageId))
        return false;
    const QString asked = key(imageId, thumbnail);
    if (m_asked.contains(asked))
        return false;
    m_asked.insert(asked);
    return true;
}

void ReferralImageRequests::received(const QString &imageId, bool thumbnail, const QImage &image)
{
    if (imageId.isEmpty() || image.isNull())
        return;
    m_asked.remove(key(imageId, thumbnail));
    if (thumbnail) {
        m_thumbnails.insert(imageId, image);
        return;
    }
    m_failed.remove(imageId);
    m_images.insert(imageId, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
}

void ReferralImageRequests::failed(const QString &imageId, const QString &message)
{
    m_asked.remove(key(imageId, true));
    m_asked.remove(key(imageId, false));
    m_failed.insert(imageId, message);
}

void ReferralImageRequests::forgetFailure(const QString &imageId)
{
    m_failed.remove(imageId);
}

void ReferralImageRequests::clear()
{
    m_asked.clear();
    m_thumbnails.clear();
    m_images.clear();
    m_failed.clear();
}

} // namespace nara::referrals
