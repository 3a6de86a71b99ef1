#include "forms/ui/sendformdialog.h"

#include "forms/core/bundledquestionnaires.h"
#include "forms/ui/formanswers.h"
#include "forms/ui/formtrendchart.h"
#include "foundation/core/clock.h"
#include "foundation/core/ids.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nara::forms {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr qint64 kDayMs = 24 * 3600'000LL;

QDate localDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

// The last moment of a local day: an occasion may open on it.
qint64 endOfDay(QDate date)
{
    return QDateTime(date, QTime(23, 59, 59, 999)).toMSecsSinceEpoch();
}

} // namespace

SendFormDialog::SendFormDialog(QList<FormPatient> patients, FormRequests *requests, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_patients(std::move(patients))
    , m_requests(requests)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("sendFormDialog"));
    setWindowTitle(tr("Send a form"));

    m_patientSearch = new QLineEdit(this);
    m_patientSearch->setObjectName(QStringLiteral("formPatientSearch"));
    m_patientSearch->setAccessibleName(tr("Search patient"));
    m_patientSearch->setPlaceholderText(tr("Name or personnummer"));
    m_patientSearch->setClearButtonEnabled(true);
    m_patientList = new QListWidget(this);
    m_patientList->setObjectName(QStringLiteral("formPatientList"));
    m_patientList->setAccessibleName(tr("Patient"));
    m_patientList->setMinimumHeight(120);
    m_patientList->setMaximumHeight(200);
    std::sort(m_patients.begin(), m_patients.end(), [](const FormPatient &a, const FormPatient &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const FormPatient &patient : std::as_const(m_patients)) {
        auto *entry = new QListWidgetItem(patient.name % u", " % patient.personalNumber, m_patientList);
        entry->setData(kIdRole, patient.id);
    }
    m_patientList->setCurrentRow(0);

    m_questionnaire = new QComboBox(this);
    m_questionnaire->setObjectName(QStringLiteral("questionnaireCombo"));
    m_questionnaire->setAccessibleName(tr("Questionnaire"));
    const QString language = FormAnswers::displayLanguage();
    for (const QString &name : bundledQuestionnaireNames())
        if (const auto questionnaire = loadBundledQuestionnaire(name))
            m_questionnaire->addItem(questionnaire->title().text(language), name);

    m_once = new QRadioButton(tr("&Once"), this);
    m_once->setObjectName(QStringLiteral("formOnce"));
    m_once->setChecked(true);
    m_repeat = new QRadioButton(tr("&Every"), this);
    m_repeat->setObjectName(QStringLiteral("formRepeat"));
    auto *often = new QButtonGroup(this);
    often->addButton(m_once);
    often->addButton(m_repeat);
    m_everyDays = new QSpinBox(this);
    m_everyDays->setObjectName(QStringLiteral("formEveryDays"));
    m_everyDays->setAccessibleName(tr("Every how many days"));
    m_everyDays->setRange(1, 90);
    m_everyDays->setValue(14);
    m_everyDays->setSuffix(tr(" days"));
    const QDate today = localDate(m_clock.nowMs());
    m_until = new QDateEdit(this);
    m_until->setObjectName(QStringLiteral("formUntil"));
    m_until->setAccessibleName(tr("Until"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    // One day short of the server's year, so the end of the chosen day is always within it.
    m_until->setMaximumDate(today.addDays(kMaxScheduleDays - 1));
    m_until->setDate(today.addDays(12 * 7));
    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_everyDays);
    repeatRow->addWidget(new QLabel(tr("until"), this));
    repeatRow->addWidget(m_until);
    repeatRow->addStretch(1);

    m_dueInDays = new QSpinBox(this);
    m_dueInDays->setObjectName(QStringLiteral("formDueInDays"));
    m_dueInDays->setAccessibleName(tr("Due in days"));
    m_dueInDays->setRange(1, 30);
    m_dueInDays->setValue(7);
    m_dueInDays->setSuffix(tr(" days after it is sent"));

    m_schedule = new QLabel(this);
    m_schedule->setObjectName(QStringLiteral("formSchedule"));
    m_schedule->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sendFormStatus"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_result = new QWidget(this);
    m_result->setObjectName(QStringLiteral("sendFormResult"));
    m_link = new QLineEdit(m_result);
    m_link->setObjectName(QStringLiteral("formLink"));
    m_link->setAccessibleName(tr("The patient's link to the form"));
    m_link->setReadOnly(true);
    m_link->setMinimumWidth(420);
    m_copy = new QPushButton(tr("&Copy link"), m_result);
    m_copy->setObjectName(QStringLiteral("copyFormLink"));
    m_copy->setAccessibleName(tr("Copy link"));
    m_sms = new QLabel(m_result);
    m_sms->setObjectName(QStringLiteral("formSmsStatus"));
    m_sms->setWordWrap(true);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_copy);
    auto *resultLayout = new QVBoxLayout(m_result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addLayout(linkRow);
    resultLayout->addWidget(m_sms);
    m_result->hide();
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        m_status->setText(tr("The link is copied."));
    });

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_send->setObjectName(QStringLiteral("sendFormButton"));
    m_send->setAccessibleName(tr("Send the form"));
    m_send->setDefault(true);
    m_close = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(m_send, &QPushButton::clicked, this, &SendFormDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] { m_sent ? accept() : reject(); });

    auto *form = new QFormLayout;
    form->addRow(tr("&Patient:"), m_patientSearch);
    form->addRow(QString(), m_patientList);
    form->addRow(tr("&Questionnaire:"), m_questionnaire);
    form->addRow(tr("How often:"), m_once);
    form->addRow(QString(), repeatRow);
    form->addRow(tr("&Due:"), m_dueInDays);
    form->addRow(QString(), m_schedule);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    connect(m_patientSearch, &QLineEdit::textChanged, this, &SendFormDialog::filterPatients);
    for (QRadioButton *button : {m_once, m_repeat})
        connect(button, &QRadioButton::toggled, this, &SendFormDialog::updateSchedule);
    connect(m_everyDays, &QSpinBox::valueChanged, this, &SendFormDialog::updateSchedule);
    connect(m_until, &QDateEdit::dateChanged, this, &SendFormDialog::updateSchedule);
    connect(m_dueInDays, &QSpinBox::valueChanged, this, &SendFormDialog::updateSchedule);
    if (m_requests) {
        connect(m_requests, &FormRequests::sent, this, &SendFormDialog::showSent);
        connect(m_requests, &FormRequests::failed, this, [this](const QString &message) { showProblem(message); });
    }
    updateSchedule();
    resize(560, 480);
}

