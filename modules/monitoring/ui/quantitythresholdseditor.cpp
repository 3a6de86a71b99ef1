#include "monitoring/ui/quantitythresholdseditor.h"

#include "monitoring/ui/monitoringrecords.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

#include <cmath>

namespace nara::monitoring {

namespace {

std::optional<Limit> &edgeOf(QuantityThresholds &t, int edge)
{
    switch (edge) {
    case 0: return t.red.low;
    case 1: return t.red.high;
    case 2: return t.orange.low;
    default: return t.orange.high;
    }
}

bool isHigh(int edge)
{
    return edge == 1 || edge == 3;
}

QString opText(bool high, bool inclusive)
{
    if (high)
        return inclusive ? QStringLiteral("≥") : QStringLiteral(">");
    return inclusive ? QStringLiteral("≤") : QStringLiteral("<");
}

} // namespace

QuantityThresholdsEditor::QuantityThresholdsEditor(Quantity quantity, QWidget *parent)
    : QGroupBox(parent)
    , m_quantity(quantity)
{
    const QuantityInfo &q = info(quantity);
    setObjectName(u"thresholds_" % q.key);
    setTitle(displayName(quantity) % u" (" % q.unitText % u')');

    const char *names[] = {"redLow", "redHigh", "orangeLow", "orangeHigh"};
    const QString accessible[]
        = {tr("Red lower limit"), tr("Red upper limit"), tr("Orange lower limit"), tr("Orange upper limit")};
    const QuantityThresholds defaults = defaultThresholds(quantity);
    auto *grid = new QGridLayout(this);
    grid->addWidget(new QLabel(tr("Low"), this), 0, 1, 1, 2);
    grid->addWidget(new QLabel(tr("High"), this), 0, 3, 1, 2);
    grid->addWidget(new QLabel(tr("Red"), this), 1, 0);
    grid->addWidget(new QLabel(tr("Orange"), this), 2, 0);
    for (int edge = 0; edge < 4; ++edge) {
        QuantityThresholds copy = defaults;
        if (const auto &limit = edgeOf(copy, edge))
            m_inclusive[edge] = limit->inclusive;
        m_ops[edge] = new QLabel(opText(isHigh(edge), m_inclusive[edge]), this);
        m_fields[edge] = new QLineEdit(this);
        m_fields[edge]->setObjectName(QString::fromLatin1(names[edge]));
        m_fields[edge]->setAccessibleName(accessible[edge]);
        m_fields[edge]->setPlaceholderText(tr("none"));
        m_fields[edge]->setMaximumWidth(90);
        const int row = edge < 2 ? 1 : 2;
        const int column = isHigh(edge) ? 3 : 1;
        grid->addWidget(m_ops[edge], row, column);
        grid->addWidget(m_fields[edge], row, column + 1);
    }
    grid->setColumnStretch(5, 1);
    auto *defaultsText = new QLabel(tr("Default: %1").arg(thresholdsText(quantity, defaults)), this);
    defaultsText->setObjectName(QStringLiteral("defaultThresholds"));
    defaultsText->setWordWrap(true);
    grid->addWidget(defaultsText, 3, 0, 1, 6);
    m_useDefault = new QCheckBox(tr("Use the default"), this);
    m_useDefault->setObjectName(QStringLiteral("useDefault"));
    grid->addWidget(m_useDefault, 4, 0, 1, 6);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("thresholdError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_error->hide();
    grid->addWidget(m_error, 5, 0, 1, 6);
    connect(m_useDefault, &QCheckBox::toggled, this, &QuantityThresholdsEditor::useDefaultToggled);
    m_useDefault->setChecked(true);
    useDefaultToggled(true);
}

void QuantityThresholdsEditor::setOverride(const std::optional<QuantityThresholds> &thresholds)
{
    setError({});
    if (!thresholds) {
        m_useDefault->setChecked(true);
        useDefaultToggled(true);
        return;
    }
    QuantityThresholds copy = *thresholds;
    for (int edge = 0; edge < 4; ++edge) {
        if (const auto &limit = edgeOf(copy, edge)) {
            m_inclusive[edge] = limit->inclusive;
            m_ops[edge]->setText(opText(isHigh(edge), limit->inclusive));
        }
    }
    const QSignalBlocker blocker(m_useDefault);
    m_useDefault->setChecked(false);
    for (QLineEdit *field : m_fields)
        field->setEnabled(true);
    showThresholds(*thresholds);
}

void QuantityThresholdsEditor::useDefaultToggled(bool on)
{
    if (on)
        showThresholds(defaultThresholds(m_quantity));
    for (QLineEdit *field : m_fields)
        field->setEnabled(!on);
    if (on)
        setError({});
}

void QuantityThresholdsEditor::showThresholds(const QuantityThresholds &thresholds)
{
    QuantityThresholds copy = thresholds;
    for (int edge = 0; edge < 4; ++edge) {
        const auto &limit = edgeOf(copy, edge);
        m_fields[edge]->setText(limit ? numberText(limit->value) : QString());
    }
}

Result<std::optional<QuantityThresholds>> QuantityThresholdsEditor::value()
{
    if (m_useDefault->isChecked())
        return std::optional<QuantityThresholds>{};
    QuantityThresholds thresholds;
    for (int edge = 0; edge < 4; ++edge) {
        const QString text = m_fields[edge]->text().trimmed();
        if (text.isEmpty())
            continue;
        const auto number = parseNumber(text);
        if (!number) {
            const QString message = tr("\"%1\" is not a number.").arg(text);
            setError(message);
            return fail(ErrorCode::InvalidInput, message);
        }
        edgeOf(thresholds, edge) = Limit{*number, m_inclusive[edge]};
    }
    return std::optional<QuantityThresholds>{thresholds};
}

void QuantityThresholdsEditor::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString QuantityThresholdsEditor::error() const
{
    return m_error->text();
}

QString QuantityThresholdsEditor::numberText(double value)
{
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    if (QLocale().decimalPoint() == u",")
        text.replace(QLatin1Char('.'), QLatin1Char(','));
    return text;
}

std::optional<double> QuantityThresholdsEditor::parseNumber(const QString &text)
{
    QString normalized = text.trimmed();
    normalized.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = normalized.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString QuantityThresholdsEditor::thresholdsText(Quantity quantity, const QuantityThresholds &thresholds)
{
    const int decimals = info(quantity).decimals;
    const auto band = [&](const Band &b) {
        QStringList parts;
        const auto text = [&](const Limit &limit, bool high) {
            return preferSwedish() ? limit.textSv(high, decimals) : limit.textEn(high, decimals);
        };
        if (b.high)
            parts.append(text(*b.high, true));
        if (b.low)
            parts.append(text(*b.low, false));
        return parts.join(tr(" or "));
    };
    QStringList tiers;
    if (const QString red = band(thresholds.red); !red.isEmpty())
        tiers.append(tr("red %1").arg(red));
    if (const QString orange = band(thresholds.orange); !orange.isEmpty())
        tiers.append(tr("orange %1").arg(orange));
    return tiers.isEmpty() ? tr("no limits") : tiers.join(QStringLiteral("; "));
}

QString QuantityThresholdsEditor::problemText(Quantity quantity, const QuantityThresholds &thresholds)
{
    auto verdict = thresholds.validate(quantity);
    if (verdict)
        return {};
    // The verdict is the core's; only the words are chosen here, in the order it checks.
    const QuantityInfo &q = info(quantity);
    for (const std::optional<Limit> &limit :
         {thresholds.red.low, thresholds.red.high, thresholds.orange.low, thresholds.orange.high}) {
        if (limit && (limit->value < q.plausibleMin || limit->value > q.plausibleMax))
            return tr("%1 is outside what can be measured (%2–%3 %4).")
                .arg(numberText(limit->value), numberText(q.plausibleMin), numberText(q.plausibleMax), q.unitText);
    }
    for (const std::optional<Limit> &low : {thresholds.red.low, thresholds.orange.low}) {
        for (const std::optional<Limit> &high : {thresholds.red.high, thresholds.orange.high}) {
            if (low && high && low->value >= high->value)
                return tr("A low limit must be below every high limit.");
        }
    }
    if (thresholds.red.high && thresholds.orange.high && thresholds.orange.high->value >= thresholds.red.high->value)
        return tr("The orange upper limit must be below the red one.");
    if (thresholds.red.low && thresholds.orange.low && thresholds.orange.low->value <= thresholds.red.low->value)
        return tr("The orange lower limit must be above the red one.");
    return verdict.error().message;
}

} // namespace nara::monitoring
