/* `escape diff BASE CURRENT`: the remarks that are new in CURRENT and the
 * ones fixed since BASE, matched by fingerprint so that code moved by
 * unrelated edits does not count. Always exit 0 when both sides read;
 * `escape gate` is the command that fails a build. */
#include <string.h>

#include "commands.h"
#include "error_report.h"
#include "load_args.h"
#include "remark_pair.h"
#include "report_format.h"
#include "report_output.h"

static const char usage[] =
    "usage: escape diff [--format text|json] [-o FILE] [--name N,..] [--hot]\n"
    "                   [--all-passes] [--root DIR] [-j N] [--include GLOB]\n"
    "                   [--exclude GLOB] BASE CURRENT\n";

static const char description[] =
    "Compares two sets of remarks (each a remark file, a directory or -) and\n"
    "prints the new ones as '+ FILE:LINE:COL: Name: message', the fixed ones\n"
    "with '- ', and a count. Remarks are matched by fingerprint: name, file,\n"
    "function, key arguments and occurrence, not line numbers.\n";

static void write_text(FILE *out, const remark_diff *diff) {
  for (size_t i = 0; i < diff->added_count; i++) {
    fputs("+ ", out);
    format_text_line(out, diff->added[i]);
  }
  for (size_t i = 0; i < diff->fixed_count; i++) {
    fputs("- ", out);
    format_text_line(out, diff->fixed[i]);
  }
  fprintf(out, "%zu new, %zu fixed\n", diff->added_count, diff->fixed_count);
}

static void write_list(json_writer *w, const char *key,
                       const remark_entry **entries, size_t count) {
  json_key(w, key);
  json_begin_array(w);
  for (size_t i = 0; i < count; i++)
    format_json_entry(w, entries[i]);
  json_end_array(w);
}

static void write_json(FILE *out, const remark_diff *diff) {
  json_writer w;
  json_init(&w, out);
  json_begin_object(&w);
  write_list(&w, "new", diff->added, diff->added_count);
  write_list(&w, "fixed", diff->fixed, diff->fixed_count);
  json_end_object(&w);
  json_finish(&w);
}

static int run_diff(const string_list *paths, const load_options *options,
                    int json, const char *output_path, FILE *out, FILE *err) {
  string_list base = {(char **)paths->items, 1, 1};
  string_list current = {(char **)paths->items + 1, 1, 1};
  remark_pair pair;
  int result = remark_pair_load(&pair, &base, &current, options, err);
  report_output output;
  if (result == 0)
    result = report_output_open(&output, output_path, out, err);
  if (result == 0) {
    if (json)
      write_json(output.stream, &pair.diff);
    else
      write_text(output.stream, &pair.diff);
    result = report_output_close(&output, err);
  }
  remark_pair_release(&pair);
  return result;
}

int cmd_diff_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"diff", usage, description, NULL};
  const char *format = "text", *output_path = NULL;
  load_args args;
  load_args_init(&args);
  const option_spec specs[] = {
      OPT_STRING("--format", NULL, &format, "F",
                 "text, or json: {\"new\": [...], \"fixed\": [...]}"),
      OPT_STRING("--output", "-o", &output_path, "FILE",
                 "write to FILE instead of stdout"),
      LOAD_ARGS_OPTIONS(&args),
  };
  string_list paths;
  string_list_init(&paths);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &paths, out, err);
  if (result == OPTIONS_OK && strcmp(format, "text") != 0 &&
      strcmp(format, "json") != 0)
    result = error_usage(err, "diff", usage, "unknown format '%s'", format);
  else if (result == OPTIONS_OK && paths.count != 2)
    result = error_usage(err, "diff", usage, "needs BASE and CURRENT");
  if (result == OPTIONS_OK) {
    load_options options;
    result = load_args_options(&args, NULL, "diff", &options, err);
    if (result == 0)
      result = run_diff(&paths, &options, strcmp(format, "json") == 0,
                        output_path, out, err);
  }
  load_args_release(&args);
  string_list_release(&paths);
  return result;
}

int cmd_diff(int argc, const char **argv) {
  return cmd_diff_to(stdout, stderr, argc, argv);
}
