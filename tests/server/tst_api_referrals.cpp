// Dermatology referrals against a real nara-server with the demo region (docs/api/contract.md,
// "Dermatology image referrals"): the two life cycles (send → answer → acknowledge; ask for more →
// the GP adds an image → answer) with the inbox items, titles and /sync entities of both units (the
// names of who did each step reach the other unit, which does not know its staff); a GP
// of another care centre and a dermatologist of another clinic get 404 for the referral's write
// routes (audited as denied); bad bodies are 400 naming the field and store nothing; the wrong state
// and a stale version are 409.

#include "referralsapifixture.h"

using namespace nara::test;

class TestApiReferrals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_api.start(), qPrintable(m_api.failure)); }
    void cleanupTestCase() { m_api.stop(); }
    void sendAnswerAcknowledge();
    void askForMoreThenImageThenAnswer();
    void otherUnitsGetNotFound();
    void onlyGpsAndNursesOfACareCentreSend();
    void badReferralsStoreNothing_data();
    void badReferralsStoreNothing();
    void badAnswersChangeNothing_data();
    void badAnswersChangeNothing();
    void wrongStateIsAConflict();
    void staleVersionIsAConflict();

private:
    qint64 stored(const QString &table) const { return m_api.count(u"SELECT COUNT(*) FROM "_qs + table); }

    ReferralsApi m_api;
};

