#pragma once

#include "monitoring/core/monitoringplan.h"
#include "monitoring/ui/monitoringcommands.h"
#include "monitoring/ui/monitoringrecords.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSpinBox;

namespace nara {
class Clock;
}
namespace nara::sync {
class WriteSink;
}

namespace nara::monitoring {

class QuantityThresholdsEditor;

// A patient's monitoring plan (issue 4): which measurements ("measure_<type>"), how often
// ("interval_<type>" and "intervalUnit_<type>": hours or days), the thresholds per quantity
// (QuantityThresholdsEditor "thresholds_<quantity>", shown for the measured types) and the start.
// Opens with the patient's monitoring_plan record, or a suggestion (blood pressure daily, from now)
// when there is none or monitoring has ended. Save checks the plan with MonitoringPlan::validate
// and says what is wrong next to the field, sending nothing; a valid plan becomes
// POST /api/v1/patients/{id}/monitoring-plan {"plan","version"} for the outbox and the dialog is
// accepted. "End monitoring" sends plan null after a confirmation. The record comes back by sync.
class PlanEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanEditorDialog)
public:
    using Confirmer = std::function<bool(const QString &title, const QString &text)>;
    enum class Outcome { None, Saved, Ended };

    // `record`: the patient's monitoring_plan record; empty when there is none.
    PlanEditorDialog(const QString &patientId, const QString &patientText, const QJsonObject &record,
                     sync::WriteSink &sink, const Clock &clock, QWidget *parent = nullptr);
    ~PlanEditorDialog() override;

    // How "End monitoring" asks (the workstation's Dialogs::confirm); a message box by default.
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

    Outcome outcome() const { return m_outcome; }
    QString writeId() const { return m_writeId; }

    // The plan as the fields say, not yet validated; an error (shown at its field) when a number
    // does not parse.
    Result<MonitoringPlan> editedPlan();
    void save();
    void endMonitoring();

    // What a new plan starts from: blood pressure once a day, from `now` (to the minute).
    static MonitoringPlan suggestedPlan(const QDateTime &now);

private:
    struct TypeRow
    {
        MeasurementType type = MeasurementType::BloodPressure;
        QCheckBox *measure = nullptr;
        QSpinBox *period = nullptr;
        QComboBox *unit = nullptr;
        QLabel *error = nullptr;
    };

    QWidget *buildMeasurements();
    QWidget *buildThresholds();
    void load(const MonitoringPlan &plan);
    void typeToggled();
    void clearErrors();
    void showProblems(const MonitoringPlan &plan, const Error &error);
    TypeRow *rowOf(MeasurementType type);

    QString m_patientId;
    std::optional<PlanRecord> m_record;
    MonitoringCommands m_commands;
    Confirmer m_confirm;
    Outcome m_outcome = Outcome::None;
    QString m_writeId;
    QList<MeasurementType> m_order; // the loaded plan's order first, so an unchanged plan saves unchanged
    QDateTime m_loadedStart;
    bool m_startEdited = false;
    QLabel *m_intro = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QLabel *m_measurementsError = nullptr;
    QList<TypeRow> m_rows;
    QList<QuantityThresholdsEditor *> m_editors;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_end = nullptr;
};

} // namespace nara::monitoring
