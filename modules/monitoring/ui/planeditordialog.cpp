#include "monitoring/ui/planeditordialog.h"

#include "foundation/core/clock.h"
#include "monitoring/ui/quantitythresholdseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace nara::monitoring {

namespace {

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

PlanEditorDialog::PlanEditorDialog(const QString &patientId, const QString &patientText, const QJsonObject &record,
                                   sync::WriteSink &sink, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_patientId(patientId)
    , m_record(PlanRecord::fromJson(record))
    , m_commands(sink, clock)
{
    setObjectName(QStringLiteral("planEditorDialog"));
    setWindowTitle(patientText.isEmpty() ? tr("Monitoring plan") : tr("Monitoring plan – %1").arg(patientText));
    m_confirm = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
        QPushButton *yes = box.addButton(tr("End monitoring"), QMessageBox::YesRole);
        box.addButton(tr("Cancel"), QMessageBox::NoRole);
        box.exec();
        return box.clickedButton() == yes;
    };

    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("planIntro"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    if (!m_record)
        m_intro->setText(tr("No monitoring plan yet. Suggested: blood pressure once a day."));
    else if (m_record->planUnreadable)
        m_intro->setText(tr("The stored plan cannot be read by this version of Nära; saving replaces it."));
    else if (!m_record->plan)
        m_intro->setText(tr("Monitoring has ended. Saving a plan starts it again."));
    else if (m_record->updatedAt > 0)
        m_intro->setText(tr("Plan last changed %1.")
                             .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_record->updatedAt),
                                                     QStringLiteral("yyyy-MM-dd HH:mm"))));

    auto *startLabel = new QLabel(tr("S&tart:"), this);
    m_start = new QDateTimeEdit(this);
    m_start->setObjectName(QStringLiteral("planStart"));
    m_start->setAccessibleName(tr("Start of monitoring"));
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_start->setCalendarPopup(true);
    startLabel->setBuddy(m_start);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(startLabel);
    startRow->addWidget(m_start);
    startRow->addStretch(1);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(buildMeasurements());
    contentLayout->addWidget(buildThresholds());
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    m_error = errorLabel(QStringLiteral("planError"), this);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("savePlanButton"));
    m_save->setDefault(true);
    m_end = buttons->addButton(tr("&End monitoring…"), QDialogButtonBox::DestructiveRole);
    m_end->setObjectName(QStringLiteral("endMonitoringButton"));
    m_end->setEnabled(m_record && (m_record->plan || m_record->planUnreadable));
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelPlanButton"));
    connect(m_save, &QPushButton::clicked, this, &PlanEditorDialog::save);
    connect(m_end, &QPushButton::clicked, this, &PlanEditorDialog::endMonitoring);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(startRow);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(660, 720);

    load(m_record && m_record->plan ? *m_record->plan : suggestedPlan(clock.now()));
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, [this] { m_startEdited = true; });
}

PlanEditorDialog::~PlanEditorDialog() = default;

MonitoringPlan PlanEditorDialog::suggestedPlan(const QDateTime &now)
{
    MonitoringPlan plan;
    const QDateTime utc = now.toUTC();
    plan.startAt = QDateTime(utc.date(), QTime(utc.time().hour(), utc.time().minute()), Qt::UTC);
    plan.measurements.append({MeasurementType::BloodPressure, {1, MeasurementInterval::Unit::Days}});
    return plan;
}

