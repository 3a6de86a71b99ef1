#include "call/ui/callbridge.h"

#include <QLoggingCategory>

namespace nara::call {

Q_LOGGING_CATEGORY(lcCallPage, "nara.call.page")

void CallBridge::log(const QString &text)
{
    qCDebug(lcCallPage).noquote() << text;
}

} // namespace nara::call
