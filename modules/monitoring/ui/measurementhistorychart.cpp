#include "monitoring/ui/measurementhistorychart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace nara::monitoring {

namespace {

const QColor kRedBand(211, 47, 47, 70);
const QColor kOrangeBand(245, 124, 0, 70);

QString limitText(const Limit &limit, bool high, int decimals)
{
    return preferSwedish() ? limit.textSv(high, decimals) : limit.textEn(high, decimals);
}

// A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
        if (m * power >= raw)
            return m * power;
    }
    return 10 * power;
}

struct ValueRange
{
    double low = 0;
    double high = 0;
    int ticks = 5;
    double step = 1;
};

// The value axis: every value and every limit inside, with some room, on round ticks, within what
// can be measured.
ValueRange valueRange(Quantity quantity, const QList<double> &values, const QuantityThresholds &t)
{
    QList<double> all = values;
    for (const std::optional<Limit> &limit : {t.red.low, t.red.high, t.orange.low, t.orange.high}) {
        if (limit)
            all.append(limit->value);
    }
    const QuantityInfo &q = info(quantity);
    double low = q.plausibleMin;
    double high = q.plausibleMax;
    if (!all.isEmpty()) {
        const auto [lo, hi] = std::minmax_element(all.cbegin(), all.cend());
        const double pad = *hi > *lo ? (*hi - *lo) * 0.1 : std::max(std::abs(*hi) * 0.05, 1.0);
        low = *lo - pad;
        high = *hi + pad;
    }
    const double step = niceStep((high - low) / 5);
    low = std::max(q.plausibleMin, std::floor(low / step) * step);
    high = std::min(q.plausibleMax, std::ceil(high / step) * step);
    const int ticks = std::clamp(int(std::lround((high - low) / step)) + 1, 2, 11);
    return {low, high, ticks, step};
}

} // namespace

MeasurementHistoryChart::MeasurementHistoryChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("measurementHistory"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_layout->addWidget(m_message);
    m_message->hide();
}

MeasurementHistoryChart::~MeasurementHistoryChart() = default;

void MeasurementHistoryChart::removeViews()
{
    for (QChartView *view : std::as_const(m_views))
        delete view;
    m_views.clear();
}

