// Loading a FHIR Questionnaire: what a valid one gives, and the errors (never a crash, never a
// half-loaded questionnaire) for bad JSON and bad structures; enableWhen evaluated over answers.

#include "forms/core/bundledquestionnaires.h"
#include "forms/core/enablement.h"
#include "forms/core/questionnaire.h"
#include "jsonmutations.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace nara;
using namespace nara::forms;
using namespace Qt::StringLiterals;

namespace {

// `$EN` in the test JSON stands for an English translation of the field before it.
// `$SD/` is http://hl7.org/fhir/StructureDefinition/ (moc would read "//" in a raw string as a comment).
QByteArray expand(QByteArray json)
{
    json.replace("$EN",
                 R"({"extension":[{"url":"$SD/translation",)"
                 R"("extension":[{"url":"lang","valueCode":"en"},{"url":"content","valueString":"In English"}]}]})");
    return json.replace("$SD/",
                        "http:/"
                        "/hl7.org/fhir/StructureDefinition/");
}

QByteArray questionnaire(const QByteArray &items)
{
    return expand(R"({"resourceType":"Questionnaire","url":"https://nara.se/fhir/Questionnaire/t","language":"sv",)"
                  R"("title":"T","_title":$EN,"item":)"
                  + items + "}");
}

// A valid two-item questionnaire used by the enableWhen tests.
const QByteArray kConditional = R"([
 {"linkId":"fever","type":"boolean","text":"Feber?","_text":$EN,"required":true},
 {"linkId":"temp","type":"decimal","text":"Temp","_text":$EN,"required":true,
  "extension":[{"url":"$SD/minValue","valueDecimal":34},
               {"url":"$SD/maxValue","valueDecimal":43}],
  "enableWhen":[{"question":"fever","operator":"=","answerBoolean":true}]},
 {"linkId":"pain","type":"integer","text":"Smärta","_text":$EN},
 {"linkId":"severe","type":"string","text":"Beskriv","_text":$EN,"enableBehavior":"any",
  "enableWhen":[{"question":"pain","operator":">=","answerInteger":8},
                {"question":"temp","operator":">","answerDecimal":39.5}]},
 {"linkId":"nopain","type":"display","text":"Bra","_text":$EN,
  "enableWhen":[{"question":"pain","operator":"exists","answerBoolean":false}]},
 {"linkId":"g","type":"group","text":"Grupp","_text":$EN,
  "enableWhen":[{"question":"fever","operator":"!=","answerBoolean":true}],
  "item":[{"linkId":"g-a","type":"string","text":"A","_text":$EN}]}
])";

} // namespace

class TestQuestionnaire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validQuestionnaireLoads();
    void malformed_data();
    void malformed();
    void enableWhen_data();
    void enableWhen();
    void mutatedBundledQuestionnairesNeverCrash_data();
    void mutatedBundledQuestionnairesNeverCrash();
};

void TestQuestionnaire::validQuestionnaireLoads()
{
    const auto loaded = Questionnaire::fromJson(questionnaire(kConditional));
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(loaded->url(), u"https://nara.se/fhir/Questionnaire/t"_s);
    QCOMPARE(loaded->title().sv, u"T"_s);
    QCOMPARE(loaded->title().en, u"In English"_s);
    QCOMPARE(loaded->allItems().size(), std::size_t{7});
    const QuestionnaireItem *temp = loaded->item(u"temp");
    QVERIFY(temp);
    QCOMPARE(toString(temp->type), toString(ItemType::Decimal));
    QCOMPARE(temp->minValue.value_or(0), 34.0);
    QCOMPARE(temp->maxValue.value_or(0), 43.0);
    QCOMPARE(temp->enableWhen.size(), std::size_t{1});
    QCOMPARE(temp->enableWhen.front().op, EnableOperator::Equal);
    QCOMPARE(loaded->item(u"severe")->enableBehavior, EnableBehavior::Any);
    QCOMPARE(loaded->parentOf(u"g-a"), loaded->item(u"g"));
    QVERIFY(!loaded->parentOf(u"fever"));
    QVERIFY(!loaded->item(u"unknown"));
}

