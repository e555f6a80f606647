#include "remark_summary.h"

#include <stdlib.h>
#include <string.h>

static int compare_keys(const char *a, const char *b) {
  if (!a || !b)
    return !a - !b; /* NULL last */
  return strcmp(a, b);
}

static int compare_by_key(const void *left, const void *right) {
  return compare_keys(((const summary_count *)left)->key,
                      ((const summary_count *)right)->key);
}

static int compare_by_count(const void *left, const void *right) {
  const summary_count *a = left, *b = right;
  if (!a->key != !b->key)
    return !a->key - !b->key;
  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return compare_keys(a->key, b->key);
}

/* Counts equal keys: sorts keys[0..n) by key, collapses runs in place and
 * returns how many distinct keys remain. */
static size_t collapse(summary_count *keys, size_t n) {
  qsort(keys, n, sizeof *keys, compare_by_key);
  size_t distinct = 0;
  for (size_t i = 0; i < n; i++) {
    if (distinct > 0 && compare_keys(keys[distinct - 1].key, keys[i].key) == 0)
      keys[distinct - 1].count++;
    else
      keys[distinct++] = (summary_count){keys[i].key, 1};
  }
  return distinct;
}

int remark_summary_build(remark_summary *summary, const remark_set *set) {
  memset(summary, 0, sizeof *summary);
  size_t n = set->count ? set->count : 1;
  summary->names = malloc(n * sizeof *summary->names);
  summary->files = malloc(n * sizeof *summary->files);
  if (!summary->names || !summary->files) {
    remark_summary_release(summary);
    return -1;
  }
  for (size_t i = 0; i < set->count; i++) {
    summary->names[i].key = set->entries[i]->remark.name;
    summary->files[i].key = set->entries[i]->remark.loc.file;
  }
  summary->name_count = collapse(summary->names, set->count);
  summary->file_count = collapse(summary->files, set->count);
  qsort(summary->files, summary->file_count, sizeof *summary->files,
        compare_by_count);
  return 0;
}

void remark_summary_release(remark_summary *summary) {
  free(summary->names);
  free(summary->files);
  memset(summary, 0, sizeof *summary);
}
