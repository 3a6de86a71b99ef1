#include "demo/core/demoregion.h"

#include "auth/core/accountrepository.h"
#include "auth/core/passwordhasher.h"
#include "chat/core/chatrepository.h"
#include "demo/core/demoreferrals.h"
#include "demo/core/demoselfcare.h"
#include "demo/core/demotexts.h"
#include "foundation/core/personnummer.h"
#include "inbox/core/inboxrepository.h"
#include "inbox/core/lifecycle.h"
#include "storage/core/transactionguard.h"
#include "sync/core/changelog.h"
#include "video/core/visitrepository.h"

#include <QRandomGenerator>
#include <QSet>

namespace nara::demo {

namespace {

using inbox::InboxItem;
using inbox::State;

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr int kPatients = 240;
constexpr int kTeleborgPatients = 80;
constexpr int kItems = 400;

const QString kFalkenberg = QStringLiteral("unit-falkenberg");
const QString kTeleborg = QStringLiteral("unit-teleborg");
const QString kDerm = QStringLiteral("unit-derm");
const QString kHemsjukvard = QStringLiteral("unit-hemsjukvard");

struct DemoStaff
{
    const char *id;
    const char *username;
    const char *displayName;
    const char *role;
    QStringList units;
};

QList<DemoStaff> staffList()
{
    return {
        {"staff-anna", "anna", "Anna Lindqvist", "nurse", {kFalkenberg}},
        {"staff-erik", "erik", "Erik Johansson", "gp", {kFalkenberg}},
        {"staff-sara", "sara", "Sara Nilsson", "physio", {kFalkenberg}},
        {"staff-lena", "lena", "Lena Berg", "municipal_nurse", {kHemsjukvard}},
        {"staff-omar", "omar", "Omar Haddad", "dermatologist", {kDerm}},
        {"staff-maria", "maria", "Maria Ek", "quality_lead", {kFalkenberg, kTeleborg}},
        {"staff-karin", "karin", "Karin Svensson", "nurse", {kTeleborg}},
        {"staff-admin", "admin", "Administratör Nära", "admin", {kFalkenberg, kTeleborg, kDerm, kHemsjukvard}},
    };
}

// A UUID-shaped id from the seeded generator, so the same seed gives the same ids.
QString seededId(QRandomGenerator &random)
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    bytes[6] = char((bytes[6] & 0x0f) | 0x40);
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);
    const QString hex = QString::fromLatin1(bytes.toHex());
    return hex.left(8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
}

// A valid 12-digit personnummer born 1930–2010. Birth numbers 980–999 keep clear of most real
// people (Skatteverket's published test numbers are the model); the check digit is Luhn.
QString testPersonnummer(QRandomGenerator &random, bool woman)
{
    const QDate first(1930, 1, 1);
    const QDate birth = first.addDays(random.bounded(int(first.daysTo(QDate(2010, 12, 31))) + 1));
    int serial = 980 + random.bounded(20);
    if ((serial % 2 == 0) != woman) // the third digit is even for women, odd for men
        serial = serial == 999 ? 998 : serial + 1;
    const QString nine = birth.toString(QStringLiteral("yyMMdd")) + QString::number(serial);
    return birth.toString(QStringLiteral("yyyyMMdd")) + QString::number(serial) + QString::number(luhnCheckDigit(nine));
}

template<typename T> const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(int(list.size())));
}

struct Builder
{
    storage::Database &db;
    QRandomGenerator random;
    qint64 now;
    DemoSummary summary;
    QHash<QString, auth::StaffAccount> staff; // by username
    struct DemoPatient
    {
        auth::Patient patient;
        QString careCentre;
        bool homeCare = false;
    };
    QList<DemoPatient> patients;

    Result<void> log(const QString &unit, const QString &entity, const QString &id, const QJsonObject &data)
    {
        auto seq = sync::ChangeLog(db).append(unit, entity, id, data, now);
        if (!seq)
            return fail(seq.error());
        return {};
    }