void TestQuestionnaire::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    const QByteArray choice = R"({"linkId":"c","type":"choice","text":"C","_text":$EN,"answerOption":[)"
                              R"({"valueCoding":{"code":"a","display":"A","_display":$EN}}]})";
    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("truncated") << QByteArray(R"({"resourceType":"Questionnaire","item":[)") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
    QTest::newRow("wrong resourceType") << QByteArray(R"({"resourceType":"Patient"})") << u"resourceType"_s;
    QTest::newRow("no url") << QByteArray(R"({"resourceType":"Questionnaire","item":[]})") << u"url"_s;
    QTest::newRow("no items") << questionnaire("[]") << u"no items"_s;
    QTest::newRow("items not an array") << questionnaire(R"({"linkId":"a"})") << u"item must be an array"_s;
    QTest::newRow("item not an object") << questionnaire("[42]") << u"must be an object"_s;
    QTest::newRow("no linkId") << questionnaire(R"([{"type":"string","text":"A","_text":$EN}])")
                               << u"linkId is missing"_s;
    QTest::newRow("duplicate linkId") << questionnaire(R"([{"linkId":"a","type":"string","text":"A","_text":$EN},
        {"linkId":"a","type":"integer","text":"B","_text":$EN}])")
                                      << u"duplicate linkId"_s;
    QTest::newRow("duplicate linkId in group")
        << questionnaire(R"([{"linkId":"a","type":"string","text":"A","_text":$EN},
        {"linkId":"g","type":"group","text":"G","_text":$EN,"item":[{"linkId":"a","type":"string","text":"A","_text":$EN}]}])")
        << u"duplicate linkId"_s;
    QTest::newRow("unknown type") << questionnaire(R"([{"linkId":"a","type":"date","text":"A","_text":$EN}])")
                                  << u"unknown or unsupported type 'date'"_s;
    QTest::newRow("no type") << questionnaire(R"([{"linkId":"a","text":"A","_text":$EN}])") << u"unknown"_s;
    QTest::newRow("no Swedish text") << questionnaire(R"([{"linkId":"a","type":"string","_text":$EN}])")
                                     << u"Swedish text is missing"_s;
    QTest::newRow("no English text") << questionnaire(R"([{"linkId":"a","type":"string","text":"A"}])")
                                     << u"English text"_s;
    QTest::newRow("text not a string") << questionnaire(R"([{"linkId":"a","type":"string","text":7,"_text":$EN}])")
                                       << u"text must be a string"_s;
    QTest::newRow("choice without options")
        << questionnaire(R"([{"linkId":"c","type":"choice","text":"C","_text":$EN}])") << u"without answerOption"_s;
    QTest::newRow("options on an integer") << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN,
        "answerOption":[{"valueCoding":{"code":"a","display":"A","_display":$EN}}]}])")
                                           << u"not a choice"_s;
    QTest::newRow("option without code") << questionnaire(R"([{"linkId":"c","type":"choice","text":"C","_text":$EN,
        "answerOption":[{"valueCoding":{"display":"A","_display":$EN}}]}])")
                                         << u"needs valueCoding with a code"_s;
    QTest::newRow("option without English") << questionnaire(R"([{"linkId":"c","type":"choice","text":"C","_text":$EN,
        "answerOption":[{"valueCoding":{"code":"a","display":"A"}}]}])")
                                            << u"English display"_s;
    QTest::newRow("duplicate option code") << questionnaire(R"([{"linkId":"c","type":"choice","text":"C","_text":$EN,
        "answerOption":[{"valueCoding":{"code":"a","display":"A","_display":$EN}},
                        {"valueCoding":{"code":"a","display":"B","_display":$EN}}]}])")
                                           << u"duplicate option code"_s;
    QTest::newRow("fractional ordinal") << questionnaire(R"([{"linkId":"c","type":"choice","text":"C","_text":$EN,
        "answerOption":[{"extension":[{"url":"$SD/ordinalValue","valueDecimal":0.5}],
                         "valueCoding":{"code":"a","display":"A","_display":$EN}}]}])")
                                        << u"ordinalValue must be a whole"_s;
    QTest::newRow("minValue above maxValue") << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN,
        "extension":[{"url":"$SD/minValue","valueInteger":10},
                     {"url":"$SD/maxValue","valueInteger":0}]}])")
                                             << u"minValue is above maxValue"_s;
    QTest::newRow("decimal bound on integer")
        << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN,
        "extension":[{"url":"$SD/maxValue","valueDecimal":2.5}]}])")
        << u"maxValue needs valueInteger"_s;
    QTest::newRow("bound on a string") << questionnaire(R"([{"linkId":"s","type":"string","text":"S","_text":$EN,
        "extension":[{"url":"$SD/maxValue","valueInteger":2}]}])")
                                       << u"only for integer and decimal"_s;
    QTest::newRow("required display") << questionnaire(R"([{"linkId":"d","type":"display","text":"D","_text":$EN,
        "required":true}])") << u"cannot be required"_s;
    QTest::newRow("repeats") << questionnaire(
        R"([{"linkId":"s","type":"string","text":"S","_text":$EN,"repeats":true}])")
                             << u"repeating items are not supported"_s;
    QTest::newRow("group without items") << questionnaire(R"([{"linkId":"g","type":"group","text":"G","_text":$EN}])")
                                         << u"group without items"_s;
    QTest::newRow("children of a string") << questionnaire(R"([{"linkId":"s","type":"string","text":"S","_text":$EN,
        "item":[{"linkId":"t","type":"string","text":"T","_text":$EN}]}])")
                                          << u"only group items may have child items"_s;
    QTest::newRow("enableWhen to unknown item")
        << questionnaire(R"([{"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"nope","operator":"exists","answerBoolean":true}]}])")
        << u"unknown item 'nope'"_s;
    QTest::newRow("enableWhen to a later item")
        << questionnaire(R"([{"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"t","operator":"exists","answerBoolean":true}]},
        {"linkId":"t","type":"string","text":"T","_text":$EN}])")
        << u"'t', which is not an earlier item"_s;
    QTest::newRow("enableWhen to itself") << questionnaire(R"([{"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"s","operator":"exists","answerBoolean":true}]}])")
                                          << u"not an earlier item"_s;
    QTest::newRow("enableWhen to a display")
        << questionnaire(R"([{"linkId":"d","type":"display","text":"D","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"d","operator":"exists","answerBoolean":true}]}])")
        << u"takes no answers"_s;
    QTest::newRow("unknown operator") << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"i","operator":"~","answerInteger":1}]}])")
                                      << u"unknown enableWhen operator"_s;
    QTest::newRow("wrong answer type") << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"i","operator":"=","answerString":"1"}]}])")
                                       << u"cannot use answerString"_s;
    QTest::newRow("ordered operator on a boolean")
        << questionnaire(R"([{"linkId":"b","type":"boolean","text":"B","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"b","operator":">","answerBoolean":true}]}])")
        << u"cannot use answerBoolean"_s;
    QTest::newRow("code not among options") << questionnaire("[" + choice + R"(,
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"c","operator":"=","answerCoding":{"code":"zz"}}]}])")
                                            << u"'zz' is not an option"_s;
    QTest::newRow("exists without boolean") << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"i","operator":"exists","answerInteger":1}]}])")
                                            << u"needs answerBoolean"_s;
    QTest::newRow("two answers") << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"i","operator":"=","answerInteger":1,"answerDecimal":1}]}])")
                                 << u"exactly one answer[x]"_s;
    QTest::newRow("several enableWhen without behavior")
        << questionnaire(R"([{"linkId":"i","type":"integer","text":"I","_text":$EN},
        {"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[{"question":"i","operator":"=","answerInteger":1},{"question":"i","operator":"=","answerInteger":2}]}])")
        << u"enableBehavior"_s;
    QTest::newRow("empty enableWhen") << questionnaire(R"([{"linkId":"s","type":"string","text":"S","_text":$EN,
        "enableWhen":[]}])") << u"non-empty array"_s;
    QTest::newRow("English language") << expand(R"({"resourceType":"Questionnaire","url":"u","language":"en",
        "title":"T","_title":$EN,"item":[]})")
                                      << u"language must be 'sv'"_s;
}

