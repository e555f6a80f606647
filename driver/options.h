/* Command-line parsing shared by the subcommands, after git's
 * parse-options: each command declares one table of its options with their
 * help (OPT_* below; groups of shared options are macros that expand into
 * the table, like load_args.h's LOAD_ARGS_OPTIONS), one parser fills them
 * in, and --help is rendered from the same table. */
#ifndef ESCAPE_DRIVER_OPTIONS_H
#define ESCAPE_DRIVER_OPTIONS_H

#include <stdio.h>

#include "string_list.h"

typedef enum option_kind {
  OPTION_FLAG,     /* int *: set to 1 */
  OPTION_STRING,   /* const char **: the value */
  OPTION_LIST,     /* string_list *: comma-separated values, repeatable */
  OPTION_REPEAT,   /* string_list *: one value per use, repeatable */
  OPTION_UNSIGNED, /* unsigned *: a decimal number */
} option_kind;

typedef struct option_spec {
  const char *name;       /* "--format" */
  const char *short_name; /* "-o", or NULL */
  option_kind kind;
  void *value;
  const char *value_name; /* "FILE" of "-o FILE"; NULL for flags */
  const char *help;       /* its help, lines separated by '\n' */
} option_spec;

/* Table rows, by the kind of value (see option_kind). */
#define OPT_FLAG(name, short_name, value, help)                                \
  { name, short_name, OPTION_FLAG, value, NULL, help }
#define OPT_STRING(name, short_name, value, value_name, help)                  \
  { name, short_name, OPTION_STRING, value, value_name, help }
#define OPT_LIST(name, short_name, value, value_name, help)                    \
  { name, short_name, OPTION_LIST, value, value_name, help }
#define OPT_REPEAT(name, short_name, value, value_name, help)                  \
  { name, short_name, OPTION_REPEAT, value, value_name, help }
#define OPT_UNSIGNED(name, short_name, value, value_name, help)                \
  { name, short_name, OPTION_UNSIGNED, value, value_name, help }

/* What the parser needs to know about the command for its messages. */
typedef struct command_usage {
  const char *name;        /* "report": messages start "escape report: " */
  const char *usage;       /* the synopsis lines */
  const char *description; /* --help's text between synopsis and options */
  const char *epilog;      /* --help's text after the options, or NULL */
} command_usage;

/* Returned by parse_options when the command should go on. */
enum { OPTIONS_OK = -1 };

/* Prints --help: the synopsis, the description, one line (or more) per
 * option of the table with its help, and the epilog. */
void usage_with_options(FILE *out, const command_usage *usage,
                        const option_spec *specs, size_t spec_count);

/* Parses argv[1..argc) against the table: options fill their values, other
 * arguments ("-" included, everything after "--") go to positional.
 * Returns OPTIONS_OK, 0 after printing --help to out, or 2 after printing
 * an error and the usage to err. */
int parse_options(const option_spec *specs, size_t spec_count,
                  const command_usage *usage, int argc, const char **argv,
                  string_list *positional, FILE *out, FILE *err);

/* Matches argv[*index] against the option spelled name ("--format" or
 * "-o"; values as "--format=json", "--format json", "-ofile", "-o file").
 * Returns 1 and sets *value (advancing *index past a separate value)
 * when it matches, 0 when it does not, -1 when the value is missing. */
int option_with_value(const char *name, int argc, const char **argv, int *index,
                      const char **value);

#endif
