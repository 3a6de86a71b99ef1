#pragma once

#include <QString>

namespace nara::workstation {

class InboxStore;

// A small, clearly fictional inbox (test personnummer, invented names) for `nara --screenshots`
// without a server, and for trying the window out. Never mixed with synced data.
void fillSampleInbox(InboxStore &store, qint64 nowMs, const QString &staffId);

} // namespace nara::workstation
