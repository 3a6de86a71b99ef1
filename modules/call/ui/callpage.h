#pragma once

#include <QWebEnginePage>

namespace nara::call {

// The call page's QWebEnginePage: camera and microphone only for the call page's own qrc: origin,
// every other permission denied, no navigation away from qrc:/call/call.html, console to the log.
class CallPage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallPage)
public:
    static QUrl pageUrl();

    explicit CallPage(QWebEngineProfile *profile, QObject *parent = nullptr);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                  const QString &source) override;

private:
    void answerPermission(const QUrl &origin, Feature feature);
};

} // namespace nara::call
