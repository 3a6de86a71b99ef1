#include "workstation/ui/referralimageloader.h"

#include "sync/core/restjobs.h"

#include <QNetworkAccessManager>

namespace nara::workstation {

namespace {

constexpr int kMemoryKiB = 256 * 1024; // a few dozen full images and every thumbnail of a day
constexpr int kSeededKiB = 96 * 1024; // the JPEGs of the last few referrals sent from here
constexpr int kTimeoutMs = 60'000; // a 4096 px image on a slow line

} // namespace

ReferralImageLoader::ReferralImageLoader(QUrl server, QString token, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_token(std::move(token))
    , m_network(new QNetworkAccessManager(this))
    , m_images(kMemoryKiB)
    , m_seeded(kSeededKiB)
{
}

ReferralImageLoader::~ReferralImageLoader() = default;

QString ReferralImageLoader::keyOf(const QString &imageId, bool thumbnail)
{
    return thumbnail ? imageId + QStringLiteral("/thumbnail") : imageId;
}

bool ReferralImageLoader::decodeInto(const QString &key, const QByteArray &bytes)
{
    QImage image;
    if (!image.loadFromData(bytes) || image.isNull())
        return false;
    const int costKiB = qMax<qsizetype>(1, image.sizeInBytes() / 1024);
    return m_images.insert(key, new QImage(std::move(image)), static_cast<int>(qMin<qsizetype>(costKiB, kMemoryKiB)));
}

void ReferralImageLoader::seed(const QString &imageId, const QByteArray &jpeg, const QByteArray &thumbnailJpeg)
{
    const auto keep = [this](const QString &key, const QByteArray &bytes) {
        if (!bytes.isEmpty())
            m_seeded.insert(key, new QByteArray(bytes), int(qMax<qsizetype>(1, bytes.size() / 1024)));
    };
    keep(keyOf(imageId, false), jpeg);
    keep(keyOf(imageId, true), thumbnailJpeg);
}

void ReferralImageLoader::fetch(const QString &imageId, bool thumbnail)
{
    const QString key = keyOf(imageId, thumbnail);
    if (const QImage *image = m_images.object(key)) {
        const QImage copy = *image; // a slot may insert into the cache and evict this one
        Q_EMIT loaded(imageId, thumbnail, copy);
        return;
    }
    if (const QByteArray *bytes = m_seeded.object(key); bytes && decodeInto(key, *bytes)) {
        m_seeded.remove(key);
        const QImage copy = *m_images.object(key);
        Q_EMIT loaded(imageId, thumbnail, copy);
        return;
    }
    if (m_inFlight.contains(key))
        return; // its answer comes
    if (m_server.isEmpty() || m_token.isEmpty()) {
        Q_EMIT failed(imageId, thumbnail, tr("the workstation is not connected to a server."));
        return;
    }
    const QString path = QStringLiteral("/api/v1/images/") + key;
    auto *job = new sync::GetJob(m_network, sync::ApiEndpoint{m_server, m_token, kTimeoutMs}, path, this);
    job->setMaxAttempts(2);
    m_inFlight.insert(key, thumbnail);
    ++m_requestsSent;
    connect(job, &sync::ApiJob::finished, this, [this, job, imageId, thumbnail, key] {
        m_inFlight.remove(key);
        const auto &result = job->result();
        if (!result) {
            const int status = sync::ApiJob::errorStatus(result.error());
            Q_EMIT failed(imageId, thumbnail,
                          status == 0         ? tr("the server cannot be reached.")
                              : status == 404 ? tr("the image is not there or not yours to see.")
                                              : tr("the server answered %1.").arg(status));
            return;
        }
        if (!decodeInto(key, result->raw)) {
            Q_EMIT failed(imageId, thumbnail, tr("the image arrived damaged."));
            return;
        }
        if (const QImage *image = m_images.object(key)) {
            const QImage copy = *image;
            Q_EMIT loaded(imageId, thumbnail, copy);
        }
    });
    job->start();
}

} // namespace nara::workstation
