/* Command-line parsing shared by the subcommands, after git's
 * parse-options: each command declares a table of its options next to its
 * usage string, and one parser fills them in. */
#ifndef ESCAPE_DRIVER_OPTIONS_H
#define ESCAPE_DRIVER_OPTIONS_H

#include <stdio.h>

#include "input_paths.h"

typedef enum option_kind {
  OPTION_FLAG,     /* int *: set to 1 */
  OPTION_STRING,   /* const char **: the value */
  OPTION_LIST,     /* path_list *: comma-separated values, repeatable */
  OPTION_REPEAT,   /* path_list *: one value per use, repeatable */
  OPTION_UNSIGNED, /* unsigned *: a decimal number */
} option_kind;

typedef struct option_spec {
  const char *name;       /* "--format" */
  const char *short_name; /* "-o", or NULL */
  option_kind kind;
  void *value;
} option_spec;

/* What the parser needs to know about the command for its messages. */
typedef struct command_usage {
  const char *name;  /* "report": messages start "escape report: " */
  const char *usage; /* the usage lines */
  const char *help;  /* the rest of --help */
} command_usage;

/* Returned by parse_options when the command should go on. */
enum { OPTIONS_OK = -1 };

/* Parses argv[1..argc) against the table: options fill their values, other
 * arguments ("-" included, everything after "--") go to positional.
 * Returns OPTIONS_OK, 0 after printing --help to out, or 2 after printing
 * an error and the usage to err. */
int parse_options(const option_spec *specs, size_t spec_count,
                  const command_usage *usage, int argc, const char **argv,
                  path_list *positional, FILE *out, FILE *err);

/* Matches argv[*index] against the option spelled name ("--format" or
 * "-o"; values as "--format=json", "--format json", "-ofile", "-o file").
 * Returns 1 and sets *value (advancing *index past a separate value)
 * when it matches, 0 when it does not, -1 when the value is missing. */
int option_with_value(const char *name, int argc, const char **argv, int *index,
                      const char **value);

#endif
