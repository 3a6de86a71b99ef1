// The referral entity as /sync sends it and its FHIR R4 resources: ServiceRequest (status by state,
// intent, category, priority, SNOMED CT body site, the question as reasonCode), one Media per image
// (basedOn, view, content.url of the image route) and the DiagnosticReport once answered (final,
// conclusion, ICD-10 conclusionCode); the display names of the staff as they were at each step
// (the other unit does not know them), also as the FHIR requester and performer; read back by
// Referral::fromJson, which names a missing field and takes absent display names as empty.

#include "referrals/core/referral.h"
#include "referrals/core/referralfhir.h"

#include <QJsonArray>
#include <QTest>

using namespace nara;
using namespace nara::referrals;

namespace {

const QString kImage(64, u'a');

Referral sample()
{
    Referral referral;
    referral.id = u"r-1"_qs;
    referral.version = 3;
    referral.itemId = u"i-derm"_qs;
    referral.patientId = u"p-1"_qs;
    referral.fromUnitId = u"unit-teleborg"_qs;
    referral.toUnitId = u"unit-derm"_qs;
    referral.sentBy = u"staff-erik"_qs;
    referral.sentByName = u"Erik Johansson"_qs;
    referral.sentAt = 1'794'988'800'000;
    referral.priority = ReferralPriority::Urgent;
    referral.question = u"Malignt melanom?"_qs;
    referral.history = {u"2 veckor"_qs, true, true, false};
    referral.bodySite = {u"77568009"_qs, u"Rygg"_qs};
    referral.images = {{kImage, u"dermoscopy"_qs, 1600, 1200, 1'794'988'000'000, 1'794'988'700'000}};
    referral.dueAt = 1'795'161'600'000;
    return referral;
}

QJsonObject first(const QJsonValue &array)
{
    return array.toArray().at(0).toObject();
}

} // namespace

class TestReferralEntity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entityShape();
    void serviceRequestFollowsTheState_data();
    void serviceRequestFollowsTheState();
    void mediaPerImage();
    void diagnosticReportOnceAnswered();
    void roundTrip();
    void displayNamesMayBeAbsent();
    void missingFieldIsNamed();
};

void TestReferralEntity::entityShape()
{
    const QJsonObject json = sample().toJson();
    for (const char *key : {"id",
                            "version",
                            "itemId",
                            "senderItemId",
                            "patientId",
                            "fromUnitId",
                            "toUnitId",
                            "sentBy",
                            "sentByName",
                            "sentAt",
                            "priority",
                            "question",
                            "history",
                            "bodySite",
                            "images",
                            "state",
                            "dueAt",
                            "infoRequests",
                            "answer",
                            "acknowledgedBy",
                            "acknowledgedByName",
                            "acknowledgedAt",
                            "fhir"})
        QVERIFY2(json.contains(QString::fromLatin1(key)), key);
    QCOMPARE(json.value(u"sentByName"_qs).toString(), u"Erik Johansson"_qs);
    QCOMPARE(json.value(u"acknowledgedByName"_qs).toString(), QString());
    QCOMPARE(json.value(u"state"_qs).toString(), u"sent"_qs);
    QCOMPARE(json.value(u"priority"_qs).toString(), u"urgent"_qs);
    QVERIFY(json.value(u"answer"_qs).isNull());
    QCOMPARE(json.value(u"senderItemId"_qs).toString(), QString());
    QCOMPARE(first(json.value(u"images"_qs)).value(u"view"_qs).toString(), u"dermoscopy"_qs);
    QCOMPARE(json.value(u"history"_qs).toObject().value(u"itchOrBleeding"_qs).toBool(), true);
    QVERIFY(json.value(u"fhir"_qs).toObject().value(u"diagnosticReport"_qs).isNull());
}

void TestReferralEntity::serviceRequestFollowsTheState_data()
{
    QTest::addColumn<ReferralState>("state");
    QTest::addColumn<QString>("status");
    QTest::newRow("sent") << ReferralState::Sent << u"active"_qs;
    QTest::newRow("needs info") << ReferralState::NeedsInfo << u"on-hold"_qs;
    QTest::newRow("answered") << ReferralState::Answered << u"completed"_qs;
    QTest::newRow("acknowledged") << ReferralState::Acknowledged << u"completed"_qs;
}

