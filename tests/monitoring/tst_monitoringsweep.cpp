// Monitoring plans in storage and the overdue sweep, on SQLite and on the PostgreSQL of
// ./nara.sh test (NARA_TEST_PG_URL), with a fake clock: saving with versions (conflicts, ending a
// plan, invalid plans store nothing), and overdue alerts: not yet due, due, not twice, again after
// a new measurement once that is overdue in turn, none for an ended plan, two sweeps at once
// (two connections, as two server processes) raising one alert, and a sweep with nothing new taking
// no write lock.

#include "../storage/authfixture.h"

#include "monitoring/core/monitoringrepository.h"
#include "monitoring/core/monitoringsweep.h"
#include "sync/core/changelog.h"

#include <QJsonArray>
#include <QTest>

#include <thread>

using namespace nara;
using namespace nara::monitoring;

namespace {

constexpr qint64 kHour = 60LL * 60 * 1000;

MonitoringPlan dailyBloodPressure(const QDateTime &startAt)
{
    MonitoringPlan plan;
    plan.startAt = startAt;
    plan.measurements = {{MeasurementType::BloodPressure, {1, MeasurementInterval::Unit::Days}},
                         {MeasurementType::Weight, {7, MeasurementInterval::Unit::Days}}};
    return plan;
}

} // namespace

class TestMonitoringSweep : public QObject, public test::AuthRepositoryFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { test::addStorageBackends(); }
    void init();
    void cleanup() { closeDatabase(); }
    void planIsSavedWithVersions();
    void invalidPlanStoresNothing();
    void overdueOnceUntilANewMeasurement();
    void measurementBeforeThePlanDoesNotCount();
    void endedPlanRaisesNothing();
    void twoSweepsAtOnceRaiseOneAlert();
    void nothingNewTakesNoWriteLock();
    void aBrokenPlanDoesNotStopTheOthers();

private:
    Result<StoredPlan> save(const std::optional<MonitoringPlan> &plan, std::optional<qint64> version);
    void measure(MeasurementType type, const QList<double> &values, qint64 at);
    int sweep();
    QList<QJsonObject> changesOf(const QString &entity);
    // How a second connection (as a second server process) reaches this test's database.
    storage::DatabaseConfig sameDatabase() const;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC); }
};

void TestMonitoringSweep::init()
{
    openDatabase(QStringLiteral("sweep"));
    seed();
}

Result<StoredPlan> TestMonitoringSweep::save(const std::optional<MonitoringPlan> &plan, std::optional<qint64> version)
{
    auto transaction = storage::TransactionGuard::begin(*m_db);
    if (!transaction)
        return fail(transaction.error());
    auto saved
        = MonitoringRepository(*m_db).savePlan(u"p-asa"_qs, u"u-asa"_qs, plan, version, u"s-asa"_qs, m_clock.nowMs());
    if (!saved)
        return saved;
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return saved;
}

void TestMonitoringSweep::measure(MeasurementType type, const QList<double> &values, qint64 at)
{
    auto measurement
        = Measurement::create(type, values, QDateTime::fromMSecsSinceEpoch(at, Qt::UTC), MeasurementSource::Sms);
    VERIFY_OK(measurement);
    auto transaction = storage::TransactionGuard::begin(*m_db);
    VERIFY_OK(transaction);
    VERIFY_OK(MonitoringRepository(*m_db).insertMeasurement(u"p-asa"_qs, u"u-asa"_qs, *measurement, at));
    VERIFY_OK(transaction->commit());
}

int TestMonitoringSweep::sweep()
{
    auto raised = sweepOverdue(*m_db, m_clock);
    if (!raised) {
        qWarning() << "sweep failed:" << test::describe(raised.error());
        return -1;
    }
    return *raised;
}

QList<QJsonObject> TestMonitoringSweep::changesOf(const QString &entity)
{
    QList<QJsonObject> data;
    auto page = sync::ChangeLog(*m_db).read(0, 1000, {u"u-asa"_qs}, u"s-asa"_qs);
    if (page)
        for (const QJsonValue &change : page->changes)
            if (change.toObject().value(u"entity"_qs).toString() == entity)
                data.append(change.toObject().value(u"data"_qs).toObject());
    return data;
}

