// The demo region: counts, valid personnummer, every item and message in the change log, and the
// same seed giving the same data.

#include "demo/core/demoregion.h"

#include "fakeclock.h"
#include "foundation/core/personnummer.h"
#include "storage/core/migrator.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace nara;

namespace {

std::optional<storage::Database> openDatabase(const QTemporaryDir &dir, const QString &name)
{
    auto db = storage::Database::open(storage::DatabaseConfig::sqliteFile(dir.filePath(name + QStringLiteral(".db"))),
                                      QStringLiteral("demo-test-") + name);
    if (!db || !storage::Migrator(*db).migrate())
        return std::nullopt;
    return std::move(*db);
}

QStringList dump(storage::Database &db, const QString &sql)
{
    QStringList rows;
    auto query = db.query(sql);
    while (query && query->next()) {
        QStringList columns;
        for (int i = 0; i < query->record().count(); ++i)
            columns.append(query->value(i).toString());
        rows.append(columns.join(u'|'));
    }
    return rows;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheRegion();
    void sameSeedSameData();

private:
    QTemporaryDir m_dir;
    test::FakeClock m_clock{1'764'000'000'000};
};

void TestDemo::buildsTheRegion()
{
    auto db = openDatabase(m_dir, QStringLiteral("one"));
    QVERIFY(db);
    QElapsedTimer timer;
    timer.start();
    auto summary = demo::buildDemoRegion(*db, m_clock, 2026);
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
    qInfo("demo region built in %lld ms", timer.elapsed());
    QCOMPARE(summary->patients, 240);
    QCOMPARE(summary->items, 411); // 400 chat threads, 3 video visits, 3 self-monitoring alerts, 5 form answers
    QCOMPARE(summary->accounts.size(), 8);
    QVERIFY(summary->describe().contains(u"anna"));
    const auto count = [&](const char *sql) {
        return db->scalar(QString::fromUtf8(sql))->toLongLong();
    };
    QCOMPARE(count("SELECT COUNT(*) FROM care_units"), 4);
    QCOMPARE(count("SELECT COUNT(*) FROM staff"), 8);
    QCOMPARE(count("SELECT COUNT(*) FROM patients"), 240);
    QCOMPARE(count("SELECT COUNT(DISTINCT patient_id) FROM care_relations"), 240);
    QCOMPARE(count("SELECT COUNT(DISTINCT patient_id) FROM care_relations WHERE unit_id = 'unit-teleborg'"), 80);
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items"), 411);
    QCOMPARE(count("SELECT COUNT(*) FROM chat_messages"), qint64(summary->messages));
    // Forms: a PHQ-9 follow-up every 14 days (five occasions, three answered), a GAD-7 answered, a
    // PHQ-9 answered today with item 9 above 0 (stat), a GAD-7 past its due date.
    QCOMPARE(count("SELECT COUNT(*) FROM form_requests"), 8);
    QCOMPARE(count("SELECT COUNT(*) FROM form_responses"), 5);
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items WHERE kind = 'form' AND priority = 'stat'"), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM change_log WHERE entity = 'form_response'"), 5);
    // Self-monitoring: six plans, a month of readings, today's red, orange and remark alerts in
    // Falkenberg, everything in the change log.
    QCOMPARE(count("SELECT COUNT(*) FROM monitoring_plans"), 6);
    QVERIFY(count("SELECT COUNT(*) FROM measurements") > 6 * 27);
    QCOMPARE(count("SELECT COUNT(*) FROM change_log WHERE entity = 'measurement'"),
             count("SELECT COUNT(*) FROM measurements"));
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items WHERE kind = 'alert' AND unit_id = 'unit-falkenberg'"), 3);
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items WHERE kind = 'alert' AND priority = 'asap'"), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM monitoring_alerts WHERE severity = 'red'"), 1); // one per measurement
    QCOMPARE(count("SELECT COUNT(*) FROM monitoring_alerts WHERE kind = 'remark'"), 1);
    QVERIFY(count("SELECT COUNT(*) FROM chat_messages") >= 400);
    // Every item and message reached the change log, in its own unit.
    // (Two handled form answers were closed later: two more rows.)
    // (The consult call's item also reaches lena of municipal home care, a participant: one more row.)
    QCOMPARE(count("SELECT COUNT(*) FROM change_log WHERE entity = 'inbox_item'"), 414);
    QCOMPARE(count("SELECT COUNT(*) FROM change_log c JOIN inbox_items i ON i.id = c.entity_id "
                   "WHERE c.entity = 'inbox_item' AND c.unit_id = i.unit_id AND c.staff_id IS NULL"),
             413);
    // Today's video visits: booked, due at their start, in the future, one of them a consult with lena.
    QCOMPARE(count("SELECT COUNT(*) FROM visits"), 3);
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items i JOIN visits v ON v.item_id = i.id "
                   "WHERE i.kind = 'video' AND i.due_at = v.starts_at AND i.owner_id = v.booked_by"),
             3);
    QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM visits WHERE starts_at > ? AND starts_at < ?"),
                        {m_clock.nowMs(), m_clock.nowMs() + 5 * 60 * 60 * 1000})
                 ->toLongLong(),
             3);
    QCOMPARE(count("SELECT COUNT(*) FROM visit_participants WHERE participant_id = 'staff-lena'"), 1);
    QCOMPARE(count("SELECT COUNT(*) FROM change_log WHERE entity = 'visit' AND staff_id = 'staff-lena' "
                   "AND unit_id = 'unit-hemsjukvard'"),
             1);
    QCOMPARE(count("SELECT COUNT(*) FROM change_log WHERE entity = 'chat_message'"), qint64(summary->messages));
    // Every state, a stat item, open work for anna and erik, overdue items in the pool.
    for (const char *state : {"new", "claimed", "in_progress", "waiting", "done"})
        QVERIFY2(
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM inbox_items WHERE state = ?"), {QString::fromUtf8(state)})
                    ->toLongLong()
                > 0,
            state);
    QVERIFY(count("SELECT COUNT(*) FROM inbox_items WHERE priority = 'stat'") > 0);
    QVERIFY(count("SELECT COUNT(*) FROM inbox_items WHERE owner_id = 'staff-anna' AND state <> 'done'") > 0);
    QVERIFY(count("SELECT COUNT(*) FROM inbox_items WHERE owner_id = 'staff-erik' AND state <> 'done'") > 0);
    QVERIFY(db->scalar(QStringLiteral("SELECT COUNT(*) FROM inbox_items WHERE state = 'new' AND due_at < ?"),
                       {m_clock.nowMs()})
                ->toLongLong()
            > 0);
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items WHERE state = 'new' AND owner_id IS NOT NULL"), 0);
    QCOMPARE(count("SELECT COUNT(*) FROM chat_messages WHERE created_at > 1764000000000"), 0);
    // Every personnummer is valid (Luhn, real date) and unique.
    const QStringList numbers = dump(*db, QStringLiteral("SELECT personal_number FROM patients"));
    QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), 240);
    for (const QString &number : numbers) {
        auto parsed = PersonalIdentity::parse(number, QDate(2025, 11, 24));
        QVERIFY2(parsed, qPrintable(QStringLiteral("invalid test personnummer")));
        QVERIFY(parsed->birthDate().year() >= 1930 && parsed->birthDate().year() <= 2010);
    }
    // A second run adds nothing.
    auto again = demo::buildDemoRegion(*db, m_clock, 2026);
    QVERIFY(again && again->alreadyPresent);
    QCOMPARE(count("SELECT COUNT(*) FROM inbox_items"), 411);
}

