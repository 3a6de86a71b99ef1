#include "auth/core/accesspolicy.h"

#include "auth/core/accountrepository.h"

#include <QSqlQuery>

namespace nara::auth {

namespace {

Error noSuchPatient()
{
    return Error::notFound(QStringLiteral("No such patient."));
}

Error noSuchItem()
{
    return Error::notFound(QStringLiteral("No such item."));
}

QVariantList withUnits(const QString &first, const QStringList &unitIds)
{
    QVariantList values{first};
    for (const QString &unit : unitIds)
        values.append(unit);
    return values;
}

} // namespace

Result<void> AccessPolicy::requirePatient(const Caller &caller, const QString &patientId)
{
    if (patientId.isEmpty())
        return fail(noSuchPatient());
    if (caller.isPatient()) {
        if (caller.id != patientId)
            return fail(noSuchPatient());
        return {};
    }
    // Every role, admin included, sees a patient only through a care relation with one of its units.
    if (caller.unitIds.isEmpty())
        return fail(noSuchPatient());
    auto found = m_database.scalar(QStringLiteral("SELECT 1 FROM care_relations WHERE patient_id = ? AND unit_id IN (")
                                       + placeholders(caller.unitIds.size()) + QStringLiteral(") LIMIT 1"),
                                   withUnits(patientId, caller.unitIds));
    if (!found)
        return fail(found.error());
    if (found->isNull())
        return fail(noSuchPatient());
    return {};
}

Result<void> AccessPolicy::requireItem(const Caller &caller, const QString &itemId)
{
    if (itemId.isEmpty())
        return fail(noSuchItem());
    Result<QVariant> found = QVariant();
    if (caller.isPatient()) {
        if (caller.id.isEmpty())
            return fail(noSuchItem());
        found = m_database.scalar(QStringLiteral("SELECT 1 FROM inbox_items WHERE id = ? AND patient_id = ?"),
                                  {itemId, caller.id});
    } else {
        if (caller.unitIds.isEmpty())
            return fail(noSuchItem());
        found = m_database.scalar(QStringLiteral("SELECT 1 FROM inbox_items WHERE id = ? AND unit_id IN (")
                                      + placeholders(caller.unitIds.size()) + QStringLiteral(")"),
                                  withUnits(itemId, caller.unitIds));
    }
    if (!found)
        return fail(found.error());
    if (found->isNull())
        return fail(noSuchItem());
    return {};
}

bool AccessPolicy::hasRole(const Caller &caller, std::initializer_list<QStringView> roles) const
{
    if (!caller.isStaff())
        return false;
    for (QStringView role : roles) {
        if (caller.role == role)
            return true;
    }
    return false;
}

} // namespace nara::auth