void TestQuestionnaire::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto loaded = Questionnaire::fromJson(expand(json));
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InvalidInput);
    QVERIFY2(loaded.error().message.contains(error), qPrintable(loaded.error().message));
}

void TestQuestionnaire::enableWhen_data()
{
    QTest::addColumn<Answers>("answers");
    QTest::addColumn<QStringList>("enabled");
    const QStringList always{u"fever"_s, u"pain"_s};
    // FHIR: a question without an answer makes every operator but `exists` false, `!=` too.
    QTest::newRow("nothing answered") << Answers{} << (always + QStringList{u"nopain"_s});
    QTest::newRow("fever no") << Answers{{u"fever"_s, false}} << (always + QStringList{u"nopain"_s, u"g"_s, u"g-a"_s});
    QTest::newRow("fever yes: temp on, group off")
        << Answers{{u"fever"_s, true}} << (always + QStringList{u"temp"_s, u"nopain"_s});
    QTest::newRow("pain 7: below >= 8") << Answers{{u"fever"_s, false}, {u"pain"_s, qint64{7}}}
                                        << (always + QStringList{u"g"_s, u"g-a"_s});
    QTest::newRow("pain 8: any holds") << Answers{{u"fever"_s, false}, {u"pain"_s, qint64{8}}}
                                       << (always + QStringList{u"severe"_s, u"g"_s, u"g-a"_s});
    QTest::newRow("temp 39.6: any holds") << Answers{{u"fever"_s, true}, {u"temp"_s, 39.6}, {u"pain"_s, qint64{0}}}
                                          << (always + QStringList{u"temp"_s, u"severe"_s});
    QTest::newRow("temp 39.5: not above")
        << Answers{{u"fever"_s, true}, {u"temp"_s, 39.5}, {u"pain"_s, qint64{0}}} << (always + QStringList{u"temp"_s});
    // An answer to a disabled item does not count: temp without fever enables nothing.
    QTest::newRow("answer to a disabled item ignored")
        << Answers{{u"fever"_s, false}, {u"temp"_s, 40.0}, {u"pain"_s, qint64{0}}}
        << (always + QStringList{u"g"_s, u"g-a"_s});
}