    Result<void> addUnitsAndStaff()
    {
        auth::AccountRepository accounts(db);
        const QList<auth::CareUnit> units{
            {kFalkenberg, QStringLiteral("Vårdcentralen Falkenberg"), QStringLiteral("care_centre"),
             QStringLiteral("Region Halland")},
            {kTeleborg, QStringLiteral("Vårdcentralen Teleborg"), QStringLiteral("care_centre"),
             QStringLiteral("Region Kronoberg")},
            {kDerm, QStringLiteral("Hudmottagningen Växjö"), QStringLiteral("dermatology"),
             QStringLiteral("Region Kronoberg")},
            {kHemsjukvard, QStringLiteral("Hemsjukvården Falkenbergs kommun"), QStringLiteral("municipal"),
             QStringLiteral("Region Halland")},
        };
        for (const auth::CareUnit &unit : units)
            if (auto added = accounts.addUnit(unit); !added)
                return fail(added.error());
        summary.units = int(units.size());

        auto hash = auth::PasswordHasher::hash(QStringLiteral("demo")); // once: Argon2id is slow on purpose
        if (!hash)
            return fail(hash.error());
        for (const DemoStaff &s : staffList()) {
            auto added = accounts.addStaff({QString::fromUtf8(s.id), QString::fromUtf8(s.username),
                                            QString::fromUtf8(s.displayName), QString::fromUtf8(s.role), s.units, true},
                                           *hash);
            if (!added)
                return fail(added.error());
            staff.insert(added->username, *added);
            summary.accounts.append(
                {added->username, QStringLiteral("demo"), added->displayName, added->role, added->unitIds});
            for (const QString &unit : added->unitIds)
                if (auto logged = log(unit, QStringLiteral("staff"), added->id, added->toJson()); !logged)
                    return logged;
        }
        return {};
    }

    Result<void> addPatients()
    {
        auth::AccountRepository accounts(db);
        const QDate today = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date();
        QSet<QString> used;
        for (int i = 0; i < kPatients; ++i) {
            const bool woman = random.bounded(2) == 0;
            QString number;
            do
                number = testPersonnummer(random, woman);
            while (used.contains(number));
            used.insert(number);
            const QString name = pick(random, woman ? womenNames() : menNames()) + u' ' + pick(random, surnames());
            const QString phone = QStringLiteral("07%1-%2 %3 %4")
                                      .arg(random.bounded(10))
                                      .arg(random.bounded(100, 1000))
                                      .arg(random.bounded(10, 100))
                                      .arg(random.bounded(10, 100));
            auto added = accounts.addPatient({seededId(random), number, name, phone}, today);
            if (!added)
                return fail(added.error());
            DemoPatient demo{*added, i < kTeleborgPatients ? kTeleborg : kFalkenberg, false};
            QStringList units{demo.careCentre};
            if (demo.careCentre == kFalkenberg && random.bounded(8) == 0) { // shared with municipal home care
                demo.homeCare = true;
                units.append(kHemsjukvard);
            }
            if (demo.careCentre == kTeleborg && random.bounded(10) == 0) // referred to dermatology
                units.append(kDerm);
            for (const QString &unit : units) {
                if (auto related = accounts.addCareRelation(added->id, unit); !related)
                    return fail(related.error());
                if (auto logged = log(unit, QStringLiteral("patient"), added->id, added->toJson()); !logged)
                    return logged;
            }
            patients.append(demo);
        }
        summary.patients = kPatients;
        return {};
    }

    // Who handles a thread of `role` in `unit`.
    QString handler(const QString &unit, const char *role, State state)
    {
        if (unit == kTeleborg)
            return staff.value(QStringLiteral("karin")).id;
        if (unit == kHemsjukvard)
            return staff.value(QStringLiteral("lena")).id;
        if (state == State::Claimed) // the triage nurse claims what comes in
            return staff.value(QStringLiteral("anna")).id;
        const QString r = QString::fromUtf8(role);
        if (r == u"physio")
            return staff.value(QStringLiteral("sara")).id;
        if (r == u"gp")
            return staff.value(QStringLiteral("erik")).id;
        return staff.value(random.bounded(3) == 0 ? QStringLiteral("erik") : QStringLiteral("anna")).id;
    }

    QString nameOf(const QString &staffId) const
    {
        for (const auth::StaffAccount &account : staff)
            if (account.id == staffId)
                return account.displayName;
        return {};
    }

