/* Command-line helpers shared by the subcommands: matching an option that
 * takes a value, in both `--name VALUE` and `--name=VALUE` spellings. */
#ifndef ESCAPE_DRIVER_OPTIONS_H
#define ESCAPE_DRIVER_OPTIONS_H

/* Matches argv[*index] against the option spelled name ("--format" or
 * "-o"). Returns 1 and sets *value (advancing *index past a separate value)
 * when it matches, 0 when it does not, -1 when the value is missing. */
int option_with_value(const char *name, int argc, const char **argv, int *index,
                      const char **value);

#endif
