#include "demo/core/demoreferrals.h"

#include "referrals/core/imagepipeline.h"
#include "referrals/core/imagestore.h"
#include "referrals/core/referralinput.h"
#include "referrals/core/referralworkflow.h"
#include "referrals/core/samplephotos.h"
#include "referrals/core/uploadedimagerepository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace nara::demo {

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kDay = 24 * kHour;

// What one demo referral says and where it is in its life.
struct DemoReferral
{
    const char *site; // a body site code of the catalog
    const char *question;
    const char *duration;
    bool changed;
    bool itch;
    bool earlierCancer;
    bool urgent;
    qint64 sentAgo;
    enum class Then { Wait, Answer, AskForMore } then;
};

const DemoReferral kReferrals[] = {
    {"77568009", "Pigmenterat födelsemärke på ryggen som patienten tycker har vuxit. Benignt?", "cirka 1 år", true,
     false, false, false, 2 * kDay, DemoReferral::Then::Wait},
    {"40983000:272741003=7771000",
     "Oregelbundet pigmenterad förändring, asymmetrisk med flera färger, ny sedan i våras. Misstänkt melanom.",
     "4 månader", true, true, false, true, 3 * kHour, DemoReferral::Then::Wait},
    {"51185008", "Skrovlig brun förändring på bröstet. Seborroisk keratos eller något att ta bort?", "flera år", false,
     true, false, false, 6 * kDay, DemoReferral::Then::Answer},
    {"89545001", "Sår på kinden som inte läker och blöder ibland. Tidigare basalcellscancer på näsan.", "3 månader",
     true, true, true, false, 4 * kDay, DemoReferral::Then::AskForMore},
};

Result<QString> storeUpload(storage::Database &database, referrals::ImageStore &images, const QByteArray &jpeg,
                            const QString &staffId, qint64 at)
{
    auto processed = referrals::ImagePipeline().process(jpeg);
    if (!processed)
        return fail(processed.error());
    auto stored = images.put(processed->image);
    if (!stored)
        return fail(stored.error());
    auto thumbnail = images.put(processed->thumbnail);
    if (!thumbnail)
        return fail(thumbnail.error());
    // As if the workstation had uploaded it: its id is the hash of what it sent.
    referrals::UploadedImage upload{processed->sha256, *stored, *thumbnail, processed->width,
                                    processed->height, staffId, at};
    if (auto inserted = referrals::UploadedImageRepository(database).insert(upload); !inserted)
        return fail(inserted.error());
    return processed->sha256;
}

} // namespace

Result<int> addReferrals(storage::Database &database, const Clock &clock, referrals::ImageStore &images,
                         const QList<SelfCarePatient> &patients, const auth::Caller &sender,
                         const auth::Caller &dermatologist)
{
    int items = 0;
    const qint64 now = clock.nowMs();
    quint32 seed = 7;
    for (qsizetype i = 0; i < qMin(patients.size(), qsizetype(std::size(kReferrals))); ++i) {
        const DemoReferral &demo = kReferrals[i];
        const FixedClock sentClock(now - demo.sentAgo);
        auto overview = storeUpload(database, images, referrals::drawSampleLesionPhoto(seed++, false), sender.id,
                                    sentClock.nowMs());
        if (!overview)
            return fail(overview.error());
        auto closeUp = storeUpload(database, images, referrals::drawSampleLesionPhoto(seed++, true), sender.id,
                                   sentClock.nowMs());
        if (!closeUp)
            return fail(closeUp.error());
        const QJsonObject body{
            {QStringLiteral("patientId"), patients.at(i).patientId},
            {QStringLiteral("toUnitId"), QStringLiteral("unit-derm")},
            {QStringLiteral("question"), QString::fromUtf8(demo.question)},
            {QStringLiteral("history"),
             QJsonObject{{QStringLiteral("duration"), QString::fromUtf8(demo.duration)},
                         {QStringLiteral("changedRecently"), demo.changed},
                         {QStringLiteral("itchOrBleeding"), demo.itch},
                         {QStringLiteral("earlierSkinCancer"), demo.earlierCancer}}},
            {QStringLiteral("bodySite"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(demo.site)}}},
            {QStringLiteral("priority"), demo.urgent ? QStringLiteral("urgent") : QStringLiteral("routine")},
            {QStringLiteral("images"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("id"), *overview}, {QStringLiteral("view"), QStringLiteral("overview")}},
                 QJsonObject{{QStringLiteral("id"), *closeUp}, {QStringLiteral("view"), QStringLiteral("close_up")}}}}};
        auto input = referrals::NewReferral::fromJson(body);
        if (!input)
            return fail(input.error());
        auto sent = referrals::ReferralWorkflow(database, sentClock).send(sender, *input);
        if (!sent)
            return fail(sent.error());
        ++items;
        const FixedClock laterClock(now - demo.sentAgo / 2);
        if (demo.then == DemoReferral::Then::Answer) {
            auto answer = referrals::AnswerInput::fromJson(QJsonObject{
                {QStringLiteral("description"),
                 QStringLiteral("Välavgränsad, fettglänsande brun förändring med typiskt 'påklistrat' utseende och "
                                "hornpluggar. Inga tecken på malignitet.")},
                {QStringLiteral("diagnosis"), QStringLiteral("L82")},
                {QStringLiteral("management"), QStringLiteral("follow_up")},
                {QStringLiteral("followUpMonths"), 6}});
            if (!answer)
                return fail(answer.error());
            auto answered = referrals::ReferralWorkflow(database, laterClock).answer(dermatologist, sent->id, *answer);
            if (!answered)
                return fail(answered.error());
            ++items; // the sender's item with the answer
        } else if (demo.then == DemoReferral::Then::AskForMore) {
            auto ask = referrals::InfoRequestInput::fromJson(
                QJsonObject{{QStringLiteral("question"),
                             QStringLiteral("Kan ni komplettera med en dermatoskopisk bild av sårkanten?")}});
            if (!ask)
                return fail(ask.error());
            auto asked = referrals::ReferralWorkflow(database, laterClock).requestInfo(dermatologist, sent->id, *ask);
            if (!asked)
                return fail(asked.error());
            ++items;
        }
    }
    return items;
}

} // namespace nara::demo
