/* `escape extract FILE.o|FILE.a...`: prints the remarks that the plugin's
 * `embed` argument stored in objects, as the YAML stream the plugin would
 * have written beside them (an archive's members in member order). Every
 * stream is checked before anything is written, so a malformed object
 * never yields partial output. */
#include <string.h>

#include "commands.h"
#include "error_report.h"
#include "escape/remark_reader.h"
#include "object_remarks.h"
#include "options.h"
#include "report_output.h"

static const char usage[] =
    "usage: escape extract [-o FILE] FILE.o|FILE.a...\n";

static const char description[] =
    "Prints the remarks embedded in objects compiled with\n"
    "-fplugin-arg-escape-embed (section .escape.remarks) as LLVM remark YAML,\n"
    "for llvm-remarkutil, opt-viewer or any tool that reads .escape.yaml.\n";

static const char epilog[] =
    "    FILE            an object, or a static archive: each member's\n"
    "                    remarks in member order\n";

static int ignore_remark(const escape_remark *remark, void *ctx) {
  (void)remark;
  (void)ctx;
  return 0;
}

/* What the stream callback appends to. */
typedef struct extract_state {
  escape_strbuf yaml;
  escape_strbuf *err;
} extract_state;

/* Checks one embedded stream and appends it. */
static int take_stream(const char *name, const char *yaml, size_t len,
                       unsigned record, void *data) {
  (void)record;
  extract_state *state = data;
  if (escape_remark_read_buffer(name, yaml, len, ignore_remark, NULL,
                                state->err) != 0)
    return -1;
  escape_strbuf_add(&state->yaml, yaml, len);
  if (len > 0 && yaml[len - 1] != '\n')
    escape_strbuf_addch(&state->yaml, '\n');
  return 0;
}

/* Appends the streams of one file; returns 0, or -1 with err set. */
static int extract_file(const char *path, extract_state *state) {
  object_remarks_info info;
  if (object_remarks_read(path, take_stream, state, &info, state->err) != 0)
    return -1;
  if (info.with_section == 0) {
    object_remarks_missing(path, &info, state->err);
    return -1;
  }
  return 0;
}

/* Writes the collected YAML to output_path or out. */
static int write_yaml(const escape_strbuf *yaml, const char *output_path,
                      FILE *out, FILE *err) {
  report_output output;
  int result = report_output_open(&output, output_path, out, err);
  if (result != 0)
    return result;
  fwrite(yaml->buf, 1, yaml->len, output.stream);
  return report_output_close(&output, err);
}

static int run_extract(const string_list *files, const char *output_path,
                       FILE *out, FILE *err) {
  escape_strbuf message;
  escape_strbuf_init(&message);
  extract_state state = {.err = &message};
  escape_strbuf_init(&state.yaml);
  int result = 0;
  for (size_t i = 0; i < files->count && result == 0; i++)
    result = extract_file(files->items[i], &state);
  if (result == 0 && state.yaml.failed)
    escape_strbuf_addstr(&message, "error: out of memory");
  if (result != 0 || state.yaml.failed) {
    result = error_input(err, message.buf);
  } else {
    result = write_yaml(&state.yaml, output_path, out, err);
  }
  escape_strbuf_release(&state.yaml);
  escape_strbuf_release(&message);
  return result;
}

int cmd_extract_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"extract", usage, description, epilog};
  const char *output_path = NULL;
  const option_spec specs[] = {
      OPT_STRING("--output", "-o", &output_path, "FILE",
                 "write to FILE (atomically) instead of stdout"),
  };
  string_list files;
  string_list_init(&files);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &files, out, err);
  if (result == OPTIONS_OK && files.count == 0)
    result = error_usage(err, "extract", usage, "no FILE given");
  if (result == OPTIONS_OK)
    result = run_extract(&files, output_path, out, err);
  string_list_release(&files);
  return result;
}

int cmd_extract(int argc, const char **argv) {
  return cmd_extract_to(stdout, stderr, argc, argv);
}