SendFormDialog::~SendFormDialog() = default;

void SendFormDialog::filterPatients(const QString &text)
{
    const QString needle = text.trimmed();
    QString digits = needle;
    digits.remove(QLatin1Char('-'));
    for (int i = 0; i < m_patientList->count(); ++i) {
        QListWidgetItem *entry = m_patientList->item(i);
        const QString haystack = entry->text() % u' ' % QString(entry->text()).remove(QLatin1Char('-'));
        entry->setHidden(!needle.isEmpty() && !haystack.contains(needle, Qt::CaseInsensitive)
                         && !haystack.contains(digits, Qt::CaseInsensitive));
    }
    if (!m_patientList->currentItem() || m_patientList->currentItem()->isHidden()) {
        for (int i = 0; i < m_patientList->count(); ++i) {
            if (!m_patientList->item(i)->isHidden()) {
                m_patientList->setCurrentRow(i);
                break;
            }
        }
    }
}

void SendFormDialog::selectPatient(const QString &patientId)
{
    for (int i = 0; i < m_patientList->count(); ++i) {
        if (m_patientList->item(i)->data(kIdRole).toString() == patientId) {
            m_patientList->setCurrentRow(i);
            return;
        }
    }
}

Result<SendFormDialog::Schedule> SendFormDialog::schedule() const
{
    if (m_once->isChecked())
        return Schedule{};
    const qint64 now = m_clock.nowMs();
    const QDate today = localDate(now);
    if (m_until->date() < today)
        return fail(ErrorCode::InvalidInput,
                    tr("The end date is before the start: the first form goes out today, %1.")
                        .arg(FormTrendChart::dateText(now, now)));
    if (m_until->date() > today.addDays(kMaxScheduleDays - 1))
        return fail(ErrorCode::InvalidInput, tr("A schedule can run for at most a year."));
    Schedule schedule;
    schedule.everyDays = m_everyDays->value();
    schedule.untilAt = endOfDay(m_until->date());
    schedule.occasions = int((schedule.untilAt - now) / (schedule.everyDays * kDayMs) + 1);
    if (schedule.occasions > kMaxOccasions)
        return fail(ErrorCode::InvalidInput,
                    tr("That makes %1 forms; at most %2 can be planned at once. Choose a longer interval or an "
                       "earlier end date.")
                        .arg(schedule.occasions)
                        .arg(kMaxOccasions));
    return schedule;
}

