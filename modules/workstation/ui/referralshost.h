#pragma once

#include "foundation/core/error.h"
#include "referrals/ui/referraldraft.h"
#include "workstation/ui/workstationcontext.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

class QNetworkAccessManager;
class QWidget;

namespace nara::referrals {
class AddImagesDialog;
class ReferralPane;
class SendReferralDialog;
struct ProcessedImage;
struct ReferralItemView;
struct ReferralUnit;
} // namespace nara::referrals

namespace nara::workstation {

class ReferralImageLoader;

// The main window's dermatology referrals (issue 5): the referral pane for items of kind referral,
// kept current from the store's `referral` records, with its images fetched on demand; sending a
// new referral for the shown item's patient (Shift+R) and adding images when the dermatologist asks.
// Images and the referral go through the outbox in order: each image once (PUT by its content hash,
// skipped when this user queued it already in this session), then the referral, so nothing is lost
// offline (a write refused for a missing image is re-sent once with its images); the
// window's status bar hears how far the upload is and the server's final word.
class ReferralsHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralsHost)
public:
    // `window` parents the pane and the dialogs; the context's store, sink and clock outlive this.
    ReferralsHost(const WorkstationContext &context, QWidget *window);
    ~ReferralsHost() override;

    referrals::ReferralPane *pane() const { return m_pane; }
    bool showItem(const QString &itemId);
    referrals::ReferralItemView referralView(const QString &itemId) const;

    // The dermatology units a referral can go to (fetched at start; empty until then or offline).
    const QList<referrals::ReferralUnit> &units() const { return m_units; }
    // The dialog for a new referral about the patient of `currentItemId`; null (and a message) when
    // that item has no patient. sendReferral() runs it.
    std::unique_ptr<referrals::SendReferralDialog> createSendDialog(const QString &currentItemId);
    void sendReferral(const QString &currentItemId);
    std::unique_ptr<referrals::AddImagesDialog> createAddImagesDialog(const QString &referralId);

    // The sync engine's final word on a write: the upload's progress and refusals are said here.
    void writeDelivered(const QString &writeId);
    void writeRejected(const QString &writeId, const nara::Error &error);
    // Why the server refused a referral write, in words for the clinician.
    static QString refusalReason(const nara::Error &error);

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    struct Upload
    {
        int imageNumber = 0; // 1-based; 0: the final write (the referral, or the added images)
        int images = 0;
        QString what; // "the referral" / "the images"
        QString imageId; // for an image's upload
    };
    // What a final write sends, kept until the server has it: when it is refused because an image is
    // missing on the server (refused, or swept after waiting offline for a day), the images go again.
    struct Draft
    {
        QList<referrals::ProcessedImage> images;
        QString path;
        QByteArray body;
        QString what;
        QString itemId;
        bool resent = false;
        std::optional<referrals::ReferralInput> input; // a new referral: what the dialog held
        std::optional<referrals::AddImagesInput> added; // images added to `referralId`
        QString referralId;
    };

    void refreshPane();
    bool concernsShown(const QString &entity, const QStringList &ids) const;
    void fetchUnits();
    void addImages(const QString &referralId);
    // Queues the images this workstation has not queued yet, then the write naming them.
    void queue(const Draft &draft);

    WorkstationContext m_context;
    QWidget *m_window = nullptr;
    referrals::ReferralPane *m_pane = nullptr;
    ReferralImageLoader *m_images = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QList<referrals::ReferralUnit> m_units;
    QString m_shownItemId;
    // Image ids this user has queued in this session and the server has not refused: the server
    // lets a user name only images they uploaded, so another user's copy does not count.
    QSet<QString> m_queuedImages;
    QHash<QString, Upload> m_uploads; // write id → what it is
    QHash<QString, Draft> m_drafts; // final write id → what it sends, until delivered
    QSet<QString> m_refusedImages; // image ids the server refused (they would be refused again)
    // New referrals the server finally refused, by patient: the next dialog for the patient opens
    // with them, and says why.
    QHash<QString, std::pair<referrals::ReferralInput, QString>> m_refusedReferrals;
    // Likewise added images and replies, by referral.
    QHash<QString, std::pair<referrals::AddImagesInput, QString>> m_refusedAdditions;
    QSet<QString> m_paneWrites; // the pane's own writes (answer, request-info, acknowledge)
};

} // namespace nara::workstation