void TestApiReferrals::sendAnswerAcknowledge()
{
    const QString first = m_api.uploaded(u"erik"_qs, sampleJpeg(m_api.nextImageSeed()));
    const QString second = m_api.uploaded(u"erik"_qs, sampleJpeg(m_api.nextImageSeed()));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QByteArray key = "send-" + first.left(8).toLatin1();
    const HttpReply sent
        = m_api.as(u"erik"_qs)
              .postJson(u"/api/v1/referrals"_qs, m_api.referralBody({first, second}), {{"Idempotency-Key", key}});
    QCOMPARE(sent.status, 201);
    const QJsonObject referral = sent.json();
    const QString id = referral.value(u"id"_qs).toString();
    QCOMPARE(referral.value(u"state"_qs).toString(), u"sent"_qs);
    QCOMPARE(referral.value(u"version"_qs).toInt(), 1);
    QCOMPARE(referral.value(u"fromUnitId"_qs).toString(), kFalkenberg);
    QCOMPARE(referral.value(u"toUnitId"_qs).toString(), kDerm);
    QCOMPARE(referral.value(u"sentBy"_qs).toString(), u"staff-erik"_qs);
    QCOMPARE(referral.value(u"bodySite"_qs).toObject().value(u"display"_qs).toString(), u"Vänster underarm"_qs);
    const QJsonArray images = referral.value(u"images"_qs).toArray();
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.at(1).toObject().value(u"id"_qs).toString(), second);
    QCOMPARE(images.at(1).toObject().value(u"width"_qs).toInt(), 400);
    QVERIFY(referral.value(u"dueAt"_qs).toInteger() > referral.value(u"sentAt"_qs).toInteger());
    const QJsonObject fhir = referral.value(u"fhir"_qs).toObject();
    QCOMPARE(fhir.value(u"serviceRequest"_qs).toObject().value(u"status"_qs).toString(), u"active"_qs);
    QCOMPARE(fhir.value(u"media"_qs).toArray().size(), 2);
    QVERIFY(fhir.value(u"diagnosticReport"_qs).isNull());

    // A retry with the same key gets the same answer and stores nothing more.
    const HttpReply retried
        = m_api.as(u"erik"_qs)
              .postJson(u"/api/v1/referrals"_qs, m_api.referralBody({first, second}), {{"Idempotency-Key", key}});
    QCOMPARE(retried.status, 201);
    QCOMPARE(retried.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(retried.json().value(u"id"_qs).toString(), id);
    QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM referrals WHERE patient_id = ?"_qs, {m_api.patientId}), 1);

    // The dermatology unit sees the referral, its item in the pool and the patient.
    TestHttp omar = m_api.as(u"omar"_qs);
    const QList<QJsonObject> dermatology = syncAll(omar);
    const QJsonObject received = newest(dermatology, u"referral"_qs, id);
    QCOMPARE(received.value(u"state"_qs).toString(), u"sent"_qs);
    QCOMPARE(received.value(u"sentByName"_qs).toString(), u"Erik Johansson"_qs);
    QCOMPARE(received.value(u"fhir"_qs)
                 .toObject()
                 .value(u"serviceRequest"_qs)
                 .toObject()
                 .value(u"requester"_qs)
                 .toObject()
                 .value(u"display"_qs)
                 .toString(),
             u"Erik Johansson"_qs);
    const QString itemId = referral.value(u"itemId"_qs).toString();
    const QJsonObject item = newest(dermatology, u"inbox_item"_qs, itemId);
    QCOMPARE(item.value(u"kind"_qs).toString(), u"referral"_qs);
    QCOMPARE(item.value(u"state"_qs).toString(), u"new"_qs);
    QCOMPARE(item.value(u"unitId"_qs).toString(), kDerm);
    QCOMPARE(item.value(u"title"_qs).toString(), u"Hudremiss: Vänster underarm"_qs);
    QCOMPARE(item.value(u"priority"_qs).toString(), u"routine"_qs);
    QCOMPARE(item.value(u"dueAt"_qs).toInteger(), referral.value(u"dueAt"_qs).toInteger());
    QVERIFY(!newest(dermatology, u"patient"_qs, m_api.patientId).isEmpty());
    QCOMPARE(omar.get(u"/api/v1/images/"_qs + first).status, 200);

    // The dermatologist answers.
    const HttpReply answered
        = m_api.act(u"omar"_qs, id, u"answer"_qs,
                    {{u"description"_qs, u"Regelbundet pigmenterat, symmetriskt. Benignt nevus."_qs},
                     {u"diagnosis"_qs, u"D22.9"_qs},
                     {u"management"_qs, u"none"_qs},
                     {u"version"_qs, 1}});
    QCOMPARE(answered.status, 200);
    QCOMPARE(answered.json().value(u"state"_qs).toString(), u"answered"_qs);
    const QJsonObject answer = answered.json().value(u"answer"_qs).toObject();
    QCOMPARE(answer.value(u"diagnosis"_qs).toObject().value(u"code"_qs).toString(), u"D22.9"_qs);
    QCOMPARE(answer.value(u"answeredBy"_qs).toString(), u"staff-omar"_qs);
    const QString senderItemId = answered.json().value(u"senderItemId"_qs).toString();
    QVERIFY(!senderItemId.isEmpty());
    QCOMPARE(answered.json()
                 .value(u"fhir"_qs)
                 .toObject()
                 .value(u"diagnosticReport"_qs)
                 .toObject()
                 .value(u"status"_qs)
                 .toString(),
             u"final"_qs);
    QCOMPARE(newest(syncAll(omar), u"inbox_item"_qs, itemId).value(u"state"_qs).toString(), u"done"_qs);

    // The answer is in the sender's inbox, held by the GP who sent it.
    TestHttp erik = m_api.as(u"erik"_qs);
    const QList<QJsonObject> falkenberg = syncAll(erik);
    const QJsonObject answeredThere = newest(falkenberg, u"referral"_qs, id);
    QCOMPARE(answeredThere.value(u"state"_qs).toString(), u"answered"_qs);
    QCOMPARE(answeredThere.value(u"answer"_qs).toObject().value(u"answeredByName"_qs).toString(), u"Omar Haddad"_qs);
    const QJsonObject news = newest(falkenberg, u"inbox_item"_qs, senderItemId);
    QCOMPARE(news.value(u"title"_qs).toString(), u"Svar på hudremiss: Vänster underarm"_qs);
    QCOMPARE(news.value(u"unitId"_qs).toString(), kFalkenberg);
    QCOMPARE(news.value(u"state"_qs).toString(), u"claimed"_qs);
    QCOMPARE(news.value(u"ownerId"_qs).toString(), u"staff-erik"_qs);
    QCOMPARE(news.value(u"priority"_qs).toString(), u"routine"_qs);

    // A colleague of the sending unit closes the loop: the patient is informed.
    const HttpReply acknowledged = m_api.act(u"anna"_qs, id, u"acknowledge"_qs, {});
    QCOMPARE(acknowledged.status, 200);
    QCOMPARE(acknowledged.json().value(u"state"_qs).toString(), u"acknowledged"_qs);
    QCOMPARE(acknowledged.json().value(u"acknowledgedBy"_qs).toString(), u"staff-anna"_qs);
    QCOMPARE(newest(syncAll(erik), u"inbox_item"_qs, senderItemId).value(u"state"_qs).toString(), u"done"_qs);
    const QJsonObject acknowledgedThere = newest(syncAll(omar), u"referral"_qs, id);
    QCOMPARE(acknowledgedThere.value(u"state"_qs).toString(), u"acknowledged"_qs);
    QCOMPARE(acknowledgedThere.value(u"acknowledgedByName"_qs).toString(), u"Anna Lindqvist"_qs);
    QCOMPARE(m_api.count(u"SELECT COUNT(*) FROM audit_log WHERE object = ? AND patient_id = ?"_qs,
                         {QString(u"referral:"_qs + id), m_api.patientId}),
             3); // create, answer, acknowledge
}

