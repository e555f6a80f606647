/* The order a performance engineer reads remarks in: an estimated cost per
 * remark, from what the YAML says about how often its site runs (a PGO
 * profile's Hotness, else a static guess of 8 iterations per level of
 * LoopDepth), times the number of inlined contexts of the same call site
 * (at the cost of its hottest context), and for a call not inlined because
 * it was too costly, more the nearer its cost came to the threshold. One
 * call site's verdicts across contexts (the same remark name, location,
 * callee and reason, inlined into different functions: one YAML document
 * each) are grouped: the first of them stands for the others. */
#ifndef ESCAPE_DRIVER_REMARK_RANK_H
#define ESCAPE_DRIVER_REMARK_RANK_H

#include "remark_set.h"

/* The estimated cost of one remark seen in contexts call-site contexts. */
double remark_rank_cost(const escape_remark *remark, size_t contexts);

/* Groups the contexts of each call site and sets every entry's contexts,
 * context_follower and cost. The set must be sorted by position. */
void remark_rank_assign(remark_set *set);

#endif
