/* Counts of a report's remarks by name and by file, shared by the text,
 * markdown and HTML formats. */
#ifndef ESCAPE_DRIVER_REMARK_SUMMARY_H
#define ESCAPE_DRIVER_REMARK_SUMMARY_H

#include <stddef.h>

#include "remark_set.h"

typedef struct summary_count {
  const char *key; /* a name or a file; NULL for remarks without a file */
  size_t count;
} summary_count;

typedef struct remark_summary {
  summary_count *names; /* sorted by name */
  size_t name_count;
  summary_count *files; /* most remarks first, then by name; NULL last */
  size_t file_count;
} remark_summary;

/* Counts the entries of set; returns 0, or -1 when out of memory. */
int remark_summary_build(remark_summary *summary, const remark_set *set);

/* Frees the counts. */
void remark_summary_release(remark_summary *summary);

#endif
