#pragma once

#include "referrals/ui/referralcommands.h"
#include "referrals/ui/referralimagerequests.h"

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <functional>

class QAction;
class QDialog;
class QLabel;
class QPushButton;

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::referrals {

class ImageCompareView;
class ReferralAnswerForm;
class ReferralSummary;
class ReferralThumbnailStrip;
class SkinImageViewer;

// What the host hands the pane about one inbox item of kind `referral` (the dermatology pool's
// item, or the sender's item once the referral is answered or more information is requested), all
// from the workstation's cache.
struct ReferralItemView
{
    QString itemId; // empty: nothing to show
    QString itemTitle;
    QString patientId;
    QString patientText; // "Name, YYYYMMDD-NNNN"
    bool itemOpen = true; // for the host's bookkeeping: the referral's state decides what is offered
    QJsonObject referral; // the `referral` record (docs/api/contract.md); empty when not synced yet
    QString sentByName; // the display name of the referral's sentBy
    QString answeredByName; // the display name of answer.answeredBy
    bool canAnswer = false; // the user is a dermatologist of toUnit
    bool canRespondAsSender = false; // the user is staff of fromUnit
    QList<QJsonObject> earlierReferrals; // same patient and bodySite.code, other ids, newest first

    QString referralId() const { return referral.value(u"id").toString(); }
};

// The detail pane of a `referral` inbox item (issue 5): the site, the priority ("Urgent (cancer
// pathway)"), the state and when the answer is due (overdue marked), the question and history,
// requests for more information with their replies, the images as thumbnails and the chosen one in
// a skin image viewer, side by side with earlier images ("Compare"), and the answer once given.
// The dermatologist answers (description, diagnosis, management) or asks for more information;
// the sender adds images when asked (the host opens the dialog) and says the patient has been
// informed. Writes go to the outbox with the record's version; the pane then says "Sending…" and
// offers nothing more until the host shows the changed record (or says the write was refused).
// Images come from the host: imageWanted once per image (and kind) the pane needs, setImage or
// setImageUnavailable in return.
class ReferralPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralPane)
public:
    using DialogRunner = std::function<int(QDialog &)>;

    ReferralPane(sync::WriteSink &sink, const Clock &clock, QWidget *parent = nullptr);
    ~ReferralPane() override;

    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }
    // Shows the item (an empty itemId clears the pane). The same referral shown again (sync) keeps
    // what is typed, the chosen image and the images fetched.
    void showReferral(const ReferralItemView &view);
    const ReferralItemView &shownView() const { return m_view; }
    QString itemId() const { return m_view.itemId; }
    QString referralId() const { return m_view.referralId(); }

    // The host's answers to imageWanted. A null image counts as unavailable.
    void setImage(const QString &imageId, bool thumbnail, const QImage &image);
    void setImageUnavailable(const QString &imageId, const QString &message);
    // The server's word on a write the pane submitted: a refusal (with the reason to show) makes
    // the form usable again; an acceptance keeps "Sending…" until the changed record is shown.
    void writeFinished(const QString &writeId, bool accepted, const QString &message);

    // The pane's keyboard actions (for the shortcut help; live only while the pane is shown).
    QList<QAction *> shortcutActions() const { return m_actions; }

    SkinImageViewer *viewer() const { return m_viewer; }
    ImageCompareView *compareView() const { return m_compare; }
    ReferralAnswerForm *answerForm() const { return m_form; }
    ReferralThumbnailStrip *thumbnails() const { return m_strip; }
    QString currentImageId() const { return m_currentImage; }
    bool isComparing() const;
    QString pendingWriteId() const { return m_pendingWrite; }

    // The flows behind the buttons.
    void sendAnswer();
    void requestInfo();
    void addImages();
    void acknowledge();
    void setComparing(bool on);
    void showImage(const QString &imageId);

Q_SIGNALS:
    void imageWanted(const QString &imageId, bool thumbnail);
    // A write went to the outbox (`writeId`): the server has not answered yet.
    void writeSubmitted(const QString &writeId);
    void addImagesRequested(const QString &referralId);

private:
    QPushButton *addButton(const QString &name, const QString &text, const QKeySequence &key,
                           void (ReferralPane::*slot)());
    void forget();
    void fillTexts();
    void fillImages();
    void updateActions();
    void updateCompare();
    void showInViewer(const QString &imageId, const QImage &image);
    void want(const QString &imageId, bool thumbnail);
    void retry(const QString &imageId);
    void compareWants(const QString &imageId);
    void submitted(const QString &writeId);
    void showProblems();
    bool answerable() const;
    std::optional<qint64> version() const;
    int runDialog(QDialog &dialog);

    ReferralCommands m_commands;
    const Clock &m_clock;
    DialogRunner m_runner;
    ReferralItemView m_view;
    QString m_currentImage; // chosen in the strip
    QString m_viewerImage; // whose full image the viewer shows
    ReferralImageRequests m_requests;
    QString m_pendingWrite;
    qint64 m_pendingVersion = -1;

    QLabel *m_header = nullptr;
    QLabel *m_priority = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_details = nullptr;
    QWidget *m_content = nullptr; // in the scroll area: all but the header and the buttons
    ReferralSummary *m_summary = nullptr;
    ReferralThumbnailStrip *m_strip = nullptr;
    QPushButton *m_compareButton = nullptr;
    QWidget *m_viewerStack = nullptr; // the viewer or, comparing, the side-by-side view
    SkinImageViewer *m_viewer = nullptr;
    ImageCompareView *m_compare = nullptr;
    QWidget *m_formBox = nullptr;
    ReferralAnswerForm *m_form = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_requestInfo = nullptr;
    QPushButton *m_addImages = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QList<QAction *> m_actions;
};

} // namespace nara::referrals
