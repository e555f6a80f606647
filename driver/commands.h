/* The subcommands of `escape`, git-builtin style: each takes its own
 * arguments (argv[0] is the command name) and returns the exit code:
 * 0 success, 2 usage error or unreadable/malformed input. */
#ifndef ESCAPE_DRIVER_COMMANDS_H
#define ESCAPE_DRIVER_COMMANDS_H

#include <stdio.h>

/* `escape report`: prints the escape remarks of files and directories. */
int cmd_report(int argc, const char **argv);

/* cmd_report writing to out and err instead of stdout and stderr. */
int cmd_report_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape explain`: prints the catalog entry of a remark name. */
int cmd_explain(int argc, const char **argv);

/* cmd_explain writing to out and err instead of stdout and stderr. */
int cmd_explain_to(FILE *out, FILE *err, int argc, const char **argv);

#endif
