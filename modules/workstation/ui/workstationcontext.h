#pragma once

#include "workstation/ui/writesink.h"

#include <QString>

namespace nara {
class Clock;
}

namespace nara::video {
class MediaDevices;
}

namespace nara::workstation {

class InboxStore;

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
    video::MediaDevices *mediaDevices = nullptr; // cameras and microphones; null: Qt Multimedia's
};

} // namespace nara::workstation