storage::DatabaseConfig TestMonitoringSweep::sameDatabase() const
{
    QFETCH_GLOBAL(QString, backend);
    return backend == u"sqlite"
        ? storage::DatabaseConfig::sqliteFile(m_db->handle().databaseName())
        : storage::DatabaseConfig::fromUrl(qEnvironmentVariable("NARA_TEST_PG_URL") + u"?schema="_qs + m_schema, {})
              .value();
}

void TestMonitoringSweep::planIsSavedWithVersions()
{
    const MonitoringPlan plan = dailyBloodPressure(now());
    auto first = save(plan, std::nullopt);
    VERIFY_OK(first);
    QCOMPARE(first->version, 1);
    QCOMPARE(first->unitId, u"u-asa"_qs);
    QCOMPARE(first->updatedBy, u"s-asa"_qs);

    // A stale version is refused and changes nothing.
    MonitoringPlan changed = plan;
    changed.measurements.removeLast();
    auto stale = save(changed, 0);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::Conflict);
    QCOMPARE(stale.error().details.value(u"version"_qs).toInteger(), 1);
    QCOMPARE(MonitoringRepository(*m_db).planOf(u"p-asa"_qs).value(), std::optional<MonitoringPlan>(plan));

    auto second = save(changed, 1);
    VERIFY_OK(second);
    QCOMPARE(second->version, 2);
    QCOMPARE(MonitoringRepository(*m_db).planOf(u"p-asa"_qs).value(), std::optional<MonitoringPlan>(changed));

    // Ending monitoring keeps the row (and its version) with no plan.
    auto ended = save(std::nullopt, 2);
    VERIFY_OK(ended);
    QCOMPARE(ended->version, 3);
    QVERIFY(!MonitoringRepository(*m_db).planOf(u"p-asa"_qs).value().has_value());
    QVERIFY(MonitoringRepository(*m_db).patientsWithPlans().value().isEmpty());

    // Every version reached the unit's change log as entity monitoring_plan, id = the patient.
    const QList<QJsonObject> synced = changesOf(u"monitoring_plan"_qs);
    QCOMPARE(synced.size(), 3);
    QCOMPARE(synced.at(0).value(u"id"_qs).toString(), u"p-asa"_qs);
    QCOMPARE(synced.at(0).value(u"plan"_qs).toObject(), plan.toJson());
    QCOMPARE(synced.at(1).value(u"version"_qs).toInteger(), 2);
    QVERIFY(synced.at(2).value(u"plan"_qs).isNull());
    QCOMPARE(synced.at(2).value(u"unitId"_qs).toString(), u"u-asa"_qs);
    QCOMPARE(synced.at(2).value(u"updatedBy"_qs).toString(), u"s-asa"_qs);
}

void TestMonitoringSweep::invalidPlanStoresNothing()
{
    MonitoringPlan plan = dailyBloodPressure(now());
    plan.measurements.append({MeasurementType::Pulse, {0, MeasurementInterval::Unit::Hours}});
    auto saved = save(plan, std::nullopt);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, ErrorCode::InvalidInput);
    // A first save expecting a version that does not exist.
    auto unexpected = save(dailyBloodPressure(now()), 1);
    QVERIFY(!unexpected);
    QCOMPARE(unexpected.error().code, ErrorCode::Conflict);
    QCOMPARE(count(u"monitoring_plans"_qs), 0);
    QVERIFY(changesOf(u"monitoring_plan"_qs).isEmpty());
}