void TestApiReferrals::askForMoreThenImageThenAnswer()
{
    const QJsonObject referral = m_api.sendReferral(1, u"urgent"_qs);
    QVERIFY(!referral.isEmpty());
    const QString id = referral.value(u"id"_qs).toString();
    const QString itemId = referral.value(u"itemId"_qs).toString();
    TestHttp omar = m_api.as(u"omar"_qs);
    QCOMPARE(newest(syncAll(omar), u"inbox_item"_qs, itemId).value(u"priority"_qs).toString(), u"urgent"_qs);

    const HttpReply asked
        = m_api.act(u"omar"_qs, id, u"request-info"_qs, {{u"question"_qs, u"Ta gärna en dermatoskopibild."_qs}});
    QCOMPARE(asked.status, 200);
    QCOMPARE(asked.json().value(u"state"_qs).toString(), u"needs_info"_qs);
    QCOMPARE(
        asked.json().value(u"fhir"_qs).toObject().value(u"serviceRequest"_qs).toObject().value(u"status"_qs).toString(),
        u"on-hold"_qs);
    const QJsonObject waiting = newest(syncAll(omar), u"inbox_item"_qs, itemId);
    QCOMPARE(waiting.value(u"state"_qs).toString(), u"waiting"_qs);
    QCOMPARE(waiting.value(u"waitingOn"_qs).toString(), u"colleague"_qs);
    const QString senderItemId = asked.json().value(u"senderItemId"_qs).toString();
    TestHttp erik = m_api.as(u"erik"_qs);
    const QJsonObject question = newest(syncAll(erik), u"inbox_item"_qs, senderItemId);
    QCOMPARE(question.value(u"title"_qs).toString(), u"Komplettering begärd: Vänster underarm"_qs);
    QCOMPARE(question.value(u"ownerId"_qs).toString(), u"staff-erik"_qs);
    const QJsonObject askedThere
        = newest(syncAll(erik), u"referral"_qs, id).value(u"infoRequests"_qs).toArray().at(0).toObject();
    QCOMPARE(askedThere.value(u"askedByName"_qs).toString(), u"Omar Haddad"_qs);

    // The GP adds a dermoscopy image with a reply.
    const QString dermoscopy = m_api.uploaded(u"erik"_qs, sampleJpeg(m_api.nextImageSeed(), 600, 600));
    const HttpReply added
        = m_api.act(u"erik"_qs, id, u"images"_qs,
                    {{u"images"_qs, QJsonArray{QJsonObject{{u"id"_qs, dermoscopy}, {u"view"_qs, u"dermoscopy"_qs}}}},
                     {u"reply"_qs, u"Dermatoskopibild bifogad."_qs},
                     {u"version"_qs, 2}});
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json().value(u"state"_qs).toString(), u"sent"_qs);
    QCOMPARE(added.json().value(u"images"_qs).toArray().size(), 2);
    const QJsonObject request = added.json().value(u"infoRequests"_qs).toArray().at(0).toObject();
    QCOMPARE(request.value(u"askedBy"_qs).toString(), u"staff-omar"_qs);
    QCOMPARE(request.value(u"reply"_qs).toString(), u"Dermatoskopibild bifogad."_qs);
    QCOMPARE(request.value(u"repliedBy"_qs).toString(), u"staff-erik"_qs);
    QCOMPARE(newest(syncAll(erik), u"inbox_item"_qs, senderItemId).value(u"state"_qs).toString(), u"done"_qs);
    QCOMPARE(newest(syncAll(omar), u"inbox_item"_qs, itemId).value(u"state"_qs).toString(), u"new"_qs);
    const QJsonObject repliedThere
        = newest(syncAll(omar), u"referral"_qs, id).value(u"infoRequests"_qs).toArray().at(0).toObject();
    QCOMPARE(repliedThere.value(u"repliedByName"_qs).toString(), u"Erik Johansson"_qs);
    QCOMPARE(repliedThere.value(u"askedByName"_qs).toString(), u"Omar Haddad"_qs);
    QCOMPARE(omar.get(u"/api/v1/images/"_qs + dermoscopy + u"/thumbnail"_qs).status, 200);

    const HttpReply answered = m_api.act(u"omar"_qs, id, u"answer"_qs,
                                         {{u"description"_qs, u"Misstänkt melanom."_qs},
                                          {u"diagnosis"_qs, u"C43.9"_qs},
                                          {u"management"_qs, u"cancer_pathway"_qs}});
    QCOMPARE(answered.status, 200);
    QCOMPARE(answered.json().value(u"senderItemId"_qs).toString(), senderItemId); // the same item, reopened
    const QJsonObject news = newest(syncAll(erik), u"inbox_item"_qs, senderItemId);
    QCOMPARE(news.value(u"title"_qs).toString(), u"Svar på hudremiss: Vänster underarm"_qs);
    QCOMPARE(news.value(u"state"_qs).toString(), u"claimed"_qs);
    QCOMPARE(news.value(u"priority"_qs).toString(), u"urgent"_qs);
    QCOMPARE(
        newest(syncAll(erik), u"referral"_qs, id).value(u"answer"_qs).toObject().value(u"management"_qs).toString(),
        u"cancer_pathway"_qs);
}

