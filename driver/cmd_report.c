/* `escape report`: reads remark files, keeps the unique escape remarks and
 * prints them compiler-style, sorted, with a summary by remark name. All
 * input is read before anything is printed, so a malformed file never
 * yields a partial report. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "escape/remark_catalog.h"
#include "escape/remark_message.h"
#include "escape/remark_reader.h"
#include "input_paths.h"
#include "options.h"
#include "report_table.h"

static const char usage[] =
    "usage: escape report [--format text] [-o FILE] [--name N,..] PATH...\n";

static const char help[] =
    "\n"
    "Prints the escape remarks of .escape.yaml and .opt.yaml files as\n"
    "FILE:LINE:COL: Name: message lines, then a summary.\n"
    "\n"
    "    --format text   output format (only text for now)\n"
    "    -o FILE         write the report to FILE instead of stdout\n"
    "    --name N,..     only remarks with these names (repeatable)\n"
    "    PATH            a remark file, a directory (searched recursively\n"
    "                    for *.escape.yaml and *.opt.yaml) or - for stdin\n";

typedef struct report_options {
  const char *format;
  const char *output;
  path_list names; /* empty: every name */
  path_list paths;
} report_options;

/* State shared with the reader callback. */
typedef struct report_reading {
  const report_options *options;
  report_table *table;
  escape_strbuf message;
  size_t input;
  int out_of_memory;
} report_reading;

/* Splits a comma-separated list of names into names. */
static int add_names(path_list *names, const char *list) {
  escape_strbuf name;
  escape_strbuf_init(&name);
  int result = 0;
  for (const char *start = list; result == 0; start++) {
    const char *end = strchr(start, ',');
    size_t len = end ? (size_t)(end - start) : strlen(start);
    escape_strbuf_reset(&name);
    escape_strbuf_add(&name, start, len);
    if (len > 0)
      result = name.failed ? -1 : path_list_add(names, name.buf);
    if (!end)
      break;
    start = end;
  }
  escape_strbuf_release(&name);
  return result;
}

/* Returned by the argument parser when the command should go on. */
enum { KEEP_GOING = -1 };

/* Stores the value of a value-taking option. */
static int store_option(report_options *options, const char *name,
                        const char *value) {
  if (strcmp(name, "--format") == 0)
    options->format = value;
  else if (strcmp(name, "--name") == 0)
    return add_names(&options->names, value);
  else
    options->output = value;
  return 0;
}

/* Parses the option at argv[*index]; returns KEEP_GOING or an exit code. */
static int parse_option(report_options *options, int argc, const char **argv,
                        int *index, FILE *out, FILE *err) {
  static const char *const value_options[] = {"--format", "-o", "--output",
                                              "--name"};
  const char *arg = argv[*index];
  if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
    fprintf(out, "%s%s", usage, help);
    return 0;
  }
  for (size_t i = 0; i < sizeof value_options / sizeof value_options[0]; i++) {
    const char *value;
    int matched =
        option_with_value(value_options[i], argc, argv, index, &value);
    if (matched == 0)
      continue;
    if (matched < 0) {
      fprintf(err, "escape report: option '%s' needs a value\n%s", arg, usage);
      return 2;
    }
    if (store_option(options, value_options[i], value) != 0) {
      fprintf(err, "escape report: out of memory\n");
      return 2;
    }
    return KEEP_GOING;
  }
  fprintf(err, "escape report: unknown option '%s'\n%s", arg, usage);
  return 2;
}

/* Fills options from argv; returns KEEP_GOING or an exit code. */
static int parse_arguments(report_options *options, int argc, const char **argv,
                           FILE *out, FILE *err) {
  int only_paths = 0;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (only_paths || arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (path_list_add(&options->paths, arg) != 0) {
        fprintf(err, "escape report: out of memory\n");
        return 2;
      }
    } else if (strcmp(arg, "--") == 0) {
      only_paths = 1;
    } else {
      int result = parse_option(options, argc, argv, &i, out, err);
      if (result != KEEP_GOING)
        return result;
    }
  }
  if (strcmp(options->format, "text") != 0) {
    fprintf(err, "escape report: format %s not supported yet\n",
            options->format);
    return 2;
  }
  if (options->paths.count == 0) {
    fprintf(err, "escape report: no PATH given\n%s", usage);
    return 2;
  }
  return KEEP_GOING;
}

static int name_selected(const path_list *names, const char *name) {
  if (names->count == 0)
    return 1;
  for (size_t i = 0; i < names->count; i++)
    if (strcmp(names->items[i], name) == 0)
      return 1;
  return 0;
}

/* Reader callback: keeps escape remarks that pass the name filter. */
static int collect_remark(const escape_remark *remark, void *data) {
  report_reading *reading = data;
  if (strcmp(remark->pass, ESCAPE_PASS_NAME) != 0 ||
      !name_selected(&reading->options->names, remark->name))
    return 0;
  escape_strbuf_reset(&reading->message);
  escape_remark_message(remark, &reading->message);
  if (reading->message.failed ||
      report_table_add(reading->table, remark, reading->message.buf,
                       reading->input) != 0) {
    reading->out_of_memory = 1;
    return 1;
  }
  return 0;
}

