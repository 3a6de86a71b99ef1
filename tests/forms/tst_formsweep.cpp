// The periodic job's forms part against real storage (SQLite and PostgreSQL), with a fake clock: a
// pending request past its due time becomes overdue with one routine inbox item, once, however
// often (and from however many connections) the job runs; later occasions get an SMS with a new
// portal link when they become available, once; one request that fails (or whose link would have
// expired already) does not stop the ones after it; without a gateway occasions are only marked.

#include "forms/core/formsweep.h"
#include "forms/server/formnotifier.h"
#include "formsfixture.h"
#include "inbox/core/inboxrepository.h"
#include "portal/server/invitations.h"

#include <QTest>
#include <QTimeZone>

using namespace nara;
using namespace nara::forms;

namespace {

class RecordingGateway final : public monitoring::SmsGateway
{
public:
    Result<void> send(const monitoring::OutgoingSms &message) override
    {
        if (failing)
            return fail(ErrorCode::Unavailable, QStringLiteral("gateway down"));
        sent.append(message);
        return {};
    }
    QList<monitoring::OutgoingSms> sent;
    bool failing = false;
};

} // namespace

class TestFormSweep : public QObject, public nara::test::FormsFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { nara::test::addStorageBackends(); }
    void init() { openForms(QStringLiteral("forms-sweep")); }
    void cleanup() { closeDatabase(); }

    void overdueOnceWithARoutineItem();
    void notDueYetIsLeftAlone();
    void twoConnectionsMakeOneItem();
    void laterOccasionsGetALinkOnce();
    void patientWithoutNumberIsOnlyMarked();
    void failingGatewayDoesNotStopTheJob();
    void aFailingRequestDoesNotStopTheOthers();
    void aFailingOccasionDoesNotStopTheOthers();
    void expiredOccasionIsOnlyMarked();
    void withoutAGatewayOccasionsAreOnlyMarked();

private:
    int items() { return rows(QStringLiteral("SELECT COUNT(*) FROM inbox_items")); }
    // From now on the database refuses to `event` ("INSERT" or "UPDATE") rows of `table` about
    // `patientId`: a row that fails for reasons of its own, as a storage error would.
    void refuseWrites(const QString &table, const QString &event, const QString &patientId);
};

void TestFormSweep::refuseWrites(const QString &table, const QString &event, const QString &patientId)
{
    QFETCH_GLOBAL(QString, backend);
    const QString name = QStringLiteral("refuse_") + table;
    if (backend == u"sqlite") {
        VERIFY_OK(m_db->executeDirect(QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 WHEN NEW.patient_id = '%4' "
                                                     "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                                          .arg(name, event, table, patientId)));
        return;
    }
    VERIFY_OK(m_db->executeDirect(
        QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.patient_id = '%2' "
                       "THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$")
            .arg(name, patientId)));
    VERIFY_OK(m_db->executeDirect(QStringLiteral("CREATE TRIGGER %1 BEFORE %2 ON %3 FOR EACH ROW EXECUTE FUNCTION %1()")
                                      .arg(name, event, table)));
}

void TestFormSweep::overdueOnceWithARoutineItem()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    const FormRequest first = sent->constFirst();
    m_clock.setMs(first.dueAt); // due at this very moment: past due
    FormSweep sweep(*m_db, m_clock);
    auto marked = sweep.markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 1);

    const auto stored = request(first.id);
    QCOMPARE(toString(stored->state), toString(FormRequest::State::Overdue));
    QVERIFY(!stored->itemId.isEmpty());
    auto item = inbox::InboxRepository(*m_db).byId(stored->itemId);
    VERIFY_OK(item);
    QVERIFY(item->has_value());
    const inbox::InboxItem &overdue = **item;
    QCOMPARE(toString(overdue.kind), toString(inbox::Kind::Form));
    QCOMPARE(toString(overdue.state), toString(inbox::State::New));
    QCOMPARE(toString(overdue.priority), toString(inbox::Priority::Routine));
    QCOMPARE(overdue.unitId, QStringLiteral("u-asa"));
    QCOMPARE(overdue.patientId, QStringLiteral("p-asa"));
    QCOMPARE(overdue.title, QStringLiteral("PHQ-9 ej besvarat"));
    const QString date = QDateTime::fromMSecsSinceEpoch(first.dueAt, QTimeZone(QByteArrayLiteral("Europe/Stockholm")))
                             .toString(QStringLiteral("yyyy-MM-dd"));
    QCOMPARE(overdue.priorityReason, QStringLiteral("Förfallodag %1 passerad").arg(date));
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE role = 'system' AND client = 'forms-sweep' "
                                 "AND patient_id = 'p-asa' AND unit_id = 'u-asa'")),
             2);

    // Again, and a week later: nothing new.
    marked = sweep.markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 0);
    m_clock.advanceMs(7 * kDay);
    marked = sweep.markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 0);
    QCOMPARE(items(), 1);
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity = 'form_request'")), 2);
}

