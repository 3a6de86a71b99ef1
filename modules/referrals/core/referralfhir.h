#pragma once

#include "referrals/core/referral.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nara::referrals {

// The referral as FHIR R4 resources, for other systems and for the entity's "fhir" member:
// - ServiceRequest: status active (sent), on-hold (needs_info), completed (answered, acknowledged);
//   intent order; category dermatology (SNOMED CT 394582007); priority routine|urgent; subject the
//   Patient; requester the sender; performer the dermatology unit; reasonCode the question as text;
//   bodySite SNOMED CT; supportingInfo the Media; note the history.
// - Media, one per image (id "<referral id>-<n>"): status completed, basedOn the ServiceRequest,
//   type image, modality XC (DICOM external-camera photography), view the image view (Nära's code
//   system, Swedish display), bodySite, width/height, content.url "/api/v1/images/<id>".
// - DiagnosticReport once answered: status final, basedOn the ServiceRequest, conclusion the
//   description and the management in words, conclusionCode ICD-10, media the Media.
inline constexpr auto kImageViewSystem = "https://nara.example/fhir/CodeSystem/dermatology-image-view";

QJsonObject fhirServiceRequest(const Referral &referral);
QJsonArray fhirMedia(const Referral &referral);
// Null unless the referral has an answer.
QJsonValue fhirDiagnosticReport(const Referral &referral);
// {"serviceRequest","media","diagnosticReport"}
QJsonObject referralFhir(const Referral &referral);

} // namespace nara::referrals