    Result<void> addThread(int index)
    {
        // Left unanswered past their due time only where that is plausible: never a stat or asap
        // matter (a clinic answers chest pain the same hour).
        const bool overdueNew = index % 50 == 7;
        const ThreadTemplate *chosen = &pick(random, threadTemplates());
        while (overdueNew && (qstrcmp(chosen->priority, "stat") == 0 || qstrcmp(chosen->priority, "asap") == 0))
            chosen = &pick(random, threadTemplates());
        const ThreadTemplate &t = *chosen;
        const bool homeCareThread = QString::fromUtf8(t.role) == u"municipal_nurse";
        // A patient of the right unit: home-care threads only for home-care patients.
        DemoPatient patient;
        do
            patient = pick(random, patients);
        while (homeCareThread && !patient.homeCare);
        const QString unit = homeCareThread ? kHemsjukvard : patient.careCentre;

        // Older threads are mostly done; the last days hold the open work. A few new ones are
        // left past their due time, so the pool shows overdue items.
        const qint64 age = overdueNew ? 2 * kDay + random.bounded(int(2 * kDay / kMinute)) * kMinute
                                      : qint64(random.bounded(int(120 * kDay / kMinute))) * kMinute;
        const qint64 created = now - age;
        State state = State::Done;
        if (overdueNew) {
            state = State::New;
        } else if (age < 4 * kDay) {
            const State open[]
                = {State::New, State::New, State::Claimed, State::InProgress, State::Waiting, State::Done};
            state = open[random.bounded(6)];
        } else if (age < 20 * kDay) {
            state = random.bounded(3) == 0 ? State::Waiting : State::Done;
        }
        // Pressing matters are settled within the day.
        const bool pressing = qstrcmp(t.priority, "stat") == 0 || qstrcmp(t.priority, "asap") == 0;
        if (pressing && age > kDay)
            state = State::Done;

        // Messages alternate patient, staff, …; the state decides who wrote last.
        int count = 1 + random.bounded(6);
        const bool staffLast = state == State::Waiting || state == State::Done;
        if (state == State::New || state == State::Claimed)
            count = 1 + random.bounded(2); // only the patient has written
        else if (staffLast && count % 2 == 1)
            count = count == 1 ? 2 : count - 1;
        else if (state == State::InProgress && count % 2 == 0)
            count = count == 2 ? 3 : count - 1;

        InboxItem item;
        item.id = seededId(random);
        item.kind = inbox::Kind::Chat;
        item.state = state;
        item.priority = *inbox::priorityFromString(QString::fromUtf8(t.priority));
        item.priorityReason = QString::fromUtf8(t.reason);
        item.unitId = unit;
        item.patientId = patient.patient.id;
        item.title = QString::fromUtf8(t.title);
        item.createdAt = created;
        if (state != State::New)
            item.ownerId = handler(unit, t.role, state);
        item.claimedAt = item.ownerId.isEmpty() ? 0 : created + 5 * kMinute + random.bounded(120) * kMinute;

        // Message times: spread over the thread's life, never in the future.
        const qint64 span = qMin<qint64>(age, 3 * kDay);
        QList<chat::ChatMessage> messages;
        qint64 at = created;
        qint64 lastPatient = created;
        int patientLine = 0;
        int staffLine = 0;
        bool onlyPatient = state == State::New || state == State::Claimed;
        for (int m = 0; m < count; ++m) {
            const bool fromPatient = onlyPatient || m % 2 == 0;
            if (m > 0)
                at = qMin(now - kMinute, at + qMax<qint64>(kMinute, span / (count + 1)));
            chat::ChatMessage message;
            message.id = seededId(random);
            message.itemId = item.id;
            message.createdAt = at;
            if (fromPatient) {
                message.author = chat::ChatMessage::Author::Patient;
                message.authorId = patient.patient.id;
                message.authorName = patient.patient.name;
                message.body = t.patientLines.at(patientLine++ % t.patientLines.size());
                lastPatient = at;
            } else {
                message.author = chat::ChatMessage::Author::Staff;
                message.authorId = item.ownerId;
                message.authorName = nameOf(item.ownerId);
                message.body = t.staffLines.at(staffLine++ % t.staffLines.size());
            }
            messages.append(message);
        }
        // Now and then a note for colleagues on a thread in progress.
        if ((state == State::InProgress || state == State::Waiting) && random.bounded(4) == 0) {
            chat::ChatMessage note;
            note.id = seededId(random);
            note.itemId = item.id;
            note.author = chat::ChatMessage::Author::Staff;
            note.authorId = item.ownerId;
            note.authorName = nameOf(item.ownerId);
            note.body = QStringLiteral("Intern anteckning: stämt av med kollega, fortsätter enligt plan.");
            note.staffOnly = true;
            note.createdAt = qMin(now - kMinute, at + kMinute);
            messages.append(note);
            at = note.createdAt;
        }
        item.claimedAt = item.claimedAt == 0 ? 0 : qMin(item.claimedAt, qMax(at, created));
        item.waitingOn = state == State::Waiting ? inbox::WaitingOn::Patient : inbox::WaitingOn::Nobody;
        item.lastActivityAt = at;
        item.updatedAt = at;
        // The SLA runs from when the item last came to staff: the patient's latest message.
        item.dueAt = inbox::dueAtFor(item.kind, item.priority, state == State::InProgress ? lastPatient : created);

        if (auto inserted = inbox::InboxRepository(db).insert(item); !inserted)
            return inserted;
        chat::ChatRepository chats(db);
        for (const chat::ChatMessage &message : std::as_const(messages))
            if (auto inserted = chats.insert(message, unit); !inserted)
                return inserted;
        summary.items += 1;
        summary.messages += int(messages.size());
        return {};
    }

