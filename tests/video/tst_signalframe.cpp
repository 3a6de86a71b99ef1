// The signalling frame parser: every field checked before the relay sees it, garbage refused.

#include "video/core/signalframe.h"

#include <QTest>

using namespace nara;
using namespace nara::video;

class TestSignalFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frames_data();
    void frames();
    void visitIsReportedForErrors();
    void sizeLimit();
    void chatLimitIsCharacters();
    void fieldsAreKept();
};

void TestSignalFrame::frames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("type");
    const QByteArray v = R"("visit":"3f0c2a1e-0000-4000-8000-000000000001")";
    QTest::newRow("join") << (R"({"type":"join",)" + v + "}") << true << int(SignalFrame::Type::Join);
    QTest::newRow("join readiness") << (R"({"type":"join",)" + v
                                        + R"(,"readiness":{"camera":true,"microphone":false}})")
                                    << true << int(SignalFrame::Type::Join);
    QTest::newRow("join readiness null") << (R"({"type":"join",)" + v + R"(,"readiness":null})") << true
                                         << int(SignalFrame::Type::Join);
    QTest::newRow("signal sdp") << (R"({"type":"signal",)" + v
                                    + R"(,"to":"staff:staff-anna","data":{"sdp":{"type":"offer","sdp":"v=0"}}})")
                                << true << int(SignalFrame::Type::Signal);
    QTest::newRow("signal candidate")
        << (R"({"type":"signal",)" + v
            + R"(,"to":"patient:0a1b2c3d-0000-4000-8000-00000000000f","data":{"candidate":{"candidate":"candidate:1 1 udp 1 192.0.2.1 5000 typ host","sdpMid":"0"}}})")
        << true << int(SignalFrame::Type::Signal);
    QTest::newRow("chat") << (R"({"type":"chat",)" + v + R"(,"text":"Hör du mig?"})") << true
                          << int(SignalFrame::Type::Chat);
    QTest::newRow("leave") << (R"({"type":"leave",)" + v + "}") << true << int(SignalFrame::Type::Leave);

    QTest::newRow("empty") << QByteArray() << false << -1;
    QTest::newRow("garbage") << QByteArray("\x01\x02garbage\xff") << false << -1;
    QTest::newRow("truncated") << QByteArray(R"({"type":"join","visit":"v)") << false << -1;
    QTest::newRow("array") << QByteArray(R"([{"type":"join","visit":"v"}])") << false << -1;
    QTest::newRow("string") << QByteArray(R"("join")") << false << -1;
    QTest::newRow("no type") << ("{" + v + "}") << false << -1;
    QTest::newRow("unknown type") << (R"({"type":"seq",)" + v + "}") << false << -1;
    QTest::newRow("type number") << (R"({"type":1,)" + v + "}") << false << -1;
    QTest::newRow("no visit") << QByteArray(R"({"type":"join"})") << false << -1;
    QTest::newRow("visit number") << QByteArray(R"({"type":"join","visit":42})") << false << -1;
    QTest::newRow("visit injection") << QByteArray(R"({"type":"join","visit":"x' OR 1=1 --"})") << false << -1;
    QTest::newRow("visit too long") << (R"({"type":"join","visit":")" + QByteArray(65, 'a') + "\"}") << false << -1;
    QTest::newRow("readiness string") << (R"({"type":"join",)" + v + R"(,"readiness":"yes"})") << false << -1;
    QTest::newRow("readiness not bool") << (R"({"type":"join",)" + v
                                            + R"(,"readiness":{"camera":1,"microphone":true}})")
                                        << false << -1;
    QTest::newRow("signal no to") << (R"({"type":"signal",)" + v + R"(,"data":{"sdp":{}}})") << false << -1;
    QTest::newRow("signal bad peer kind")
        << (R"({"type":"signal",)" + v + R"(,"to":"admin:x","data":{"sdp":{}}})") << false << -1;
    QTest::newRow("signal peer no id") << (R"({"type":"signal",)" + v + R"(,"to":"staff:","data":{"sdp":{}}})") << false
                                       << -1;
    QTest::newRow("signal no data") << (R"({"type":"signal",)" + v + R"(,"to":"staff:a"})") << false << -1;
    QTest::newRow("signal data string") << (R"({"type":"signal",)" + v + R"(,"to":"staff:a","data":"sdp"})") << false
                                        << -1;
    QTest::newRow("signal data empty") << (R"({"type":"signal",)" + v + R"(,"to":"staff:a","data":{}})") << false << -1;
    QTest::newRow("signal data both") << (R"({"type":"signal",)" + v
                                          + R"(,"to":"staff:a","data":{"sdp":{},"candidate":{}}})")
                                      << false << -1;
    QTest::newRow("signal data extra") << (R"({"type":"signal",)" + v + R"(,"to":"staff:a","data":{"sdp":{},"x":1}})")
                                       << false << -1;
    QTest::newRow("signal sdp string") << (R"({"type":"signal",)" + v + R"(,"to":"staff:a","data":{"sdp":"v=0"}})")
                                       << false << -1;
    QTest::newRow("chat no text") << (R"({"type":"chat",)" + v + "}") << false << -1;
    QTest::newRow("chat blank") << (R"({"type":"chat",)" + v + R"(,"text":"   "})") << false << -1;
    QTest::newRow("chat number") << (R"({"type":"chat",)" + v + R"(,"text":5})") << false << -1;
}

