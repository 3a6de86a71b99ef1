#pragma once

#include "sync/core/writesink.h"

namespace nara::workstation {

// The workstation's writes go to a sync::WriteSink; it lives in sync_core so that other areas'
// widgets (video_ui) submit writes the same way without depending on the workstation.
using WriteSink = sync::WriteSink;

} // namespace nara::workstation
