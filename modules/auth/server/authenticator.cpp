#include "auth/server/authenticator.h"

#include "auth/core/accountrepository.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace nara::auth {

namespace {

QMutex g_settingsMutex;
SessionStore::Settings g_settings;

// Staff profiles (role, units, active) change seldom but are needed on every request: each worker
// thread keeps them for a few seconds. The session itself is checked in the database every time,
// so a logout or expiry takes effect at once; a change of role or units within kProfileTtlMs.
constexpr qint64 kProfileTtlMs = 5000;

struct CachedProfile
{
    StaffAccount account;
    qint64 fetchedAt = 0;
};

thread_local QHash<QString, CachedProfile> t_profiles;

Result<std::optional<StaffAccount>> staffProfile(WorkerContext &context, const QString &staffId)
{
    const qint64 now = context.clock.nowMs();
    if (auto cached = t_profiles.constFind(staffId);
        cached != t_profiles.constEnd() && now >= cached->fetchedAt && now - cached->fetchedAt < kProfileTtlMs)
        return std::optional<StaffAccount>{cached->account};
    auto staff = AccountRepository(context.db).staffById(staffId);
    if (!staff)
        return staff;
    if (staff->has_value()) {
        if (t_profiles.size() > 10'000)
            t_profiles.clear();
        t_profiles.insert(staffId, CachedProfile{**staff, now});
    }
    return staff;
}

Error unauthenticated()
{
    return Error{ErrorCode::Unauthenticated, QStringLiteral("Not signed in, or the session has ended."), {}};
}

} // namespace

void setSessionSettings(const SessionStore::Settings &settings)
{
    QMutexLocker lock(&g_settingsMutex);
    g_settings = settings;
}

SessionStore::Settings sessionSettings()
{
    QMutexLocker lock(&g_settingsMutex);
    return g_settings;
}

QByteArray bearerToken(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization").trimmed();
    constexpr qsizetype kScheme = 7; // "Bearer "
    if (header.size() <= kScheme || header.left(kScheme).toLower() != "bearer ")
        return {};
    return header.mid(kScheme).trimmed();
}

Result<Caller> authenticateToken(WorkerContext &context, QByteArrayView token)
{
    SessionStore sessions(context.db, context.clock, sessionSettings());
    auto session = sessions.validate(token);
    if (!session)
        return fail(session.error());

    Caller caller;
    caller.id = session->subjectId;
    caller.sessionHash = session->tokenHash;
    AccountRepository accounts(context.db);
    if (session->isStaff()) {
        auto staff = staffProfile(context, session->subjectId);
        if (!staff)
            return fail(staff.error());
        if (!staff->has_value() || !(*staff)->active)
            return fail(unauthenticated());
        caller.kind = Caller::Kind::Staff;
        caller.username = (*staff)->username;
        caller.displayName = (*staff)->displayName;
        caller.role = (*staff)->role;
        caller.unitIds = (*staff)->unitIds;
        caller.client = QStringLiteral("workstation");
    } else {
        auto patient = accounts.patientById(session->subjectId);
        if (!patient)
            return fail(patient.error());
        if (!patient->has_value())
            return fail(unauthenticated());
        caller.kind = Caller::Kind::Patient;
        caller.displayName = (*patient)->name;
        caller.client = QStringLiteral("portal");
    }
    return caller;
}

Result<Caller> authenticate(WorkerContext &context, const QHttpServerRequest &request)
{
    const QByteArray token = bearerToken(request);
    if (token.isEmpty())
        return fail(unauthenticated());
    return authenticateToken(context, token);
}

Result<Caller> authenticateStaff(WorkerContext &context, const QHttpServerRequest &request)
{
    auto caller = authenticate(context, request);
    if (caller && !caller->isStaff())
        return fail(ErrorCode::Forbidden, QStringLiteral("This needs a staff session."));
    return caller;
}

Result<Caller> authenticatePatient(WorkerContext &context, const QHttpServerRequest &request)
{
    auto caller = authenticate(context, request);
    if (caller && !caller->isPatient())
        return fail(ErrorCode::Forbidden, QStringLiteral("This needs a patient session."));
    return caller;
}

} // namespace nara::auth
