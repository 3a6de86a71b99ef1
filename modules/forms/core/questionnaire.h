#pragma once

#include "forms/core/answervalue.h"
#include "forms/core/localizedtext.h"
#include "foundation/core/error.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace nara::forms {

// Extensions Nära reads (see modules/forms/core/README.md for the JSON conventions).
inline constexpr char16_t kTranslationUrl[] = u"http://hl7.org/fhir/StructureDefinition/translation";
inline constexpr char16_t kOrdinalValueUrl[] = u"http://hl7.org/fhir/StructureDefinition/ordinalValue";
inline constexpr char16_t kMinValueUrl[] = u"http://hl7.org/fhir/StructureDefinition/minValue";
inline constexpr char16_t kMaxValueUrl[] = u"http://hl7.org/fhir/StructureDefinition/maxValue";
inline constexpr char16_t kAwaitingVerificationUrl[]
    = u"https://nara.se/fhir/StructureDefinition/awaiting-verification";

enum class ItemType { Group, Display, Boolean, Choice, Integer, Decimal, String };

QString toString(ItemType type);

struct AnswerOption
{
    QString code;
    LocalizedText display;
    std::optional<int> ordinal; // the score, from the ordinalValue extension; absent: not scored
};

enum class EnableOperator { Exists, Equal, NotEqual, Greater, Less, GreaterOrEqual, LessOrEqual };

struct EnableWhen
{
    QString question; // linkId of an earlier item
    EnableOperator op = EnableOperator::Exists;
    AnswerValue answer; // for Exists: the bool that the existence of an answer is compared with
};

enum class EnableBehavior { All, Any };

struct QuestionnaireItem
{
    QString linkId;
    ItemType type = ItemType::Display;
    LocalizedText text;
    bool required = false;
    std::optional<double> minValue; // integer and decimal items
    std::optional<double> maxValue;
    std::optional<int> maxLength; // string items
    std::vector<AnswerOption> answerOptions; // choice items
    std::vector<EnableWhen> enableWhen;
    EnableBehavior enableBehavior = EnableBehavior::All;
    std::vector<QuestionnaireItem> items; // group children

    const AnswerOption *option(QStringView code) const;
    bool takesAnswers() const { return type != ItemType::Group && type != ItemType::Display; }
};

// A FHIR R4 Questionnaire as Nära uses it, validated when loaded: once there is a Questionnaire,
// its linkIds are unique, its types known, its choices have options and its enableWhen conditions
// point to earlier items with answers of the right type.
class Questionnaire
{
public:
    static Result<Questionnaire> fromJson(const QJsonObject &json);
    static Result<Questionnaire> fromJson(const QByteArray &json);

    QString id() const { return m_id; }
    QString url() const { return m_url; } // the canonical a QuestionnaireResponse names
    QString version() const { return m_version; }
    LocalizedText title() const { return m_title; }
    const std::vector<QuestionnaireItem> &items() const { return m_items; }

    // Every item, groups and their children included, in document order.
    std::vector<const QuestionnaireItem *> allItems() const;
    const QuestionnaireItem *item(QStringView linkId) const;
    // The group an item is in, or nullptr for a top-level item.
    const QuestionnaireItem *parentOf(QStringView linkId) const;

private:
    QString m_id;
    QString m_url;
    QString m_version;
    LocalizedText m_title;
    std::vector<QuestionnaireItem> m_items;
};

} // namespace nara::forms
