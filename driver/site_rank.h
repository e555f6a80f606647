/* The order of the report site: an estimated cost per remark from what the
 * remark carries (PGO Hotness, LoopDepth, inlined contexts), and the one
 * comparison that puts the costliest remarks first. Kept in one place so
 * that a project-wide ranking can replace it. */
#ifndef ESCAPE_DRIVER_SITE_RANK_H
#define ESCAPE_DRIVER_SITE_RANK_H

#include "remark_set.h"

/* The estimated cost of a remark: its profile count when it has one,
 * else 8 to the power of its loop depth, times its inlined contexts + 1. */
unsigned long long site_cost(const remark_entry *entry);

/* qsort comparison of two remark_entry pointers: profiled remarks by
 * Hotness first, then by estimated cost, then by position. */
int site_compare(const void *a, const void *b);

/* The number of InlinedFrom args: the contexts the remark's code was
 * inlined through. */
unsigned site_inline_contexts(const escape_remark *remark);

#endif