void TestApiReferrals::otherUnitsGetNotFound()
{
    const QJsonObject referral = m_api.sendReferral();
    const QString id = referral.value(u"id"_qs).toString();
    QVERIFY(!id.isEmpty());
    const QJsonObject answer{
        {u"description"_qs, u"x"_qs}, {u"diagnosis"_qs, u"L82"_qs}, {u"management"_qs, u"none"_qs}};
    const QList<std::pair<QString, QJsonObject>> writes{
        {u"answer"_qs, answer},
        {u"request-info"_qs, {{u"question"_qs, u"?"_qs}}},
        {u"acknowledge"_qs, {}},
        {u"images"_qs,
         {{u"images"_qs, QJsonArray{QJsonObject{{u"id"_qs, QString(64, u'e')}, {u"view"_qs, u"overview"_qs}}}},
          {u"reply"_qs, u"x"_qs}}},
    };
    for (const QString &stranger : {u"gunnar"_qs, u"hedda"_qs, u"karin"_qs}) {
        for (const auto &[action, body] : writes) {
            const HttpReply refused = m_api.act(stranger, id, action, body);
            QVERIFY2(refused.status == 404, qPrintable(stranger + u' ' + action));
            QCOMPARE(problemType(refused), u"https://nara.example/problems/not-found"_qs);
        }
        QVERIFY(m_api.count(u"SELECT COUNT(*) FROM audit_log WHERE user_id = ? AND outcome = 'denied' "
                            "AND object LIKE ?"_qs,
                            {QString(u"staff-"_qs + stranger), QString(u"POST /api/v1/referrals/"_qs + id + u"/%"_qs)})
                >= 4);
    }
    // Staff of the wrong side of the referral are told they may not.
    QCOMPARE(m_api.act(u"erik"_qs, id, u"answer"_qs, answer).status, 403);
    QCOMPARE(m_api.act(u"omar"_qs, id, u"acknowledge"_qs, {}).status, 403);
    QCOMPARE(m_api.act(u"gunnar"_qs, u"no-such-referral"_qs, u"acknowledge"_qs, {}).status, 404);
    QCOMPARE(m_api.count(u"SELECT version FROM referrals WHERE id = ?"_qs, {id}), 1);
}

