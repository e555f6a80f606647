/* libFuzzer entry point: arbitrary bytes as the contents of an
 * .escape.remarks section. The record parser must return 0 or -1 with a
 * message naming the file, never crash, leak or allocate what a header
 * merely claims; each stream it yields goes through the remark reader as
 * `escape report` reads it. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "escape/remark_reader.h"
#include "escape/remark_section.h"

static int ignore_remark(const escape_remark *remark, void *ctx) {
  (void)remark;
  (void)ctx;
  return 0;
}

static int read_stream(const char *yaml, size_t len, unsigned record,
                       void *ctx) {
  (void)record;
  (void)ctx;
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_read_buffer("x.o", yaml, len, ignore_remark, NULL, &err);
  escape_strbuf_release(&err);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  int result =
      escape_remark_section_parse("x.o", data, size, read_stream, NULL, &err);
  if ((result == -1) != (err.len > 0) || (result != 0 && result != -1))
    __builtin_trap();
  if (result == -1 && strncmp(err.buf, "x.o: error: ", 12) != 0)
    __builtin_trap();
  escape_strbuf_release(&err);
  return 0;
}
