#include "referrals/ui/referraldraft.h"

#include "referrals/core/imagesharpness.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace nara::referrals {

namespace {

// The translation context of the quality check's words (shared by both dialogs).
struct DraftTexts
{
    Q_DECLARE_TR_FUNCTIONS(nara::referrals::ReferralDraft)
};

int countBlurred(const QList<DraftImage> &images)
{
    return int(std::ranges::count_if(images, &DraftImage::looksBlurred));
}

// The images for the body, and each distinct processed image once for the uploads.
std::pair<QJsonArray, QList<ProcessedImage>> imagesOf(const QList<DraftImage> &images)
{
    QJsonArray named;
    QList<ProcessedImage> uploads;
    QSet<QString> seen;
    for (const DraftImage &image : images) {
        named.append(image.toJson());
        if (!seen.contains(image.processed.sha256)) {
            seen.insert(image.processed.sha256);
            uploads.append(image.processed);
        }
    }
    return {named, uploads};
}

} // namespace

QString draftProblemText(DraftProblem problem)
{
    switch (problem) {
    case DraftProblem::NoUnit: return DraftTexts::tr("Choose the dermatology unit to send to.");
    case DraftProblem::NoQuestion: return DraftTexts::tr("Write the clinical question.");
    case DraftProblem::NoBodySite: return DraftTexts::tr("Choose the body site, on the map or in the list.");
    case DraftProblem::NoImages: return DraftTexts::tr("Add at least one image.");
    case DraftProblem::NoOverview: return DraftTexts::tr("Mark at least one image as an overview.");
    case DraftProblem::NoCloseUp: return DraftTexts::tr("Mark at least one image as a close-up or dermoscopy.");
    case DraftProblem::ImagesPending: return DraftTexts::tr("Wait until every image is processed.");
    case DraftProblem::NoReply: return DraftTexts::tr("Write your reply to the dermatologist's question.");
    }
    return {};
}

QString draftCheckText(const DraftCheck &check)
{
    QStringList lines;
    for (const DraftProblem problem : check.problems)
        lines.append(draftProblemText(problem));
    if (lines.isEmpty() && check.blurredImages > 0)
        lines.append(DraftTexts::tr("%n image(s) look blurred: the dermatologist may not be able to "
                                    "judge them. Take them again, or send anyway.",
                                    nullptr, check.blurredImages));
    return lines.join(u'\n');
}

bool DraftImage::looksBlurred() const
{
    return referrals::looksBlurred(sharpness);
}

QJsonObject DraftImage::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), processed.sha256}, {QStringLiteral("view"), view}, {QStringLiteral("takenAt"), takenAt}};
}

DraftCheck ReferralInput::check() const
{
    DraftCheck result;
    if (toUnitId.isEmpty())
        result.problems.append(DraftProblem::NoUnit);
    if (question.trimmed().isEmpty())
        result.problems.append(DraftProblem::NoQuestion);
    if (bodySiteCode.isEmpty())
        result.problems.append(DraftProblem::NoBodySite);
    if (images.isEmpty() && pendingImages == 0) {
        result.problems.append(DraftProblem::NoImages);
    } else if (pendingImages == 0) {
        const auto isView = [](const QString &view) {
            return [view](const DraftImage &image) {
                return image.view == view;
            };
        };
        if (std::ranges::none_of(images, isView(QStringLiteral("overview"))))
            result.problems.append(DraftProblem::NoOverview);
        if (std::ranges::none_of(images, isView(QStringLiteral("close_up")))
            && std::ranges::none_of(images, isView(QStringLiteral("dermoscopy"))))
            result.problems.append(DraftProblem::NoCloseUp);
    }
    if (pendingImages > 0)
        result.problems.append(DraftProblem::ImagesPending);
    result.blurredImages = countBlurred(images);
    return result;
}

ReferralDraft ReferralInput::draft() const
{
    auto [named, uploads] = imagesOf(images);
    const QJsonObject body{
        {QStringLiteral("patientId"), patientId},
        {QStringLiteral("toUnitId"), toUnitId},
        {QStringLiteral("question"), question.trimmed()},
        {QStringLiteral("history"),
         QJsonObject{{QStringLiteral("duration"), duration.trimmed()},
                     {QStringLiteral("changedRecently"), changedRecently},
                     {QStringLiteral("itchOrBleeding"), itchOrBleeding},
                     {QStringLiteral("earlierSkinCancer"), earlierSkinCancer}}},
        {QStringLiteral("bodySite"), QJsonObject{{QStringLiteral("code"), bodySiteCode}}},
        {QStringLiteral("priority"), urgent ? QStringLiteral("urgent") : QStringLiteral("routine")},
        {QStringLiteral("images"), named},
    };
    return {body, uploads};
}

DraftCheck AddImagesInput::check() const
{
    DraftCheck result;
    if (images.isEmpty() && pendingImages == 0)
        result.problems.append(DraftProblem::NoImages);
    if (pendingImages > 0)
        result.problems.append(DraftProblem::ImagesPending);
    if (reply.trimmed().isEmpty())
        result.problems.append(DraftProblem::NoReply);
    result.blurredImages = countBlurred(images);
    return result;
}

AddImagesDraft AddImagesInput::draft() const
{
    auto [named, uploads] = imagesOf(images);
    return {QJsonObject{{QStringLiteral("images"), named}, {QStringLiteral("reply"), reply.trimmed()}}, uploads};
}

} // namespace nara::referrals