void TestReferralEntity::serviceRequestFollowsTheState()
{
    QFETCH(ReferralState, state);
    QFETCH(QString, status);
    Referral referral = sample();
    referral.state = state;
    const QJsonObject request = fhirServiceRequest(referral);
    QCOMPARE(request.value(u"resourceType"_qs).toString(), u"ServiceRequest"_qs);
    QCOMPARE(request.value(u"status"_qs).toString(), status);
    QCOMPARE(request.value(u"intent"_qs).toString(), u"order"_qs);
    QCOMPARE(request.value(u"priority"_qs).toString(), u"urgent"_qs);
    QCOMPARE(first(first(request.value(u"category"_qs)).value(u"coding"_qs)).value(u"code"_qs).toString(),
             u"394582007"_qs);
    const QJsonObject site = first(first(request.value(u"bodySite"_qs)).value(u"coding"_qs));
    QCOMPARE(site.value(u"system"_qs).toString(), u"http://snomed.info/sct"_qs);
    QCOMPARE(site.value(u"code"_qs).toString(), u"77568009"_qs);
    QCOMPARE(first(request.value(u"reasonCode"_qs)).value(u"text"_qs).toString(), u"Malignt melanom?"_qs);
    QCOMPARE(request.value(u"subject"_qs).toObject().value(u"reference"_qs).toString(), u"Patient/p-1"_qs);
    QCOMPARE(first(request.value(u"supportingInfo"_qs)).value(u"reference"_qs).toString(), u"Media/r-1-1"_qs);
    QCOMPARE(request.value(u"authoredOn"_qs).toString(), u"2026-11-18T08:00:00.000Z"_qs);
    const QJsonObject requester = request.value(u"requester"_qs).toObject();
    QCOMPARE(requester.value(u"reference"_qs).toString(), u"Practitioner/staff-erik"_qs);
    QCOMPARE(requester.value(u"display"_qs).toString(), u"Erik Johansson"_qs);
}

void TestReferralEntity::mediaPerImage()
{
    const QJsonArray media = fhirMedia(sample());
    QCOMPARE(media.size(), 1);
    const QJsonObject image = media.at(0).toObject();
    QCOMPARE(image.value(u"resourceType"_qs).toString(), u"Media"_qs);
    QCOMPARE(image.value(u"id"_qs).toString(), u"r-1-1"_qs);
    QCOMPARE(image.value(u"status"_qs).toString(), u"completed"_qs);
    QCOMPARE(first(image.value(u"basedOn"_qs)).value(u"reference"_qs).toString(), u"ServiceRequest/r-1"_qs);
    QCOMPARE(first(image.value(u"view"_qs).toObject().value(u"coding"_qs)).value(u"code"_qs).toString(),
             u"dermoscopy"_qs);
    QCOMPARE(first(image.value(u"modality"_qs).toObject().value(u"coding"_qs)).value(u"code"_qs).toString(), u"XC"_qs);
    QCOMPARE(image.value(u"content"_qs).toObject().value(u"url"_qs).toString(),
             QString(u"/api/v1/images/"_qs + kImage));
    QCOMPARE(image.value(u"width"_qs).toInt(), 1600);
    QVERIFY(image.contains(u"createdDateTime"_qs));
}

void TestReferralEntity::diagnosticReportOnceAnswered()
{
    Referral referral = sample();
    referral.state = ReferralState::Answered;
    referral.answer = ReferralAnswer{
        u"Atypiskt nevus."_qs, *diagnosisByCode(u"D22.9"_qs), u"follow_up"_qs, 6, u"staff-omar"_qs, u"Omar Haddad"_qs,
        1'795'000'000'000};
    const QJsonObject report = fhirDiagnosticReport(referral).toObject();
    QCOMPARE(report.value(u"resourceType"_qs).toString(), u"DiagnosticReport"_qs);
    QCOMPARE(report.value(u"status"_qs).toString(), u"final"_qs);
    QCOMPARE(first(report.value(u"basedOn"_qs)).value(u"reference"_qs).toString(), u"ServiceRequest/r-1"_qs);
    QVERIFY(report.value(u"conclusion"_qs).toString().startsWith(u"Atypiskt nevus."_qs));
    QVERIFY(report.value(u"conclusion"_qs).toString().contains(u"6 månader"_qs));
    const QJsonObject code = first(first(report.value(u"conclusionCode"_qs)).value(u"coding"_qs));
    QCOMPARE(code.value(u"system"_qs).toString(), u"http://hl7.org/fhir/sid/icd-10"_qs);
    QCOMPARE(code.value(u"code"_qs).toString(), u"D22.9"_qs);
    const QJsonObject performer = first(report.value(u"performer"_qs));
    QCOMPARE(performer.value(u"reference"_qs).toString(), u"Practitioner/staff-omar"_qs);
    QCOMPARE(performer.value(u"display"_qs).toString(), u"Omar Haddad"_qs);
    const QJsonObject answer = referral.toJson().value(u"answer"_qs).toObject();
    QCOMPARE(answer.value(u"management"_qs).toString(), u"follow_up"_qs);
    QCOMPARE(answer.value(u"answeredByName"_qs).toString(), u"Omar Haddad"_qs);
}

