#pragma once

#include <QtGlobal>

class QImage;

namespace nara::referrals {

// How sharp a photo looks (issue 5's quality check before a referral is sent): the variance of the
// Laplacian (4-neighbour kernel) over a grey copy scaled down to at most kSharpnessSide pixels on
// its longest side, so that the figure does not depend on the camera's resolution. Edges in focus
// give large second derivatives of both signs, so a high variance; a blurred or featureless image
// gives values near zero. Images smaller than 3 × 3 pixels score 0.
inline constexpr int kSharpnessSide = 1024;
double imageSharpness(const QImage &image);

// Below this an image is flagged as probably blurred (a warning: the sender may still send it).
//
// Chosen from real photographs, measured with imageSharpness(): two JPEG photographs of the same
// circuit board (720 × 477, the Rust embedded book's f3.jpg and verify.jpeg: one crisp, one a little
// soft as taken, both readable) score 1188 and 314. Blurred afterwards with a Gaussian they score
// 129 and 33 at σ = 1 px, 35 and 10 at σ = 1.5 px, 14 and 5 at σ = 2 px. The softer photo at
// σ = 1 px and both from σ = 1.5 px look out of focus at screen size; the crisp one at σ = 1 px does
// not. The line lies between: 40. Skin has less texture than a circuit board, so a sharp photo of
// smooth skin scores lower than these; hence only a warning. A uniform image scores 0 and is flagged
// too: nothing in it can be judged to be in focus.
inline constexpr double kBlurredBelow = 40.0;
bool looksBlurred(double sharpness);

} // namespace nara::referrals
