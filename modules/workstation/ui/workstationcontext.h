#pragma once

#include <QString>

namespace nara {
class Clock;
}

namespace nara::workstation {

class InboxStore;
class WriteSink;

// What the composition root hands the windows (DESIGN.md §5): the store the sync engine keeps
// current, where writes go, the clock, and who is signed in. The windows own none of it.
struct WorkstationContext
{
    InboxStore *store = nullptr;
    WriteSink *sink = nullptr;
    const Clock *clock = nullptr;
    QString staffId;
    QString staffName;
    QString serverUrl;
    QString token; // for the few online-only requests (portal invitations); empty without a server
};

} // namespace nara::workstation
