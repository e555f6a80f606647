//===- NoisePolicy.h - which remarks print only with verbose --------------===//
//
// SPEC v2 "Default noise policy": printing shows what a performance engineer
// can act on. Everything still goes to the YAML; `verbose` prints it all.
// driver/noise_policy.c applies the same rule to the default report.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_NOISE_POLICY_H
#define ESCAPE_NOISE_POLICY_H

#include "Remark.h"

namespace escape {

/// True for a remark the default printing leaves out: a NotInlined for a
/// callee with no definition at a call neither in a loop nor hot, and a
/// capture through a variadic argument (Reason varargs).
bool isDefaultNoise(const Remark &R);

} // namespace escape

#endif
