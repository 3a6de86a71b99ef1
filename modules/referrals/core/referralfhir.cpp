#include "referrals/core/referralfhir.h"

#include <QDateTime>

namespace nara::referrals {

namespace {

QString s(const char *text)
{
    return QString::fromLatin1(text);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject reference(const QString &type, const QString &id)
{
    return {{s("reference"), QString(type + u'/' + id)}};
}

// A Practitioner reference with the name they had then, when known.
QJsonObject practitioner(const QString &id, const QString &name)
{
    QJsonObject result = reference(s("Practitioner"), id);
    if (!name.isEmpty())
        result.insert(s("display"), name);
    return result;
}

QJsonObject codeable(const char *system, const QString &code, const QString &display)
{
    return {
        {s("coding"), QJsonArray{QJsonObject{{s("system"), s(system)}, {s("code"), code}, {s("display"), display}}}}};
}

QJsonObject bodySiteOf(const Referral &referral)
{
    return codeable(kSnomedSystem, referral.bodySite.code, referral.bodySite.display);
}

QJsonArray dermatologyCategory()
{
    return {codeable(kSnomedSystem, s("394582007"), s("Dermatology"))};
}

QString serviceRequestStatus(ReferralState state)
{
    switch (state) {
    case ReferralState::Sent: return s("active");
    case ReferralState::NeedsInfo: return s("on-hold");
    case ReferralState::Answered:
    case ReferralState::Acknowledged: return s("completed");
    }
    return s("active");
}

QString mediaId(const Referral &referral, qsizetype index)
{
    return referral.id + u'-' + QString::number(index + 1);
}

QString yesNo(bool value)
{
    return value ? s("ja") : s("nej");
}

// The structured history as one Swedish note.
QString historyText(const ReferralHistory &history)
{
    return QStringLiteral("Hur länge: %1. Förändrats nyligen: %2. Klåda eller blödning: %3. Tidigare hudcancer: %4.")
        .arg(history.duration.isEmpty() ? s("okänd") : history.duration, yesNo(history.changedRecently),
             yesNo(history.itchOrBleeding), yesNo(history.earlierSkinCancer));
}

// The description, then the management in words ("Handläggning: Uppföljning om 6 månader.").
QString conclusionOf(const ReferralAnswer &answer)
{
    QString management = managementDisplay(answer.management);
    if (answer.followUpMonths > 0)
        management += QStringLiteral(" (%1 månader)").arg(answer.followUpMonths);
    return answer.description + QStringLiteral("\n\nHandläggning: ") + management + u'.';
}

} // namespace

QJsonObject fhirServiceRequest(const Referral &referral)
{
    QJsonArray media;
    for (qsizetype i = 0; i < referral.images.size(); ++i)
        media.append(reference(s("Media"), mediaId(referral, i)));
    QJsonObject request{
        {s("resourceType"), s("ServiceRequest")},
        {s("id"), referral.id},
        {s("status"), serviceRequestStatus(referral.state)},
        {s("intent"), s("order")},
        {s("category"), dermatologyCategory()},
        {s("priority"), toString(referral.priority)},
        {s("code"), QJsonObject{{s("text"), s("Teledermatologisk bedömning")}}},
        {s("subject"), reference(s("Patient"), referral.patientId)},
        {s("authoredOn"), isoTime(referral.sentAt)},
        {s("requester"), practitioner(referral.sentBy, referral.sentByName)},
        {s("performer"), QJsonArray{reference(s("Organization"), referral.toUnitId)}},
        {s("reasonCode"), QJsonArray{QJsonObject{{s("text"), referral.question}}}},
        {s("bodySite"), QJsonArray{bodySiteOf(referral)}},
        {s("note"), QJsonArray{QJsonObject{{s("text"), historyText(referral.history)}}}},
    };
    if (!media.isEmpty())
        request.insert(s("supportingInfo"), media);
    return request;
}

QJsonArray fhirMedia(const Referral &referral)
{
    QJsonArray list;
    for (qsizetype i = 0; i < referral.images.size(); ++i) {
        const ReferralImage &image = referral.images.at(i);
        QJsonObject media{
            {s("resourceType"), s("Media")},
            {s("id"), mediaId(referral, i)},
            {s("status"), s("completed")},
            {s("basedOn"), QJsonArray{reference(s("ServiceRequest"), referral.id)}},
            {s("type"), codeable("http://terminology.hl7.org/CodeSystem/media-type", s("image"), s("Image"))},
            {s("modality"),
             codeable("http://dicom.nema.org/resources/ontology/DCM", s("XC"), s("External-camera Photography"))},
            {s("view"), codeable(kImageViewSystem, image.view, imageViewDisplay(image.view))},
            {s("subject"), reference(s("Patient"), referral.patientId)},
            {s("bodySite"), bodySiteOf(referral)},
            {s("issued"), isoTime(image.addedAt)},
            {s("width"), image.width},
            {s("height"), image.height},
            {s("content"),
             QJsonObject{{s("contentType"), s("image/jpeg")},
                         {s("url"), QString(QStringLiteral("/api/v1/images/") + image.id)}}},
        };
        if (image.takenAt > 0)
            media.insert(s("createdDateTime"), isoTime(image.takenAt));
        list.append(media);
    }
    return list;
}

QJsonValue fhirDiagnosticReport(const Referral &referral)
{
    if (!referral.answer)
        return QJsonValue::Null;
    const ReferralAnswer &answer = *referral.answer;
    QJsonArray media;
    for (qsizetype i = 0; i < referral.images.size(); ++i)
        media.append(QJsonObject{{s("link"), reference(s("Media"), mediaId(referral, i))}});
    QJsonObject report{
        {s("resourceType"), s("DiagnosticReport")},
        {s("id"), referral.id},
        {s("status"), s("final")},
        {s("basedOn"), QJsonArray{reference(s("ServiceRequest"), referral.id)}},
        {s("category"), dermatologyCategory()},
        {s("code"), QJsonObject{{s("text"), s("Dermatologiskt utlåtande")}}},
        {s("subject"), reference(s("Patient"), referral.patientId)},
        {s("issued"), isoTime(answer.answeredAt)},
        {s("performer"), QJsonArray{practitioner(answer.answeredBy, answer.answeredByName)}},
        {s("conclusion"), conclusionOf(answer)},
        {s("conclusionCode"), QJsonArray{codeable(kIcd10System, answer.diagnosis.code, answer.diagnosis.display)}},
    };
    if (!media.isEmpty())
        report.insert(s("media"), media);
    return report;
}

QJsonObject referralFhir(const Referral &referral)
{
    return {{s("serviceRequest"), fhirServiceRequest(referral)},
            {s("media"), fhirMedia(referral)},
            {s("diagnosticReport"), fhirDiagnosticReport(referral)}};
}

} // namespace nara::referrals
