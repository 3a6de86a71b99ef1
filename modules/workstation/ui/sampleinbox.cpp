#include "workstation/ui/sampleinbox.h"

#include "workstation/ui/inboxstore.h"

#include <QJsonArray>

namespace nara::workstation {

void fillSampleInbox(InboxStore &store, qint64 nowMs, const QString &staffId)
{
    using namespace inbox;
    constexpr qint64 kMinute = 60'000;
    store.setPatients({
        {QStringLiteral("p1"), {QStringLiteral("Tolvan Tolvansson"), QStringLiteral("19121212-1212")}},
        {QStringLiteral("p2"), {QStringLiteral("Elsa Exempel"), QStringLiteral("19400101-0002")}},
        {QStringLiteral("p3"), {QStringLiteral("Karl Karlsson"), QStringLiteral("19750505-0005")}},
        {QStringLiteral("p4"), {QStringLiteral("Maja Test"), QStringLiteral("20010303-0003")}},
    });
    const QString unitId = QStringLiteral("sample-unit");
    store.setStaff(
        {{staffId, QStringLiteral("anna"), QStringLiteral("Anna Andersson"), QStringLiteral("nurse"), {unitId}},
         {QStringLiteral("s2"), QStringLiteral("bo"), QStringLiteral("Bo Berg"), QStringLiteral("gp"), {unitId}}});
    struct Sample
    {
        Kind kind;
        State state;
        Priority priority;
        const char16_t *reason;
        const char16_t *patient;
        const char16_t *title;
        qint64 ageMinutes;
        qint64 dueInMinutes;
        bool mine;
    };
    const Sample samples[] = {
        {Kind::Form, State::New, Priority::Stat, u"PHQ-9 fråga 9 > 0", u"p2", u"PHQ-9-formulär", 12, -2, false},
        {Kind::Alert, State::New, Priority::Asap, u"systoliskt 182 ≥ 180", u"p3", u"Blodtryck", 40, 20, false},
        {Kind::Chat, State::InProgress, Priority::Urgent, u"Bröstsmärta vid ansträngning", u"p1",
         u"Bröstsmärta sedan igår", 95, 25, true},
        {Kind::Chat, State::New, Priority::Routine, u"", u"p4", u"Förnya recept", 300, 2580, false},
        {Kind::Referral, State::Waiting, Priority::Routine, u"", u"p2", u"Hudremiss: födelsemärke på ryggen", 1500,
         4200, true},
        {Kind::Video, State::Claimed, Priority::Urgent, u"", u"p3", u"Uppföljande samtal", 30, 5, true},
        {Kind::Report, State::New, Priority::Routine, u"", u"", u"Pilotutvärdering ska lämnas", 2880, 1440, false},
    };
    QList<InboxItem> items;
    int n = 0;
    for (const Sample &sample : samples) {
        InboxItem item;
        item.id = QStringLiteral("sample-%1").arg(++n);
        item.kind = sample.kind;
        item.state = sample.state;
        item.priority = sample.priority;
        item.waitingOn = sample.state == State::Waiting ? WaitingOn::Patient : WaitingOn::Nobody;
        item.priorityReason = QString::fromUtf16(sample.reason);
        item.patientId = QString::fromUtf16(sample.patient);
        item.title = QString::fromUtf16(sample.title);
        item.ownerId = sample.mine ? staffId : QString();
        item.createdAt = nowMs - sample.ageMinutes * kMinute;
        item.updatedAt = item.lastActivityAt = item.createdAt;
        item.dueAt = nowMs + sample.dueInMinutes * kMinute;
        items.append(item);
    }
    // The video item's visit: Karl waits in the waiting room, camera and microphone ready.
    const QJsonObject visit{{QStringLiteral("id"), QStringLiteral("sample-visit-1")},
                            {QStringLiteral("itemId"), QStringLiteral("sample-6")},
                            {QStringLiteral("unitId"), unitId},
                            {QStringLiteral("patientId"), QStringLiteral("p3")},
                            {QStringLiteral("reason"), QStringLiteral("Uppföljande samtal")},
                            {QStringLiteral("startsAt"), nowMs + 5 * kMinute}, // the item is due when the visit starts
                            {QStringLiteral("bookedAt"), nowMs - 2 * 1440 * kMinute},
                            {QStringLiteral("bookedBy"), staffId},
                            {QStringLiteral("participants"),
                             QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("staff")},
                                                    {QStringLiteral("id"), staffId},
                                                    {QStringLiteral("name"), QStringLiteral("Anna Andersson")},
                                                    {QStringLiteral("role"), QStringLiteral("nurse")}},
                                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("staff")},
                                                    {QStringLiteral("id"), QStringLiteral("s2")},
                                                    {QStringLiteral("name"), QStringLiteral("Bo Berg")},
                                                    {QStringLiteral("role"), QStringLiteral("gp")}},
                                        QJsonObject{{QStringLiteral("kind"), QStringLiteral("patient")},
                                                    {QStringLiteral("id"), QStringLiteral("p3")},
                                                    {QStringLiteral("name"), QStringLiteral("Karl Karlsson")}}}},
                            {QStringLiteral("state"), QStringLiteral("waiting")},
                            {QStringLiteral("patientArrivedAt"), nowMs - 3 * kMinute},
                            {QStringLiteral("patientWaitingSince"), nowMs - 3 * kMinute},
                            {QStringLiteral("readiness"),
                             QJsonObject{{QStringLiteral("camera"), true}, {QStringLiteral("microphone"), true}}},
                            {QStringLiteral("admittedAt"), 0},
                            {QStringLiteral("endedAt"), 0},
                            {QStringLiteral("outcome"), QString()},
                            {QStringLiteral("note"), QString()},
                            {QStringLiteral("version"), 1}};
    store.resetRecords({QStringLiteral("visit")},
                       {sync::CachedRecord{QStringLiteral("visit"), QStringLiteral("sample-visit-1"), 1, visit}});
    store.reset(items);
    store.markRead(QStringLiteral("sample-5"), nowMs);
    store.markRead(QStringLiteral("sample-6"), nowMs);

    chat::ChatMessage first;
    first.id = QStringLiteral("sample-m1");
    first.itemId = QStringLiteral("sample-3");
    first.author = chat::ChatMessage::Author::Patient;
    first.authorName = QStringLiteral("Tolvan Tolvansson");
    first.body = QStringLiteral("Hej, jag har haft ont i bröstet när jag går i trappor sedan igår.");
    first.createdAt = nowMs - 95 * kMinute;
    chat::ChatMessage note = first;
    note.id = QStringLiteral("sample-m2");
    note.author = chat::ChatMessage::Author::Staff;
    note.authorId = staffId;
    note.authorName = QStringLiteral("Anna Andersson");
    note.body = QStringLiteral("Ringer patienten efter lunch, EKG bokat.");
    note.staffOnly = true;
    note.createdAt = nowMs - 60 * kMinute;
    chat::ChatMessage answer = note;
    answer.id = QStringLiteral("sample-m3");
    answer.staffOnly = false;
    answer.body = QStringLiteral("Hej Tolvan! Vi ringer dig i eftermiddag. Ring 112 om smärtan blir värre.");
    answer.createdAt = nowMs - 55 * kMinute;
    store.setMessageLoader([first, note, answer](const QString &itemId) {
        return itemId == first.itemId ? QList<chat::ChatMessage>{first, note, answer} : QList<chat::ChatMessage>();
    });
}

} // namespace nara::workstation
