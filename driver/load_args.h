/* The options every remark-reading command takes (--name, --hot,
 * --all-passes, --root, -j, --include, --exclude), declared once for their
 * option tables, and the project configuration (.escape.conf) they are
 * combined with. */
#ifndef ESCAPE_DRIVER_LOAD_ARGS_H
#define ESCAPE_DRIVER_LOAD_ARGS_H

#include <stdio.h>

#include "options.h"
#include "project_config.h"
#include "remark_load.h"

typedef struct load_args {
  string_list names;
  int hot;
  int all_passes;
  const char *root;
  unsigned jobs;
  int suppressed;
  int assertions;
  string_list include;
  string_list exclude;
  char *resolved_root;   /* absolute root, owned */
  project_config config; /* the .escape.conf found, if any */
} load_args;

/* The rows of these options, for a command's option table:
 *     option_spec specs[] = {OPT_FLAG(...), ..., LOAD_ARGS_OPTIONS(&args)}; */
#define LOAD_ARGS_OPTIONS(args)                                                \
  OPT_LIST("--name", NULL, &(args)->names, "N,..",                             \
           "only remarks with these names (repeatable)"),                      \
      OPT_FLAG("--hot", NULL, &(args)->hot,                                    \
               "only remarks in loops (LoopDepth >= 1) or with a\n"            \
               "profile Hotness"),                                             \
      OPT_FLAG("--all-passes", NULL, &(args)->all_passes,                      \
               "also other passes' remarks of .opt.yaml files"),               \
      OPT_STRING("--root", NULL, &(args)->root, "DIR",                         \
                 "show files below DIR relative to it"),                       \
      OPT_UNSIGNED("--jobs", "-j", &(args)->jobs, "N",                         \
                   "read with N threads (default: one per CPU)"),              \
      OPT_REPEAT("--include", NULL, &(args)->include, "GLOB",                  \
                 "only remarks in files matching GLOB (repeatable;\n"          \
                 "`*` within a directory, `**` any depth)"),                   \
      OPT_REPEAT("--exclude", NULL, &(args)->exclude, "GLOB",                  \
                 "no remarks in files matching GLOB (repeatable);\n"           \
                 "also read: the nearest .escape.conf (docs/driver.md)"),  \
      OPT_FLAG("--suppressed", NULL, &(args)->suppressed,                      \
               "also remarks suppressed by // escape: ignore"),                \
      OPT_FLAG("--assertions", NULL, &(args)->assertions,                      \
               "only the source assertions (// escape: inline,\n"              \
               "noescape, noalloc) with their state")

/* Initializes empty arguments. */
void load_args_init(load_args *args);

/* Frees the names and the resolved root. */
void load_args_release(load_args *args);

/* Fills options from args and the project configuration found upward from
 * the working directory, resolving the root to an absolute path
 * (default_root when --root was not given; NULL for none) and checking
 * the remark names against the catalog. Returns 0, or 2 after printing
 * "escape COMMAND: error: ..." to err. */
int load_args_options(load_args *args, const char *default_root,
                      const char *command, load_options *options, FILE *err);

#endif
