#include "call/ui/callpage.h"

#include <QLoggingCategory>

namespace nara::call {

Q_LOGGING_CATEGORY(lcCallConsole, "nara.call.console")

QUrl CallPage::pageUrl()
{
    return QUrl(QStringLiteral("qrc:/call/call.html"));
}

CallPage::CallPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
    connect(this, &QWebEnginePage::featurePermissionRequested, this, &CallPage::answerPermission);
}

void CallPage::answerPermission(const QUrl &origin, Feature feature)
{
    const bool media
        = feature == MediaAudioCapture || feature == MediaVideoCapture || feature == MediaAudioVideoCapture;
    const bool ours = origin.scheme() == u"qrc";
    setFeaturePermission(origin, feature, media && ours ? PermissionGrantedByUser : PermissionDeniedByUser);
}

bool CallPage::acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame)
{
    return isMainFrame && url.scheme() == u"qrc" && url.path() == pageUrl().path();
}

void CallPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                        const QString &source)
{
    if (level == ErrorMessageLevel)
        qCWarning(lcCallConsole).noquote() << source << line << message;
    else
        qCDebug(lcCallConsole).noquote() << source << line << message;
}

} // namespace nara::call
