#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace nara::referrals {

// A photograph of skin with a pigmented lesion, drawn: no real patient's picture ships with the
// demo region, the screenshots or the tests. `closeUp` fills the frame with the lesion, else a
// wider view with the lesion small; `blurred` loses the fine detail as a shaken hand does. The same
// seed draws the same picture. JPEG bytes, 1600 × 1200.
QByteArray drawSampleLesionPhoto(quint32 seed, bool closeUp, bool blurred = false);

} // namespace nara::referrals