void TestMonitoringSweep::overdueOnceUntilANewMeasurement()
{
    const QDateTime start = now();
    VERIFY_OK(save(dailyBloodPressure(start), std::nullopt));

    // Daily: due after 24 h, overdue from 30 h (25 % grace).
    m_clock.advanceMs(30 * kHour - 1);
    QCOMPARE(sweep(), 0);
    m_clock.advanceMs(1);
    QCOMPARE(sweep(), 1);
    QCOMPARE(count(u"monitoring_alerts"_qs), 1);
    const QList<QJsonObject> items = changesOf(u"inbox_item"_qs);
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.constFirst();
    QCOMPARE(item.value(u"kind"_qs).toString(), u"alert"_qs);
    QCOMPARE(item.value(u"priority"_qs).toString(), u"urgent"_qs);
    QCOMPARE(item.value(u"state"_qs).toString(), u"new"_qs);
    QCOMPARE(item.value(u"unitId"_qs).toString(), u"u-asa"_qs);
    QCOMPARE(item.value(u"patientId"_qs).toString(), u"p-asa"_qs);
    QCOMPARE(item.value(u"title"_qs).toString(),
             u"Blodtryck saknas sedan "_qs + start.toString(u"yyyy-MM-dd"_qs) + u" (intervall 1 dygn)"_qs);
    QVERIFY2(item.value(u"priorityReason"_qs).toString().contains(u"har inte rapporterats sedan planen startade"_qs),
             qPrintable(item.value(u"priorityReason"_qs).toString()));
    const QJsonObject alert = changesOf(u"alert"_qs).constFirst();
    QCOMPARE(alert.value(u"kind"_qs).toString(), u"overdue"_qs);
    QCOMPARE(alert.value(u"severity"_qs).toString(), u"orange"_qs);
    QCOMPARE(alert.value(u"measurementType"_qs).toString(), u"bloodPressure"_qs);
    QCOMPARE(alert.value(u"unitId"_qs).toString(), u"u-asa"_qs);
    QCOMPARE(alert.value(u"itemId"_qs).toString(), item.value(u"id"_qs).toString());

    // Not again, however long the patient stays silent (weekly weight is not due yet).
    QCOMPARE(sweep(), 0);
    m_clock.advanceMs(48 * kHour);
    QCOMPARE(sweep(), 0);
    QCOMPARE(count(u"monitoring_alerts"_qs), 1);

    // A new measurement: not overdue until its own interval + grace has passed, then once more.
    measure(MeasurementType::BloodPressure, {135, 85}, m_clock.nowMs());
    QCOMPARE(sweep(), 0);
    m_clock.advanceMs(30 * kHour);
    QCOMPARE(sweep(), 1);
    QCOMPARE(sweep(), 0);
    QCOMPARE(changesOf(u"alert"_qs).size(), 2);
    QVERIFY(changesOf(u"inbox_item"_qs).last().value(u"priorityReason"_qs).toString().contains(u"sedan 2025-"_qs));

    // The weekly weight: overdue 7 d + 42 h after the start, once.
    m_clock.setMs(start.toMSecsSinceEpoch() + (7 * 24 + 42) * kHour);
    QCOMPARE(sweep(), 1);
    QCOMPARE(changesOf(u"alert"_qs).last().value(u"measurementType"_qs).toString(), u"weight"_qs);
    QCOMPARE(sweep(), 0);
    // Each alert left its audit rows, made by the job.
    auto audited = m_db->scalar(u"SELECT COUNT(*) FROM audit_log WHERE client = 'overdue-sweep' AND role = 'system' "
                                u"AND action = 'create' AND patient_id = 'p-asa'"_qs);
    QCOMPARE(audited->toInt(), 6);
}

void TestMonitoringSweep::measurementBeforeThePlanDoesNotCount()
{
    measure(MeasurementType::BloodPressure, {130, 80}, m_clock.nowMs() - kHour);
    const QDateTime start = now();
    VERIFY_OK(save(dailyBloodPressure(start), std::nullopt));
    m_clock.advanceMs(30 * kHour);
    QCOMPARE(sweep(), 1);
    QVERIFY(changesOf(u"inbox_item"_qs)
                .constFirst()
                .value(u"title"_qs)
                .toString()
                .contains(start.toString(u"yyyy-MM-dd"_qs)));
}