QWidget *PlanEditorDialog::buildMeasurements()
{
    auto *box = new QGroupBox(tr("Measurements"));
    box->setObjectName(QStringLiteral("planMeasurements"));
    auto *grid = new QGridLayout(box);
    int row = 0;
    for (MeasurementType type : allMeasurementTypes()) {
        const QString key = info(type).key;
        TypeRow r;
        r.type = type;
        r.measure = new QCheckBox(displayName(type), box);
        r.measure->setObjectName(u"measure_" % key);
        r.period = new QSpinBox(box);
        r.period->setObjectName(u"interval_" % key);
        r.period->setAccessibleName(tr("Interval of %1").arg(displayName(type)));
        // Wider than the plan allows: the plan's rule (1 hour – 90 days) says what is wrong.
        r.period->setRange(0, 9999);
        r.period->setValue(1);
        r.period->setPrefix(tr("every "));
        r.unit = new QComboBox(box);
        r.unit->setObjectName(u"intervalUnit_" % key);
        r.unit->setAccessibleName(tr("Unit of the interval of %1").arg(displayName(type)));
        r.unit->addItem(tr("hours"), QStringLiteral("h"));
        r.unit->addItem(tr("days"), QStringLiteral("d"));
        r.unit->setCurrentIndex(1);
        r.error = errorLabel(u"intervalError_" % key, box);
        grid->addWidget(r.measure, row, 0);
        grid->addWidget(r.period, row, 1);
        grid->addWidget(r.unit, row, 2);
        grid->addWidget(r.error, row, 3);
        connect(r.measure, &QCheckBox::toggled, this, &PlanEditorDialog::typeToggled);
        m_rows.append(r);
        ++row;
    }
    grid->setColumnStretch(3, 1);
    m_measurementsError = errorLabel(QStringLiteral("measurementsError"), box);
    grid->addWidget(m_measurementsError, row, 0, 1, 4);
    return box;
}

QWidget *PlanEditorDialog::buildThresholds()
{
    auto *box = new QGroupBox(tr("Thresholds"));
    box->setObjectName(QStringLiteral("planThresholds"));
    auto *layout = new QVBoxLayout(box);
    auto *hint = new QLabel(tr("A value at or beyond a red limit raises a red alert, beyond an orange limit an "
                               "orange one. The patient's own limits replace the default of that measure."),
                            box);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    for (Quantity quantity : allQuantities()) {
        auto *editor = new QuantityThresholdsEditor(quantity, box);
        layout->addWidget(editor);
        m_editors.append(editor);
    }
    return box;
}

PlanEditorDialog::TypeRow *PlanEditorDialog::rowOf(MeasurementType type)
{
    for (TypeRow &row : m_rows) {
        if (row.type == type)
            return &row;
    }
    return nullptr;
}

void PlanEditorDialog::load(const MonitoringPlan &plan)
{
    m_loadedStart = plan.startAt;
    m_startEdited = false;
    m_start->setDateTime(plan.startAt.toLocalTime());
    m_order.clear();
    for (TypeRow &row : m_rows) {
        const auto planned = plan.planned(row.type);
        const QSignalBlocker blocker(row.measure);
        row.measure->setChecked(planned.has_value());
        if (planned) {
            row.period->setValue(planned->interval.period);
            row.unit->setCurrentIndex(planned->interval.unit == MeasurementInterval::Unit::Hours ? 0 : 1);
        }
    }
    for (const PlannedMeasurement &p : plan.measurements)
        m_order.append(p.type);
    for (QuantityThresholdsEditor *editor : std::as_const(m_editors)) {
        const auto it = plan.overrides.constFind(editor->quantity());
        editor->setOverride(it == plan.overrides.cend() ? std::nullopt : std::optional(*it));
    }
    typeToggled();
}

void PlanEditorDialog::typeToggled()
{
    QList<Quantity> measured;
    for (const TypeRow &row : std::as_const(m_rows)) {
        const bool on = row.measure->isChecked();
        row.period->setEnabled(on);
        row.unit->setEnabled(on);
        if (on)
            measured << info(row.type).quantities;
    }
    for (QuantityThresholdsEditor *editor : std::as_const(m_editors))
        editor->setVisible(measured.contains(editor->quantity()));
}

