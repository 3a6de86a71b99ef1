#pragma once

#include "monitoring/core/monitoringplan.h"
#include "monitoring/ui/monitoringrecords.h"

#include <QList>
#include <QWidget>

#include <optional>

class QChartView;
class QLabel;
class QVBoxLayout;

namespace nara::monitoring {

// The history of one measurement type for one patient over a time window, with its threshold
// bands: one chart per quantity (blood pressure: systolic above diastolic, on the same time axis),
// so each series is drawn against its own red and orange areas and never against the other's.
// In each chart (objectName "chart_<quantity key>"):
//   - the series "series_<quantity>": one point per measurement in the window (x: ms since epoch);
//   - the bands "band_red_high", "band_orange_high", "band_orange_low", "band_red_low": filled areas
//     from the limit to the edge of the value axis (red beyond the red limit, orange between the
//     orange and the red limit), only for the limits the thresholds have;
//   - "alertMarker": the alert's measurement, when it is in the window.
class MeasurementHistoryChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MeasurementHistoryChart)
public:
    explicit MeasurementHistoryChart(QWidget *parent = nullptr);
    ~MeasurementHistoryChart() override;

    // The measurements of `type` among `measurements` in [fromMs, toMs]; the thresholds are the
    // plan's (its override, else the default) or the defaults without a plan.
    void setHistory(MeasurementType type, const QList<MeasurementRecord> &measurements,
                    const std::optional<MonitoringPlan> &plan, const QString &markedMeasurementId, qint64 fromMs,
                    qint64 toMs);
    // No chart, a sentence instead ("no measurement type for this alert").
    void clear(const QString &message);

    QList<QChartView *> views() const { return m_views; }

private:
    QChartView *chartFor(Quantity quantity, const QList<MeasurementRecord> &inWindow,
                         const QuantityThresholds &thresholds, const QString &markedMeasurementId, qint64 fromMs,
                         qint64 toMs);
    void removeViews();

    QVBoxLayout *m_layout = nullptr;
    QLabel *m_message = nullptr;
    QList<QChartView *> m_views;
};

} // namespace nara::monitoring
