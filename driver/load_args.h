/* The options every remark-reading command takes (--name, --hot,
 * --all-passes, --root, -j), declared once for their option tables. */
#ifndef ESCAPE_DRIVER_LOAD_ARGS_H
#define ESCAPE_DRIVER_LOAD_ARGS_H

#include <stdio.h>

#include "options.h"
#include "remark_load.h"

typedef struct load_args {
  path_list names;
  int hot;
  int all_passes;
  const char *root;
  unsigned jobs;
  int suppressed;
  int assertions;
  char *resolved_root; /* absolute root, owned */
} load_args;

/* How many option specs load_args_specs writes. */
enum { LOAD_ARG_SPECS = 7 };

/* The help lines of these options. */
#define LOAD_ARGS_HELP                                                         \
  "    --name N,..     only remarks with these names (repeatable)\n"           \
  "    --hot           only remarks in loops (LoopDepth >= 1) or with a\n"     \
  "                    profile Hotness\n"                                      \
  "    --all-passes    also other passes' remarks of .opt.yaml files\n"        \
  "    --root DIR      show files below DIR relative to it\n"                  \
  "    -j N            read with N threads (default: one per CPU)\n"          \
  "    --suppressed    also remarks suppressed by // escape: ignore\n"        \
  "    --assertions    only the source assertions (// escape: inline,\n"      \
  "                    noescape, noalloc) with their state\n"

/* Initializes empty arguments. */
void load_args_init(load_args *args);

/* Frees the names and the resolved root. */
void load_args_release(load_args *args);

/* Writes the LOAD_ARG_SPECS option specs that fill args into specs. */
void load_args_specs(load_args *args, option_spec *specs);

/* Fills options from args, resolving the root to an absolute path
 * (default_root when --root was not given; NULL for none). Returns 0, or 2
 * after printing "escape COMMAND: ..." to err. */
int load_args_options(load_args *args, const char *default_root,
                      const char *command, load_options *options, FILE *err);

#endif