void TestDemo::sameSeedSameData()
{
    auto a = openDatabase(m_dir, QStringLiteral("a"));
    auto b = openDatabase(m_dir, QStringLiteral("b"));
    auto c = openDatabase(m_dir, QStringLiteral("c"));
    QVERIFY(a && b && c);
    QVERIFY(demo::buildDemoRegion(*a, m_clock, 7));
    QVERIFY(demo::buildDemoRegion(*b, m_clock, 7));
    QVERIFY(demo::buildDemoRegion(*c, m_clock, 8));
    const QString items
        = QStringLiteral("SELECT id, state, priority, owner_id, patient_id, title, created_at, due_at FROM inbox_items "
                         "WHERE kind NOT IN ('alert', 'form') ORDER BY id");
    // Alerts and form answers come through the patients' paths, which name them with fresh ids:
    // compare everything else.
    const QString alerts
        = QStringLiteral("SELECT state, priority, patient_id, title, priority_reason, created_at "
                         "FROM inbox_items WHERE kind IN ('alert', 'form') ORDER BY patient_id, title, created_at");
    const QString readings
        = QStringLiteral("SELECT patient_id, type, value_json, at FROM measurements ORDER BY patient_id, type, at");
    QCOMPARE(dump(*a, alerts), dump(*b, alerts));
    QCOMPARE(dump(*a, readings), dump(*b, readings));
    const QString messages = QStringLiteral("SELECT id, item_id, body, created_at FROM chat_messages ORDER BY id");
    const QString patients = QStringLiteral("SELECT id, personal_number, name, phone FROM patients ORDER BY id");
    QCOMPARE(dump(*a, items), dump(*b, items));
    QCOMPARE(dump(*a, messages), dump(*b, messages));
    QCOMPARE(dump(*a, patients), dump(*b, patients));
    const QString visits = QStringLiteral("SELECT id, item_id, patient_id, reason, starts_at FROM visits ORDER BY id");
    QCOMPARE(dump(*a, visits), dump(*b, visits));
    QVERIFY(dump(*a, patients) != dump(*c, patients));
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
