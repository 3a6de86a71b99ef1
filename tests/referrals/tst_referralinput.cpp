// The referral routes' request bodies, checked whole before anything is looked up: every refusal
// names the field ("history.duration", "images[1].view") in `details.field` and in the message;
// a good body comes out with the catalog's displays.

#include "referrals/core/referralinput.h"

#include <QJsonArray>
#include <QTest>

using namespace nara;
using namespace nara::referrals;

namespace {

const QString kImageA(64, u'a');
const QString kImageB(64, u'b');

QJsonObject goodReferral()
{
    return {
        {u"patientId"_qs, u"p-1"_qs},
        {u"toUnitId"_qs, u"unit-derm"_qs},
        {u"question"_qs, u"  Växande nevus?  "_qs},
        {u"history"_qs,
         QJsonObject{{u"duration"_qs, u"3 månader"_qs},
                     {u"changedRecently"_qs, true},
                     {u"itchOrBleeding"_qs, false},
                     {u"earlierSkinCancer"_qs, false}}},
        {u"bodySite"_qs, QJsonObject{{u"code"_qs, u"14975008:272741003=7771000"_qs}}},
        {u"priority"_qs, u"urgent"_qs},
        {u"images"_qs,
         QJsonArray{QJsonObject{{u"id"_qs, kImageA}, {u"view"_qs, u"overview"_qs}, {u"takenAt"_qs, 0}},
                    QJsonObject{{u"id"_qs, kImageB}, {u"view"_qs, u"dermoscopy"_qs}}}},
    };
}

// `object` with the value at a dotted path ("history.duration", "images.1.view") replaced, or
// removed when `value` is undefined.
QJsonValue changed(const QJsonValue &object, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (object.isArray()) {
        QJsonArray array = object.toArray();
        const int index = key.toInt();
        if (path.isEmpty())
            array.replace(index, value);
        else
            array.replace(index, changed(array.at(index), path, value));
        return array;
    }
    QJsonObject result = object.toObject();
    if (path.isEmpty()) {
        if (value.isUndefined())
            result.remove(key);
        else
            result.insert(key, value);
    } else {
        result.insert(key, changed(result.value(key), path, value));
    }
    return result;
}

QJsonObject with(const QJsonObject &base, const QString &path, const QJsonValue &value)
{
    return changed(base, path.split(u'.'), value).toObject();
}

QJsonObject goodAnswer()
{
    return {{u"description"_qs, u"Seborroisk keratos."_qs},
            {u"diagnosis"_qs, u"L82"_qs},
            {u"management"_qs, u"follow_up"_qs},
            {u"followUpMonths"_qs, 6},
            {u"version"_qs, 3}};
}

} // namespace

class TestReferralInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodReferralIsRead();
    void badReferral_data();
    void badReferral();
    void goodAnswerIsRead();
    void badAnswer_data();
    void badAnswer();
    void otherBodies();
};

void TestReferralInput::goodReferralIsRead()
{
    auto input = NewReferral::fromJson(goodReferral());
    QVERIFY2(input, qPrintable(input ? QString() : input.error().message));
    QCOMPARE(input->question, u"Växande nevus?"_qs);
    QCOMPARE(input->history.duration, u"3 månader"_qs);
    QVERIFY(input->history.changedRecently);
    QCOMPARE(input->bodySite.display, u"Vänster underarm"_qs);
    QCOMPARE(toString(input->priority), toString(ReferralPriority::Urgent));
    QCOMPARE(input->images.size(), 2);
    QCOMPARE(input->images.at(1).view, u"dermoscopy"_qs);
    QCOMPARE(input->images.at(1).takenAt, 0);
}

void TestReferralInput::badReferral_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject good = goodReferral();
    const QJsonValue gone = QJsonValue(QJsonValue::Undefined);
    QTest::newRow("unknown field") << with(good, u"fromUnitId"_qs, u"u"_qs) << u"fromUnitId"_qs;
    QTest::newRow("no patient") << with(good, u"patientId"_qs, gone) << u"patientId"_qs;
    QTest::newRow("patient a number") << with(good, u"patientId"_qs, 7) << u"patientId"_qs;
    QTest::newRow("no unit") << with(good, u"toUnitId"_qs, gone) << u"toUnitId"_qs;
    QTest::newRow("blank question") << with(good, u"question"_qs, u"   "_qs) << u"question"_qs;
    QTest::newRow("question too long") << with(good, u"question"_qs, QString(4001, u'x')) << u"question"_qs;
    QTest::newRow("no history") << with(good, u"history"_qs, gone) << u"history"_qs;
    QTest::newRow("history a string") << with(good, u"history"_qs, u"länge"_qs) << u"history"_qs;
    QTest::newRow("no duration") << with(good, u"history.duration"_qs, gone) << u"history.duration"_qs;
    QTest::newRow("bool as string") << with(good, u"history.itchOrBleeding"_qs, u"ja"_qs)
                                    << u"history.itchOrBleeding"_qs;
    QTest::newRow("unknown history field") << with(good, u"history.smoker"_qs, true) << u"history.smoker"_qs;
    QTest::newRow("no body site") << with(good, u"bodySite"_qs, gone) << u"bodySite"_qs;
    QTest::newRow("unknown body site") << with(good, u"bodySite.code"_qs, u"123"_qs) << u"bodySite.code"_qs;
    QTest::newRow("bad priority") << with(good, u"priority"_qs, u"stat"_qs) << u"priority"_qs;
    QTest::newRow("no images") << with(good, u"images"_qs, QJsonArray{}) << u"images"_qs;
    QJsonArray seven;
    for (int i = 0; i < 7; ++i)
        seven.append(
            QJsonObject{{u"id"_qs, QString(QString(63, u'0') + QString::number(i))}, {u"view"_qs, u"overview"_qs}});
    QTest::newRow("seven images") << with(good, u"images"_qs, seven) << u"images"_qs;
    QTest::newRow("image not an object") << with(good, u"images.0"_qs, kImageA) << u"images[0]"_qs;
    QTest::newRow("image id not a hash") << with(good, u"images.1.id"_qs, u"../etc/passwd"_qs) << u"images[1].id"_qs;
    QTest::newRow("image id upper case") << with(good, u"images.1.id"_qs, kImageB.toUpper()) << u"images[1].id"_qs;
    QTest::newRow("same image twice") << with(good, u"images.1.id"_qs, kImageA) << u"images[1].id"_qs;
    QTest::newRow("bad view") << with(good, u"images.1.view"_qs, u"selfie"_qs) << u"images[1].view"_qs;
    QTest::newRow("negative takenAt") << with(good, u"images.0.takenAt"_qs, -1) << u"images[0].takenAt"_qs;
    QTest::newRow("fractional takenAt") << with(good, u"images.0.takenAt"_qs, 1.5) << u"images[0].takenAt"_qs;
    QTest::newRow("unknown image field") << with(good, u"images.0.hash"_qs, kImageA) << u"images[0].hash"_qs;
}

