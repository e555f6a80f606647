/* The order of the report site: the project's ranking (remark_rank.h:
 * Hotness, LoopDepth, inlined contexts, near misses) through one cost and
 * one comparison, so that every page and the markdown agree. */
#ifndef ESCAPE_DRIVER_SITE_RANK_H
#define ESCAPE_DRIVER_SITE_RANK_H

#include "remark_set.h"

/* The estimated cost of a remark as a whole number: its profile count
 * when it has one, else remark_rank's estimate, rounded. */
unsigned long long site_cost(const remark_entry *entry);

/* qsort comparison of two remark_entry pointers: the costliest first
 * (profiled remarks by Hotness first), then by position. */
int site_compare(const void *a, const void *b);

#endif
