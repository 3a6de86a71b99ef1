#include "referrals/core/referralinput.h"

#include "referrals/core/imagestore.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace nara::referrals {

namespace {

constexpr qint64 kMaxVersion = 1'000'000'000'000LL;
constexpr qint64 kLatestTime = 4'102'444'800'000LL; // 2100-01-01

std::unexpected<Error> invalid(const QString &path, const QString &why)
{
    return fail(ErrorCode::InvalidInput, path + QStringLiteral(": ") + why, {{QStringLiteral("field"), path}});
}

// Field access with the field's full path in every refusal.
class Fields
{
public:
    Fields(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    {
    }

    QString path(const QString &key) const { return m_prefix + key; }

    Result<void> onlyKnown(const QStringList &known) const
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
            if (!known.contains(it.key()))
                return invalid(path(it.key()), QStringLiteral("unknown field."));
        return {};
    }

    Result<QString> text(const QString &key, qsizetype minLength, qsizetype maxLength) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return invalid(path(key), QStringLiteral("is required."));
        if (!value.isString())
            return invalid(path(key), QStringLiteral("must be a string."));
        const QString result = value.toString();
        if (result.trimmed().size() < minLength)
            return invalid(path(key),
                           minLength == 1 ? QStringLiteral("must not be empty.")
                                          : QStringLiteral("needs at least %1 characters.").arg(minLength));
        if (result.size() > maxLength)
            return invalid(path(key), QStringLiteral("is longer than %1 characters.").arg(maxLength));
        return result;
    }

    Result<bool> flag(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isBool())
            return invalid(path(key), QStringLiteral("must be true or false."));
        return value.toBool();
    }

    Result<std::optional<qint64>> integer(const QString &key, qint64 min, qint64 max) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return std::optional<qint64>{};
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number || number < double(min) || number > double(max))
            return invalid(path(key), QStringLiteral("must be a whole number from %1 to %2.").arg(min).arg(max));
        return std::optional<qint64>{qint64(number)};
    }

    Result<QString> oneOf(const QString &key, const QStringList &allowed) const
    {
        auto value = text(key, 1, 64);
        if (!value)
            return value;
        if (!allowed.contains(*value))
            return invalid(path(key), QStringLiteral("must be one of %1.").arg(allowed.join(QStringLiteral(", "))));
        return value;
    }

    Result<QJsonObject> object(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject())
            return invalid(path(key), QStringLiteral("must be an object."));
        return value.toObject();
    }

    Result<std::optional<qint64>> version() const { return integer(QStringLiteral("version"), 0, kMaxVersion); }

private:
    QJsonObject m_object;
    QString m_prefix;
};

Result<QList<ImageChoice>> imageChoices(const QJsonObject &body)
{
    const QString key = QStringLiteral("images");
    const QJsonValue value = body.value(key);
    if (!value.isArray())
        return invalid(key, QStringLiteral("must be an array of 1 to %1 images.").arg(kMaxImagesSent));
    const QJsonArray array = value.toArray();
    if (array.isEmpty() || array.size() > kMaxImagesSent)
        return invalid(key, QStringLiteral("must hold 1 to %1 images, not %2.").arg(kMaxImagesSent).arg(array.size()));
    QList<ImageChoice> choices;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString prefix = QStringLiteral("images[%1]").arg(i);
        if (!array.at(i).isObject())
            return invalid(prefix, QStringLiteral("must be an object."));
        const Fields image(array.at(i).toObject(), prefix + u'.');
        if (auto known = image.onlyKnown({QStringLiteral("id"), QStringLiteral("view"), QStringLiteral("takenAt")});
            !known)
            return fail(known.error());
        ImageChoice choice;
        auto id = image.text(QStringLiteral("id"), 1, 64);
        if (!id)
            return fail(id.error());
        if (!ImageStore::isValidHash(*id))
            return invalid(image.path(QStringLiteral("id")),
                           QStringLiteral("must be an image id (64 lower-case hex digits, as the upload answered)."));
        if (seen.contains(*id))
            return invalid(image.path(QStringLiteral("id")), QStringLiteral("names the same image twice."));
        seen.insert(*id);
        auto view = image.oneOf(QStringLiteral("view"), imageViewCodes());
        if (!view)
            return fail(view.error());
        auto takenAt = image.integer(QStringLiteral("takenAt"), 0, kLatestTime);
        if (!takenAt)
            return fail(takenAt.error());
        choices.append({*id, *view, takenAt->value_or(0)});
    }
    return choices;
}

Result<ReferralHistory> historyOf(const Fields &body)
{
    auto object = body.object(QStringLiteral("history"));
    if (!object)
        return fail(object.error());
    const Fields history(*object, QStringLiteral("history."));
    if (auto known = history.onlyKnown({QStringLiteral("duration"), QStringLiteral("changedRecently"),
                                        QStringLiteral("itchOrBleeding"), QStringLiteral("earlierSkinCancer")});
        !known)
        return fail(known.error());
    auto duration = history.text(QStringLiteral("duration"), 0, kMaxDurationLength);
    if (!duration)
        return fail(duration.error());
    auto changed = history.flag(QStringLiteral("changedRecently"));
    if (!changed)
        return fail(changed.error());
    auto itch = history.flag(QStringLiteral("itchOrBleeding"));
    if (!itch)
        return fail(itch.error());
    auto earlier = history.flag(QStringLiteral("earlierSkinCancer"));
    if (!earlier)
        return fail(earlier.error());
    return ReferralHistory{duration->trimmed(), *changed, *itch, *earlier};
}