void TestReferralInput::badReferral()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const auto input = NewReferral::fromJson(body);
    QVERIFY(!input);
    QCOMPARE(input.error().code, ErrorCode::InvalidInput);
    QCOMPARE(input.error().details.value(u"field"_qs).toString(), field);
    QVERIFY2(input.error().message.startsWith(field + u':'), qPrintable(input.error().message));
}

void TestReferralInput::goodAnswerIsRead()
{
    auto answer = AnswerInput::fromJson(goodAnswer());
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
    QCOMPARE(answer->diagnosis.code, u"L82"_qs);
    QVERIFY(!answer->diagnosis.display.isEmpty());
    QCOMPARE(answer->followUpMonths, 6);
    QCOMPARE(answer->version, 3);
    auto none = AnswerInput::fromJson(with(with(goodAnswer(), u"management"_qs, u"none"_qs), u"followUpMonths"_qs,
                                           QJsonValue(QJsonValue::Undefined)));
    QVERIFY(none);
    QCOMPARE(none->followUpMonths, 0);
}

void TestReferralInput::badAnswer_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject good = goodAnswer();
    const QJsonValue gone = QJsonValue(QJsonValue::Undefined);
    QTest::newRow("no description") << with(good, u"description"_qs, gone) << u"description"_qs;
    QTest::newRow("diagnosis not in the list") << with(good, u"diagnosis"_qs, u"J45"_qs) << u"diagnosis"_qs;
    QTest::newRow("diagnosis as object") << with(good, u"diagnosis"_qs, QJsonObject{{u"code"_qs, u"L82"_qs}})
                                         << u"diagnosis"_qs;
    QTest::newRow("unknown management") << with(good, u"management"_qs, u"wait_and_see"_qs) << u"management"_qs;
    QTest::newRow("follow-up without months") << with(good, u"followUpMonths"_qs, gone) << u"followUpMonths"_qs;
    QTest::newRow("months zero") << with(good, u"followUpMonths"_qs, 0) << u"followUpMonths"_qs;
    QTest::newRow("months 25") << with(good, u"followUpMonths"_qs, 25) << u"followUpMonths"_qs;
    QTest::newRow("months without follow-up") << with(good, u"management"_qs, u"none"_qs) << u"followUpMonths"_qs;
    QTest::newRow("version negative") << with(good, u"version"_qs, -1) << u"version"_qs;
    QTest::newRow("version a string") << with(good, u"version"_qs, u"3"_qs) << u"version"_qs;
    QTest::newRow("unknown field") << with(good, u"state"_qs, u"answered"_qs) << u"state"_qs;
}

void TestReferralInput::badAnswer()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const auto answer = AnswerInput::fromJson(body);
    QVERIFY(!answer);
    QCOMPARE(answer.error().code, ErrorCode::InvalidInput);
    QCOMPARE(answer.error().details.value(u"field"_qs).toString(), field);
}

void TestReferralInput::otherBodies()
{
    QVERIFY(AcknowledgeInput::fromJson({}));
    QCOMPARE(AcknowledgeInput::fromJson({{u"version"_qs, 4}})->version, 4);
    QCOMPARE(AcknowledgeInput::fromJson({{u"note"_qs, u"x"_qs}}).error().details.value(u"field"_qs).toString(),
             u"note"_qs);
    QCOMPARE(InfoRequestInput::fromJson({}).error().details.value(u"field"_qs).toString(), u"question"_qs);
    QCOMPARE(InfoRequestInput::fromJson({{u"question"_qs, QString(2001, u'x')}})
                 .error()
                 .details.value(u"field"_qs)
                 .toString(),
             u"question"_qs);
    const QJsonArray images{QJsonObject{{u"id"_qs, kImageA}, {u"view"_qs, u"close_up"_qs}}};
    QCOMPARE(AddedImagesInput::fromJson({{u"images"_qs, images}}).error().details.value(u"field"_qs).toString(),
             u"reply"_qs);
    auto added = AddedImagesInput::fromJson({{u"images"_qs, images}, {u"reply"_qs, u" Här är den. "_qs}});
    QVERIFY(added);
    QCOMPARE(added->reply, u"Här är den."_qs);
    QCOMPARE(added->images.at(0).view, u"close_up"_qs);
}

QTEST_GUILESS_MAIN(TestReferralInput)
#include "tst_referralinput.moc"