void TestQuestionnaire::enableWhen()
{
    QFETCH(Answers, answers);
    QFETCH(QStringList, enabled);
    const auto loaded = Questionnaire::fromJson(questionnaire(kConditional));
    QVERIFY(loaded);
    QStringList actual = enabledItems(*loaded, answers).values();
    actual.sort();
    enabled.sort();
    QCOMPARE(actual, enabled);
}

void TestQuestionnaire::mutatedBundledQuestionnairesNeverCrash_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : bundledQuestionnaireNames())
        QTest::newRow(qPrintable(name)) << name;
}

// Every element of a bundled questionnaire replaced in turn by null, a number, a string, an empty
// array and an empty object, and every truncation of its text: the loader answers each one with a
// questionnaire or an InvalidInput error, never a crash or another error code.
void TestQuestionnaire::mutatedBundledQuestionnairesNeverCrash()
{
    QFETCH(QString, name);
    QFile file(u":/forms/core/questionnaires/" + name + u".json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll().trimmed();
    const QJsonObject original = QJsonDocument::fromJson(text).object();
    int variants = 0;
    int refused = 0;
    const QJsonValue replacements[] = {QJsonValue(QJsonValue::Null), QJsonValue(42), QJsonValue(u"x"_s),
                                       QJsonValue(QJsonArray()), QJsonValue(QJsonObject())};
    for (const QJsonValue &replacement : replacements) {
        test::eachMutation(original, replacement, [&](const QJsonValue &mutated) {
            ++variants;
            const auto loaded = Questionnaire::fromJson(mutated.toObject());
            if (!loaded) {
                ++refused;
                if (loaded.error().code != ErrorCode::InvalidInput || loaded.error().message.isEmpty())
                    QFAIL(qPrintable(loaded.error().message));
            }
        });
    }
    for (qsizetype length = 0; length < text.size(); length += 7)
        QVERIFY(!Questionnaire::fromJson(text.left(length)));
    QVERIFY(variants > 500);
    QVERIFY(refused > variants / 2); // most single changes break a validated questionnaire
}

QTEST_GUILESS_MAIN(TestQuestionnaire)
#include "tst_questionnaire.moc"
