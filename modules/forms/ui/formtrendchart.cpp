#include "forms/ui/formtrendchart.h"

#include "forms/ui/severitybands.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <iterator>

namespace nara::forms {

namespace {

constexpr qint64 kDayMs = 24 * 3600'000LL;
// No instrument's total goes past this; a record claiming more is not drawn (an axis up to a
// huge maxTotal would make Qt Charts lay out millions of ticks).
constexpr int kMaxTop = 100;
constexpr qint64 kLatestTimeMs = 253'402'300'799'999; // 9999-12-31T23:59:59.999Z

// Light to dark: calm green for the lowest band, red for the highest.
QColor bandColor(qsizetype index, qsizetype count)
{
    static const QColor kColors[] = {QColor(0xd8, 0xef, 0xd3), QColor(0xee, 0xf3, 0xc8), QColor(0xff, 0xec, 0xb8),
                                     QColor(0xff, 0xd6, 0xb0), QColor(0xf6, 0xc0, 0xc0)};
    // Four bands use green, yellow, orange and red; five add the yellow-green step.
    const qsizetype slot = count >= 5 ? index : (index == 0 ? 0 : index + 1);
    return kColors[std::clamp<qsizetype>(slot, 0, 4)];
}

} // namespace

FormTrendChart::FormTrendChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("formTrendChart"));
    setAccessibleName(tr("Score over time"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    chart()->legend()->hide();
    chart()->setLocale(QLocale()); // Swedish month names in the app
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
}

FormTrendChart::~FormTrendChart() = default;

QString FormTrendChart::dateText(qint64 ms, qint64 nowMs)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs < 0 ? QDateTime::currentMSecsSinceEpoch() : nowMs).date();
    const QDate date = QDateTime::fromMSecsSinceEpoch(ms).date();
    const QLocale locale;
    QString month = locale.monthName(date.month(), QLocale::ShortFormat);
    if (month.endsWith(u'.'))
        month.chop(1); // Swedish "nov." is written "nov" in running text
    QString text = QString::number(date.day()) % u' ' % month;
    if (date.year() != today.year())
        text += u' ' % QString::number(date.year());
    return text;
}

void FormTrendChart::setHistory(const QString &instrument, int maxTotal, const QList<ScorePoint> &history)
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    m_totals = nullptr;
    m_current = nullptr;
    // Only points the axes can hold: a total in 0..maxTotal (itself at most kMaxTop) and a time.
    const int cap = maxTotal > 0 ? std::min(maxTotal, kMaxTop) : kMaxTop;
    const auto drawable = [cap](const ScorePoint &point) {
        return point.total >= 0 && point.total <= cap && point.authoredAt > 0 && point.authoredAt <= kLatestTimeMs;
    };
    QList<ScorePoint> points;
    std::copy_if(history.cbegin(), history.cend(), std::back_inserter(points), drawable);
    const bool currentShown = !history.isEmpty() && drawable(history.last());
    if (points.isEmpty()) {
        setAccessibleDescription(QString());
        return;
    }

    const qint64 first = points.first().authoredAt;
    const qint64 last = points.last().authoredAt;
    const qint64 pad = last - first < 7 * kDayMs ? 3 * kDayMs : (last - first) / 12;
    const qint64 left = first - pad;
    const qint64 right = last + pad;
    int top = std::max(1, std::min(maxTotal, cap));
    for (const ScorePoint &point : std::as_const(points))
        top = std::max(top, point.total);

    auto *xAxis = new QDateTimeAxis(chart);
    xAxis->setFormat(QStringLiteral("d MMM"));
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(left), QDateTime::fromMSecsSinceEpoch(right));
    xAxis->setTickCount(std::clamp(int(points.size()) + 1, 3, 6));
    auto *yAxis = new QValueAxis(chart);
    yAxis->setRange(0, top);
    yAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setTickType(QValueAxis::TicksDynamic);
    yAxis->setTickAnchor(0);
    yAxis->setTickInterval(top <= 10 ? 2 : 5);
    yAxis->setTitleText(tr("Points"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    const QList<SeverityBand> bands = severityBands(instrument);
    for (qsizetype i = 0; i < bands.size(); ++i) {
        const double low = std::max(0.0, bands[i].from - 0.5);
        const double high = std::min(double(top), bands[i].to + 0.5);
        auto *band = new QAreaSeries(chart);
        auto *upper = new QLineSeries(band); // owned by the band, deleted with it
        upper->append(double(left), high);
        upper->append(double(right), high);
        auto *lower = new QLineSeries(band);
        lower->append(double(left), low);
        lower->append(double(right), low);
        band->setUpperSeries(upper);
        band->setLowerSeries(lower);
        band->setObjectName(u"band-" % bands[i].code);
        band->setName(bands[i].code);
        band->setColor(bandColor(i, bands.size()));
        band->setBorderColor(Qt::transparent);
        chart->addSeries(band);
        band->attachAxis(xAxis);
        band->attachAxis(yAxis);
    }

    m_totals = new QLineSeries(chart);
    m_totals->setObjectName(QStringLiteral("formTotals"));
    m_totals->setName(tr("Total"));
    m_totals->setPointsVisible(true);
    QPen pen(QColor(0x1f, 0x4e, 0x79));
    pen.setWidth(2);
    m_totals->setPen(pen);
    QStringList described;
    for (const ScorePoint &point : points) {
        m_totals->append(double(point.authoredAt), point.total);
        described.append(tr("%1: %2").arg(dateText(point.authoredAt)).arg(point.total));
    }
    chart->addSeries(m_totals);
    m_totals->attachAxis(xAxis);
    m_totals->attachAxis(yAxis);

    if (!currentShown) {
        setAccessibleDescription(tr("Totals, oldest first: %1.").arg(described.join(QStringLiteral(", "))));
        return;
    }
    m_current = new QScatterSeries(chart);
    m_current->setObjectName(QStringLiteral("formCurrentAnswer"));
    m_current->setName(tr("This answer"));
    m_current->setMarkerSize(13);
    m_current->setColor(QColor(0xb0, 0x00, 0x20));
    m_current->setBorderColor(Qt::white);
    m_current->append(double(points.last().authoredAt), points.last().total);
    chart->addSeries(m_current);
    m_current->attachAxis(xAxis);
    m_current->attachAxis(yAxis);

    setAccessibleDescription(
        tr("Totals, oldest first: %1. The last one is this answer.").arg(described.join(QStringLiteral(", "))));
}

} // namespace nara::forms
