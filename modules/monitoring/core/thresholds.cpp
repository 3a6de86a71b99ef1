#include "monitoring/core/thresholds.h"

using namespace Qt::StringLiterals;

namespace nara::monitoring {

namespace {

Limit at(double value)
{
    return {value, true};
}

Limit beyond(double value)
{
    return {value, false};
}

QString opText(bool high, bool inclusive)
{
    if (high)
        return inclusive ? u"≥"_s : u">"_s;
    return inclusive ? u"≤"_s : u"<"_s;
}

QString opKey(bool high, bool inclusive)
{
    if (high)
        return inclusive ? u">="_s : u">"_s;
    return inclusive ? u"<="_s : u"<"_s;
}

QJsonObject limitJson(const Limit &limit, bool high)
{
    return {{u"op"_s, opKey(high, limit.inclusive)}, {u"value"_s, limit.value}};
}

QJsonObject bandJson(const Band &band)
{
    QJsonObject o;
    if (band.low)
        o.insert(u"low"_s, limitJson(*band.low, false));
    if (band.high)
        o.insert(u"high"_s, limitJson(*band.high, true));
    return o;
}

Result<std::optional<Limit>> limitFromJson(const QJsonObject &band, const QString &key, bool high, const QString &where)
{
    if (!band.contains(key))
        return std::optional<Limit>{};
    const QJsonValue v = band.value(key);
    if (!v.isObject())
        return fail(ErrorCode::InvalidInput, u"%1.%2 must be an object {op, value}."_s.arg(where, key));
    const QJsonObject o = v.toObject();
    const QString op = o.value(u"op"_s).toString();
    Limit limit;
    if (op == opKey(high, true))
        limit.inclusive = true;
    else if (op == opKey(high, false))
        limit.inclusive = false;
    else
        return fail(ErrorCode::InvalidInput,
                    u"%1.%2.op must be \"%3\" or \"%4\"."_s.arg(where, key, opKey(high, true), opKey(high, false)));
    if (!o.value(u"value"_s).isDouble())
        return fail(ErrorCode::InvalidInput, u"%1.%2.value must be a number."_s.arg(where, key));
    limit.value = o.value(u"value"_s).toDouble();
    return std::optional<Limit>{limit};
}

Result<Band> bandFromJson(const QJsonObject &object, const QString &key, const QString &where)
{
    Band band;
    if (!object.contains(key))
        return band;
    if (!object.value(key).isObject())
        return fail(ErrorCode::InvalidInput, u"%1.%2 must be an object."_s.arg(where, key));
    const QJsonObject o = object.value(key).toObject();
    const QString path = where + u'.' + key;
    auto low = limitFromJson(o, u"low"_s, false, path);
    if (!low)
        return std::unexpected(low.error());
    auto high = limitFromJson(o, u"high"_s, true, path);
    if (!high)
        return std::unexpected(high.error());
    band.low = *low;
    band.high = *high;
    return band;
}

} // namespace

QString tierKey(Tier tier)
{
    return tier == Tier::Red ? u"red"_s : u"orange"_s;
}

QString Limit::textSv(bool high, int decimals) const
{
    return opText(high, inclusive) + u' ' + formatSv(value, decimals);
}

QString Limit::textEn(bool high, int decimals) const
{
    return opText(high, inclusive) + u' ' + formatEn(value, decimals);
}

Interpretation ThresholdCrossing::interpretation() const
{
    if (tier == Tier::Red)
        return high ? Interpretation::CriticalHigh : Interpretation::CriticalLow;
    return high ? Interpretation::High : Interpretation::Low;
}

std::optional<ThresholdCrossing> QuantityThresholds::judge(double value) const
{
    for (const auto &[tier, band] : {std::pair{Tier::Red, red}, std::pair{Tier::Orange, orange}}) {
        if (band.high && band.high->beyondHigh(value))
            return ThresholdCrossing{tier, true, *band.high};
        if (band.low && band.low->beyondLow(value))
            return ThresholdCrossing{tier, false, *band.low};
    }
    return std::nullopt;
}

Result<void> QuantityThresholds::validate(Quantity quantity) const
{
    const QuantityInfo &q = info(quantity);
    auto invalid = [&](const QString &what) {
        return fail(ErrorCode::InvalidInput, u"Thresholds for %1: %2"_s.arg(q.key, what),
                    QJsonObject{{u"quantity"_s, q.key}});
    };
    const std::pair<const char *, std::optional<Limit>> limits[]
        = {{"red.low", red.low}, {"red.high", red.high}, {"orange.low", orange.low}, {"orange.high", orange.high}};
    for (const auto &[name, limit] : limits) {
        if (limit && (limit->value < q.plausibleMin || limit->value > q.plausibleMax)) {
            return invalid(u"%1 %2 is outside the plausible range %3–%4 %5."_s.arg(
                QString::fromLatin1(name), formatEn(limit->value, 2), formatEn(q.plausibleMin, 2),
                formatEn(q.plausibleMax, 2), q.unitText));
        }
    }
    for (const std::optional<Limit> &low : {red.low, orange.low}) {
        for (const std::optional<Limit> &high : {red.high, orange.high}) {
            if (low && high && low->value >= high->value)
                return invalid(u"a low limit (%1) must be below every high limit (%2)."_s.arg(
                    formatEn(low->value, 2), formatEn(high->value, 2)));
        }
    }
    if (red.high && orange.high && orange.high->value >= red.high->value)
        return invalid(u"the orange high limit (%1) is beyond the red one (%2)."_s.arg(formatEn(orange.high->value, 2),
                                                                                       formatEn(red.high->value, 2)));
    if (red.low && orange.low && orange.low->value <= red.low->value)
        return invalid(u"the orange low limit (%1) is beyond the red one (%2)."_s.arg(formatEn(orange.low->value, 2),
                                                                                      formatEn(red.low->value, 2)));
    return {};
}

QJsonObject QuantityThresholds::toJson() const
{
    return {{u"red"_s, bandJson(red)}, {u"orange"_s, bandJson(orange)}};
}

Result<QuantityThresholds> QuantityThresholds::fromJson(const QJsonObject &object, Quantity quantity)
{
    const QString where = u"thresholds."_s + info(quantity).key;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"red"_s && it.key() != u"orange"_s)
            return fail(ErrorCode::InvalidInput, u"%1: unknown tier '%2' (red, orange)."_s.arg(where, it.key()));
    }
    QuantityThresholds t;
    auto red = bandFromJson(object, u"red"_s, where);
    if (!red)
        return std::unexpected(red.error());
    auto orange = bandFromJson(object, u"orange"_s, where);
    if (!orange)
        return std::unexpected(orange.error());
    t.red = *red;
    t.orange = *orange;
    if (auto ok = t.validate(quantity); !ok)
        return std::unexpected(ok.error());
    return t;
}

QuantityThresholds defaultThresholds(Quantity quantity)
{
    switch (quantity) {
    case Quantity::Systolic: return {{at(90), at(180)}, {at(100), at(160)}};
    case Quantity::Diastolic: return {{std::nullopt, at(110)}, {std::nullopt, at(100)}};
    case Quantity::Pulse: return {{beyond(40), beyond(130)}, {beyond(50), beyond(110)}};
    case Quantity::Glucose: return {{beyond(3.5), beyond(20)}, {beyond(4), beyond(15)}};
    case Quantity::SpO2: return {{beyond(90), std::nullopt}, {beyond(93), std::nullopt}};
    case Quantity::Temperature: return {{beyond(35), at(39.5)}, {std::nullopt, at(38.5)}};
    case Quantity::Weight:
    case Quantity::PeakFlow: return {};
    }
    return {};
}

} // namespace nara::monitoring