    // A booked video visit (or consult call) today: its item is the booker's, due at the start.
    Result<void> addVisit(const QString &booker, const QStringList &others, const auth::Patient &patient,
                          const QString &reason, qint64 startsAt)
    {
        const auth::StaffAccount &by = staff[booker];
        video::Visit visit;
        visit.id = seededId(random);
        visit.itemId = seededId(random);
        visit.unitId = by.unitIds.constFirst();
        visit.patientId = patient.id;
        visit.reason = reason;
        visit.startsAt = startsAt;
        visit.bookedAt = now - 2 * kDay;
        visit.bookedBy = by.id;
        for (const QString &username : QStringList{booker} + others) {
            const auth::StaffAccount &s = staff[username];
            visit.participants.append({video::VisitParticipant::Kind::Staff, s.id, s.displayName, s.role});
        }
        visit.participants.append({video::VisitParticipant::Kind::Patient, patient.id, patient.name, {}});

        InboxItem item;
        item.id = visit.itemId;
        item.kind = inbox::Kind::Video;
        item.state = State::Claimed;
        item.priority = inbox::Priority::Routine;
        item.priorityReason = QStringLiteral("Bokat videobesök");
        item.unitId = visit.unitId;
        item.ownerId = by.id;
        item.patientId = patient.id;
        item.title = reason;
        item.createdAt = visit.bookedAt;
        item.updatedAt = visit.bookedAt;
        item.dueAt = startsAt;
        item.claimedAt = visit.bookedAt;
        item.lastActivityAt = visit.bookedAt;
        video::VisitRepository visits(db);
        if (auto inserted = inbox::InboxRepository(db).insert(item); !inserted)
            return inserted;
        if (auto inserted = visits.insert(visit); !inserted)
            return inserted;
        if (auto shared = visits.sharePatient(visit, visit.bookedAt); !shared)
            return shared;
        if (auto shared = visits.shareItem(visit, item, visit.bookedAt); !shared)
            return shared;
        summary.items += 1;
        return {};
    }

    // Today's video visits: anna with a patient, sara's physiotherapy follow-up, and a consult
    // call erik and lena (municipal home care) hold with a patient both units care for.
    Result<void> addVisits()
    {
        const qint64 firstSlot = (now / (30 * kMinute) + 2) * 30 * kMinute; // a round time, an hour or more ahead
        const DemoPatient *ordinary = nullptr;
        const DemoPatient *physio = nullptr;
        const DemoPatient *shared = nullptr;
        for (const DemoPatient &p : std::as_const(patients)) {
            if (p.careCentre != kFalkenberg)
                continue;
            if (p.homeCare && !shared)
                shared = &p;
            else if (!p.homeCare && !ordinary)
                ordinary = &p;
            else if (!p.homeCare && !physio)
                physio = &p;
        }
        if (!ordinary || !physio || !shared)
            return fail(ErrorCode::Internal, QStringLiteral("The demo region lacks patients for its video visits."));
        if (auto added = addVisit(QStringLiteral("anna"), {}, ordinary->patient,
                                  QStringLiteral("Videobesök: uppföljning av blodtryck"), firstSlot);
            !added)
            return added;
        if (auto added = addVisit(QStringLiteral("erik"), {QStringLiteral("lena")}, shared->patient,
                                  QStringLiteral("Konsultation: sårläkning i hemsjukvården"), firstSlot + kHour);
            !added)
            return added;
        return addVisit(QStringLiteral("sara"), {}, physio->patient,
                        QStringLiteral("Fysioterapi: uppföljning av knäträning"), firstSlot + 2 * kHour);
    }

