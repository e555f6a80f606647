/* `escape report`: reads remark files, keeps the unique remarks and writes
 * them in one of the report formats. All input is read before anything is
 * written, so a malformed file never yields a partial report. */
#include <string.h>

#include "commands.h"
#include "load_args.h"
#include "report_format.h"
#include "report_output.h"

static const char usage[] =
    "usage: escape report [--format text|json|sarif|markdown|html] [-o FILE]\n"
    "                     [--name N,..] [--hot] [--all-passes] [--root DIR]\n"
    "                     [-j N] [--suppressed] [--assertions] PATH...\n";

static const char help[] =
    "\n"
    "Reports the remarks of .escape.yaml files and of LLVM's .opt.yaml files\n"
    "(-fsave-optimization-record; the inliner's remarks become Inlined and\n"
    "NotInlined). A remark seen in several translation units is reported\n"
    "once, with their number.\n"
    "\n"
    "    --format F      text (compiler-style lines and a summary), json,\n"
    "                    sarif (SARIF 2.1.0 for code scanning; --root\n"
    "                    defaults to the current directory), markdown (for a\n"
    "                    pull request comment) or html (one page)\n"
    "    -o FILE         write the report to FILE instead of "
    "stdout\n" LOAD_ARGS_HELP
    "    PATH            a remark file, a directory (searched recursively\n"
    "                    for *.escape.yaml and *.opt.yaml) or - for stdin\n";

/* Writes the finished set in format to output_path or out. */
static int write_report(const report_format *format, const char *output_path,
                        const report_context *context, FILE *out, FILE *err) {
  report_output output;
  int result = report_output_open(&output, output_path, out, err);
  if (result != 0)
    return result;
  if (format->write(output.stream, context) != 0) {
    report_output_abort(&output);
    fprintf(err, "escape: error: out of memory\n");
    return 2;
  }
  return report_output_close(&output, err);
}

/* Loads the paths and writes the report; returns the exit code. */
static int run_report(const path_list *paths, const load_options *options,
                      const report_format *format, const char *output_path,
                      FILE *out, FILE *err) {
  escape_strbuf message;
  escape_strbuf_init(&message);
  remark_set set;
  remark_set_init(&set);
  int result = 0;
  if (remark_load(paths, options, &set, &message) != 0) {
    fprintf(err, "escape: %s\n", message.buf);
    result = 2;
  } else if (remark_set_finish(&set) != 0) {
    fprintf(err, "escape: error: out of memory\n");
    result = 2;
  } else {
    report_context context = {&set, options->root, 1};
    result = write_report(format, output_path, &context, out, err);
  }
  remark_set_release(&set);
  escape_strbuf_release(&message);
  return result;
}

int cmd_report_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"report", usage, help};
  const char *format_name = "text", *output_path = NULL;
  load_args args;
  load_args_init(&args);
  option_spec specs[2 + LOAD_ARG_SPECS] = {
      {"--format", NULL, OPTION_STRING, &format_name},
      {"--output", "-o", OPTION_STRING, &output_path},
  };
  load_args_specs(&args, specs + 2);
  path_list paths;
  path_list_init(&paths);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &paths, out, err);
  const report_format *format = report_format_find(format_name);
  if (result == OPTIONS_OK && !format) {
    fprintf(err, "escape report: unknown format '%s'\n%s", format_name, usage);
    result = 2;
  } else if (result == OPTIONS_OK && paths.count == 0) {
    fprintf(err, "escape report: no PATH given\n%s", usage);
    result = 2;
  }
  if (result == OPTIONS_OK) {
    /* Code scanning wants repository-relative paths. */
    const char *root = strcmp(format_name, "sarif") == 0 ? "." : NULL;
    load_options options;
    result = load_args_options(&args, root, "report", &options, err);
    if (result == 0)
      result = run_report(&paths, &options, format, output_path, out, err);
  }
  load_args_release(&args);
  path_list_release(&paths);
  return result;
}

int cmd_report(int argc, const char **argv) {
  return cmd_report_to(stdout, stderr, argc, argv);
}
