/* Loading the two sides that diff and gate compare: each side a PATH
 * (file, directory or -), read with the same options, finished
 * (fingerprinted) and diffed. */
#ifndef ESCAPE_DRIVER_REMARK_PAIR_H
#define ESCAPE_DRIVER_REMARK_PAIR_H

#include <stdio.h>

#include "remark_diff.h"
#include "remark_load.h"

typedef struct remark_pair {
  remark_set base;
  remark_set current;
  remark_diff diff;
} remark_pair;

/* Loads base and current paths and diffs them. Returns 0, or 2 after
 * printing "escape: FILE:LINE: error: ..." to err; either way release the
 * pair afterwards. */
int remark_pair_load(remark_pair *pair, const string_list *base,
                     const string_list *current, const load_options *options,
                     FILE *err);

/* Frees both sets and the diff. */
void remark_pair_release(remark_pair *pair);

#endif