Result<CodedConcept> bodySiteOf(const Fields &body)
{
    auto object = body.object(QStringLiteral("bodySite"));
    if (!object)
        return fail(object.error());
    const Fields site(*object, QStringLiteral("bodySite."));
    // "display" is allowed (the workstation may echo it) but the catalog's is used.
    if (auto known = site.onlyKnown({QStringLiteral("code"), QStringLiteral("display")}); !known)
        return fail(known.error());
    auto code = site.text(QStringLiteral("code"), 1, 128);
    if (!code)
        return fail(code.error());
    const auto known = bodySiteByCode(*code);
    if (!known)
        return invalid(site.path(QStringLiteral("code")), QStringLiteral("not a body site of the bundled body map."));
    return CodedConcept{known->code, known->display};
}

} // namespace

Result<NewReferral> NewReferral::fromJson(const QJsonObject &object)
{
    const Fields body(object);
    if (auto known = body.onlyKnown({QStringLiteral("patientId"), QStringLiteral("toUnitId"),
                                     QStringLiteral("question"), QStringLiteral("history"), QStringLiteral("bodySite"),
                                     QStringLiteral("priority"), QStringLiteral("images")});
        !known)
        return fail(known.error());
    NewReferral referral;
    auto patientId = body.text(QStringLiteral("patientId"), 1, 64);
    if (!patientId)
        return fail(patientId.error());
    auto toUnitId = body.text(QStringLiteral("toUnitId"), 1, 64);
    if (!toUnitId)
        return fail(toUnitId.error());
    auto question = body.text(QStringLiteral("question"), 1, kMaxQuestionLength);
    if (!question)
        return fail(question.error());
    auto history = historyOf(body);
    if (!history)
        return fail(history.error());
    auto site = bodySiteOf(body);
    if (!site)
        return fail(site.error());
    auto priority = body.oneOf(QStringLiteral("priority"), {QStringLiteral("routine"), QStringLiteral("urgent")});
    if (!priority)
        return fail(priority.error());
    auto images = imageChoices(object);
    if (!images)
        return fail(images.error());
    referral.patientId = *patientId;
    referral.toUnitId = *toUnitId;
    referral.question = question->trimmed();
    referral.history = *history;
    referral.bodySite = *site;
    referral.priority = *referralPriorityFromString(*priority);
    referral.images = *images;
    return referral;
}

Result<AnswerInput> AnswerInput::fromJson(const QJsonObject &object)
{
    const Fields body(object);
    if (auto known
        = body.onlyKnown({QStringLiteral("description"), QStringLiteral("diagnosis"), QStringLiteral("management"),
                          QStringLiteral("followUpMonths"), QStringLiteral("version")});
        !known)
        return fail(known.error());
    AnswerInput answer;
    auto description = body.text(QStringLiteral("description"), 1, kMaxDescriptionLength);
    if (!description)
        return fail(description.error());
    auto code = body.text(QStringLiteral("diagnosis"), 1, 16);
    if (!code)
        return fail(code.error());
    const auto diagnosis = diagnosisByCode(*code);
    if (!diagnosis)
        return invalid(QStringLiteral("diagnosis"),
                       QStringLiteral("not an ICD-10 code of the bundled dermatology list (for example C43.9)."));
    auto management = body.oneOf(QStringLiteral("management"), managementCodes());
    if (!management)
        return fail(management.error());
    auto months = body.integer(QStringLiteral("followUpMonths"), kMinFollowUpMonths, kMaxFollowUpMonths);
    if (!months)
        return fail(months.error());
    if (*management == u"follow_up" && !months->has_value())
        return invalid(QStringLiteral("followUpMonths"),
                       QStringLiteral("is required for follow_up (%1 to %2 months).")
                           .arg(kMinFollowUpMonths)
                           .arg(kMaxFollowUpMonths));
    if (*management != u"follow_up" && months->has_value())
        return invalid(QStringLiteral("followUpMonths"), QStringLiteral("is only for the management follow_up."));
    auto version = body.version();
    if (!version)
        return fail(version.error());
    answer.description = description->trimmed();
    answer.diagnosis = *diagnosis;
    answer.management = *management;
    answer.followUpMonths = int(months->value_or(0));
    answer.version = *version;
    return answer;
}

Result<InfoRequestInput> InfoRequestInput::fromJson(const QJsonObject &object)
{
    const Fields body(object);
    if (auto known = body.onlyKnown({QStringLiteral("question"), QStringLiteral("version")}); !known)
        return fail(known.error());
    auto question = body.text(QStringLiteral("question"), 1, kMaxInfoQuestionLength);
    if (!question)
        return fail(question.error());
    auto version = body.version();
    if (!version)
        return fail(version.error());
    return InfoRequestInput{question->trimmed(), *version};
}

Result<AddedImagesInput> AddedImagesInput::fromJson(const QJsonObject &object)
{
    const Fields body(object);
    if (auto known = body.onlyKnown({QStringLiteral("images"), QStringLiteral("reply"), QStringLiteral("version")});
        !known)
        return fail(known.error());
    auto images = imageChoices(object);
    if (!images)
        return fail(images.error());
    auto reply = body.text(QStringLiteral("reply"), 1, kMaxReplyLength);
    if (!reply)
        return fail(reply.error());
    auto version = body.version();
    if (!version)
        return fail(version.error());
    return AddedImagesInput{*images, reply->trimmed(), *version};
}

Result<AcknowledgeInput> AcknowledgeInput::fromJson(const QJsonObject &object)
{
    const Fields body(object);
    if (auto known = body.onlyKnown({QStringLiteral("version")}); !known)
        return fail(known.error());
    auto version = body.version();
    if (!version)
        return fail(version.error());
    return AcknowledgeInput{*version};
}

} // namespace nara::referrals