void TestApiReferrals::onlyGpsAndNursesOfACareCentreSend()
{
    const QString image = m_api.uploaded(u"omar"_qs, sampleJpeg(m_api.nextImageSeed()));
    const qint64 before = stored(u"referrals"_qs);
    QCOMPARE(m_api.as(u"omar"_qs).postJson(u"/api/v1/referrals"_qs, m_api.referralBody({image})).status, 403);
    // karin is a nurse, but not at the patient's care centre.
    const QString hers = m_api.uploaded(u"karin"_qs, sampleJpeg(m_api.nextImageSeed()));
    QCOMPARE(m_api.as(u"karin"_qs).postJson(u"/api/v1/referrals"_qs, m_api.referralBody({hers})).status, 404);
    QCOMPARE(stored(u"referrals"_qs), before);
}

void TestApiReferrals::badReferralsStoreNothing_data()
{
    QTest::addColumn<QString>("path"); // a dotted path into the good body, "" for the raw body below
    QTest::addColumn<QJsonValue>("value"); // undefined: remove
    QTest::addColumn<QString>("field");
    const QJsonValue gone(QJsonValue::Undefined);
    QTest::newRow("no question") << u"question"_qs << gone << u"question"_qs;
    QTest::newRow("unknown field") << u"urgency"_qs << QJsonValue(u"high"_qs) << u"urgency"_qs;
    QTest::newRow("no history") << u"history"_qs << gone << u"history"_qs;
    QTest::newRow("body site not on the map")
        << u"bodySite"_qs << QJsonValue(QJsonObject{{u"code"_qs, u"1"_qs}}) << u"bodySite.code"_qs;
    QTest::newRow("bad priority") << u"priority"_qs << QJsonValue(u"stat"_qs) << u"priority"_qs;
    QTest::newRow("not a dermatology unit") << u"toUnitId"_qs << QJsonValue(kTeleborg) << u"toUnitId"_qs;
    QTest::newRow("image never uploaded")
        << u"images"_qs
        << QJsonValue(QJsonArray{QJsonObject{{u"id"_qs, QString(64, u'f')}, {u"view"_qs, u"overview"_qs}}})
        << u"images[0].id"_qs;
    QTest::newRow("bad view") << u"images"_qs
                              << QJsonValue(
                                     QJsonArray{QJsonObject{{u"id"_qs, QString(64, u'f')}, {u"view"_qs, u"x"_qs}}})
                              << u"images[0].view"_qs;
    QTest::newRow("no images") << u"images"_qs << QJsonValue(QJsonArray{}) << u"images"_qs;
}

void TestApiReferrals::badReferralsStoreNothing()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QString image = m_api.uploaded(u"erik"_qs, sampleJpeg(m_api.nextImageSeed()));
    QJsonObject body = m_api.referralBody({image});
    if (value.isUndefined())
        body.remove(path);
    else
        body.insert(path, value);
    const qint64 referrals = stored(u"referrals"_qs);
    const qint64 items = stored(u"inbox_items"_qs);
    const qint64 relations = stored(u"care_relations"_qs);
    const HttpReply refused = m_api.as(u"erik"_qs).postJson(u"/api/v1/referrals"_qs, body);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(u"field"_qs).toString(), field);
    QVERIFY2(refused.json().value(u"detail"_qs).toString().startsWith(field), refused.body.constData());
    QCOMPARE(stored(u"referrals"_qs), referrals);
    QCOMPARE(stored(u"inbox_items"_qs), items);
    QCOMPARE(stored(u"care_relations"_qs), relations);
    // Malformed JSON too.
    QCOMPARE(m_api.as(u"erik"_qs).post(u"/api/v1/referrals"_qs, "{\"patientId\":", {{"Idempotency-Key", "m"}}).status,
             400);
}

