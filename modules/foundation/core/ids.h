#pragma once

#include <QString>
#include <QUuid>

namespace nara {

// Random identifiers for new rows: created on the workstation or the server alike, so offline
// writes need no server round trip to get an id.
inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace nara
