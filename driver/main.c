/* The `escape` command: dispatches `escape CMD ARGS...` to cmd_CMD, in the
 * manner of git's builtins. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "compiler_id.h"
#include "error_report.h"

#ifndef ESCAPE_VERSION
#define ESCAPE_VERSION "unknown"
#endif

typedef struct command {
  const char *name;
  int (*run)(int argc, const char **argv);
  const char *summary;
} command;

static const command commands[] = {
    {"cc", cmd_cc, "run a compiler with the plugin (a compiler launcher)"},
    {"scan", cmd_scan, "re-run compile_commands.json with the plugin"},
    {"report", cmd_report,
     "report remarks as text, json, sarif, markdown or html"},
    {"diff", cmd_diff, "show the remarks new and fixed between two builds"},
    {"gate", cmd_gate, "fail when a build has more new remarks than allowed"},
    {"annotate", cmd_annotate, "show a source file with its remarks"},
    {"explain", cmd_explain, "explain what a remark means and how to fix it"},
    {"extract", cmd_extract, "print the remarks embedded in objects as YAML"},
    {"lsp", cmd_lsp, "language server: the remarks in the editor"},
};

enum { command_count = sizeof commands / sizeof commands[0] };

static void print_usage(FILE *out) {
  fprintf(out, "usage: escape [--version] [--help] COMMAND [ARGS]\n\n"
               "Commands:\n");
  for (size_t i = 0; i < command_count; i++)
    fprintf(out, "   %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nSee 'escape help COMMAND' for a command's options.\n");
}

static const command *find_command(const char *name) {
  for (size_t i = 0; i < command_count; i++)
    if (strcmp(commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* `escape help [COMMAND]`: the command's own --help. */
static int run_help(int argc, const char **argv) {
  if (argc < 2) {
    print_usage(stdout);
    return 0;
  }
  const command *cmd = find_command(argv[1]);
  if (!cmd) {
    error_other(stderr, "'%s' is not an escape command", argv[1]);
    print_usage(stderr);
    return 2;
  }
  const char *help_argv[] = {cmd->name, "--help", NULL};
  return cmd->run(2, help_argv);
}

int main(int argc, const char **argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  const char *name = argv[1];
  if (strcmp(name, "--version") == 0) {
    printf("escape version %s\n", ESCAPE_VERSION);
    return 0;
  }
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    print_usage(stdout);
    return 0;
  }
  if (strcmp(name, "help") == 0)
    return run_help(argc - 1, argv + 1);
  const command *cmd = find_command(name);
  /* The launcher form `escape COMPILER ARGS` (CMAKE_C_COMPILER_LAUNCHER). */
  if (!cmd && compiler_name_is_compiler(name))
    return cmd_cc(argc, argv);
  if (!cmd) {
    if (name[0] == '-')
      error_other(stderr, "unknown option '%s'", name);
    else
      error_other(stderr, "'%s' is not an escape command", name);
    print_usage(stderr);
    return 2;
  }
  return cmd->run(argc - 1, argv + 1);
}