Result<MonitoringPlan> PlanEditorDialog::editedPlan()
{
    MonitoringPlan plan;
    plan.startAt = m_startEdited ? m_start->dateTime().toUTC() : m_loadedStart;
    QList<MeasurementType> order = m_order;
    for (MeasurementType type : allMeasurementTypes()) {
        if (!order.contains(type))
            order.append(type);
    }
    QList<Quantity> measured;
    for (MeasurementType type : std::as_const(order)) {
        const TypeRow *row = rowOf(type);
        if (!row || !row->measure->isChecked())
            continue;
        const auto unit = row->unit->currentData().toString() == u"h" ? MeasurementInterval::Unit::Hours
                                                                      : MeasurementInterval::Unit::Days;
        plan.measurements.append({type, {row->period->value(), unit}});
        measured << info(type).quantities;
    }
    bool numbers = true;
    for (QuantityThresholdsEditor *editor : std::as_const(m_editors)) {
        if (!measured.contains(editor->quantity()))
            continue;
        auto value = editor->value();
        if (!value)
            numbers = false;
        else if (*value)
            plan.overrides.insert(editor->quantity(), **value);
    }
    if (!numbers)
        return fail(ErrorCode::InvalidInput, tr("Some limits are not numbers: see the marked fields."));
    return plan;
}

void PlanEditorDialog::clearErrors()
{
    showError(m_error, {});
    showError(m_measurementsError, {});
    for (const TypeRow &row : std::as_const(m_rows))
        showError(row.error, {});
    for (QuantityThresholdsEditor *editor : std::as_const(m_editors))
        editor->setError({});
}

void PlanEditorDialog::showProblems(const MonitoringPlan &plan, const Error &error)
{
    // The verdict is MonitoringPlan::validate's; here each part is checked again on its own only
    // to say the problem beside its field, in the clinician's language.
    bool placed = false;
    if (plan.measurements.isEmpty()) {
        showError(m_measurementsError, tr("Choose at least one measurement."));
        placed = true;
    }
    for (const PlannedMeasurement &p : plan.measurements) {
        const MonitoringPlan single{plan.startAt, {p}, {}};
        if (!single.validate()) {
            if (TypeRow *row = rowOf(p.type)) {
                showError(row->error,
                          tr("The interval must be 1 hour – %1 days.").arg(MonitoringPlan::kMaxIntervalDays));
                placed = true;
            }
        }
    }
    for (QuantityThresholdsEditor *editor : std::as_const(m_editors)) {
        const auto it = plan.overrides.constFind(editor->quantity());
        if (it == plan.overrides.cend())
            continue;
        if (const QString problem = QuantityThresholdsEditor::problemText(it.key(), *it); !problem.isEmpty()) {
            editor->setError(problem);
            placed = true;
        }
    }
    showError(m_error,
              placed ? tr("The plan is not saved: see the marked fields.")
                     : tr("The plan is not saved: %1").arg(error.message));
}

void PlanEditorDialog::save()
{
    clearErrors();
    auto plan = editedPlan();
    if (!plan) {
        showError(m_error, plan.error().message);
        return;
    }
    if (auto valid = plan->validate(); !valid) {
        showProblems(*plan, valid.error());
        return;
    }
    // Version 0 when the patient has no plan record: a plan a colleague saved meanwhile is then
    // refused (409) rather than overwritten.
    m_writeId = m_commands.savePlan(m_patientId, plan->toJson(), m_record ? m_record->version : 0);
    m_outcome = Outcome::Saved;
    accept();
}

void PlanEditorDialog::endMonitoring()
{
    if (!m_record || (!m_record->plan && !m_record->planUnreadable))
        return;
    if (!m_confirm
        || !m_confirm(tr("End monitoring"),
                      tr("End the monitoring? The patient's measurements are then no longer expected and "
                         "missing ones raise no alerts.")))
        return;
    m_writeId = m_commands.savePlan(m_patientId, std::nullopt, m_record->version);
    m_outcome = Outcome::Ended;
    accept();
}

} // namespace nara::monitoring