void TestReferralEntity::roundTrip()
{
    Referral referral = sample();
    referral.state = ReferralState::Acknowledged;
    referral.senderItemId = u"i-sender"_qs;
    referral.infoRequests = {{u"Närbild?"_qs, u"staff-omar"_qs, u"Omar Haddad"_qs, 10, u"Bifogad."_qs, u"staff-erik"_qs,
                              u"Erik Johansson"_qs, 20}};
    referral.answer = ReferralAnswer{u"Benignt."_qs,   *diagnosisByCode(u"L82"_qs), u"none"_qs, 0,
                                     u"staff-omar"_qs, u"Omar Haddad"_qs,           30};
    referral.acknowledgedBy = u"staff-anna"_qs;
    referral.acknowledgedByName = u"Anna Lindqvist"_qs;
    referral.acknowledgedAt = 40;
    auto read = Referral::fromJson(referral.toJson());
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->toJson(), referral.toJson());
    QCOMPARE(read->infoRequests, referral.infoRequests);
    QCOMPARE(read->images, referral.images);
    QCOMPARE(read->sentByName, u"Erik Johansson"_qs);
    QCOMPARE(read->infoRequests.at(0).askedByName, u"Omar Haddad"_qs);
    QCOMPARE(read->infoRequests.at(0).repliedByName, u"Erik Johansson"_qs);
    QCOMPARE(read->answer->answeredByName, u"Omar Haddad"_qs);
    QCOMPARE(read->acknowledgedByName, u"Anna Lindqvist"_qs);
}

// An entity written before the display names were added (a workstation's cache) still reads, with
// empty names and no display in FHIR; a name of the wrong type is named like any other field.
void TestReferralEntity::displayNamesMayBeAbsent()
{
    Referral referral = sample();
    referral.state = ReferralState::Answered;
    referral.infoRequests = {{u"Närbild?"_qs, u"staff-omar"_qs, u"Omar Haddad"_qs, 10, u"Bifogad."_qs, u"staff-erik"_qs,
                              u"Erik Johansson"_qs, 20}};
    referral.answer = ReferralAnswer{u"Benignt."_qs,   *diagnosisByCode(u"L82"_qs), u"none"_qs, 0,
                                     u"staff-omar"_qs, u"Omar Haddad"_qs,           30};
    QJsonObject json = referral.toJson();
    json.remove(u"sentByName"_qs);
    json.remove(u"acknowledgedByName"_qs);
    QJsonObject request = json.value(u"infoRequests"_qs).toArray().at(0).toObject();
    request.remove(u"askedByName"_qs);
    request.remove(u"repliedByName"_qs);
    json.insert(u"infoRequests"_qs, QJsonArray{request});
    QJsonObject answer = json.value(u"answer"_qs).toObject();
    answer.remove(u"answeredByName"_qs);
    json.insert(u"answer"_qs, answer);

    const auto read = Referral::fromJson(json);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->sentBy, u"staff-erik"_qs);
    QVERIFY(read->sentByName.isEmpty());
    QVERIFY(read->acknowledgedByName.isEmpty());
    QCOMPARE(read->infoRequests.at(0).askedBy, u"staff-omar"_qs);
    QVERIFY(read->infoRequests.at(0).askedByName.isEmpty());
    QVERIFY(read->infoRequests.at(0).repliedByName.isEmpty());
    QVERIFY(read->answer->answeredByName.isEmpty());
    const QJsonObject requester = fhirServiceRequest(*read).value(u"requester"_qs).toObject();
    QCOMPARE(requester.value(u"reference"_qs).toString(), u"Practitioner/staff-erik"_qs);
    QVERIFY(!requester.contains(u"display"_qs));

    QJsonObject wrongType = sample().toJson();
    wrongType.insert(u"sentByName"_qs, 7);
    QCOMPARE(Referral::fromJson(wrongType).error().details.value(u"field"_qs).toString(), u"sentByName"_qs);
}

void TestReferralEntity::missingFieldIsNamed()
{
    QJsonObject json = sample().toJson();
    QJsonArray images = json.value(u"images"_qs).toArray();
    QJsonObject image = images.at(0).toObject();
    image.remove(u"width"_qs);
    images.replace(0, image);
    json.insert(u"images"_qs, images);
    const auto read = Referral::fromJson(json);
    QVERIFY(!read);
    QCOMPARE(read.error().details.value(u"field"_qs).toString(), u"images[0].width"_qs);
    QJsonObject badState = sample().toJson();
    badState.insert(u"state"_qs, u"closed"_qs);
    QCOMPARE(Referral::fromJson(badState).error().details.value(u"field"_qs).toString(), u"state"_qs);
}

QTEST_GUILESS_MAIN(TestReferralEntity)
#include "tst_referralentity.moc"
