/* The unique remarks of a report: one entry per remark identity (name,
 * location, key args), counting the input files (translation units) it
 * came from, so that a remark in a header included by many translation
 * units is reported once. Memory grows with the number of unique remarks,
 * not with the input size. */
#ifndef ESCAPE_DRIVER_REMARK_SET_H
#define ESCAPE_DRIVER_REMARK_SET_H

#include <stddef.h>
#include <stdint.h>

#include "escape/remark.h"
#include "fingerprint.h"

typedef struct remark_entry {
  escape_remark remark; /* a copy whose strings live in the entry's block */
  const char *message;  /* the one-line message, C++ names demangled */
  const char *display_function; /* remark.function demangled, or as is */
  size_t tu_count;              /* distinct input files that reported it */
  size_t last_input;            /* index of the last input counted */
  uint64_t identity;            /* hash of the identity, for the index */
  unsigned loop_depth;          /* the LoopDepth arg, 0 when absent */
  fingerprint_item fingerprint; /* text filled in by remark_set_finish */
  /* Filled in by remark_set_finish (remark_rank.h, remark_place.h): */
  double cost;           /* estimated cost: the order of the human formats */
  size_t contexts;       /* entries of this call site (inlined contexts) */
  int context_follower;  /* 1: shown on the line of an earlier context */
  unsigned display_line; /* loc.line, or where a line-0 remark is shown */
} remark_entry;

typedef struct remark_set {
  remark_entry **entries; /* insertion order until finished */
  size_t count;
  size_t alloc;
  size_t *slots; /* hash index: entry index + 1, 0 when free */
  size_t slot_count;
} remark_set;

/* Initializes an empty set. */
void remark_set_init(remark_set *set);

/* Frees every entry; leaves the set empty. */
void remark_set_release(remark_set *set);

/* Records remark with its message as read from input number input: a new
 * entry, or one more input for an equal one. Returns 0, or -1 when out of
 * memory. */
int remark_set_add(remark_set *set, const escape_remark *remark,
                   const char *message, size_t input);

/* Replaces the remark (and message) of a finished set's entry number
 * index, keeping its identity, fingerprint, counts and rank; the old entry
 * goes to *replaced, for the caller to free. Returns 0, or -1 when out of
 * memory (the entry is unchanged). */
int remark_set_replace(remark_set *set, size_t index,
                       const escape_remark *remark, const char *message,
                       remark_entry **replaced);

/* Moves every entry of src (read from input number input alone) into dst
 * and empties src. Inputs must be merged in increasing order. Returns 0,
 * or -1 when out of memory (src then keeps what was not moved). */
int remark_set_merge(remark_set *dst, remark_set *src, size_t input);

/* Sorts the entries by file, line, column, name and message (entries
 * without a location last, by function), fingerprints them, places line-0
 * remarks, ranks them, and joins translation units (remark_join.h: chains
 * completed, Definition records taken out). Add nothing afterwards.
 * Returns 0, or -1 when out of memory. */
int remark_set_finish(remark_set *set);

/* The function name to show: demangled for C++, "" when there is none. */
const char *remark_entry_function(const remark_entry *entry);

/* The remark's LoopDepth arg as a number, 0 when it has none. */
unsigned remark_loop_depth(const escape_remark *remark);

/* qsort comparison of two remark_entry pointers: highest estimated cost
 * first (remark_rank.h), then by position. */
int remark_entry_compare_heat(const void *a, const void *b);

/* qsort comparison of two remark_entry pointers by position, as finished. */
int remark_entry_compare_position(const void *a, const void *b);

#endif
