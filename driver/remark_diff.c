#include "remark_diff.h"

#include <stdlib.h>
#include <string.h>

static int compare_fingerprints(const void *left, const void *right) {
  const remark_entry *a = *(const remark_entry *const *)left;
  const remark_entry *b = *(const remark_entry *const *)right;
  return strcmp(a->fingerprint.text, b->fingerprint.text);
}

/* The entries of set sorted by fingerprint, for bsearch; NULL when out of
 * memory. */
static const remark_entry **by_fingerprint(const remark_set *set) {
  const remark_entry **sorted = malloc((set->count + 1) * sizeof *sorted);
  if (!sorted)
    return NULL;
  if (set->count) /* entries may be NULL then */
    memcpy(sorted, set->entries, set->count * sizeof *sorted);
  qsort(sorted, set->count, sizeof *sorted, compare_fingerprints);
  return sorted;
}

/* Lists the entries of set whose fingerprint is not in other (sorted). */
static const remark_entry **missing_from(const remark_set *set,
                                         const remark_entry **other,
                                         size_t other_count, size_t *count) {
  const remark_entry **missing = malloc((set->count + 1) * sizeof *missing);
  if (!missing)
    return NULL;
  *count = 0;
  for (size_t i = 0; i < set->count; i++) {
    const remark_entry *entry = set->entries[i];
    if (!bsearch(&entry, other, other_count, sizeof *other,
                 compare_fingerprints))
      missing[(*count)++] = entry;
  }
  return missing;
}

int remark_diff_compute(remark_diff *diff, const remark_set *base,
                        const remark_set *current) {
  memset(diff, 0, sizeof *diff);
  const remark_entry **base_sorted = by_fingerprint(base);
  const remark_entry **current_sorted = by_fingerprint(current);
  if (base_sorted && current_sorted) {
    diff->added =
        missing_from(current, base_sorted, base->count, &diff->added_count);
    diff->fixed =
        missing_from(base, current_sorted, current->count, &diff->fixed_count);
  }
  free(base_sorted);
  free(current_sorted);
  if (!diff->added || !diff->fixed) {
    remark_diff_release(diff);
    return -1;
  }
  return 0;
}

void remark_diff_release(remark_diff *diff) {
  free(diff->added);
  free(diff->fixed);
  memset(diff, 0, sizeof *diff);
}
