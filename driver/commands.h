/* The subcommands of `escape`, git-builtin style: each takes its own
 * arguments (argv[0] is the command name) and returns the exit code:
 * 0 success, 1 a gate failed, 2 usage error or unreadable/malformed
 * input. Each cmd_X_to writes to out and err instead of stdout and
 * stderr, for the unit tests. */
#ifndef ESCAPE_DRIVER_COMMANDS_H
#define ESCAPE_DRIVER_COMMANDS_H

#include <stdio.h>

/* `escape report`: prints the escape remarks of files and directories. */
int cmd_report(int argc, const char **argv);

int cmd_report_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape explain`: prints the catalog entry of a remark name. */
int cmd_explain(int argc, const char **argv);

int cmd_explain_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape diff`: new and fixed remarks between two sets of files. */
int cmd_diff(int argc, const char **argv);
int cmd_diff_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape gate`: fails when more remarks are new than allowed. */
int cmd_gate(int argc, const char **argv);
int cmd_gate_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape annotate`: a source file with its remarks under its lines. */
int cmd_annotate(int argc, const char **argv);
int cmd_annotate_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape cc COMPILER ARGS...`: runs the compiler with the plugin
 * (execs it; returns only on errors). */
int cmd_cc(int argc, const char **argv);

/* `escape scan`: re-runs compile_commands.json with the plugin. */
int cmd_scan(int argc, const char **argv);
int cmd_scan_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape extract`: the remarks embedded in objects and archives, as YAML. */
int cmd_extract(int argc, const char **argv);
int cmd_extract_to(FILE *out, FILE *err, int argc, const char **argv);

/* `escape lsp`: the language server for editors, on stdin and stdout. */
int cmd_lsp(int argc, const char **argv);
int cmd_lsp_to(FILE *out, FILE *err, int argc, const char **argv);

#endif
