// Benchmark (not a test): the workstation with 100 000 inbox items.
//   first sync from a local server · cold start to a usable inbox from the cache ·
//   a search and a filter over the items · resident memory with them loaded.
// Prints figures; run by hand:  build/dev/tests/bench/bench_workstation [items]

#include "demo/core/demoregion.h"
#include "foundation/core/clock.h"
#include "foundation/core/ids.h"
#include "inbox/core/inboxrepository.h"
#include "serverprocess.h"
#include "storage/core/migrator.h"
#include "storage/core/transactionguard.h"
#include "sync/core/localcache.h"
#include "testhttp.h"
#include "workstation/ui/dialogs.h"
#include "workstation/ui/inboxstore.h"
#include "workstation/ui/logindialog.h"
#include "workstation/ui/loginservice.h"
#include "workstation/ui/mainwindow.h"
#include "workstation/ui/workstation.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace nara;
using namespace nara::workstation;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// 100 000 chat items in Falkenberg's pool, written the way the server writes them (repository +
// change log), before the server starts.
bool seed(const QString &dataDir, int count)
{
    auto db = storage::Database::open(storage::DatabaseConfig::sqliteFile(dataDir + QStringLiteral("/nara.db")),
                                      QStringLiteral("seed"));
    if (!db || !storage::Migrator(*db).migrate())
        return false;
    SystemClock clock;
    if (!demo::buildDemoRegion(*db, clock, 2026))
        return false;
    auto patient = db->scalar(QStringLiteral(
        "SELECT patient_id FROM care_relations WHERE unit_id = 'unit-falkenberg' ORDER BY patient_id LIMIT 1"));
    auto transaction = storage::TransactionGuard::begin(*db);
    if (!patient || !transaction)
        return false;
    inbox::InboxRepository repository(*db);
    const qint64 now = clock.nowMs();
    for (int i = 0; i < count; ++i) {
        inbox::InboxItem item;
        item.id = newId();
        item.kind = inbox::Kind::Chat;
        item.priority = i % 50 == 0 ? inbox::Priority::Urgent : inbox::Priority::Routine;
        item.priorityReason = QStringLiteral("Benchmark");
        item.unitId = QStringLiteral("unit-falkenberg");
        item.patientId = patient->toString();
        item.title = QStringLiteral("Fråga nummer %1 om recept och provsvar").arg(i);
        item.createdAt = now - qint64(i) * 60'000;
        item.updatedAt = item.createdAt;
        item.lastActivityAt = item.createdAt;
        item.dueAt = item.createdAt + 72 * 3'600'000LL;
        if (!repository.insert(item))
            return false;
    }
    return bool(transaction->commit());
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int items = argc > 1 ? QByteArray(argv[1]).toInt() : 100'000;
    Dialogs::setNonInteractive(true);

    test::ServerProcess server(QStringList{});
    QElapsedTimer timer;
    timer.start();
    if (!seed(server.dataDir(), items)) {
        std::fprintf(stderr, "seeding failed\n");
        return 1;
    }
    std::printf("seeded %d items on the server in %lld ms\n", items, timer.elapsed());
    if (!server.start()) {
        std::fprintf(stderr, "server did not start\n%s", server.output().constData());
        return 1;
    }

    ApiLoginService service;
    LoginDialog dialog(&service);
    dialog.setServer(server.url().toString());
    dialog.setUsername(QStringLiteral("anna"));
    dialog.setPassword(QStringLiteral("demo"));
    QTimer::singleShot(0, &dialog, &LoginDialog::submit);
    if (dialog.exec() != QDialog::Accepted)
        return 1;
    const LoginSession session = dialog.session();
    {
        // The server's share of a first sync: every page, nothing stored.
        test::TestHttp http(server.url());
        http.setToken(session.token.toUtf8());
        timer.restart();
        qint64 since = 0;
        int changes = 0;
        for (bool more = true; more;) {
            const test::HttpReply page = http.get(QStringLiteral("/api/v1/sync?since=%1&limit=5000").arg(since));
            if (page.status != 200)
                return 1;
            changes += int(page.json().value(QStringLiteral("changes")).toArray().size());
            since = page.json().value(QStringLiteral("next")).toInteger();
            more = page.json().value(QStringLiteral("more")).toBool();
        }
        std::printf("server alone: %d changes paged out in %lld ms\n", changes, timer.elapsed());
    }
    QTemporaryDir cacheDir;
    const QString cache = cacheDir.filePath(QStringLiteral("anna.sqlite"));
    SystemClock clock;

    {
        timer.restart();
        auto station = Workstation::open(session, clock, {cache, 600'000, true});
        if (!station)
            return 1;
        (*station)->start();
        waitUntil([&] { return (*station)->store().count() >= items; }, 600'000);
        std::printf("first sync of %d items: %lld ms (aim: under 10 000 ms)\n", (*station)->store().count(),
                    timer.elapsed());
        (*station)->stop();
    }

    server.terminate(); // the cache alone must do
    {
        // Where a start's time goes: opening the cache (with its integrity check), reading it.
        timer.restart();
        auto opened = sync::LocalCache::open(cache, QStringLiteral("bench-probe"));
        const qint64 openMs = timer.elapsed();
        timer.restart();
        const auto cached = opened ? opened->items() : Result<QList<inbox::InboxItem>>(fail(opened.error()));
        std::printf("  of which: opening the cache %lld ms, reading %lld items %lld ms\n", openMs,
                    cached ? qint64(cached->size()) : -1LL, timer.elapsed());
    }
    const qint64 rssBefore = residentKiB();
    timer.restart();
    auto station = Workstation::open(session, clock, {cache, 600'000, false});
    if (!station)
        return 1;
    MainWindow &window = (*station)->window();
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();
    const qint64 startMs = timer.elapsed();
    std::printf("start from the cache to a painted inbox of %d items: %lld ms (aim: under 1500 ms)\n",
                (*station)->store().count(), startMs);

    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    auto *view = window.findChild<QTableView *>();
    for (const QString &needle : {QStringLiteral("nummer 4711"), QStringLiteral("provsvar"), QString()}) {
        timer.restart();
        search->setText(needle);
        QCoreApplication::processEvents();
        std::printf("search \"%s\": %d rows in %lld ms (aim: under 100 ms)\n", qPrintable(needle),
                    view->model()->rowCount(), timer.elapsed());
    }
    if (auto *kind = window.findChild<QComboBox *>(QStringLiteral("kindFilter"))) {
        for (int index = 1; index < qMin(3, kind->count()); ++index) {
            timer.restart();
            kind->setCurrentIndex(index);
            QCoreApplication::processEvents();
            std::printf("filter kind \"%s\": %d rows in %lld ms (aim: under 100 ms)\n", qPrintable(kind->currentText()),
                        view->model()->rowCount(), timer.elapsed());
        }
    }
    std::printf(
        "resident memory with the items loaded: %lld MiB (process before opening: %lld MiB; aim: under 300 MiB)\n",
        residentKiB() / 1024, rssBefore / 1024);
    (*station)->stop();
    return 0;
}
