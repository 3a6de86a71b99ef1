// nara: the clinician workstation. Composition root only (DESIGN.md §5): parses the command line,
// installs the translator, signs in, builds the context (clock, local cache, sync engine on its own
// thread) and hands it to the main window.

#include "foundation/core/clock.h"
#include "sync/core/syncengine.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/sampleinbox.h"
#include "workstation/ui/screenshots.h"
#include "workstation/ui/workstation.h"
#include "workstation/ui/writesink.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace nara;
using namespace nara::workstation;

namespace {

// Writes made in the sample inbox (no server) go nowhere.
class DiscardingSink final : public WriteSink
{
public:
    void submit(const sync::PendingWrite &) override { }
};

int fail(const QString &message)
{
    std::fprintf(stderr, "nara: %s\n", qPrintable(message));
    return 1;
}

// Renders the screenshots once the window has settled (and, with a server, after the first sync).
void scheduleScreenshots(MainWindow &window, const QString &dir, sync::SyncEngine *engine)
{
    auto render = [&window, dir] {
        const auto rendered = renderScreenshots(window, dir);
        if (!rendered)
            std::fprintf(stderr, "nara: %s\n", qPrintable(rendered.error().message));
        QCoreApplication::exit(rendered ? 0 : 1);
    };
    if (!engine) {
        QTimer::singleShot(0, &window, render);
        return;
    }
    auto done = std::make_shared<bool>(false);
    auto once = [done, render] {
        if (!*done) {
            *done = true;
            render();
        }
    };
    QObject::connect(engine, &sync::SyncEngine::stateChanged, &window, [once](sync::SyncState state, int) {
        if (state == sync::SyncState::Online)
            QTimer::singleShot(500, once);
    });
    QTimer::singleShot(20'000, &window, once);
}

} // namespace

int main(int argc, char *argv[])
{
    // The video call's QWebEngineView shares OpenGL contexts with the widgets: set before the app.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Nara"));
    QApplication::setApplicationName(QStringLiteral("nara"));
    QApplication::setApplicationVersion(QStringLiteral(NARA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Nära clinician workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: sv (default) or en."),
                                        QStringLiteral("code"), QStringLiteral("sv"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server address."),
                                          QStringLiteral("url"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Username."), QStringLiteral("name"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password"), QStringLiteral("Password (demo and testing only)."), QStringLiteral("password"));
    const QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"), QStringLiteral("Write screenshots to DIR and quit."), QStringLiteral("dir"));
    parser.addOptions({langOption, serverOption, userOption, passwordOption, screenshotsOption});
    parser.process(app);

    const QString lang = parser.value(langOption) == u"en" ? QStringLiteral("en") : QStringLiteral("sv");
    QLocale::setDefault(QLocale(lang == u"en" ? QLocale::English : QLocale::Swedish, QLocale::Sweden));
    QTranslator translator;
    if (translator.load(QStringLiteral(":/i18n/nara_") + lang))
        QApplication::installTranslator(&translator);
    QTranslator qtTranslator;
    if (qtTranslator.load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    const QString screenshotDir = parser.value(screenshotsOption);
    const bool haveCredentials = parser.isSet(passwordOption) && parser.isSet(userOption);
    SystemClock clock;
    InboxStore store;

    // Screenshots without a server: the fictional sample inbox.
    if (!screenshotDir.isEmpty() && !haveCredentials) {
        Dialogs::setNonInteractive(true);
        DiscardingSink sink;
        const QString me = QStringLiteral("sample-staff");
        fillSampleInbox(store, clock.nowMs(), me);
        MainWindow window(WorkstationContext{&store, &sink, &clock, me, QStringLiteral("Anna Andersson"), {}, {}});
        window.setSyncState(sync::SyncState::Online, 0);
        scheduleScreenshots(window, screenshotDir, nullptr);
        return QApplication::exec();
    }

    ApiLoginService loginService(clock); // offline sign-in from the local cache when the server is unreachable
    LoginDialog login(&loginService);
    if (parser.isSet(serverOption))
        login.setServer(parser.value(serverOption));
    if (parser.isSet(userOption))
        login.setUsername(parser.value(userOption));
    if (haveCredentials) {
        login.setPassword(parser.value(passwordOption));
        QTimer::singleShot(0, &login, &LoginDialog::submit);
    }
    if (login.exec() != QDialog::Accepted)
        return login.errorText().isEmpty() ? 0 : fail(login.errorText());

    auto station = Workstation::open(login.session(), clock, Workstation::Options{});
    if (!station)
        return fail(station.error().message);
    MainWindow &window = (*station)->window();
    QObject::connect(station->get(), &Workstation::loggedOut, &window, [&window] {
        Dialogs::inform(&window, MainWindow::tr("Signed out"),
                        MainWindow::tr("Your session has ended. Sign in again to continue."));
        QCoreApplication::exit(0);
    });
    (*station)->start();
    window.show();
    if (!screenshotDir.isEmpty()) {
        Dialogs::setNonInteractive(true);
        scheduleScreenshots(window, screenshotDir, &(*station)->engine());
    }
    return QApplication::exec();
}
