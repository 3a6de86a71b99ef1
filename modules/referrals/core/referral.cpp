#include "referrals/core/referral.h"

#include "referrals/core/referralfhir.h"

#include <QJsonArray>

namespace nara::referrals {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QJsonObject coded(const CodedConcept &value)
{
    return {{s("code"), value.code}, {s("display"), value.display}};
}

// Strict reading of the entity: every field toJson() writes must be there with its type.
class Reader
{
public:
    explicit Reader(const QJsonObject &object, QString prefix = {})
        : m_object(object)
        , m_prefix(std::move(prefix))
    {
    }

    QString string(const char *key)
    {
        const QJsonValue value = m_object.value(s(key));
        if (!value.isString())
            miss(key);
        return value.toString();
    }
    // A string that may be missing (a field added later): empty then, but of the wrong type is named.
    QString optionalString(const char *key)
    {
        const QJsonValue value = m_object.value(s(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString())
            miss(key);
        return value.toString();
    }
    qint64 integer(const char *key)
    {
        const QJsonValue value = m_object.value(s(key));
        if (!value.isDouble())
            miss(key);
        return value.toInteger();
    }
    bool flag(const char *key)
    {
        const QJsonValue value = m_object.value(s(key));
        if (!value.isBool())
            miss(key);
        return value.toBool();
    }
    QJsonObject object(const char *key)
    {
        const QJsonValue value = m_object.value(s(key));
        if (!value.isObject())
            miss(key);
        return value.toObject();
    }
    QJsonArray array(const char *key)
    {
        const QJsonValue value = m_object.value(s(key));
        if (!value.isArray())
            miss(key);
        return value.toArray();
    }
    CodedConcept codedConcept(const char *key)
    {
        Reader inner(object(key), m_prefix + s(key) + u'.');
        CodedConcept result{inner.string("code"), inner.string("display")};
        adopt(inner);
        return result;
    }
    QJsonValue raw(const char *key) const { return m_object.value(s(key)); }
    QString path(const char *key) const { return m_prefix + s(key); }

    // The first failure of a nested reader becomes this one's.
    void adopt(const Reader &inner)
    {
        if (m_missing.isEmpty())
            m_missing = inner.m_missing;
    }
    void miss(const char *key)
    {
        if (m_missing.isEmpty())
            m_missing = m_prefix + s(key);
    }
    bool ok() const { return m_missing.isEmpty(); }
    std::unexpected<Error> error() const
    {
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("referral: '%1' is missing or of the wrong type.").arg(m_missing),
                    {{s("field"), m_missing}});
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QString m_missing;
};

} // namespace

QString toString(ReferralState state)
{
    switch (state) {
    case ReferralState::Sent: return s("sent");
    case ReferralState::NeedsInfo: return s("needs_info");
    case ReferralState::Answered: return s("answered");
    case ReferralState::Acknowledged: return s("acknowledged");
    }
    return s("sent");
}

QString toString(ReferralPriority priority)
{
    return priority == ReferralPriority::Urgent ? s("urgent") : s("routine");
}

std::optional<ReferralState> referralStateFromString(QStringView text)
{
    for (ReferralState state :
         {ReferralState::Sent, ReferralState::NeedsInfo, ReferralState::Answered, ReferralState::Acknowledged})
        if (text == toString(state))
            return state;
    return std::nullopt;
}

std::optional<ReferralPriority> referralPriorityFromString(QStringView text)
{
    if (text == u"routine")
        return ReferralPriority::Routine;
    if (text == u"urgent")
        return ReferralPriority::Urgent;
    return std::nullopt;
}

QJsonObject ReferralHistory::toJson() const
{
    return {{s("duration"), duration},
            {s("changedRecently"), changedRecently},
            {s("itchOrBleeding"), itchOrBleeding},
            {s("earlierSkinCancer"), earlierSkinCancer}};
}

QJsonObject ReferralImage::toJson() const
{
    return {{s("id"), id},         {s("view"), view},       {s("width"), width},
            {s("height"), height}, {s("takenAt"), takenAt}, {s("addedAt"), addedAt}};
}

QJsonObject InfoRequest::toJson() const
{
    return {{s("question"), question},
            {s("askedBy"), askedBy},
            {s("askedByName"), askedByName},
            {s("askedAt"), askedAt},
            {s("reply"), reply},
            {s("repliedBy"), repliedBy},
            {s("repliedByName"), repliedByName},
            {s("repliedAt"), repliedAt}};
}

QJsonObject ReferralAnswer::toJson() const
{
    return {{s("description"), description}, {s("diagnosis"), coded(diagnosis)},
            {s("management"), management},   {s("followUpMonths"), followUpMonths},
            {s("answeredBy"), answeredBy},   {s("answeredByName"), answeredByName},
            {s("answeredAt"), answeredAt}};
}

QJsonObject Referral::toJson() const
{
    QJsonArray imageList;
    for (const ReferralImage &image : images)
        imageList.append(image.toJson());
    QJsonArray requests;
    for (const InfoRequest &request : infoRequests)
        requests.append(request.toJson());
    return {
        {s("id"), id},
        {s("version"), version},
        {s("itemId"), itemId},
        {s("senderItemId"), senderItemId},
        {s("patientId"), patientId},
        {s("fromUnitId"), fromUnitId},
        {s("toUnitId"), toUnitId},
        {s("sentBy"), sentBy},
        {s("sentByName"), sentByName},
        {s("sentAt"), sentAt},
        {s("priority"), toString(priority)},
        {s("question"), question},
        {s("history"), history.toJson()},
        {s("bodySite"), coded(bodySite)},
        {s("images"), imageList},
        {s("state"), toString(state)},
        {s("dueAt"), dueAt},
        {s("infoRequests"), requests},
        {s("answer"), answer ? QJsonValue(answer->toJson()) : QJsonValue(QJsonValue::Null)},
        {s("acknowledgedBy"), acknowledgedBy},
        {s("acknowledgedByName"), acknowledgedByName},
        {s("acknowledgedAt"), acknowledgedAt},
        {s("fhir"), referralFhir(*this)},
    };
}

Result<Referral> Referral::fromJson(const QJsonObject &object)
{
    Reader read(object);
    Referral referral;
    referral.id = read.string("id");
    referral.version = read.integer("version");
    referral.itemId = read.string("itemId");
    referral.senderItemId = read.string("senderItemId");
    referral.patientId = read.string("patientId");
    referral.fromUnitId = read.string("fromUnitId");
    referral.toUnitId = read.string("toUnitId");
    referral.sentBy = read.string("sentBy");
    referral.sentByName = read.optionalString("sentByName");
    referral.sentAt = read.integer("sentAt");
    const auto priority = referralPriorityFromString(read.string("priority"));
    if (!priority)
        read.miss("priority");
    referral.priority = priority.value_or(ReferralPriority::Routine);
    referral.question = read.string("question");
    Reader history(read.object("history"), s("history."));
    referral.history = {history.string("duration"), history.flag("changedRecently"), history.flag("itchOrBleeding"),
                        history.flag("earlierSkinCancer")};
    read.adopt(history);
    referral.bodySite = read.codedConcept("bodySite");
    const QJsonArray images = read.array("images");
    for (qsizetype i = 0; i < images.size(); ++i) {
        Reader image(images.at(i).toObject(), QStringLiteral("images[%1].").arg(i));
        referral.images.append({image.string("id"), image.string("view"), int(image.integer("width")),
                                int(image.integer("height")), image.integer("takenAt"), image.integer("addedAt")});
        read.adopt(image);
    }
    const auto state = referralStateFromString(read.string("state"));
    if (!state)
        read.miss("state");
    referral.state = state.value_or(ReferralState::Sent);
    referral.dueAt = read.integer("dueAt");
    const QJsonArray requests = read.array("infoRequests");
    for (qsizetype i = 0; i < requests.size(); ++i) {
        Reader request(requests.at(i).toObject(), QStringLiteral("infoRequests[%1].").arg(i));
        InfoRequest given;
        given.question = request.string("question");
        given.askedBy = request.string("askedBy");
        given.askedByName = request.optionalString("askedByName");
        given.askedAt = request.integer("askedAt");
        given.reply = request.string("reply");
        given.repliedBy = request.string("repliedBy");
        given.repliedByName = request.optionalString("repliedByName");
        given.repliedAt = request.integer("repliedAt");
        referral.infoRequests.append(given);
        read.adopt(request);
    }
    if (!read.raw("answer").isNull()) {
        Reader answer(read.object("answer"), s("answer."));
        ReferralAnswer given;
        given.description = answer.string("description");
        given.diagnosis = answer.codedConcept("diagnosis");
        given.management = answer.string("management");
        given.followUpMonths = int(answer.integer("followUpMonths"));
        given.answeredBy = answer.string("answeredBy");
        given.answeredByName = answer.optionalString("answeredByName");
        given.answeredAt = answer.integer("answeredAt");
        read.adopt(answer);
        referral.answer = given;
    }
    referral.acknowledgedBy = read.string("acknowledgedBy");
    referral.acknowledgedByName = read.optionalString("acknowledgedByName");
    referral.acknowledgedAt = read.integer("acknowledgedAt");
    if (!read.ok())
        return read.error();
    return referral;
}

} // namespace nara::referrals