void TestMonitoringSweep::endedPlanRaisesNothing()
{
    VERIFY_OK(save(dailyBloodPressure(now()), std::nullopt));
    VERIFY_OK(save(std::nullopt, 1));
    m_clock.advanceMs(30 * 24 * kHour);
    QCOMPARE(sweep(), 0);
    QCOMPARE(count(u"monitoring_alerts"_qs), 0);
    QCOMPARE(count(u"inbox_items"_qs), 0);
}

void TestMonitoringSweep::twoSweepsAtOnceRaiseOneAlert()
{
    MonitoringPlan plan = dailyBloodPressure(now());
    plan.measurements.removeLast();
    VERIFY_OK(save(plan, std::nullopt));
    m_clock.advanceMs(31 * kHour);

    const storage::DatabaseConfig config = sameDatabase();
    int raised[2] = {-1, -1};
    QString errors[2];
    auto run = [&](int i) {
        auto db = storage::Database::open(config, u"sweep-process-"_qs + QString::number(i));
        if (!db) {
            errors[i] = db.error().message;
            return;
        }
        auto swept = sweepOverdue(*db, m_clock);
        if (swept)
            raised[i] = *swept;
        else
            errors[i] = swept.error().message;
    };
    std::thread first(run, 0);
    std::thread second(run, 1);
    first.join();
    second.join();
    QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
    QCOMPARE(raised[0] + raised[1], 1);
    QCOMPARE(count(u"monitoring_alerts"_qs), 1);
    QCOMPARE(count(u"inbox_items"_qs), 1);
    QCOMPARE(count(u"monitoring_overdue"_qs), 1);
}

void TestMonitoringSweep::nothingNewTakesNoWriteLock()
{
    VERIFY_OK(save(dailyBloodPressure(now()), std::nullopt));
    m_clock.advanceMs(30 * kHour);
    QCOMPARE(sweep(), 1);

    // Another process holds the write lock. A sweep that finds only what was raised already (and
    // the weekly weight not yet due) reads and answers without waiting for it.
    auto other = storage::Database::open(sameDatabase(), u"sweep-writer"_qs);
    VERIFY_OK(other);
    auto writing = storage::TransactionGuard::begin(*other);
    VERIFY_OK(writing);
    QFETCH_GLOBAL(QString, backend);
    if (backend == u"postgres") // a regression then fails instead of waiting for ever
        VERIFY_OK(m_db->executeDirect(u"SET lock_timeout = '5s'"_qs));
    QCOMPARE(sweep(), 0);
    writing->rollback();
    QCOMPARE(count(u"monitoring_alerts"_qs), 1);
}

void TestMonitoringSweep::aBrokenPlanDoesNotStopTheOthers()
{
    // p-asa's stored plan no longer reads (swept first: ids in order); p-vaxjo's is fine.
    auto transaction = storage::TransactionGuard::begin(*m_db);
    VERIFY_OK(transaction);
    VERIFY_OK(MonitoringRepository(*m_db).savePlan(u"p-vaxjo"_qs, u"u-vaxjo"_qs, dailyBloodPressure(now()),
                                                   std::nullopt, u"s-ake"_qs, m_clock.nowMs()));
    VERIFY_OK(m_db->execute(u"INSERT INTO monitoring_plans (patient_id, unit_id, plan, updated_at) "
                            u"VALUES ('p-asa', 'u-asa', '{\"startAt\": 7}', 0)"_qs));
    VERIFY_OK(transaction->commit());
    m_clock.advanceMs(30 * kHour);
    auto swept = sweepOverdue(*m_db, m_clock);
    QVERIFY(!swept);
    QCOMPARE(swept.error().code, ErrorCode::Storage);
    QCOMPARE(count(u"monitoring_alerts"_qs), 1);
    auto unit = m_db->scalar(u"SELECT unit_id FROM inbox_items"_qs);
    QCOMPARE(unit->toString(), u"u-vaxjo"_qs);
}

QTEST_GUILESS_MAIN(TestMonitoringSweep)
#include "tst_monitoringsweep.moc"
