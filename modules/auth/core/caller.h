#pragma once

#include <QString>
#include <QStringList>

namespace nara::auth {

// Who is making a request, as established from a valid session.
struct Caller
{
    enum class Kind { Staff, Patient };

    Kind kind = Kind::Staff;
    QString id; // staff id or patient id
    QString username; // staff only
    QString displayName;
    QString role; // staff: nurse | gp | physio | municipal_nurse | dermatologist | quality_lead | admin
    QStringList unitIds; // staff: the care units the caller works in
    QString sessionHash; // the session's token hash (for logout)
    QString client; // "workstation", "portal" or the User-Agent, for the audit log

    bool isStaff() const { return kind == Kind::Staff; }
    bool isPatient() const { return kind == Kind::Patient; }
    // The unit an audit row names: the first of the caller's units.
    QString primaryUnit() const { return unitIds.value(0); }
};

} // namespace nara::auth
