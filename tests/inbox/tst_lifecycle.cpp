// Every pair of the 5×5 state matrix: allowed transitions pass, all others are Conflicts.

#include "inbox/core/lifecycle.h"

#include <QTest>

using namespace nara;
using namespace nara::inbox;

Q_DECLARE_METATYPE(nara::inbox::State)

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transition_data();
    void transition();
    void forbiddenTransitionExplainsItself();
};

void TestLifecycle::transition_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<State>("to");
    QTest::addColumn<bool>("allowed");
    const QList<State> states{State::New, State::Claimed, State::InProgress, State::Waiting, State::Done};
    const QList<QPair<State, State>> allowed{
        {State::New, State::Claimed},        {State::Claimed, State::InProgress}, {State::Claimed, State::Waiting},
        {State::InProgress, State::Waiting}, {State::Waiting, State::InProgress}, {State::Claimed, State::New},
        {State::InProgress, State::New},     {State::Waiting, State::New},        {State::New, State::Done},
        {State::Claimed, State::Done},       {State::InProgress, State::Done},    {State::Waiting, State::Done},
        {State::Done, State::InProgress},
    };
    for (State from : states)
        for (State to : states)
            QTest::addRow("%s -> %s", qPrintable(toString(from)), qPrintable(toString(to)))
                << from << to << allowed.contains({from, to});
}

void TestLifecycle::transition()
{
    QFETCH(State, from);
    QFETCH(State, to);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedTransition(from, to), allowed);
    const Result<void> checked = checkTransition(from, to);
    QCOMPARE(checked.has_value(), allowed);
    if (!allowed) {
        QCOMPARE(checked.error().code, ErrorCode::Conflict);
        QVERIFY(!checked.error().message.isEmpty());
        QCOMPARE(checked.error().details.value(QStringLiteral("from")).toString(), toString(from));
        QCOMPARE(checked.error().details.value(QStringLiteral("to")).toString(), toString(to));
    }
}

void TestLifecycle::forbiddenTransitionExplainsItself()
{
    QVERIFY(checkTransition(State::Done, State::Claimed).error().message.contains(u"reopen"));
    QVERIFY(checkTransition(State::Waiting, State::Claimed).error().message.contains(u"pool"));
    QVERIFY(checkTransition(State::New, State::New).error().message.contains(u"already"));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
