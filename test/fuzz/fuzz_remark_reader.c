/* libFuzzer entry point: arbitrary bytes as a remark file. The reader must
 * return 0 or -1 with a message, never crash or leak; what it delivers goes
 * through the same steps as `escape report` (inliner mapping, messages,
 * deduplication, fingerprints, every format). The input is also read in
 * two ranges and with a pass filter, the paths the parallel loader and the
 * unparsed skipping take, and with a glance at each document's text (escape
 * lsp's, then every other document skipped). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "escape/inline_remark.h"
#include "escape/remark_sentence.h"
#include "escape/remark_reader.h"
#include "lsp_settings.h"
#include "report_format.h"

typedef struct fuzz_state {
  remark_set set;
  escape_strbuf message;
} fuzz_state;

static int take(const escape_remark *read, void *data) {
  fuzz_state *state = data;
  escape_remark converted;
  escape_remark_init(&converted);
  const escape_remark *remark = read;
  if (escape_inline_remark_convert(read, &converted) > 0)
    remark = &converted;
  escape_strbuf_reset(&state->message);
  escape_remark_message(remark, &state->message);
  remark_set_add(&state->set, remark, state->message.buf, 0);
  escape_remark_clear(&converted);
  return 0;
}

static int want_escape(const char *pass, void *ctx) {
  (void)ctx;
  return strcmp(pass, "escape") == 0 || escape_inline_pass(pass);
}

/* A glance that asks escape lsp's (for its own sake: it must not crash
 * on any text), then skips every other document it is shown. */
static int every_other(const char *text, size_t len, void *ctx) {
  lsp_settings settings;
  lsp_settings_init(&settings);
  if (lsp_settings_may_show_text(&settings, text, len) > 1)
    __builtin_trap();
  lsp_settings_release(&settings);
  return (*(unsigned *)ctx)++ % 2;
}

static void read_with(const uint8_t *data, size_t size,
                      const escape_read_options *options, fuzz_state *state) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  int result = escape_remark_read_buffer_with(
      "fuzz.yaml", (const char *)data, size, options, take, state, &err);
  /* An error always says where; success says nothing. */
  if ((result == -1) != (err.len > 0) || (result != 0 && result != -1))
    __builtin_trap();
  if (result == -1 && strncmp(err.buf, "fuzz.yaml:", 10) != 0)
    __builtin_trap();
  escape_strbuf_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_state state;
  remark_set_init(&state.set);
  escape_strbuf_init(&state.message);
  escape_read_options whole = {0};
  escape_read_options head = {.end = size / 2};
  escape_read_options tail = {.begin = size / 2};
  escape_read_options filtered = {.want_pass = want_escape};
  unsigned glances = 0;
  escape_read_options glanced = {.want_document = every_other,
                                 .want_document_ctx = &glances};
  read_with(data, size, &whole, &state);
  read_with(data, size, &head, &state);
  read_with(data, size, &tail, &state);
  read_with(data, size, &filtered, &state);
  read_with(data, size, &glanced, &state);
  FILE *sink = fopen("/dev/null", "w");
  if (sink && remark_set_finish(&state.set) == 0) {
    /* Not read_sources: fuzzed file names must not open real files. */
    report_context context = {.set = &state.set};
    format_text(sink, &context);
    format_json(sink, &context);
    format_sarif(sink, &context);
    format_markdown(sink, &context);
    format_html(sink, &context);
  }
  if (sink)
    fclose(sink);
  remark_set_release(&state.set);
  escape_strbuf_release(&state.message);
  return 0;
}
