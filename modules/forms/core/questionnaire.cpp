#include "forms/core/questionnaire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace nara::forms {

namespace {

constexpr qsizetype kMaxItems = 500;
constexpr qsizetype kMaxTextLength = 2000;

std::unexpected<Error> invalid(const QString &where, const QString &what)
{
    return fail(ErrorCode::InvalidInput, where.isEmpty() ? what : where + u": " + what);
}

struct ItemTypeName
{
    ItemType type;
    const char16_t *name;
};
constexpr ItemTypeName kTypes[]
    = {{ItemType::Group, u"group"},   {ItemType::Display, u"display"}, {ItemType::Boolean, u"boolean"},
       {ItemType::Choice, u"choice"}, {ItemType::Integer, u"integer"}, {ItemType::Decimal, u"decimal"},
       {ItemType::String, u"string"}};

struct OperatorName
{
    EnableOperator op;
    const char16_t *name;
};
constexpr OperatorName kOperators[]
    = {{EnableOperator::Exists, u"exists"}, {EnableOperator::Equal, u"="}, {EnableOperator::NotEqual, u"!="},
       {EnableOperator::Greater, u">"},     {EnableOperator::Less, u"<"},  {EnableOperator::GreaterOrEqual, u">="},
       {EnableOperator::LessOrEqual, u"<="}};

// The extensions of an element with the given url.
QList<QJsonObject> extensions(const QJsonObject &element, QStringView url)
{
    QList<QJsonObject> found;
    for (const QJsonValue &value : element.value(u"extension").toArray())
        if (value.toObject().value(u"url").toString() == url)
            found.append(value.toObject());
    return found;
}

Result<QStringList> awaitingVerification(const QJsonObject &element, const QString &where)
{
    QStringList languages;
    for (const QJsonObject &extension : extensions(element, kAwaitingVerificationUrl)) {
        const QString language = extension.value(u"valueCode").toString();
        if (language != u"sv" && language != u"en")
            return invalid(where, QStringLiteral("awaiting-verification needs valueCode sv or en"));
        languages.append(language);
    }
    return languages;
}

// `key` (Swedish) and `_key` (its translation extensions) of `element`. Both languages are
// required unless the element lists the missing one as awaiting verification.
Result<LocalizedText> localizedText(const QJsonObject &element, const QString &key, const QString &where,
                                    const QStringList &awaiting)
{
    LocalizedText text;
    text.awaitingVerification = awaiting;
    const QJsonValue plain = element.value(key);
    if (!plain.isUndefined() && !plain.isString())
        return invalid(where, key + u" must be a string");
    text.sv = plain.toString().trimmed();
    const QJsonValue primitive = element.value(u'_' + key);
    if (!primitive.isUndefined() && !primitive.isObject())
        return invalid(where, u'_' + key + u" must be an object");
    for (const QJsonObject &translation : extensions(primitive.toObject(), kTranslationUrl)) {
        QString language;
        QString content;
        for (const QJsonValue &part : translation.value(u"extension").toArray()) {
            const QJsonObject object = part.toObject();
            if (object.value(u"url").toString() == u"lang")
                language = object.value(u"valueCode").toString();
            else if (object.value(u"url").toString() == u"content")
                content = object.value(u"valueString").toString().trimmed();
        }
        if (content.isEmpty())
            return invalid(where, u"translation of " + key + u" without content");
        if (language == u"en")
            text.en = content;
        else if (language == u"sv")
            text.sv = content;
        else
            return invalid(where, u"translation of " + key + u" in unsupported language '" + language + u'\'');
    }
    if (text.sv.size() > kMaxTextLength || text.en.size() > kMaxTextLength)
        return invalid(where, key + u" is too long");
    if (text.sv.isEmpty() && !awaiting.contains(u"sv"_s))
        return invalid(where, u"Swedish " + key + u" is missing");
    if (text.en.isEmpty() && !awaiting.contains(u"en"_s))
        return invalid(where, u"English " + key + u" (translation extension, lang en) is missing");
    return text;
}

Result<std::optional<double>> boundExtension(const QJsonObject &element, QStringView url, ItemType type,
                                             const QString &where)
{
    const QList<QJsonObject> found = extensions(element, url);
    if (found.isEmpty())
        return std::optional<double>{};
    if (found.size() > 1)
        return invalid(where, QStringLiteral("more than one min/maxValue extension"));
    const QString name = url == QStringView(kMinValueUrl) ? u"minValue"_s : u"maxValue"_s;
    if (type != ItemType::Integer && type != ItemType::Decimal)
        return invalid(where, name + u" is only for integer and decimal items");
    const QString key = type == ItemType::Integer ? u"valueInteger"_s : u"valueDecimal"_s;
    const QJsonValue value = found.first().value(key);
    if (!value.isDouble() || (type == ItemType::Integer && value.toDouble() != std::floor(value.toDouble())))
        return invalid(where, name + u" needs " + key);
    return std::optional<double>{value.toDouble()};
}

Result<AnswerOption> answerOption(const QJsonObject &json, const QString &where)
{
    const QJsonObject coding = json.value(u"valueCoding").toObject();
    AnswerOption option;
    option.code = coding.value(u"code").toString().trimmed();
    if (option.code.isEmpty())
        return invalid(where, QStringLiteral("answerOption needs valueCoding with a code"));
    const auto awaiting = awaitingVerification(json, where);
    if (!awaiting)
        return fail(awaiting.error());
    auto display = localizedText(coding, u"display"_s, where + u" option " + option.code, *awaiting);
    if (!display)
        return fail(display.error());
    option.display = *display;
    const QList<QJsonObject> ordinals = extensions(json, kOrdinalValueUrl);
    if (ordinals.size() > 1)
        return invalid(where, u"option " + option.code + u" has more than one ordinalValue");
    if (!ordinals.isEmpty()) {
        const QJsonValue value = ordinals.first().value(u"valueDecimal");
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 1000)
            return invalid(where, u"option " + option.code + u": ordinalValue must be a whole valueDecimal");
        option.ordinal = static_cast<int>(number);
    }
    return option;
}

