/* `escape gate --assertions`: the project's source assertions with their
 * state (held, violated, stale), as CI shows which optimizations are locked
 * in; fails when one is violated. */
#ifndef ESCAPE_DRIVER_ASSERTION_LIST_H
#define ESCAPE_DRIVER_ASSERTION_LIST_H

#include <stdio.h>

#include "input_paths.h"
#include "remark_load.h"

/* Loads the assertion records of paths (options->assertions set), prints
 * one line each and a verdict to out. Returns 0 when none is violated, 1
 * when one is, 2 when an input cannot be read (message on err). */
int assertion_gate(const path_list *paths, const load_options *options,
                   FILE *out, FILE *err);

#endif
