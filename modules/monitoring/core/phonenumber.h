#pragma once

#include <QString>

#include <optional>

namespace nara::monitoring {

// A Swedish phone number in its national form ("0701234567"), as patients.phone is matched: spaces,
// dashes, dots, slashes and parentheses are dropped; "+46", "0046" and a bare "46" (as gateways send
// it) become "0". Nothing for anything that is not 7–15 digits afterwards (letters, an empty number,
// another country's number, which no registered Swedish number can match).
std::optional<QString> nationalPhoneNumber(const QString &text);

} // namespace nara::monitoring
