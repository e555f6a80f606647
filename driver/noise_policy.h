/* SPEC v2's default noise policy: what the default report leaves out
 * because a performance engineer cannot act on it there. A NotInlined for
 * want of a definition is shown only when the call is in a loop or hot
 * (most such calls are a library's exported API or a test helper, where
 * "define it static inline" is wrong advice), and a capture through a
 * variadic argument (Reason varargs: LLVM treats every variadic argument
 * as captured) is not shown. The YAML keeps everything; `report --all`,
 * json, sarif, diff and gate see it all. */
#ifndef ESCAPE_DRIVER_NOISE_POLICY_H
#define ESCAPE_DRIVER_NOISE_POLICY_H

#include "remark_set.h"

/* Whether the policy hides remark. */
int noise_policy_hides(const escape_remark *remark);

/* Removes the entries the policy hides from a finished set, keeping the
 * order of the others; returns how many were removed. */
size_t noise_policy_apply(remark_set *set);

#endif
