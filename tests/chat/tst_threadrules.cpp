// How staff replies, staff notes and patient messages move a thread's item (pure rules).

#include "chat/core/chatmessage.h"
#include "chat/core/threadrules.h"
#include "inbox/core/lifecycle.h"

#include <QTest>

using namespace nara;
using namespace nara::chat;
using namespace nara::inbox;

namespace {

constexpr qint64 kNow = 1'764'000'000'000;
const QString kAnna = QStringLiteral("s-anna");
const QString kErik = QStringLiteral("s-erik");

InboxItem item(State state, const QString &owner, WaitingOn waitingOn = WaitingOn::Nobody)
{
    InboxItem it;
    it.id = QStringLiteral("i");
    it.state = state;
    it.ownerId = owner;
    it.waitingOn = waitingOn;
    it.createdAt = it.lastActivityAt = kNow - 1000;
    it.dueAt = kNow - 10; // overdue before the patient wrote
    return it;
}

} // namespace

class TestThreadRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staffMessage_data();
    void staffMessage();
    void patientMessage_data();
    void patientMessage();
    void body_data();
    void body();
};

void TestThreadRules::staffMessage_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("staffOnly");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expectedState");
    QTest::addColumn<QString>("expectedOwner");
    QTest::newRow("reply from the pool takes it")
        << int(State::New) << QString() << false << true << "waiting" << kAnna;
    QTest::newRow("reply on own claimed") << int(State::Claimed) << kAnna << false << true << "waiting" << kAnna;
    QTest::newRow("reply on own in progress") << int(State::InProgress) << kAnna << false << true << "waiting" << kAnna;
    QTest::newRow("reply on own waiting") << int(State::Waiting) << kAnna << false << true << "waiting" << kAnna;
    QTest::newRow("reply on colleague's") << int(State::InProgress) << kErik << false << false << ""
                                          << "";
    QTest::newRow("reply on done") << int(State::Done) << kAnna << false << false << ""
                                   << "";
    QTest::newRow("note on pool item") << int(State::New) << QString() << true << true << "new" << QString();
    QTest::newRow("note on colleague's") << int(State::InProgress) << kErik << true << true << "in_progress" << kErik;
    QTest::newRow("note on done") << int(State::Done) << kErik << true << true << "done" << kErik;
}

void TestThreadRules::staffMessage()
{
    QFETCH(int, state);
    QFETCH(QString, owner);
    QFETCH(bool, staffOnly);
    QFETCH(bool, ok);
    QFETCH(QString, expectedState);
    QFETCH(QString, expectedOwner);
    const auto after = afterStaffMessage(item(State(state), owner), kAnna, staffOnly, kNow);
    QCOMPARE(after.has_value(), ok);
    if (!ok) {
        QCOMPARE(after.error().code, ErrorCode::Conflict);
        return;
    }
    QCOMPARE(toString(after->state), expectedState);
    QCOMPARE(after->ownerId, expectedOwner);
    QCOMPARE(after->lastActivityAt, kNow);
    if (!staffOnly)
        QCOMPARE(toString(after->waitingOn), QStringLiteral("patient"));
}

void TestThreadRules::patientMessage_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("expectedState");
    QTest::addColumn<QString>("expectedOwner");
    QTest::addColumn<bool>("slaRestarts");
    QTest::newRow("waiting comes back") << int(State::Waiting) << kAnna << "in_progress" << kAnna << true;
    QTest::newRow("done goes to the pool") << int(State::Done) << kAnna << "new" << QString() << true;
    QTest::newRow("new stays") << int(State::New) << QString() << "new" << QString() << false;
    QTest::newRow("claimed stays") << int(State::Claimed) << kAnna << "claimed" << kAnna << false;
    QTest::newRow("in progress stays") << int(State::InProgress) << kAnna << "in_progress" << kAnna << false;
}

void TestThreadRules::patientMessage()
{
    QFETCH(int, state);
    QFETCH(QString, owner);
    QFETCH(QString, expectedState);
    QFETCH(QString, expectedOwner);
    QFETCH(bool, slaRestarts);
    const InboxItem before
        = item(State(state), owner, State(state) == State::Waiting ? WaitingOn::Patient : WaitingOn::Nobody);
    const InboxItem after = afterPatientMessage(before, kNow);
    QCOMPARE(toString(after.state), expectedState);
    QCOMPARE(after.ownerId, expectedOwner);
    QCOMPARE(after.lastActivityAt, kNow);
    QCOMPARE(after.waitingOn == WaitingOn::Nobody, true);
    QCOMPARE(after.dueAt, slaRestarts ? dueAtFor(after.kind, after.priority, kNow) : before.dueAt);
    if (expectedOwner.isEmpty())
        QCOMPARE(after.claimedAt, 0);
}

void TestThreadRules::body_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("white space") << QStringLiteral(" \n\t ") << false;
    QTest::newRow("one letter") << QStringLiteral("a") << true;
    QTest::newRow("at the limit") << QString(ChatMessage::kMaxBodyLength, u'å') << true;
    QTest::newRow("over the limit") << QString(ChatMessage::kMaxBodyLength + 1, u'a') << false;
}

void TestThreadRules::body()
{
    QFETCH(QString, body);
    QFETCH(bool, ok);
    const auto checked = checkBody(body);
    QCOMPARE(checked.has_value(), ok);
    if (!ok)
        QCOMPARE(checked.error().code, ErrorCode::InvalidInput);
}

QTEST_GUILESS_MAIN(TestThreadRules)
#include "tst_threadrules.moc"