void TestApiReferrals::badAnswersChangeNothing_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QJsonObject good{{u"description"_qs, u"Seborroisk keratos."_qs},
                           {u"diagnosis"_qs, u"L82"_qs},
                           {u"management"_qs, u"follow_up"_qs},
                           {u"followUpMonths"_qs, 6}};
    QJsonObject row = good;
    row.insert(u"diagnosis"_qs, u"J45"_qs);
    QTest::newRow("diagnosis not in the list") << row << u"diagnosis"_qs;
    row = good;
    row.remove(u"followUpMonths"_qs);
    QTest::newRow("follow-up without months") << row << u"followUpMonths"_qs;
    row = good;
    row.insert(u"followUpMonths"_qs, 36);
    QTest::newRow("36 months") << row << u"followUpMonths"_qs;
    row = good;
    row.insert(u"management"_qs, u"antibiotics"_qs);
    QTest::newRow("unknown management") << row << u"management"_qs;
    row = good;
    row.remove(u"description"_qs);
    QTest::newRow("no description") << row << u"description"_qs;
}

void TestApiReferrals::badAnswersChangeNothing()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const QString id = m_api.sendReferral(1).value(u"id"_qs).toString();
    const HttpReply refused = m_api.act(u"omar"_qs, id, u"answer"_qs, body);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json().value(u"field"_qs).toString(), field);
    QCOMPARE(m_api.count(u"SELECT version FROM referrals WHERE id = ?"_qs, {id}), 1);
    QCOMPARE(m_api.db->value(u"SELECT state FROM referrals WHERE id = ?"_qs, {id}).toString(), u"sent"_qs);
}

void TestApiReferrals::wrongStateIsAConflict()
{
    const QString id = m_api.sendReferral(1).value(u"id"_qs).toString();
    const HttpReply early = m_api.act(u"erik"_qs, id, u"acknowledge"_qs, {});
    QCOMPARE(early.status, 409);
    QCOMPARE(early.json().value(u"state"_qs).toString(), u"sent"_qs);
    const QJsonObject answer{
        {u"description"_qs, u"x"_qs}, {u"diagnosis"_qs, u"L82"_qs}, {u"management"_qs, u"none"_qs}};
    QCOMPARE(m_api.act(u"omar"_qs, id, u"answer"_qs, answer).status, 200);
    const HttpReply twice = m_api.act(u"omar"_qs, id, u"answer"_qs, answer);
    QCOMPARE(twice.status, 409);
    QCOMPARE(twice.json().value(u"state"_qs).toString(), u"answered"_qs);
    QCOMPARE(m_api.act(u"omar"_qs, id, u"request-info"_qs, {{u"question"_qs, u"?"_qs}}).status, 409);
    QCOMPARE(m_api.count(u"SELECT version FROM referrals WHERE id = ?"_qs, {id}), 2);
}

void TestApiReferrals::staleVersionIsAConflict()
{
    const QString id = m_api.sendReferral(1).value(u"id"_qs).toString();
    const HttpReply stale
        = m_api.act(u"omar"_qs, id, u"request-info"_qs, {{u"question"_qs, u"?"_qs}, {u"version"_qs, 0}});
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json().value(u"version"_qs).toInt(), 1);
    QCOMPARE(m_api.db->value(u"SELECT state FROM referrals WHERE id = ?"_qs, {id}).toString(), u"sent"_qs);
}

QTEST_GUILESS_MAIN(TestApiReferrals)
#include "tst_api_referrals.moc"