Result<AnswerValue> enableWhenAnswer(const QJsonObject &json, const QuestionnaireItem &question, EnableOperator op,
                                     const QString &where)
{
    QStringList keys;
    for (auto it = json.begin(); it != json.end(); ++it)
        if (it.key().startsWith(u"answer"))
            keys.append(it.key());
    if (keys.size() != 1)
        return invalid(where, QStringLiteral("enableWhen needs exactly one answer[x]"));
    const QString key = keys.first();
    const QJsonValue value = json.value(key);
    if (op == EnableOperator::Exists) {
        if (key != u"answerBoolean" || !value.isBool())
            return invalid(where, QStringLiteral("enableWhen 'exists' needs answerBoolean"));
        return AnswerValue{value.toBool()};
    }
    const bool ordered = op != EnableOperator::Equal && op != EnableOperator::NotEqual;
    switch (question.type) {
    case ItemType::Boolean:
        if (key == u"answerBoolean" && value.isBool() && !ordered)
            return AnswerValue{value.toBool()};
        break;
    case ItemType::Choice:
        if (key == u"answerCoding" && !ordered) {
            const QString code = value.toObject().value(u"code").toString();
            if (!question.option(code))
                return invalid(where, u"enableWhen code '" + code + u"' is not an option of " + question.linkId);
            return AnswerValue{Coding{code}};
        }
        break;
    case ItemType::Integer:
        if (key == u"answerInteger" && value.isDouble() && value.toDouble() == std::floor(value.toDouble()))
            return AnswerValue{static_cast<qint64>(value.toDouble())};
        break;
    case ItemType::Decimal:
        if (key == u"answerDecimal" && value.isDouble())
            return AnswerValue{value.toDouble()};
        break;
    case ItemType::String:
        if (key == u"answerString" && value.isString() && !ordered)
            return AnswerValue{value.toString()};
        break;
    case ItemType::Group:
    case ItemType::Display: break;
    }
    return invalid(where,
                   u"enableWhen on " + question.linkId + u" (" + toString(question.type) + u") cannot use " + key
                       + u" with this operator");
}

class Loader
{
public:
    // Remembers every linkId in the document first, so that an enableWhen naming a later item is
    // told apart from one naming no item at all.
    void collectLinkIds(const QJsonValue &items)
    {
        for (const QJsonValue &item : items.toArray()) {
            m_all.insert(item.toObject().value(u"linkId").toString().trimmed());
            collectLinkIds(item.toObject().value(u"item"));
        }
    }

    Result<std::vector<QuestionnaireItem>> items(const QJsonValue &json, const QString &where)
    {
        if (!json.isArray())
            return invalid(where, QStringLiteral("item must be an array"));
        std::vector<QuestionnaireItem> result;
        const QJsonArray array = json.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto parsed = item(array.at(i), where + u"item[" + QString::number(i) + u']');
            if (!parsed)
                return fail(parsed.error());
            result.push_back(std::move(*parsed));
        }
        return result;
    }

