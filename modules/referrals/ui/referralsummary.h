#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;

namespace nara::referrals {

// What a referral says, as the referral pane shows it under its header: the question, the history,
// the requests for more information with their replies, earlier referrals of the same site, and
// the answer once given (with when the patient was informed).
class ReferralSummary final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferralSummary)
public:
    explicit ReferralSummary(QWidget *parent = nullptr);
    ~ReferralSummary() override;

    // An empty record clears it.
    void setReferral(const QJsonObject &referral, const QList<QJsonObject> &earlierReferrals,
                     const QString &answeredByName);

private:
    QLabel *m_question = nullptr;
    QLabel *m_history = nullptr;
    QLabel *m_infoRequests = nullptr;
    QLabel *m_earlier = nullptr;
    QLabel *m_answer = nullptr;
};

} // namespace nara::referrals
