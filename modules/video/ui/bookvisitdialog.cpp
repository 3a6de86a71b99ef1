#include "video/ui/bookvisitdialog.h"

#include "foundation/core/clock.h"
#include "foundation/core/ids.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace nara::video {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr qint64 kQuarterMs = 15 * 60'000;

QListWidget *listWidget(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(name);
    list->setAccessibleName(accessibleName);
    list->setMinimumHeight(110);
    return list;
}

} // namespace

BookVisitDialog::BookVisitDialog(QList<PatientChoice> patients, QList<Colleague> colleagues, VisitBooking *booking,
                                 const Clock &clock, const QString &selfId, QWidget *parent)
    : QDialog(parent)
    , m_patients(std::move(patients))
    , m_booking(booking)
    , m_clock(clock)
    , m_selfId(selfId)
{
    setObjectName(QStringLiteral("bookVisitDialog"));
    setWindowTitle(tr("Book a video visit"));

    m_patientSearch = new QLineEdit(this);
    m_patientSearch->setObjectName(QStringLiteral("patientSearch"));
    m_patientSearch->setAccessibleName(tr("Search patient"));
    m_patientSearch->setPlaceholderText(tr("Name or personnummer"));
    m_patientSearch->setClearButtonEnabled(true);
    m_patientList = listWidget(QStringLiteral("patientList"), tr("Patient"), this);
    auto *none = new QListWidgetItem(tr("No patient – a consult call between staff"), m_patientList);
    none->setData(kIdRole, QString());
    std::sort(m_patients.begin(), m_patients.end(), [](const PatientChoice &a, const PatientChoice &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const PatientChoice &patient : std::as_const(m_patients)) {
        auto *entry = new QListWidgetItem(patient.name % u", " % patient.personalNumber, m_patientList);
        entry->setData(kIdRole, patient.id);
    }
    m_patientList->setCurrentRow(0);

    m_participantSearch = new QLineEdit(this);
    m_participantSearch->setObjectName(QStringLiteral("participantSearch"));
    m_participantSearch->setAccessibleName(tr("Search colleague"));
    m_participantSearch->setPlaceholderText(tr("Colleague, role or unit"));
    m_participantSearch->setClearButtonEnabled(true);
    m_participantList = listWidget(QStringLiteral("participantList"), tr("Other participants"), this);
    setColleagues(colleagues);

    m_startsAt = new QDateTimeEdit(this);
    m_startsAt->setObjectName(QStringLiteral("startsAtEdit"));
    m_startsAt->setAccessibleName(tr("Date and time"));
    m_startsAt->setCalendarPopup(true);
    m_startsAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // The next quarter of an hour at least 15 minutes away.
    const qint64 now = m_clock.nowMs();
    const qint64 start = ((now + kQuarterMs) / kQuarterMs + 1) * kQuarterMs;
    m_startsAt->setDateTime(QDateTime::fromMSecsSinceEpoch(start));

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setMaxLength(kMaxReasonLength);
    m_reason->setPlaceholderText(tr("For example: return visit, knee training programme"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("bookingStatus"));
    m_status->setAccessibleName(tr("Booking status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_result = new QWidget(this);
    m_result->setObjectName(QStringLiteral("bookingResult"));
    m_link = new QLineEdit(m_result);
    m_link->setObjectName(QStringLiteral("visitLink"));
    m_link->setAccessibleName(tr("The patient's link to the visit"));
    m_link->setReadOnly(true);
    m_link->setMinimumWidth(420);
    m_copy = new QPushButton(tr("&Copy link"), m_result);
    m_copy->setObjectName(QStringLiteral("copyVisitLink"));
    m_copy->setAccessibleName(tr("Copy link"));
    auto *resultRow = new QHBoxLayout(m_result);
    resultRow->setContentsMargins(0, 0, 0, 0);
    resultRow->addWidget(m_link, 1);
    resultRow->addWidget(m_copy);
    m_result->hide();
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        m_status->setText(tr("The link is copied. Send it to the patient by SMS or read it aloud."));
    });

    auto *buttons = new QDialogButtonBox(this);
    m_book = buttons->addButton(tr("&Book"), QDialogButtonBox::ActionRole);
    m_book->setObjectName(QStringLiteral("bookButton"));
    m_book->setAccessibleName(tr("Book the visit"));
    m_book->setDefault(true);
    m_close = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(m_book, &QPushButton::clicked, this, &BookVisitDialog::book);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] { m_booked ? accept() : reject(); });

    auto *form = new QFormLayout;
    form->addRow(tr("&Patient:"), m_patientSearch);
    form->addRow(QString(), m_patientList);
    form->addRow(tr("&Colleagues:"), m_participantSearch);
    form->addRow(QString(), m_participantList);
    form->addRow(tr("&Time:"), m_startsAt);
    form->addRow(tr("&Reason:"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    connect(m_patientSearch, &QLineEdit::textChanged, this,
            [this](const QString &text) { filterList(m_patientList, text); });
    connect(m_participantSearch, &QLineEdit::textChanged, this,
            [this](const QString &text) { filterList(m_participantList, text); });

    if (m_booking) {
        // Colleagues of every unit; the cached ones of one's own units until (or unless) it answers.
        connect(m_booking, &VisitBooking::directoryLoaded, this, &BookVisitDialog::setColleagues);
        connect(m_booking, &VisitBooking::booked, this, &BookVisitDialog::showBooked);
        connect(m_booking, &VisitBooking::failed, this, [this](const QString &message) { showProblem(message); });
        m_booking->loadDirectory();
    }
    resize(560, 620);
}

BookVisitDialog::~BookVisitDialog() = default;

QString BookVisitDialog::roleLabel(const QString &role)
{
    if (role == u"nurse")
        return tr("nurse");
    if (role == u"gp")
        return tr("GP");
    if (role == u"physio")
        return tr("physiotherapist");
    if (role == u"municipal_nurse")
        return tr("municipal nurse");
    if (role == u"dermatologist")
        return tr("dermatologist");
    if (role == u"quality_lead")
        return tr("quality lead");
    if (role == u"admin")
        return tr("administrator");
    return role; // a role this version does not know: shown as the server names it
}

void BookVisitDialog::setColleagues(const QList<Colleague> &colleagues)
{
    QSet<QString> checked;
    for (int i = 0; i < m_participantList->count(); ++i)
        if (m_participantList->item(i)->checkState() == Qt::Checked)
            checked.insert(m_participantList->item(i)->data(kIdRole).toString());
    QList<Colleague> sorted = colleagues;
    std::sort(sorted.begin(), sorted.end(),
              [](const Colleague &a, const Colleague &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    m_participantList->clear();
    for (const Colleague &colleague : std::as_const(sorted)) {
        if (colleague.id == m_selfId)
            continue; // the booker takes part anyway
        QStringList about;
        if (!colleague.role.isEmpty())
            about.append(roleLabel(colleague.role));
        if (!colleague.unitName.isEmpty())
            about.append(colleague.unitName);
        auto *entry = new QListWidgetItem(
            about.isEmpty() ? colleague.name : colleague.name % u" (" % about.join(QStringLiteral(", ")) % u')',
            m_participantList);
        entry->setData(kIdRole, colleague.id);
        entry->setFlags(entry->flags() | Qt::ItemIsUserCheckable);
        entry->setCheckState(checked.contains(colleague.id) ? Qt::Checked : Qt::Unchecked);
    }
    filterList(m_participantList, m_participantSearch->text());
}

void BookVisitDialog::filterList(QListWidget *list, const QString &text)
{
    const QString needle = text.trimmed();
    QString digits = needle;
    digits.remove(QLatin1Char('-'));
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *entry = list->item(i);
        QString haystack = entry->text();
        haystack += u' ' % QString(haystack).remove(QLatin1Char('-'));
        const bool keep = needle.isEmpty() || haystack.contains(needle, Qt::CaseInsensitive)
            || haystack.contains(digits, Qt::CaseInsensitive) || entry->checkState() == Qt::Checked;
        entry->setHidden(!keep);
    }
    if (list == m_patientList && (!list->currentItem() || list->currentItem()->isHidden())) {
        for (int i = 0; i < list->count(); ++i) {
            if (!list->item(i)->isHidden()) {
                list->setCurrentRow(i);
                break;
            }
        }
    }
}

void BookVisitDialog::selectPatient(const QString &patientId)
{
    for (int i = 0; i < m_patientList->count(); ++i) {
        if (m_patientList->item(i)->data(kIdRole).toString() == patientId) {
            m_patientList->setCurrentRow(i);
            return;
        }
    }
}

VisitBookingRequest BookVisitDialog::request() const
{
    VisitBookingRequest request;
    if (QListWidgetItem *patient = m_patientList->currentItem(); patient && !patient->isHidden())
        request.patientId = patient->data(kIdRole).toString();
    for (int i = 0; i < m_participantList->count(); ++i)
        if (m_participantList->item(i)->checkState() == Qt::Checked)
            request.participantIds.append(m_participantList->item(i)->data(kIdRole).toString());
    QDateTime startsAt = m_startsAt->dateTime();
    startsAt.setTime(QTime(startsAt.time().hour(), startsAt.time().minute())); // whole minutes
    request.startsAt = startsAt.toMSecsSinceEpoch();
    request.reason = m_reason->text().trimmed();
    return request;
}

QString BookVisitDialog::statusText() const
{
    return m_status->text();
}

void BookVisitDialog::book()
{
    if (m_booked)
        return;
    const VisitBookingRequest wanted = request();
    if (wanted.reason.isEmpty()) {
        showProblem(tr("Write the reason for the visit."));
        m_reason->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (wanted.patientId.isEmpty() && wanted.participantIds.isEmpty()) {
        showProblem(tr("Choose a patient or at least one colleague."));
        return;
    }
    const int people = 1 + int(wanted.participantIds.size()) + (wanted.patientId.isEmpty() ? 0 : 1);
    if (people > kMaxParticipants) {
        showProblem(
            tr("A video visit has at most %1 participants, you and the patient included.").arg(kMaxParticipants));
        return;
    }
    if (wanted.startsAt < m_clock.nowMs() - kQuarterMs) {
        showProblem(tr("The time has already passed."));
        m_startsAt->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_booking) {
        showProblem(tr("Booking a video visit needs a connection to the server. Nothing you entered is lost."));
        return;
    }
    // The same booking again (after a lost answer) keeps its key, so the server cannot book twice.
    const QByteArray body = wanted.toJson();
    const bool retry = !m_key.isEmpty() && body == m_keyBody;
    if (!retry) {
        m_key = newId();
        m_keyBody = body;
    }
    m_book->setEnabled(false);
    m_status->setText(tr("Booking…"));
    m_booking->book(wanted, m_key, retry);
}

void BookVisitDialog::showProblem(const QString &message)
{
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("color: #8a1c00;"));
    m_book->setEnabled(!m_booked);
}

void BookVisitDialog::showBooked(const BookedVisit &visit)
{
    m_booked = true;
    m_status->setStyleSheet(QString());
    const QString when = QLocale().toString(m_startsAt->dateTime(), QLocale::ShortFormat);
    if (visit.invitationUrl.isEmpty()) {
        m_status->setText(tr("The consult call is booked for %1. It is in your colleagues' inboxes.").arg(when));
    } else {
        const QString until
            = QLocale().toString(QDateTime::fromMSecsSinceEpoch(visit.invitationExpiresAt), QLocale::ShortFormat);
        m_status->setText(
            tr("The visit is booked for %1. Give the patient this link; it works until %2.").arg(when, until));
        m_link->setText(visit.invitationUrl);
        m_result->show();
        m_link->selectAll();
        m_copy->setFocus(Qt::OtherFocusReason);
    }
    m_book->hide();
    m_close->setText(tr("Close"));
    for (QWidget *input : std::initializer_list<QWidget *>{m_patientSearch, m_patientList, m_participantSearch,
                                                           m_participantList, m_startsAt, m_reason})
        input->setEnabled(false);
    Q_EMIT visitBooked(visit);
}

} // namespace nara::video
