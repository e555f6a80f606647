/* New and fixed remarks between two finished remark sets, matched by
 * fingerprint, so that moving code does not make old remarks look new. */
#ifndef ESCAPE_DRIVER_REMARK_DIFF_H
#define ESCAPE_DRIVER_REMARK_DIFF_H

#include "remark_set.h"

typedef struct remark_diff {
  const remark_entry **added; /* in current, not in base; set order */
  size_t added_count;
  const remark_entry **fixed; /* in base, not in current; set order */
  size_t fixed_count;
} remark_diff;

/* Compares base with current; returns 0, or -1 when out of memory. */
int remark_diff_compute(remark_diff *diff, const remark_set *base,
                        const remark_set *current);

/* Frees the lists. */
void remark_diff_release(remark_diff *diff);

#endif
