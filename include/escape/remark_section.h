/* The `.escape.remarks` section that the plugin's `embed` argument writes
 * into objects: records back to back (several after `ld -r`), each a
 * 32-byte header ("ESCREMK1", encoding, reserved, payload size,
 * uncompressed size, all little-endian) and a YAML remark stream, plain or
 * zlib-compressed. The one writer (the plugin, the tests) and the one
 * reader (the driver, the tests) of its bytes; the driver's
 * object_remarks.h finds them in ELF files and archives. */
#ifndef ESCAPE_REMARK_SECTION_H
#define ESCAPE_REMARK_SECTION_H

#include <stddef.h>
#include <stdint.h>

#include "escape/strbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The section's name, as the plugin writes it. */
#define ESCAPE_REMARK_SECTION_NAME ".escape.remarks"

/* The 8 magic bytes that open every record. */
#define ESCAPE_REMARK_SECTION_MAGIC "ESCREMK1"

enum {
  ESCAPE_REMARK_SECTION_HEADER_SIZE = 32,
  ESCAPE_REMARK_SECTION_PLAIN = 0, /* encoding: the payload is the YAML */
  ESCAPE_REMARK_SECTION_ZLIB = 1,  /* encoding: a zlib stream (compress2) */
  /* Not written: append's choice of ZLIB when that is smaller, else PLAIN
   * (what the plugin writes). */
  ESCAPE_REMARK_SECTION_SMALLEST = 2
};

/* Called with each record's YAML (uncompressed; valid only during the
 * call) and the record's 1-based index. Return 0 to go on, nonzero to
 * stop (the parser then returns that value). */
typedef int (*escape_remark_section_callback)(const char *yaml, size_t len,
                                              unsigned record, void *ctx);

/* Parses a whole section's contents; name ("x.o", "lib.a(x.o)") starts
 * error messages. Returns 0, the callback's nonzero value, or -1 with
 * "NAME: error: ..." in err for malformed records. */
int escape_remark_section_parse(const char *name, const unsigned char *data,
                                size_t size,
                                escape_remark_section_callback callback,
                                void *ctx, escape_strbuf *err);

/* Appends one record holding yaml with encoding (PLAIN, ZLIB or SMALLEST)
 * to out. Returns 0, or -1 on failure. */
int escape_remark_section_append(escape_strbuf *out, const char *yaml,
                                 size_t len, uint32_t encoding);

/* FNV-1a 64 of a remark stream: identical streams in several objects (x.o
 * and lib.a's copy of it) are one translation unit. */
uint64_t escape_remark_section_digest(const char *yaml, size_t len);

#ifdef __cplusplus
}
#endif

#endif
