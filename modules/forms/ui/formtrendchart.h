#pragma once

#include "forms/ui/formrecords.h"

#include <QChartView>

class QLineSeries;
class QScatterSeries;

namespace nara::forms {

// The trend of one patient's answers to one questionnaire: the totals over time as a line (x =
// when answered, y = total), the instrument's severity bands shaded behind it and the answer
// shown in the pane marked. Its accessible description lists the points for screen readers.
class FormTrendChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormTrendChart)
public:
    explicit FormTrendChart(QWidget *parent = nullptr);
    ~FormTrendChart() override;

    // `history` oldest first, the last one being the current answer; `maxTotal` tops the y axis.
    // Points outside 0..maxTotal (and past 100 whatever maxTotal says) or without a time are left
    // out: an odd record must not stretch the axis.
    void setHistory(const QString &instrument, int maxTotal, const QList<ScorePoint> &history);
    QLineSeries *totals() const { return m_totals; }
    QScatterSeries *currentAnswer() const { return m_current; }

    // "3 nov" (Swedish) or "3 Nov", with the year when it is not the year of `nowMs` (default: the
    // system's now).
    static QString dateText(qint64 ms, qint64 nowMs = -1);

private:
    QLineSeries *m_totals = nullptr;
    QScatterSeries *m_current = nullptr;
};

} // namespace nara::forms
