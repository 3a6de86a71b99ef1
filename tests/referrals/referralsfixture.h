#pragma once

// The fixture of the referral storage tests: the auth repository fixture's units, staff and
// patients (tests/storage/authfixture.h) on SQLite and PostgreSQL, plus a second care centre with
// a GP and a second dermatology clinic with a dermatologist, uploaded images and a sent referral.
//   u-asa      care centre   s-asa (nurse), s-bo (gp, also in u-vaxjo)   patients p-asa, p-both
//   u-vaxjo    dermatology   s-ake (dermatologist), s-bo                 patients p-vaxjo, p-both
//   u-teleborg care centre   s-tele (gp)
//   u-lund     dermatology   s-lund (dermatologist)
#include "../storage/authfixture.h"
#include "referrals/core/referralworkflow.h"
#include "referrals/core/uploadedimagerepository.h"

#include <QCryptographicHash>

namespace nara::test {

class ReferralsFixture : public AuthRepositoryFixture
{
protected:
    static constexpr qint64 kHour = 60LL * 60 * 1000;
    static constexpr qint64 kDay = 24 * kHour;
    // Wednesday 2026-11-18 09:00 in Stockholm (08:00 UTC).
    static constexpr qint64 kWednesday = 1'794'988'800'000LL;

    void openReferrals(const QString &connectionPrefix)
    {
        openDatabase(connectionPrefix);
        if (QTest::currentTestFailed())
            return;
        m_clock.setMs(kWednesday);
        seed();
        auth::AccountRepository accounts(*m_db);
        auto transaction = storage::TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(
            accounts.addUnit({u"u-teleborg"_qs, u"Vårdcentralen Teleborg"_qs, u"care_centre"_qs, u"Kronoberg"_qs}));
        VERIFY_OK(accounts.addUnit({u"u-lund"_qs, u"Hudkliniken Lund"_qs, u"dermatology"_qs, u"Skåne"_qs}));
        VERIFY_OK(accounts.addStaff(
            {u"s-tele"_qs, u"tora.tele"_qs, u"Tora Telefors"_qs, u"gp"_qs, {u"u-teleborg"_qs}, true}, kHash));
        VERIFY_OK(accounts.addStaff(
            {u"s-lund"_qs, u"lars.lund"_qs, u"Lars Lundin"_qs, u"dermatologist"_qs, {u"u-lund"_qs}, true}, kHash));
        VERIFY_OK(transaction->commit());
    }

    // An image as if uploaded by `staffId` now: 64 hex digits from `seed`, stored hashes of its own.
    QString upload(const QString &staffId, const QString &seed)
    {
        const QString id
            = QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha256).toHex());
        referrals::UploadedImage image;
        image.id = id;
        image.storedHash = QString(64, u'a').replace(0, 8, id.left(8));
        image.thumbnailHash = QString(64, u'b').replace(0, 8, id.left(8));
        image.width = 1200;
        image.height = 800;
        image.uploadedBy = staffId;
        image.uploadedAt = m_clock.nowMs();
        auto transaction = storage::TransactionGuard::begin(*m_db);
        if (!transaction)
            return {};
        auto inserted = referrals::UploadedImageRepository(*m_db).insert(image);
        if (!inserted || !transaction->commit())
            return {};
        return id;
    }

    static referrals::NewReferral newReferral(const QString &patientId, const QStringList &imageIds,
                                              const QString &toUnit = QStringLiteral("u-vaxjo"),
                                              referrals::ReferralPriority priority
                                              = referrals::ReferralPriority::Routine)
    {
        referrals::NewReferral input;
        input.patientId = patientId;
        input.toUnitId = toUnit;
        input.question = u"Pigmenterad förändring som vuxit, malignitet?"_qs;
        input.history = {u"3 månader"_qs, true, false, false};
        input.bodySite = {u"14975008:272741003=7771000"_qs, u"Vänster underarm"_qs};
        input.priority = priority;
        for (qsizetype i = 0; i < imageIds.size(); ++i)
            input.images.append({imageIds.at(i), i == 0 ? u"overview"_qs : u"close_up"_qs, i == 0 ? 0 : 1000});
        return input;
    }

    referrals::ReferralWorkflow workflow(int dueDays = referrals::kDefaultReferralDueDays)
    {
        return referrals::ReferralWorkflow(*m_db, m_clock, referrals::ReferralSettings{dueDays});
    }

    // Runs one workflow step as `username` in a transaction of its own (committed when it succeeds).
    template<typename Step> auto as(const QString &username, Step step) -> decltype(step(auth::Caller{}))
    {
        auto transaction = storage::TransactionGuard::begin(*m_db);
        if (!transaction)
            return fail(transaction.error());
        auto result = step(staffCaller(username));
        if (!result)
            return result;
        if (auto committed = transaction->commit(); !committed)
            return fail(committed.error());
        return result;
    }

    // A routine referral of p-asa from u-asa to u-vaxjo by the nurse, with two images.
    Result<referrals::Referral> sendOne()
    {
        const QStringList images{upload(u"s-asa"_qs, u"overview"_qs), upload(u"s-asa"_qs, u"close"_qs)};
        return as(u"åsa.öberg"_qs, [&](const auth::Caller &caller) {
            return workflow().send(caller, newReferral(u"p-asa"_qs, images));
        });
    }

    int rows(const QString &sql, const QVariantList &values = {})
    {
        auto n = m_db->scalar(sql, values);
        return n ? n->toInt() : -1;
    }
};

} // namespace nara::test
