/* The unique lines of a report: one entry per (name, location, message),
 * counting the input files it came from, so that a remark from a header
 * included by many translation units prints once. Memory grows with the
 * number of unique remarks, not with the input size. */
#ifndef ESCAPE_DRIVER_REPORT_TABLE_H
#define ESCAPE_DRIVER_REPORT_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "escape/remark.h"

typedef struct report_entry {
  const char *name;
  const char *file;     /* NULL when the remark has no location */
  const char *function; /* "" when unknown */
  unsigned line;
  unsigned column;
  const char *message;
  size_t input_count; /* distinct input files that had this line */
  size_t last_input;  /* index of the last input counted */
  uint64_t hash;
} report_entry;

typedef struct report_table {
  report_entry **entries; /* in insertion order until sorted */
  size_t count;
  size_t alloc;
  size_t *slots; /* hash index: entry index + 1, 0 when free */
  size_t slot_count;
} report_table;

/* Initializes an empty table. */
void report_table_init(report_table *table);

/* Frees every entry; leaves the table empty. */
void report_table_release(report_table *table);

/* Records remark (with its message) as read from input number input;
 * returns 0, or -1 when out of memory. */
int report_table_add(report_table *table, const escape_remark *remark,
                     const char *message, size_t input);

/* Sorts the entries by file, line, column, name and message; entries
 * without a location come last, by function. Invalidates the hash index,
 * so add nothing after sorting. */
void report_table_sort(report_table *table);

#endif