private:
    Result<QuestionnaireItem> item(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject())
            return invalid(path, QStringLiteral("must be an object"));
        const QJsonObject json = value.toObject();
        QuestionnaireItem item;
        item.linkId = json.value(u"linkId").toString().trimmed();
        if (item.linkId.isEmpty() || item.linkId.size() > 255)
            return invalid(path, QStringLiteral("linkId is missing"));
        const QString where = path + u" (" + item.linkId + u')';
        if (m_seen.contains(item.linkId))
            return invalid(where, QStringLiteral("duplicate linkId"));
        if (m_seen.size() >= kMaxItems)
            return invalid(where, QStringLiteral("too many items"));
        m_seen.insert(item.linkId);

        const QString type = json.value(u"type").toString();
        const auto known = std::find_if(std::begin(kTypes), std::end(kTypes),
                                        [&](const ItemTypeName &t) { return type == QStringView(t.name); });
        if (known == std::end(kTypes))
            return invalid(where, u"unknown or unsupported type '" + type + u'\'');
        item.type = known->type;

        const auto awaiting = awaitingVerification(json, where);
        if (!awaiting)
            return fail(awaiting.error());
        auto text = localizedText(json, u"text"_s, where, *awaiting);
        if (!text)
            return fail(text.error());
        item.text = *text;

        const QJsonValue required = json.value(u"required");
        if (!required.isUndefined() && !required.isBool())
            return invalid(where, QStringLiteral("required must be a boolean"));
        item.required = required.toBool();
        if (item.required && !item.takesAnswers())
            return invalid(where, u"a " + type + u" item cannot be required");
        if (json.value(u"repeats").toBool())
            return invalid(where, QStringLiteral("repeating items are not supported"));

        auto minValue = boundExtension(json, kMinValueUrl, item.type, where);
        if (!minValue)
            return fail(minValue.error());
        auto maxValue = boundExtension(json, kMaxValueUrl, item.type, where);
        if (!maxValue)
            return fail(maxValue.error());
        item.minValue = *minValue;
        item.maxValue = *maxValue;
        if (item.minValue && item.maxValue && *item.minValue > *item.maxValue)
            return invalid(where, QStringLiteral("minValue is above maxValue"));
        if (json.contains(u"maxLength")) {
            const double maxLength = json.value(u"maxLength").toDouble(-1);
            if (item.type != ItemType::String || maxLength < 1 || maxLength != std::floor(maxLength))
                return invalid(where, QStringLiteral("maxLength must be a positive integer on a string item"));
            item.maxLength = static_cast<int>(std::min(maxLength, 1.0e6));
        }

        const QJsonArray options = json.value(u"answerOption").toArray();
        if (item.type == ItemType::Choice && options.isEmpty())
            return invalid(where, QStringLiteral("choice item without answerOption"));
        if (item.type != ItemType::Choice && json.contains(u"answerOption"))
            return invalid(where, QStringLiteral("answerOption on an item that is not a choice"));
        QSet<QString> codes;
        for (const QJsonValue &option : options) {
            auto parsed = answerOption(option.toObject(), where);
            if (!parsed)
                return fail(parsed.error());
            if (codes.contains(parsed->code))
                return invalid(where, u"duplicate option code '" + parsed->code + u'\'');
            codes.insert(parsed->code);
            item.answerOptions.push_back(std::move(*parsed));
        }

        if (auto conditions = enableWhen(json, item, where); !conditions)
            return fail(conditions.error());
        // An item may be named by the enableWhen of later items only: record it after its own
        // conditions are checked. (A group takes no answers, so its children cannot name it.)
        m_earlier.insert(item.linkId, item);

        if (item.type == ItemType::Group) {
            if (!json.contains(u"item"))
                return invalid(where, QStringLiteral("group without items"));
            auto children = items(json.value(u"item"), where + u'.');
            if (!children)
                return fail(children.error());
            item.items = std::move(*children);
        } else if (json.contains(u"item")) {
            return invalid(where, QStringLiteral("only group items may have child items"));
        }
        return item;
    }

    Result<void> enableWhen(const QJsonObject &json, QuestionnaireItem &item, const QString &where)
    {
        const QJsonValue conditions = json.value(u"enableWhen");
        if (conditions.isUndefined())
            return {};
        if (!conditions.isArray() || conditions.toArray().isEmpty())
            return invalid(where, QStringLiteral("enableWhen must be a non-empty array"));
        for (const QJsonValue &value : conditions.toArray()) {
            const QJsonObject condition = value.toObject();
            const QString question = condition.value(u"question").toString();
            const auto earlier = m_earlier.constFind(question);
            if (earlier == m_earlier.constEnd()) {
                if (m_all.contains(question))
                    return invalid(where, u"enableWhen points to '" + question + u"', which is not an earlier item");
                return invalid(where, u"enableWhen points to unknown item '" + question + u'\'');
            }
            if (!earlier->takesAnswers())
                return invalid(where, u"enableWhen points to '" + question + u"', which takes no answers");
            const QString op = condition.value(u"operator").toString();
            const auto known = std::find_if(std::begin(kOperators), std::end(kOperators),
                                            [&](const OperatorName &o) { return op == QStringView(o.name); });
            if (known == std::end(kOperators))
                return invalid(where, u"unknown enableWhen operator '" + op + u'\'');
            auto answer = enableWhenAnswer(condition, *earlier, known->op, where);
            if (!answer)
                return fail(answer.error());
            item.enableWhen.push_back({question, known->op, *answer});
        }
        const QString behavior = json.value(u"enableBehavior").toString();
        if (behavior == u"any")
            item.enableBehavior = EnableBehavior::Any;
        else if (behavior == u"all")
            item.enableBehavior = EnableBehavior::All;
        else if (!behavior.isEmpty() || item.enableWhen.size() > 1)
            return invalid(where,
                           QStringLiteral("enableBehavior must be 'all' or 'any' (required with several "
                                          "enableWhen)"));
        return {};
    }

    QSet<QString> m_all;
    QSet<QString> m_seen;
    QHash<QString, QuestionnaireItem> m_earlier;
};

