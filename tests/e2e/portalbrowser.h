#pragma once

// The patient's browser for end-to-end tests of the portal (forms, measurements, the video visit):
// a QWebEnginePage (its console in the test log) driven through its DOM with runJavaScript, and,
// when NARA_SCREENSHOT_DIR is set, a view to save screenshots of the whole page for the user guide.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <algorithm>
#include <memory>

namespace nara::test {

inline QString screenshotDir()
{
    return qEnvironmentVariable("NARA_SCREENSHOT_DIR");
}

// Saves `widget` as <NARA_SCREENSHOT_DIR>/<name> after `settleMs` for the page (or video) to paint.
inline void saveScreenshot(QWidget *widget, const QString &name, int settleMs = 500)
{
    const QString dir = screenshotDir();
    if (dir.isEmpty())
        return;
    QTest::qWait(settleMs);
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).absoluteFilePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

// Shows the portal's console in the test log.
class PortalConsolePage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int line,
                                  const QString &source) override
    {
        qInfo("portal console: %s:%d %s", qPrintable(source), line, qPrintable(message));
    }
};

// The patient's browser, driven through the page's DOM. Camera and microphone are granted to
// `mediaOrigin` (the server, for a video visit) and to no one else.
class PatientBrowser
{
public:
    explicit PatientBrowser(const QUrl &mediaOrigin = {})
        : m_profile(new QWebEngineProfile)
        , m_page(new PortalConsolePage(m_profile.get()))
    {
        m_page->settings()->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, false);
        QObject::connect(m_page.get(), &QWebEnginePage::featurePermissionRequested, m_page.get(),
                         [this, mediaOrigin](const QUrl &origin, QWebEnginePage::Feature feature) {
                             const bool ours = mediaOrigin.isValid() && origin.host() == mediaOrigin.host()
                                 && origin.port() == mediaOrigin.port();
                             m_page->setFeaturePermission(origin, feature,
                                                          ours ? QWebEnginePage::PermissionGrantedByUser
                                                               : QWebEnginePage::PermissionDeniedByUser);
                         });
        QObject::connect(m_page.get(), &QWebEnginePage::loadFinished, m_page.get(), [this](bool ok) { m_loaded = ok; });
        if (!screenshotDir().isEmpty()) { // a view to grab; it does not own the page
            m_view = std::make_unique<QWebEngineView>();
            m_view->setPage(m_page.get());
            m_view->resize(900, 650);
            m_view->show();
        }
    }
    ~PatientBrowser()
    {
        m_view.reset();
        m_page.reset(); // the page goes before its profile
    }

    void open(const QUrl &url)
    {
        m_loaded = false;
        m_page->load(url);
    }
    void reload()
    {
        m_loaded = false;
        m_page->triggerAction(QWebEnginePage::Reload);
    }
    bool loaded() const { return m_loaded; }

    // Runs a script and waits for its (JSON-able) value.
    QVariant js(const QString &script, int timeoutMs = 10000)
    {
        QVariant result;
        bool done = false;
        m_page->runJavaScript(script, [&](const QVariant &value) {
            result = value;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, timeoutMs);
        return result;
    }
    QString text(const QString &id)
    {
        return js(QStringLiteral("(document.getElementById('%1') || {}).textContent || ''").arg(id)).toString();
    }
    bool visible(const QString &id)
    {
        return js(QStringLiteral("(function(e){return !!e && !e.hidden && "
                                 "!e.closest('[hidden]');})(document.getElementById('%1'))")
                      .arg(id))
            .toBool();
    }
    void click(const QString &id) { js(QStringLiteral("document.getElementById('%1').click()").arg(id)); }
    void type(const QString &id, const QString &value)
    {
        js(QStringLiteral("(function(e){e.focus(); e.value = %2; e.dispatchEvent(new Event('input'));"
                          "e.dispatchEvent(new Event('change'));})(document.getElementById('%1'))")
               .arg(id, jsString(value)));
    }
    // Clicks the radio button of `code` in the question `linkId`, as a patient taps it.
    bool choose(const QString &linkId, const QString &code)
    {
        return js(QStringLiteral("(function(e){if (!e) return false; e.click(); return e.checked;})"
                                 "(document.querySelector('input[name=\"q-%1\"][value=\"%2\"]'))")
                      .arg(linkId, code))
            .toBool();
    }
    static QString jsString(const QString &value)
    {
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).chopped(1).mid(1);
    }
    // The whole page (900 wide, up to `maxHeight` high), as a patient would scroll through it.
    void screenshot(const QString &name, int maxHeight = 1600, int settleMs = 500)
    {
        if (!m_view)
            return;
        m_view->resize(900, 650); // measure from the smallest size: the page fills at least the view
        QTest::qWait(300);
        const int height = js(QStringLiteral("document.documentElement.scrollHeight")).toInt();
        m_view->resize(900, std::clamp(height, 650, maxHeight));
        js(QStringLiteral("window.scrollTo(0, 0)"));
        saveScreenshot(m_view.get(), name, settleMs);
    }

private:
    std::unique_ptr<QWebEngineProfile> m_profile;
    std::unique_ptr<QWebEnginePage> m_page;
    std::unique_ptr<QWebEngineView> m_view; // only for screenshots
    bool m_loaded = false;
};

} // namespace nara::test
