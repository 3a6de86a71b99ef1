#pragma once

// The patient's browser for end-to-end tests of the portal: a QWebEnginePage (its console in the
// test log) driven through its DOM with runJavaScript, and, when NARA_SCREENSHOT_DIR is set, a view
// to save screenshots of the whole page for the user guide.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <algorithm>
#include <memory>

namespace nara::test {

inline QString screenshotDir()
{
    return qEnvironmentVariable("NARA_SCREENSHOT_DIR");
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

// The patient's browser, driven through the page's DOM.
class PatientBrowser
{
public:
    PatientBrowser()
        : m_profile(new QWebEngineProfile)
        , m_page(new PortalConsolePage(m_profile.get()))
    {
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
    bool loaded() const { return m_loaded; }

    // Runs a script and waits for its (JSON-able) value.
    QVariant js(const QString &script)
    {
        QVariant result;
        bool done = false;
        m_page->runJavaScript(script, [&](const QVariant &value) {
            result = value;
            done = true;
        });
        (void)QTest::qWaitFor([&] { return done; }, 10000);
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
    // The whole page (900 wide, up to 1600 high), as a patient would scroll through it.
    void screenshot(const QString &name)
    {
        if (!m_view)
            return;
        m_view->resize(900, 650); // measure from the smallest size: the page fills at least the view
        QTest::qWait(300);
        const int height = js(QStringLiteral("document.documentElement.scrollHeight")).toInt();
        m_view->resize(900, std::clamp(height, 650, 1600));
        js(QStringLiteral("window.scrollTo(0, 0)"));
        QTest::qWait(500);
        QVERIFY(QDir().mkpath(screenshotDir()));
        const QString path = QDir(screenshotDir()).absoluteFilePath(name);
        QVERIFY2(m_view->grab().save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private:
    std::unique_ptr<QWebEngineProfile> m_profile;
    std::unique_ptr<QWebEnginePage> m_page;
    std::unique_ptr<QWebEngineView> m_view; // only for screenshots
    bool m_loaded = false;
};

} // namespace nara::test