/* Reads every input file into table; returns 0, or -1 with err set. */
static int read_inputs(const report_options *options, const path_list *files,
                       report_table *table, escape_strbuf *err) {
  report_reading reading = {options, table, {0}, 0, 0};
  escape_strbuf_init(&reading.message);
  int result = 0;
  for (size_t i = 0; i < files->count && result == 0; i++) {
    reading.input = i;
    result =
        escape_remark_read_file(files->items[i], collect_remark, &reading, err);
    if (reading.out_of_memory)
      escape_strbuf_addf(err, "%s: error: out of memory", files->items[i]);
  }
  escape_strbuf_release(&reading.message);
  return result == 0 ? 0 : -1;
}

/* Prints "FILE:LINE:COL: " (LINE and COL left out when 0, as LLVM does for
 * unknown positions), or "FUNCTION: " for remarks without a location. */
static void print_location(FILE *out, const report_entry *entry) {
  if (!entry->file) {
    fprintf(out, "%s: ", entry->function[0] ? entry->function : "<unknown>");
    return;
  }
  fprintf(out, "%s:", entry->file);
  if (entry->line) {
    fprintf(out, "%u:", entry->line);
    if (entry->column)
      fprintf(out, "%u:", entry->column);
  }
  fputc(' ', out);
}

static int compare_names(const void *left, const void *right) {
  const report_entry *a = *(report_entry *const *)left;
  const report_entry *b = *(report_entry *const *)right;
  return strcmp(a->name, b->name);
}

/* Prints "N remarks: X Name, Y Name" with names in order. */
static int print_summary(FILE *out, const report_table *table) {
  fprintf(out, "%zu remark%s", table->count, table->count == 1 ? "" : "s");
  report_entry **by_name = malloc((table->count + 1) * sizeof *by_name);
  if (!by_name)
    return -1;
  memcpy(by_name, table->entries, table->count * sizeof *by_name);
  qsort(by_name, table->count, sizeof *by_name, compare_names);
  for (size_t i = 0, run; i < table->count; i += run) {
    for (run = 1; i + run < table->count &&
                  strcmp(by_name[i]->name, by_name[i + run]->name) == 0;
         run++)
      ;
    fprintf(out, "%s %zu %s", i == 0 ? ":" : ",", run, by_name[i]->name);
  }
  fputc('\n', out);
  free(by_name);
  return 0;
}

static int print_report(FILE *out, const report_table *table) {
  for (size_t i = 0; i < table->count; i++) {
    const report_entry *entry = table->entries[i];
    print_location(out, entry);
    fprintf(out, "%s: %s", entry->name, entry->message);
    if (entry->input_count > 1)
      fprintf(out, " [%zu translation units]", entry->input_count);
    fputc('\n', out);
  }
  if (table->count > 0)
    fputc('\n', out);
  return print_summary(out, table);
}

/* Prints the report to options->output or out; returns the exit code. */
static int write_report(const report_options *options,
                        const report_table *table, FILE *out, FILE *err) {
  FILE *target = out;
  if (options->output && strcmp(options->output, "-") != 0) {
    target = fopen(options->output, "w");
    if (!target) {
      fprintf(err, "escape: %s: error: cannot create: %s\n", options->output,
              strerror(errno));
      return 2;
    }
  }
  int failed = print_report(target, table) != 0;
  failed |= fflush(target) != 0 || ferror(target);
  if (target != out)
    failed |= fclose(target) != 0;
  if (failed) {
    fprintf(err, "escape: %s: error: cannot write the report\n",
            target != out ? options->output : "<stdout>");
    return 2;
  }
  return 0;
}

/* Expands the PATH arguments, reads them and prints the report. */
static int run_report(const report_options *options, FILE *out, FILE *err) {
  escape_strbuf message;
  escape_strbuf_init(&message);
  path_list files;
  path_list_init(&files);
  report_table table;
  report_table_init(&table);
  int result = 0;
  for (size_t i = 0; i < options->paths.count && result == 0; i++)
    result = input_paths_expand(options->paths.items[i], &files, &message);
  if (result == 0)
    result = read_inputs(options, &files, &table, &message);
  if (result != 0) {
    fprintf(err, "escape: %s\n", message.buf);
    result = 2;
  } else {
    report_table_sort(&table);
    result = write_report(options, &table, out, err);
  }
  report_table_release(&table);
  path_list_release(&files);
  escape_strbuf_release(&message);
  return result;
}

int cmd_report_to(FILE *out, FILE *err, int argc, const char **argv) {
  report_options options = {"text", NULL, {0}, {0}};
  path_list_init(&options.names);
  path_list_init(&options.paths);
  int result = parse_arguments(&options, argc, argv, out, err);
  if (result == KEEP_GOING)
    result = run_report(&options, out, err);
  path_list_release(&options.names);
  path_list_release(&options.paths);
  return result;
}

int cmd_report(int argc, const char **argv) {
  return cmd_report_to(stdout, stderr, argc, argv);
}