void TestFormSweep::notDueYetIsLeftAlone()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("gad-7"), 7, 28);
    VERIFY_OK(sent);
    m_clock.setMs(sent->constFirst().dueAt - 1);
    auto marked = FormSweep(*m_db, m_clock).markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 0);
    QCOMPARE(items(), 0);
    // Past the third occasion's due time: the first three are overdue, each with its own item.
    m_clock.setMs(sent->at(2).dueAt + 1);
    marked = FormSweep(*m_db, m_clock).markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 3);
    QCOMPARE(items(), 3);
    QCOMPARE(toString(request(sent->at(3).id)->state), toString(FormRequest::State::Pending));
}

void TestFormSweep::twoConnectionsMakeOneItem()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(sent);
    m_clock.advanceMs(8 * kDay);
    // A second process's connection to the same database.
    QFETCH_GLOBAL(QString, backend);
    storage::DatabaseConfig config = storage::DatabaseConfig::sqliteFile(m_db->handle().databaseName());
    if (backend == u"postgres") {
        auto postgres = nara::test::configFor(backend, m_dir);
        VERIFY_OK(postgres);
        config = *postgres;
        config.schema = m_schema; // the schema this test's database was migrated in
    }
    auto other = storage::Database::open(config, QStringLiteral("forms-sweep-other"));
    VERIFY_OK(other);

    // Both found the request due; the first one to change it wins, the other changes nothing.
    auto due = FormRepository(*other).pendingPastDue(m_clock.nowMs(), 10);
    VERIFY_OK(due);
    QCOMPARE(due->size(), 1);
    auto marked = FormSweep(*m_db, m_clock).markOverdue();
    VERIFY_OK(marked);
    QCOMPARE(*marked, 1);
    {
        auto transaction = storage::TransactionGuard::begin(*other);
        VERIFY_OK(transaction);
        auto late = FormSweep(*other, m_clock).markOverdue(due->constFirst());
        VERIFY_OK(late);
        QVERIFY(!*late);
        VERIFY_OK(transaction->commit());
    }
    auto again = FormSweep(*other, m_clock).markOverdue();
    VERIFY_OK(again);
    QCOMPARE(*again, 0);
    QCOMPARE(items(), 1);
}

void TestFormSweep::laterOccasionsGetALinkOnce()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("phq-9"), 14, 28);
    VERIFY_OK(sent);
    QCOMPARE(sent->size(), 3);
    RecordingGateway gateway;
    FormNotifier notifier(*m_db, m_clock, &gateway);
    // The first occasion's link went out with the sending.
    auto notified = notifier.notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 0);
    QVERIFY(gateway.sent.isEmpty());

    m_clock.setMs(sent->at(1).availableAt);
    notified = notifier.notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 1);
    QCOMPARE(gateway.sent.size(), 1);
    const monitoring::OutgoingSms sms = gateway.sent.constFirst();
    QCOMPARE(sms.to, QStringLiteral("+46701234567"));
    QCOMPARE(sms.patientId, QStringLiteral("p-asa"));
    QVERIFY2(
        sms.text.startsWith(u"Hej! Vårdcentralen Åsa ber dig fylla i formuläret PHQ-9. Öppna länken: " + kLinkPrefix),
        qPrintable(sms.text));
    QCOMPARE(request(sent->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(request(sent->at(2).id)->notifiedAt, 0);

    // The link opens a portal session, until the occasion's due time + 1 day.
    const QString token = sms.text.section(u'#', -1);
    auto expiry = m_db->scalar(QStringLiteral("SELECT expires_at FROM portal_invitations WHERE created_by = 's-asa'"));
    VERIFY_OK(expiry);
    QCOMPARE(expiry->toLongLong(), sent->at(1).dueAt + FormNotifier::kLinkGraceMs);
    {
        auto transaction = storage::TransactionGuard::begin(*m_db);
        auto session = portal::Invitations(*m_db, m_clock).exchange(token);
        VERIFY_OK(session);
        QCOMPARE(session->patientId, QStringLiteral("p-asa"));
        VERIFY_OK(transaction->commit());
    }

    notified = notifier.notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 0);
    QCOMPARE(gateway.sent.size(), 1);

    // With the server's configured public URL, the next link is built from it, not from the
    // prefix stored when the series was sent.
    m_clock.setMs(sent->at(2).availableAt);
    FormNotifier configured(*m_db, m_clock, &gateway, QStringLiteral("https://nara.region.se/portal/#"));
    notified = configured.notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 1);
    QCOMPARE(gateway.sent.size(), 2);
    QVERIFY2(gateway.sent.constLast().text.contains(u"Öppna länken: https://nara.region.se/portal/#"),
             qPrintable(gateway.sent.constLast().text));
}

