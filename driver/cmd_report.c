/* `escape report`: reads remark files, keeps the unique remarks and writes
 * them in one of the report formats. All input is read before anything is
 * written, so a malformed file never yields a partial report. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "error_report.h"
#include "format_site.h"
#include "load_args.h"
#include "noise_policy.h"
#include "report_format.h"
#include "report_output.h"

static const char usage[] =
    "usage: escape report [--format text|json|sarif|markdown|html] [-o FILE]\n"
    "                     [--all] [--sort cost|location] [--top N]\n"
    "                     [--name N,..] [--hot] [--all-passes] [--root DIR]\n"
    "                     [--include GLOB] [--exclude GLOB] [-j N]\n"
    "                     [--suppressed] [--assertions] PATH...\n";

static const char description[] =
    "Reports the remarks of .escape.yaml files and of LLVM's .opt.yaml files\n"
    "(-fsave-optimization-record; the inliner's remarks become Inlined and\n"
    "NotInlined). A remark seen in several translation units is reported\n"
    "once, with their number.\n";

static const char epilog[] =
    "    PATH            a remark file, a directory (searched recursively\n"
    "                    for *.escape.yaml and *.opt.yaml) or - for stdin\n";

/* The most one html page may hold: past it the browser takes seconds to
 * lay it out, and the site (-o DIR/) is the report to write. */
#define HTML_PAGE_LIMIT (4u * 1024 * 1024)

/* Writes the single html page to stream unless it would pass the limit
 * (then exit code 2 after a message). */
static int write_html_page(FILE *stream, const report_context *context,
                           const char *output_path, FILE *err) {
  char *page = NULL;
  size_t size = 0;
  FILE *memory = open_memstream(&page, &size);
  if (!memory || format_html(memory, context) != 0 || fclose(memory) != 0) {
    if (memory)
      fclose(memory);
    free(page);
    return error_out_of_memory(err);
  }
  int result = 0;
  if (size > HTML_PAGE_LIMIT) {
    fprintf(err,
            "escape: %s: error: %zu remarks make a %zu-byte page, more than "
            "one page should hold (%u bytes); write a site instead: -o DIR/\n",
            output_path ? output_path : "<stdout>", context->set->count, size,
            HTML_PAGE_LIMIT);
    result = 2;
  } else {
    fwrite(page, 1, size, stream);
  }
  free(page);
  return result;
}

/* Writes the finished set in format to output_path or out. */
static int write_report(const report_format *format, const char *output_path,
                        const report_context *context, FILE *out, FILE *err) {
  int html = format->write == format_html;
  if (format_site_wanted(output_path)) {
    if (html)
      return format_site(output_path, context, err);
    fprintf(err,
            "escape report: -o %s: a directory is for --format html "
            "(a site); give a file\n",
            output_path);
    return 2;
  }
  report_output output;
  int result = report_output_open(&output, output_path, out, err);
  if (result != 0)
    return result;
  if (html) {
    result = write_html_page(output.stream, context, output_path, err);
    if (result != 0) {
      report_output_abort(&output);
      return result;
    }
  } else if (format->write(output.stream, context) != 0) {
    report_output_abort(&output);
    return error_out_of_memory(err);
  }
  return report_output_close(&output, err);
}

/* Loads the paths and writes the report; returns the exit code. */
static int run_report(const string_list *paths, const load_options *options,
                      const report_format *format, int noise_policy,
                      const report_context *shape, const char *output_path,
                      FILE *out, FILE *err) {
  remark_set set;
  remark_set_init(&set);
  int result = remark_load_finished(paths, options, &set, err);
  if (result == 0) {
    report_context context = *shape;
    if (noise_policy)
      context.hidden = noise_policy_apply(&set);
    context.set = &set;
    context.root = options->root;
    context.read_sources = 1;
    result = write_report(format, output_path, &context, out, err);
  }
  remark_set_release(&set);
  return result;
}

int cmd_report_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"report", usage, description, epilog};
  const char *format_name = NULL, *output_path = NULL, *sort = "cost";
  int all = 0, why = 0;
  unsigned top = 0;
  load_args args;
  load_args_init(&args);
  const option_spec specs[] = {
      OPT_STRING("--format", NULL, &format_name, "F",
                 "text (compiler-style lines and a summary), json,\n"
                 "sarif (SARIF 2.1.0 for code scanning; --root\n"
                 "defaults to the current directory), markdown (for a\n"
                 "pull request comment) or html (one page, or a\n"
                 "site with -o DIR/)"),
      OPT_STRING("--output", "-o", &output_path, "FILE",
                 "write the report to FILE instead of stdout; a path\n"
                 "ending in '/' (or a directory) gets the html site:\n"
                 "index.html and one page per source file"),
      OPT_FLAG("--all", NULL, &all,
               "every remark: without it, NotInlined for want of a\n"
               "definition is shown only in loops or hot code, and\n"
               "captures through variadic arguments not at all"),
      OPT_STRING("--sort", NULL, &sort, "S",
                 "cost (default: highest estimated cost first, one\n"
                 "line per call site across inlined contexts) or\n"
                 "location (by file and line)"),
      OPT_UNSIGNED("--top", NULL, &top, "N",
                   "text and markdown: only the first N lines"),
      OPT_FLAG("--why", NULL, &why,
               "text: under each remark, the steps of its flow (each\n"
               "call it is passed on through, the store, return or\n"
               "asm that keeps it) at their places"),
      LOAD_ARGS_OPTIONS(&args),
  };
  string_list paths;
  string_list_init(&paths);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &paths, out, err);
  /* -o DIR/ alone asks for the site. */
  if (!format_name)
    format_name = format_site_wanted(output_path) ? "html" : "text";
  const report_format *format = report_format_find(format_name);
  if (result == OPTIONS_OK && !format)
    result =
        error_usage(err, "report", usage, "unknown format '%s'", format_name);
  else if (result == OPTIONS_OK && strcmp(sort, "cost") != 0 &&
           strcmp(sort, "location") != 0)
    result = error_usage(err, "report", usage,
                         "unknown sort '%s' (cost, location)", sort);
  else if (result == OPTIONS_OK && paths.count == 0)
    result = error_usage(err, "report", usage, "no PATH given");
  if (result == OPTIONS_OK) {
    /* Code scanning wants repository-relative paths. */
    const char *root = strcmp(format_name, "sarif") == 0 ? "." : NULL;
    load_options options;
    result = load_args_options(&args, root, "report", &options, err);
    /* json and sarif are data for tools: complete, in position order. */
    int human =
        strcmp(format_name, "json") != 0 && strcmp(format_name, "sarif") != 0;
    int noise_policy = human && !all;
    report_context shape = {0};
    shape.sort_location = strcmp(sort, "location") == 0;
    shape.top = top;
    shape.why = why;
    if (result == 0)
      result = run_report(&paths, &options, format, noise_policy, &shape,
                          output_path, out, err);
  }
  load_args_release(&args);
  string_list_release(&paths);
  return result;
}

int cmd_report(int argc, const char **argv) {
  return cmd_report_to(stdout, stderr, argc, argv);
}
