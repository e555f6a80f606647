/* The join across translation units (SPEC "Why (flow)", "Default noise
 * policy"; docs/driver.md, "Across translation units"). A TU's remarks stop
 * where its code calls a function it only declares. Another TU of the
 * project that defines the function (with external linkage) wrote a
 * Definition record for it: where it is, its size, which pointer
 * parameters it keeps (and their LeakingParam) and which it does not. The
 * join matches by the function's linkage name and the argument number:
 * - a LocalEscapes or LeakingParam whose chain ends at such a call goes on
 *   with the callee's own LeakingParam and its chain (recursively, cycles
 *   cut), or ends with the callee keeping nothing;
 * - a NotInlined for want of a definition says where the callee is defined.
 * The added args (Defined, and Hop, HopArgNo, Store, FlowEnd) are flow
 * steps: fingerprints, computed before, do not depend on them. */
#ifndef ESCAPE_DRIVER_REMARK_JOIN_H
#define ESCAPE_DRIVER_REMARK_JOIN_H

#include "remark_set.h"

/* The largest optimized body, in IR instructions, that the advice calls
 * small enough to move into a header as static inline: the inliner's
 * default threshold (225) at its cost of 5 per instruction. */
#define REMARK_JOIN_SMALL_INSTRUCTIONS 45

/* Completes the entries of a finished set from its Definition records and
 * removes the records. Returns 0, or -1 when out of memory (entries not
 * yet completed are left as they were; the records are removed). */
int remark_join_apply(remark_set *set);

#endif