    // Falkenberg patients beyond those of today's visits who measure at home and answer forms.
    QList<SelfCarePatient> selfCarePatients(int skip, int count) const
    {
        QList<SelfCarePatient> result;
        int seen = 0;
        for (const DemoPatient &p : patients) {
            if (p.careCentre != kFalkenberg || p.homeCare || seen++ < skip)
                continue;
            if (result.size() == count)
                break;
            result.append({p.patient.id, p.careCentre});
        }
        return result;
    }

    Result<void> addSelfCare(const Clock &clock)
    {
        auto monitored = addSelfMonitoring(db, clock, selfCarePatients(2, 6), staff.value(QStringLiteral("anna")).id);
        if (!monitored)
            return fail(monitored.error());
        summary.items += *monitored;
        const auth::StaffAccount nurse = staff.value(QStringLiteral("anna"));
        const auth::Caller caller{
            auth::Caller::Kind::Staff, nurse.id, nurse.username, nurse.displayName, nurse.role, nurse.unitIds, {},
            QStringLiteral("demo")};
        auto answered = addForms(db, clock, selfCarePatients(8, 3), caller);
        if (!answered)
            return fail(answered.error());
        summary.items += *answered;
        return {};
    }

    // Referrals from Falkenberg (erik) to the dermatology clinic (omar), other patients than the
    // self-care ones.
    Result<void> addDermatologyReferrals(const Clock &clock, referrals::ImageStore &images)
    {
        const auto callerOf = [this](const char *username) {
            const auth::StaffAccount account = staff.value(QString::fromLatin1(username));
            return auth::Caller{
                auth::Caller::Kind::Staff, account.id, account.username,      account.displayName, account.role,
                account.unitIds,           {},         QStringLiteral("demo")};
        };
        auto added = addReferrals(db, clock, images, selfCarePatients(11, 4), callerOf("erik"), callerOf("omar"));
        if (!added)
            return fail(added.error());
        summary.items += *added;
        return {};
    }
};

} // namespace

QString DemoSummary::describe() const
{
    QString text = alreadyPresent
        ? QStringLiteral("Demo region already present.\n")
        : QStringLiteral("Demo region: %1 care units, %2 patients, %3 inbox items, %4 messages.\n")
              .arg(units)
              .arg(patients)
              .arg(items)
              .arg(messages);
    text += QStringLiteral("Demo accounts (password \"demo\"):\n");
    for (const DemoAccount &account : accounts)
        text += QStringLiteral("  %1 %2 %3 %4\n")
                    .arg(account.username, -8)
                    .arg(account.role, -16)
                    .arg(account.displayName, -22)
                    .arg(account.unitIds.join(QStringLiteral(", ")));
    return text;
}

Result<DemoSummary> buildDemoRegion(storage::Database &database, const Clock &clock, quint32 seed,
                                    referrals::ImageStore *images)
{
    auto present = database.scalar(QStringLiteral("SELECT 1 FROM care_units WHERE id = ?"), {kFalkenberg});
    if (!present)
        return fail(present.error());
    if (!present->isNull()) {
        DemoSummary summary;
        summary.alreadyPresent = true;
        for (const DemoStaff &s : staffList())
            summary.accounts.append({QString::fromUtf8(s.username), QStringLiteral("demo"),
                                     QString::fromUtf8(s.displayName), QString::fromUtf8(s.role), s.units});
        return summary;
    }

    auto transaction = storage::TransactionGuard::begin(database);
    if (!transaction)
        return fail(transaction.error());
    Builder builder{database, QRandomGenerator(seed), clock.nowMs(), {}, {}, {}};
    if (auto done = builder.addUnitsAndStaff(); !done)
        return fail(done.error());
    if (auto done = builder.addPatients(); !done)
        return fail(done.error());
    for (int i = 0; i < kItems; ++i)
        if (auto done = builder.addThread(i); !done)
            return fail(done.error());
    if (auto done = builder.addVisits(); !done)
        return fail(done.error());
    if (auto done = builder.addSelfCare(clock); !done)
        return fail(done.error());
    if (images) {
        if (auto done = builder.addDermatologyReferrals(clock, *images); !done)
            return fail(done.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return fail(committed.error());
    return builder.summary;
}

} // namespace nara::demo
