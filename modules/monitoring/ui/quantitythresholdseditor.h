#pragma once

#include "foundation/core/error.h"
#include "monitoring/core/thresholds.h"

#include <QGroupBox>

#include <array>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace nara::monitoring {

// The red and orange limits of one quantity in the plan editor: "use the default" (the default is
// shown beside it), or the patient's own limits, each edge optional. An edge keeps the comparison
// it had (≥ or >, ≤ or <; the default's for an edge that is new), so only numbers are edited.
// Fields: "redLow", "redHigh", "orangeLow", "orangeHigh", "useDefault"; the error "thresholdError".
class QuantityThresholdsEditor final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuantityThresholdsEditor)
public:
    explicit QuantityThresholdsEditor(Quantity quantity, QWidget *parent = nullptr);

    Quantity quantity() const { return m_quantity; }
    // The patient's limits, or nothing: the default applies.
    void setOverride(const std::optional<QuantityThresholds> &thresholds);
    // As edited: nothing when the default is used; an error (also shown) when a field is not a number.
    Result<std::optional<QuantityThresholds>> value();
    void setError(const QString &text); // empty: no error
    QString error() const;

    // Why `thresholds` fail QuantityThresholds::validate, in words for the clinician (translated);
    // empty when they are valid.
    static QString problemText(Quantity quantity, const QuantityThresholds &thresholds);
    // "red ≥ 180 or ≤ 90; orange ≥ 160 or ≤ 100", "no limits".
    static QString thresholdsText(Quantity quantity, const QuantityThresholds &thresholds);
    // A number as the editor shows it: no trailing zeros, the locale's decimal sign.
    static QString numberText(double value);
    // "82,5" or "82.5"; nothing for anything else.
    static std::optional<double> parseNumber(const QString &text);

private:
    enum Edge { RedLow, RedHigh, OrangeLow, OrangeHigh };
    void showThresholds(const QuantityThresholds &thresholds);
    void useDefaultToggled(bool on);

    Quantity m_quantity;
    std::array<QLineEdit *, 4> m_fields{};
    std::array<QLabel *, 4> m_ops{};
    std::array<bool, 4> m_inclusive{true, true, true, true};
    QCheckBox *m_useDefault = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace nara::monitoring
