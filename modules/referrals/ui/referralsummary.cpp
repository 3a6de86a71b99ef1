#include "referrals/ui/referralsummary.h"

#include "foundation/ui/panewidgets.h"
#include "referrals/ui/referraltexts.h"

#include <QLabel>
#include <QVBoxLayout>

namespace nara::referrals {

namespace {

QLabel *textLabel(const QString &name, const QString &accessibleName, QWidget *parent)
{
    return ui::makeTextLabel(parent, name, accessibleName);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return ui::makeSectionHeading(parent, text);
}

} // namespace

ReferralSummary::ReferralSummary(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("referralSummary"));
    m_question = textLabel(QStringLiteral("referralQuestion"), tr("Question"), this);
    m_history = textLabel(QStringLiteral("referralHistory"), tr("History"), this);
    m_infoRequests = textLabel(QStringLiteral("referralInfoRequests"), tr("Requests for more information"), this);
    m_earlier = textLabel(QStringLiteral("referralEarlier"), tr("Earlier referrals of this site"), this);
    m_answer = textLabel(QStringLiteral("referralAnswer"), tr("Answer"), this);
    m_answer->setStyleSheet(QStringLiteral("#referralAnswer { border: 1px solid #2e7d32; padding: 6px; }"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Question"), this));
    layout->addWidget(m_question);
    layout->addWidget(heading(tr("History"), this));
    layout->addWidget(m_history);
    layout->addWidget(m_infoRequests);
    layout->addWidget(m_earlier);
    layout->addWidget(m_answer);
}

ReferralSummary::~ReferralSummary() = default;

void ReferralSummary::setReferral(const QJsonObject &referral, const QList<QJsonObject> &earlierReferrals,
                                  const QString &answeredByName)
{
    const bool known = !referral.isEmpty();
    m_question->setText(referral.value(u"question").toString());
    m_history->setText(known ? ReferralTexts::historyText(referral.value(u"history").toObject()) : QString());
    m_infoRequests->setText(ReferralTexts::infoRequestsText(referral));
    m_infoRequests->setVisible(known && !m_infoRequests->text().isEmpty());
    m_earlier->setText(
        earlierReferrals.isEmpty()
            ? QString()
            : tr("Earlier referrals of this site:\n%1").arg(ReferralTexts::earlierText(earlierReferrals)));
    m_earlier->setVisible(known && !earlierReferrals.isEmpty());

    const QJsonObject answer = referral.value(u"answer").toObject();
    QString answerText = ReferralTexts::answerText(answer, answeredByName);
    if (referral.value(u"state").toString() == u"acknowledged")
        answerText += u'\n'
            % tr("The sender informed the patient %1.")
                  .arg(ReferralTexts::dateTimeText(referral.value(u"acknowledgedAt").toInteger()));
    m_answer->setText(answerText);
    m_answer->setVisible(known && !answer.isEmpty());
}

} // namespace nara::referrals