void collect(const std::vector<QuestionnaireItem> &items, std::vector<const QuestionnaireItem *> &into)
{
    for (const QuestionnaireItem &item : items) {
        into.push_back(&item);
        collect(item.items, into);
    }
}

} // namespace

QString toString(ItemType type)
{
    for (const ItemTypeName &t : kTypes)
        if (t.type == type)
            return QString::fromUtf16(t.name);
    return {};
}

const AnswerOption *QuestionnaireItem::option(QStringView code) const
{
    for (const AnswerOption &option : answerOptions)
        if (option.code == code)
            return &option;
    return nullptr;
}

Result<Questionnaire> Questionnaire::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("Questionnaire"), u"not valid JSON: " + error.errorString());
    if (!document.isObject())
        return invalid(QStringLiteral("Questionnaire"), QStringLiteral("not a JSON object"));
    return fromJson(document.object());
}

Result<Questionnaire> Questionnaire::fromJson(const QJsonObject &json)
{
    if (json.value(u"resourceType").toString() != u"Questionnaire")
        return invalid(QStringLiteral("Questionnaire"), QStringLiteral("resourceType must be 'Questionnaire'"));
    Questionnaire questionnaire;
    questionnaire.m_id = json.value(u"id").toString();
    questionnaire.m_url = json.value(u"url").toString().trimmed();
    questionnaire.m_version = json.value(u"version").toString();
    if (questionnaire.m_url.isEmpty())
        return invalid(QStringLiteral("Questionnaire"), QStringLiteral("url (the canonical) is missing"));
    const QString where = u"Questionnaire " + questionnaire.m_url;
    const QString language = json.value(u"language").toString(u"sv"_s);
    if (language != u"sv")
        return invalid(where, QStringLiteral("language must be 'sv' (English comes as translations)"));
    const auto awaiting = awaitingVerification(json, where);
    if (!awaiting)
        return fail(awaiting.error());
    auto title = localizedText(json, u"title"_s, where, *awaiting);
    if (!title)
        return fail(title.error());
    questionnaire.m_title = *title;
    if (!json.contains(u"item"))
        return invalid(where, QStringLiteral("no items"));
    Loader loader;
    loader.collectLinkIds(json.value(u"item"));
    auto items = loader.items(json.value(u"item"), where + u' ');
    if (!items)
        return fail(items.error());
    if (items->empty())
        return invalid(where, QStringLiteral("no items"));
    questionnaire.m_items = std::move(*items);
    return questionnaire;
}

std::vector<const QuestionnaireItem *> Questionnaire::allItems() const
{
    std::vector<const QuestionnaireItem *> all;
    collect(m_items, all);
    return all;
}

const QuestionnaireItem *Questionnaire::item(QStringView linkId) const
{
    for (const QuestionnaireItem *item : allItems())
        if (item->linkId == linkId)
            return item;
    return nullptr;
}

const QuestionnaireItem *Questionnaire::parentOf(QStringView linkId) const
{
    for (const QuestionnaireItem *item : allItems())
        for (const QuestionnaireItem &child : item->items)
            if (child.linkId == linkId)
                return item;
    return nullptr;
}

} // namespace nara::forms
