#pragma once

// The repository fixture with the accounts the auth-repository tests share: the seeded units,
// staff, patients and care relations, and a staff member's Caller.
#include "auth/core/accountrepository.h"
#include "auth/core/caller.h"
#include "repositoryfixture.h"
#include "storage/core/transactionguard.h"

#include <QDate>

namespace nara::test {

class AuthRepositoryFixture : public RepositoryFixture
{
protected:
    // A fixed "today" for resolving short personnummer forms.
    static inline const QDate kToday{2025, 11, 24};
    static inline const QString kHash
        = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"); // never checked here

    // Two units, three staff, three patients and their care relations.
    void seed()
    {
        auth::AccountRepository accounts(*m_db);
        auto transaction = storage::TransactionGuard::begin(*m_db);
        VERIFY_OK(transaction);
        VERIFY_OK(accounts.addUnit({u"u-asa"_qs, u"Vårdcentralen Åsa"_qs, u"care_centre"_qs, u"Halland"_qs}));
        VERIFY_OK(accounts.addUnit({u"u-vaxjo"_qs, u"Hudmottagningen Växjö"_qs, u"dermatology"_qs, u"Kronoberg"_qs}));
        VERIFY_OK(accounts.addUnit({u"u-ljungby"_qs, u"Hemsjukvården Ljungby"_qs, u"municipal"_qs, u"Kronoberg"_qs}));
        VERIFY_OK(accounts.addStaff({u"s-asa"_qs, u"åsa.öberg"_qs, u"Åsa Öberg"_qs, u"nurse"_qs, {u"u-asa"_qs}, true},
                                    kHash));
        VERIFY_OK(accounts.addStaff(
            {u"s-ake"_qs, u"åke.ärlig"_qs, u"Åke Ärlig"_qs, u"dermatologist"_qs, {u"u-vaxjo"_qs}, true}, kHash));
        VERIFY_OK(accounts.addStaff(
            {u"s-bo"_qs, u"bo.both"_qs, u"Bo Båda"_qs, u"gp"_qs, {u"u-vaxjo"_qs, u"u-asa"_qs}, true}, kHash));
        VERIFY_OK(accounts.addStaff(
            {u"s-admin"_qs, u"admin"_qs, u"Admin Ljungby"_qs, u"admin"_qs, {u"u-ljungby"_qs}, true}, kHash));
        VERIFY_OK(accounts.addPatient({u"p-asa"_qs, u"19121212-1212"_qs, u"Tolvan Tolvansson"_qs, u"+46701234567"_qs},
                                      kToday));
        VERIFY_OK(accounts.addPatient({u"p-vaxjo"_qs, u"19811218-9876"_qs, u"Märta Ödmark"_qs, {}}, kToday));
        VERIFY_OK(accounts.addPatient({u"p-both"_qs, u"194501011235"_qs, u"Göran Älvsjö"_qs, {}}, kToday));
        VERIFY_OK(accounts.addCareRelation(u"p-asa"_qs, u"u-asa"_qs));
        VERIFY_OK(accounts.addCareRelation(u"p-vaxjo"_qs, u"u-vaxjo"_qs));
        VERIFY_OK(accounts.addCareRelation(u"p-both"_qs, u"u-asa"_qs));
        VERIFY_OK(accounts.addCareRelation(u"p-both"_qs, u"u-vaxjo"_qs));
        VERIFY_OK(transaction->commit());
    }

    auth::Caller staffCaller(const QString &username)
    {
        auto account = auth::AccountRepository(*m_db).staffByUsername(username);
        auth::Caller caller;
        if (!account || !account->has_value())
            return caller;
        caller.kind = auth::Caller::Kind::Staff;
        caller.id = (*account)->id;
        caller.username = (*account)->username;
        caller.displayName = (*account)->displayName;
        caller.role = (*account)->role;
        caller.unitIds = (*account)->unitIds;
        caller.client = u"workstation"_qs;
        return caller;
    }
};

} // namespace nara::test