Result<FormRequestDraft> SendFormDialog::draft() const
{
    FormRequestDraft draft;
    if (QListWidgetItem *patient = m_patientList->currentItem(); patient && !patient->isHidden())
        draft.patientId = patient->data(kIdRole).toString();
    if (draft.patientId.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose the patient."));
    draft.questionnaireId = m_questionnaire->currentData().toString();
    if (draft.questionnaireId.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose the questionnaire."));
    draft.dueInDays = m_dueInDays->value();
    const auto planned = schedule();
    if (!planned)
        return fail(planned.error());
    draft.everyDays = planned->everyDays;
    draft.untilAt = planned->untilAt;
    return draft;
}

QString SendFormDialog::statusText() const
{
    return m_status->text();
}

void SendFormDialog::updateSchedule()
{
    m_everyDays->setEnabled(m_repeat->isChecked() && !m_sent);
    m_until->setEnabled(m_repeat->isChecked() && !m_sent);
    const auto planned = schedule();
    if (!planned) {
        m_schedule->setText(planned.error().message);
        return;
    }
    const int dueInDays = m_dueInDays->value();
    if (planned->everyDays == 0) {
        m_schedule->setText(tr("One form, sent now and due %1.")
                                .arg(FormTrendChart::dateText(m_clock.nowMs() + dueInDays * kDayMs, m_clock.nowMs())));
        return;
    }
    m_schedule->setText(
        tr("%n form(s): the first now, then every %1 days until %2; each is due %3 days after it opens.", "",
           planned->occasions)
            .arg(planned->everyDays)
            .arg(FormTrendChart::dateText(planned->untilAt, m_clock.nowMs()))
            .arg(std::min(dueInDays, planned->everyDays)));
}

void SendFormDialog::send()
{
    if (m_sent)
        return;
    const auto wanted = draft();
    if (!wanted) {
        showProblem(wanted.error().message);
        return;
    }
    if (!m_requests) {
        showProblem(tr("Sending a form needs a connection to the server. Nothing you entered is lost."));
        return;
    }
    // The same sending again (after a lost answer) keeps its key, so the server cannot send twice.
    const QByteArray body = wanted->toJson();
    const bool retry = !m_key.isEmpty() && body == m_keyBody;
    if (!retry) {
        m_key = newId();
        m_keyBody = body;
    }
    m_send->setEnabled(false);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Sending…"));
    m_requests->send(*wanted, m_key, retry);
}

void SendFormDialog::showProblem(const QString &message)
{
    m_status->setText(message);
    m_status->setStyleSheet(QStringLiteral("color: #8a1c00;"));
    m_send->setEnabled(!m_sent);
}

void SendFormDialog::showSent(const SentForm &form)
{
    m_sent = true;
    m_status->setStyleSheet(QString());
    const QString until
        = QLocale().toString(QDateTime::fromMSecsSinceEpoch(form.invitationExpiresAt), QLocale::ShortFormat);
    m_status->setText(
        tr("The form is sent (%n form(s)). The patient's link works until %1.", "", int(form.requestIds.size()))
            .arg(until));
    m_link->setText(form.invitationUrl);
    m_sms->setText(form.smsSent ? tr("An SMS with the link went to the patient's registered mobile number.")
                                : tr("No SMS went out (no mobile number is registered): give the patient the link."));
    m_sms->setProperty("smsSent", form.smsSent);
    m_result->show();
    m_link->selectAll();
    m_copy->setFocus(Qt::OtherFocusReason);
    m_send->hide();
    m_close->setText(tr("Close"));
    for (QWidget *input : std::initializer_list<QWidget *>{m_patientSearch, m_patientList, m_questionnaire, m_once,
                                                           m_repeat, m_everyDays, m_until, m_dueInDays})
        input->setEnabled(false);
    Q_EMIT formSent(form);
}

} // namespace nara::forms
