#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace nara::workstation {

// Fetches referral images and their thumbnails for the referral pane (GET /api/v1/images/<id> and
// …/thumbnail, each view audited by the server) and keeps the recent ones in memory only: images
// are patient data and the cache file is not the place for them. One request per image at a time;
// the images a user just sent are seeded, so they show before their upload is through.
class ReferralImageLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralImageLoader)
public:
    // An empty server or token: nothing can be fetched (every fetch fails with a message).
    ReferralImageLoader(QUrl server, QString token, QObject *parent = nullptr);
    ~ReferralImageLoader() override;

    // Answers with loaded() or failed(), at once when the image is in memory.
    void fetch(const QString &imageId, bool thumbnail);
    // An image known locally (one this workstation processed for upload): kept as bytes and decoded
    // only when a pane wants it, so sending six photos does not stall the window.
    void seed(const QString &imageId, const QByteArray &jpeg, const QByteArray &thumbnailJpeg);
    int requestsSent() const { return m_requestsSent; }

Q_SIGNALS:
    void loaded(const QString &imageId, bool thumbnail, const QImage &image);
    void failed(const QString &imageId, bool thumbnail, const QString &message);

private:
    static QString keyOf(const QString &imageId, bool thumbnail);
    bool decodeInto(const QString &key, const QByteArray &bytes);

    QUrl m_server;
    QString m_token;
    QNetworkAccessManager *m_network = nullptr;
    QCache<QString, QImage> m_images; // cost in KiB
    QCache<QString, QByteArray> m_seeded; // JPEG bytes known locally, decoded when first wanted; cost in KiB
    QHash<QString, bool> m_inFlight; // key → thumbnail
    int m_requestsSent = 0;
};

} // namespace nara::workstation
