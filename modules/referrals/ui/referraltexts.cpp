#include "referrals/ui/referraltexts.h"

#include "referrals/core/dermatologycatalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QStringList>

namespace nara::referrals {

namespace {

QString yesNo(const QJsonObject &history, const QString &key)
{
    const QJsonValue value = history.value(key);
    if (!value.isBool())
        return ReferralTexts::tr("not stated");
    return value.toBool() ? ReferralTexts::tr("yes") : ReferralTexts::tr("no");
}

// When the image was taken, else when it reached the referral.
qint64 imageTime(const QJsonObject &image, qint64 fallback)
{
    if (const qint64 taken = image.value(u"takenAt").toInteger(); taken > 0)
        return taken;
    if (const qint64 added = image.value(u"addedAt").toInteger(); added > 0)
        return added;
    return fallback;
}

} // namespace

QString ReferralTexts::priorityText(const QString &priority)
{
    if (priority == u"urgent")
        return tr("Urgent (cancer pathway)");
    if (priority == u"routine")
        return tr("Routine");
    return priority;
}

QString ReferralTexts::stateText(const QString &state)
{
    if (state == u"sent")
        return tr("Awaiting the dermatologist's answer");
    if (state == u"needs_info")
        return tr("More information requested from the sender");
    if (state == u"answered")
        return tr("Answered");
    if (state == u"acknowledged")
        return tr("Answered – the patient has been informed");
    return state;
}

QString ReferralTexts::dueText(qint64 dueAt, bool overdue)
{
    if (dueAt <= 0)
        return {};
    const QString text = tr("Answer due %1").arg(dateTimeText(dueAt));
    return overdue ? tr("%1 – overdue").arg(text) : text;
}

bool ReferralTexts::isOverdue(const QJsonObject &referral, qint64 nowMs)
{
    const qint64 dueAt = referral.value(u"dueAt").toInteger();
    return dueAt > 0 && nowMs > dueAt && referral.value(u"state").toString() == u"sent";
}

QString ReferralTexts::dateText(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), QStringLiteral("d MMM yyyy"));
}

QString ReferralTexts::dateTimeText(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QStringLiteral("d MMM yyyy HH:mm"));
}

QString ReferralTexts::historyText(const QJsonObject &history)
{
    QStringList lines;
    const QString duration = history.value(u"duration").toString().trimmed();
    lines.append(tr("Duration: %1").arg(duration.isEmpty() ? tr("not stated") : duration));
    lines.append(tr("Changed recently: %1").arg(yesNo(history, QStringLiteral("changedRecently"))));
    lines.append(tr("Itch or bleeding: %1").arg(yesNo(history, QStringLiteral("itchOrBleeding"))));
    lines.append(tr("Earlier skin cancer: %1").arg(yesNo(history, QStringLiteral("earlierSkinCancer"))));
    return lines.join(u'\n');
}

QString ReferralTexts::imageCaption(const QJsonObject &image, qint64 sentAt)
{
    QString view = imageViewDisplay(image.value(u"view").toString());
    if (view.isEmpty())
        view = image.value(u"view").toString();
    const qint64 added = image.value(u"addedAt").toInteger();
    if (sentAt > 0 && added > sentAt)
        return tr("%1 · added %2").arg(view, dateText(added));
    if (const qint64 taken = image.value(u"takenAt").toInteger(); taken > 0)
        return tr("%1 · taken %2").arg(view, dateText(taken));
    return view;
}

QString ReferralTexts::compareLabel(const QJsonObject &image, const QJsonObject &referral, bool thisReferral)
{
    const qint64 sentAt = referral.value(u"sentAt").toInteger();
    QString view = imageViewDisplay(image.value(u"view").toString());
    if (view.isEmpty())
        view = image.value(u"view").toString();
    const QString date = dateText(imageTime(image, sentAt));
    return thisReferral ? tr("%1 · %2 · this referral").arg(date, view)
                        : tr("%1 · %2 · referral of %3").arg(date, view, dateText(sentAt));
}

QString ReferralTexts::infoRequestsText(const QJsonObject &referral)
{
    QStringList parts;
    for (const QJsonValue &value : referral.value(u"infoRequests").toArray()) {
        const QJsonObject request = value.toObject();
        const QString askedAt = dateTimeText(request.value(u"askedAt").toInteger());
        const QString askedBy = request.value(u"askedByName").toString();
        const QString question = request.value(u"question").toString();
        parts.append(askedBy.isEmpty() ? tr("Question from the dermatologist (%1):\n%2").arg(askedAt, question)
                                       : tr("Question from %1 (%2):\n%3").arg(askedBy, askedAt, question));
        const QString reply = request.value(u"reply").toString();
        const qint64 repliedAt = request.value(u"repliedAt").toInteger();
        const QString repliedBy = request.value(u"repliedByName").toString();
        if (!reply.isEmpty() || repliedAt > 0)
            parts.append(repliedBy.isEmpty()
                             ? tr("Reply from the sender (%1):\n%2").arg(dateTimeText(repliedAt), reply)
                             : tr("Reply from %1 (%2):\n%3").arg(repliedBy, dateTimeText(repliedAt), reply));
        else
            parts.append(tr("No reply yet."));
    }
    return parts.join(QStringLiteral("\n\n"));
}

QString ReferralTexts::answerText(const QJsonObject &answer, const QString &answeredByName)
{
    if (answer.isEmpty())
        return {};
    QStringList lines;
    const QString at = dateTimeText(answer.value(u"answeredAt").toInteger());
    lines.append(answeredByName.isEmpty() ? tr("Answered %1").arg(at)
                                          : tr("Answered by %1, %2").arg(answeredByName, at));
    lines.append(answer.value(u"description").toString());
    const QJsonObject diagnosis = answer.value(u"diagnosis").toObject();
    const QString code = diagnosis.value(u"code").toString();
    QString display = diagnosis.value(u"display").toString();
    if (display.isEmpty())
        display = diagnosisByCode(code).value_or(CodedConcept{}).display;
    lines.append(tr("Preliminary diagnosis: %1 %2").arg(code, display).trimmed());
    const QString management = answer.value(u"management").toString();
    QString managementText = managementDisplay(management);
    if (managementText.isEmpty())
        managementText = management;
    if (management == u"follow_up")
        managementText = tr("%1, in %n month(s)", nullptr, answer.value(u"followUpMonths").toInt()).arg(managementText);
    lines.append(tr("Management: %1").arg(managementText));
    return lines.join(u'\n');
}

QString ReferralTexts::earlierText(const QList<QJsonObject> &earlier)
{
    QStringList lines;
    for (const QJsonObject &referral : earlier) {
        QString line
            = tr("Referral of %1: %2")
                  .arg(dateText(referral.value(u"sentAt").toInteger()), stateText(referral.value(u"state").toString()));
        const QJsonObject diagnosis = referral.value(u"answer").toObject().value(u"diagnosis").toObject();
        if (!diagnosis.isEmpty())
            line += u" – " % diagnosis.value(u"code").toString() % u' ' % diagnosis.value(u"display").toString();
        lines.append(line.trimmed());
    }
    return lines.join(u'\n');
}

} // namespace nara::referrals