void TestSignalFrame::frames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QFETCH(int, type);
    auto frame = SignalFrame::parse(bytes);
    QCOMPARE(bool(frame), valid);
    if (valid)
        QCOMPARE(int(frame->type), type);
    else
        QCOMPARE(frame.error().code, ErrorCode::InvalidInput);
}

void TestSignalFrame::visitIsReportedForErrors()
{
    QString visit;
    QVERIFY(!SignalFrame::parse(R"({"type":"nope","visit":"v-1"})", &visit));
    QCOMPARE(visit, QStringLiteral("v-1"));
    visit.clear();
    QVERIFY(!SignalFrame::parse("not json", &visit));
    QVERIFY(visit.isEmpty());
}

void TestSignalFrame::sizeLimit()
{
    const QByteArray head = R"({"type":"signal","visit":"v","to":"staff:a","data":{"sdp":{"sdp":")";
    const QByteArray tail = "\"}}}";
    const QByteArray fits = head + QByteArray(SignalFrame::kMaxFrameBytes - head.size() - tail.size(), 'a') + tail;
    QCOMPARE(fits.size(), SignalFrame::kMaxFrameBytes);
    QVERIFY(SignalFrame::parse(fits));
    const QByteArray over = head + QByteArray(SignalFrame::kMaxFrameBytes, 'a') + tail;
    auto refused = SignalFrame::parse(over);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("larger")));
}

void TestSignalFrame::chatLimitIsCharacters()
{
    const QString atLimit(SignalFrame::kMaxChatLength, QChar(u'å')); // 2 bytes each in UTF-8
    const QByteArray ok = R"({"type":"chat","visit":"v","text":")" + atLimit.toUtf8() + "\"}";
    QVERIFY(SignalFrame::parse(ok));
    const QByteArray over = R"({"type":"chat","visit":"v","text":")" + atLimit.toUtf8() + "x\"}";
    QVERIFY(!SignalFrame::parse(over));
}

void TestSignalFrame::fieldsAreKept()
{
    auto signal = SignalFrame::parse(
        R"({"type":"signal","visit":"v-9","to":"patient:p-1","data":{"sdp":{"type":"answer","sdp":"v=0\r\n"}}})");
    QVERIFY(signal);
    QCOMPARE(signal->visit, QStringLiteral("v-9"));
    QCOMPARE(signal->to, QStringLiteral("patient:p-1"));
    QCOMPARE(signal->data.value(QStringLiteral("sdp")).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("answer"));
    auto join = SignalFrame::parse(R"({"type":"join","visit":"v-9","readiness":{"camera":false,"microphone":true}})");
    QVERIFY(join);
    QVERIFY(join->readiness.has_value());
    QCOMPARE(join->readiness->camera, false);
    QCOMPARE(join->readiness->microphone, true);
    auto chat = SignalFrame::parse(R"({"type":"chat","visit":"v-9","text":"Hej då"})");
    QVERIFY(chat);
    QCOMPARE(chat->text, QStringLiteral("Hej då"));
}

QTEST_GUILESS_MAIN(TestSignalFrame)
#include "tst_signalframe.moc"