void MeasurementHistoryChart::clear(const QString &message)
{
    removeViews();
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void MeasurementHistoryChart::setHistory(MeasurementType type, const QList<MeasurementRecord> &measurements,
                                         const std::optional<MonitoringPlan> &plan, const QString &markedMeasurementId,
                                         qint64 fromMs, qint64 toMs)
{
    removeViews();
    QList<MeasurementRecord> inWindow;
    for (const MeasurementRecord &m : measurements) {
        if (m.type == type && m.at >= fromMs && m.at <= toMs)
            inWindow.append(m);
    }
    std::sort(inWindow.begin(), inWindow.end(),
              [](const MeasurementRecord &a, const MeasurementRecord &b) { return a.at < b.at; });
    const qint64 days = (toMs - fromMs + 12 * 3600 * 1000) / (24 * 3600 * 1000);
    m_message->setText(inWindow.isEmpty()
                           ? tr("%1: no measurements in the last %2 days.").arg(displayName(type)).arg(days)
                           : QString());
    m_message->setVisible(inWindow.isEmpty());
    for (Quantity quantity : info(type).quantities) {
        const QuantityThresholds thresholds = plan ? plan->thresholdsFor(quantity) : defaultThresholds(quantity);
        QChartView *view = chartFor(quantity, inWindow, thresholds, markedMeasurementId, fromMs, toMs);
        m_layout->addWidget(view, 1);
        m_views.append(view);
    }
}

QChartView *MeasurementHistoryChart::chartFor(Quantity quantity, const QList<MeasurementRecord> &inWindow,
                                              const QuantityThresholds &thresholds, const QString &markedMeasurementId,
                                              qint64 fromMs, qint64 toMs)
{
    const QuantityInfo &q = info(quantity);
    auto *chart = new QChart;
    chart->setTitle(displayName(quantity) % u" (" % q.unitText % u')');
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    auto *timeAxis = new QDateTimeAxis;
    timeAxis->setObjectName(QStringLiteral("timeAxis"));
    timeAxis->setFormat(QStringLiteral("d MMM"));
    timeAxis->setTickCount(7);
    timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    chart->addAxis(timeAxis, Qt::AlignBottom);

    QList<double> values;
    for (const MeasurementRecord &m : inWindow)
        values.append(m.value(quantity));
    const ValueRange range = valueRange(quantity, values, thresholds);
    const double yMin = range.low;
    const double yMax = range.high;
    auto *valueAxis = new QValueAxis;
    valueAxis->setObjectName(QStringLiteral("valueAxis"));
    valueAxis->setRange(yMin, yMax);
    valueAxis->setTickCount(range.ticks);
    valueAxis->setLabelFormat(range.step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    valueAxis->setTitleText(q.unitText);
    chart->addAxis(valueAxis, Qt::AlignLeft);

    const auto attach = [&](QAbstractSeries *series) {
        chart->addSeries(series);
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    };
    const auto addBand = [&](const char *name, const QColor &colour, const QString &label, double lower, double upper) {
        if (upper <= lower)
            return;
        auto *area = new QAreaSeries(chart);
        area->setObjectName(QString::fromLatin1(name));
        auto *top = new QLineSeries(area);
        auto *bottom = new QLineSeries(area);
        top->append({QPointF(double(fromMs), upper), QPointF(double(toMs), upper)});
        bottom->append({QPointF(double(fromMs), lower), QPointF(double(toMs), lower)});
        area->setUpperSeries(top);
        area->setLowerSeries(bottom);
        area->setName(label);
        area->setColor(colour);
        area->setPen(Qt::NoPen);
        attach(area);
    };
    const Band &red = thresholds.red;
    const Band &orange = thresholds.orange;
    if (red.high)
        addBand("band_red_high", kRedBand, tr("Red %1").arg(limitText(*red.high, true, q.decimals)), red.high->value,
                yMax);
    if (orange.high)
        addBand("band_orange_high", kOrangeBand, tr("Orange %1").arg(limitText(*orange.high, true, q.decimals)),
                orange.high->value, red.high ? red.high->value : yMax);
    if (orange.low)
        addBand("band_orange_low", kOrangeBand, tr("Orange %1").arg(limitText(*orange.low, false, q.decimals)),
                red.low ? red.low->value : yMin, orange.low->value);
    if (red.low)
        addBand("band_red_low", kRedBand, tr("Red %1").arg(limitText(*red.low, false, q.decimals)), yMin,
                red.low->value);

    auto *series = new QLineSeries(chart);
    series->setObjectName(u"series_" % q.key);
    series->setName(displayName(quantity));
    series->setPointsVisible(true);
    series->setMarkerSize(5);
    series->setColor(QColor(21, 101, 192));
    for (const MeasurementRecord &m : inWindow)
        series->append(double(m.at), m.value(quantity));
    attach(series);

    for (const MeasurementRecord &m : inWindow) {
        if (markedMeasurementId.isEmpty() || m.id != markedMeasurementId)
            continue;
        auto *marker = new QScatterSeries(chart);
        marker->setObjectName(QStringLiteral("alertMarker"));
        marker->setName(tr("The alert's measurement"));
        marker->setMarkerSize(18);
        marker->setColor(Qt::transparent);
        marker->setBorderColor(QColor(33, 33, 33));
        QPen pen = marker->pen();
        pen.setWidthF(3);
        marker->setPen(pen);
        marker->append(double(m.at), m.value(quantity));
        attach(marker);
    }

    auto *view = new QChartView(chart, this);
    view->setObjectName(u"chart_" % q.key);
    view->setAccessibleName(tr("History of %1").arg(displayName(quantity)));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

} // namespace nara::monitoring