void TestFormSweep::patientWithoutNumberIsOnlyMarked()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-both"), QStringLiteral("gad-7"), 7, 7);
    VERIFY_OK(sent);
    RecordingGateway gateway;
    m_clock.setMs(sent->at(1).availableAt + 1);
    auto notified = FormNotifier(*m_db, m_clock, &gateway).notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 0);
    QVERIFY(gateway.sent.isEmpty());
    QCOMPARE(request(sent->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM portal_invitations")), 0);
}

void TestFormSweep::failingGatewayDoesNotStopTheJob()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("phq-9"), 7, 7);
    VERIFY_OK(sent);
    auto other = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("gad-7"), 7, 7);
    VERIFY_OK(other);
    RecordingGateway gateway;
    gateway.failing = true;
    m_clock.advanceMs(7 * kDay);
    auto notified = FormNotifier(*m_db, m_clock, &gateway).notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 0);
    // Both occasions were handled (not retried: each gets at most one SMS).
    QCOMPARE(request(sent->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(request(other->at(1).id)->notifiedAt, m_clock.nowMs());
}

void TestFormSweep::aFailingRequestDoesNotStopTheOthers()
{
    // p-both's request is due first, and its item cannot be stored; p-asa's comes after it.
    auto broken = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-both"));
    VERIFY_OK(broken);
    m_clock.advanceMs(1000);
    auto good = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"));
    VERIFY_OK(good);
    refuseWrites(QStringLiteral("inbox_items"), QStringLiteral("INSERT"), QStringLiteral("p-both"));
    m_clock.setMs(good->constFirst().dueAt);
    for (int run = 0; run < 2; ++run) { // the same on every run: the error, and the others done
        auto marked = FormSweep(*m_db, m_clock).markOverdue();
        QVERIFY(!marked);
        QCOMPARE(marked.error().code, ErrorCode::Storage);
        QCOMPARE(toString(request(good->constFirst().id)->state), toString(FormRequest::State::Overdue));
        QCOMPARE(toString(request(broken->constFirst().id)->state), toString(FormRequest::State::Pending));
        QCOMPARE(items(), 1);
    }
}

void TestFormSweep::aFailingOccasionDoesNotStopTheOthers()
{
    // p-both's second occasion opens first and cannot be marked; p-asa's opens after it.
    auto broken = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-both"), QStringLiteral("gad-7"), 7, 7);
    VERIFY_OK(broken);
    m_clock.advanceMs(1000);
    auto good = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("gad-7"), 7, 7);
    VERIFY_OK(good);
    refuseWrites(QStringLiteral("form_requests"), QStringLiteral("UPDATE"), QStringLiteral("p-both"));
    RecordingGateway gateway;
    m_clock.setMs(good->at(1).availableAt);
    auto notified = FormNotifier(*m_db, m_clock, &gateway).notifyAvailable();
    QVERIFY(!notified);
    QCOMPARE(notified.error().code, ErrorCode::Storage);
    QCOMPARE(gateway.sent.size(), 1);
    QCOMPARE(gateway.sent.constFirst().patientId, QStringLiteral("p-asa"));
    QCOMPARE(request(good->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(request(broken->at(1).id)->notifiedAt, 0);
}

void TestFormSweep::expiredOccasionIsOnlyMarked()
{
    // The job did not run while the first series' second occasion was open (7–15 days: due + 1 day
    // for its link); the second series' second occasion has just opened.
    auto late = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("gad-7"), 7, 7);
    VERIFY_OK(late);
    m_clock.advanceMs(2 * kDay);
    auto open = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("phq-9"), 14, 14);
    VERIFY_OK(open);
    m_clock.setMs(open->at(1).availableAt);
    QVERIFY(late->at(1).dueAt + FormNotifier::kLinkGraceMs <= m_clock.nowMs());
    RecordingGateway gateway;
    auto notified = FormNotifier(*m_db, m_clock, &gateway).notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 1);
    QCOMPARE(gateway.sent.size(), 1);
    QVERIFY(gateway.sent.constFirst().text.contains(u"PHQ-9"));
    QCOMPARE(request(late->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(request(open->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM portal_invitations")), 1);
}

void TestFormSweep::withoutAGatewayOccasionsAreOnlyMarked()
{
    auto sent = send(QStringLiteral("åsa.öberg"), QStringLiteral("p-asa"), QStringLiteral("gad-7"), 7, 7);
    VERIFY_OK(sent);
    m_clock.setMs(sent->at(1).availableAt);
    QTest::ignoreMessage(QtWarningMsg, "1 form links not sent by SMS: form links go by SMS only with --public-url");
    auto notified = FormNotifier(*m_db, m_clock, nullptr).notifyAvailable();
    VERIFY_OK(notified);
    QCOMPARE(*notified, 0);
    QCOMPARE(request(sent->at(1).id)->notifiedAt, m_clock.nowMs());
    QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM portal_invitations")), 0);
}

QTEST_GUILESS_MAIN(TestFormSweep)
#include "tst_formsweep.moc"
