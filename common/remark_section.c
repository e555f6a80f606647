#include "escape/remark_section.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Deflate expands at most 1032:1; a larger claim is a lie that would
 * otherwise make us allocate whatever the header says. */
#define MAX_ZLIB_RATIO 1032ULL

/* One record's header fields. */
typedef struct record_header {
  uint32_t encoding;
  uint32_t reserved;
  uint64_t payload_size;
  uint64_t yaml_size;
} record_header;

static uint32_t read_le32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static uint64_t read_le64(const unsigned char *p) {
  return (uint64_t)read_le32(p) | (uint64_t)read_le32(p + 4) << 32;
}

static void put_le(escape_strbuf *out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; i++)
    escape_strbuf_addch(out, (char)(value >> (8 * i) & 0xFF));
}

/* Writes "NAME: error: record N: " into err; returns -1 after the text. */
static int fail(escape_strbuf *err, const char *name, unsigned record,
                const char *what) {
  escape_strbuf_addf(err, "%s: error: %s record %u: %s", name,
                     ESCAPE_REMARK_SECTION_NAME, record, what);
  return -1;
}

/* Checks one header against the bytes left after it. */
static int check_header(const record_header *h, size_t left, const char *name,
                        unsigned record, escape_strbuf *err) {
  if (h->reserved != 0)
    return fail(err, name, record, "reserved field is not 0");
  if (h->payload_size > left)
    return fail(err, name, record, "payload runs past the section's end");
  if (h->encoding == ESCAPE_REMARK_SECTION_PLAIN) {
    if (h->yaml_size != h->payload_size)
      return fail(err, name, record,
                  "uncompressed size differs from payload size");
    return 0;
  }
  if (h->encoding != ESCAPE_REMARK_SECTION_ZLIB) {
    escape_strbuf_addf(err, "%s: error: %s record %u: unknown encoding %u",
                       name, ESCAPE_REMARK_SECTION_NAME, record,
                       (unsigned)h->encoding);
    return -1;
  }
  if (h->yaml_size > h->payload_size * MAX_ZLIB_RATIO ||
      h->yaml_size > (uint64_t)(size_t)-1 / 2)
    return fail(err, name, record, "uncompressed size does not fit");
  return 0;
}

/* Inflates a zlib payload into a malloc'ed buffer of exactly yaml_size. */
static int inflate_payload(const unsigned char *payload, const record_header *h,
                           char **yaml, const char *name, unsigned record,
                           escape_strbuf *err) {
  uLongf out_len = (uLongf)h->yaml_size;
  uLong in_len = (uLong)h->payload_size;
  *yaml = malloc(h->yaml_size ? (size_t)h->yaml_size : 1);
  if (!*yaml)
    return fail(err, name, record, "out of memory");
  int status = uncompress2((Bytef *)*yaml, &out_len, payload, &in_len);
  const char *problem = NULL;
  if (status == Z_MEM_ERROR)
    problem = "out of memory";
  else if (status == Z_BUF_ERROR)
    problem = "uncompressed size is larger than the header says";
  else if (status != Z_OK)
    problem = "zlib error: invalid or truncated compressed data";
  else if (out_len != h->yaml_size)
    problem = "uncompressed size is smaller than the header says";
  else if (in_len != h->payload_size)
    problem = "bytes after the end of the zlib stream";
  if (!problem)
    return 0;
  free(*yaml);
  *yaml = NULL;
  return fail(err, name, record, problem);
}

int escape_remark_section_parse(const char *name, const unsigned char *data,
                                size_t size,
                                escape_remark_section_callback callback,
                                void *ctx, escape_strbuf *err) {
  if (size == 0)
    return fail(err, name, 1, "section is empty");
  size_t pos = 0;
  for (unsigned record = 1; pos < size; record++) {
    size_t left = size - pos;
    if (left < ESCAPE_REMARK_SECTION_HEADER_SIZE)
      return fail(err, name, record, "truncated header");
    const unsigned char *p = data + pos;
    if (memcmp(p, ESCAPE_REMARK_SECTION_MAGIC, 8) != 0)
      return fail(err, name, record, "bad magic (not \"ESCREMK1\")");
    record_header h = {read_le32(p + 8), read_le32(p + 12), read_le64(p + 16),
                       read_le64(p + 24)};
    left -= ESCAPE_REMARK_SECTION_HEADER_SIZE;
    if (check_header(&h, left, name, record, err))
      return -1;
    const unsigned char *payload = p + ESCAPE_REMARK_SECTION_HEADER_SIZE;
    char *inflated = NULL;
    if (h.encoding == ESCAPE_REMARK_SECTION_ZLIB &&
        inflate_payload(payload, &h, &inflated, name, record, err))
      return -1;
    const char *yaml = inflated ? inflated : (const char *)payload;
    int stop = callback(yaml, (size_t)h.yaml_size, record, ctx);
    free(inflated);
    if (stop)
      return stop;
    pos += ESCAPE_REMARK_SECTION_HEADER_SIZE + (size_t)h.payload_size;
  }
  return 0;
}

/* Compresses yaml as zlib's compress2 does; malloc'ed result. */
static unsigned char *deflate_yaml(const char *yaml, size_t len,
                                   uLongf *out_len) {
  *out_len = compressBound((uLong)len);
  unsigned char *out = malloc(*out_len ? *out_len : 1);
  if (out && compress2(out, out_len, (const Bytef *)yaml, (uLong)len,
                       Z_DEFAULT_COMPRESSION) != Z_OK) {
    free(out);
    out = NULL;
  }
  return out;
}

int escape_remark_section_append(escape_strbuf *out, const char *yaml,
                                 size_t len, uint32_t encoding) {
  uLongf payload_len = (uLongf)len;
  unsigned char *packed = NULL;
  int smallest = encoding == ESCAPE_REMARK_SECTION_SMALLEST;
  if ((encoding == ESCAPE_REMARK_SECTION_ZLIB || (smallest && len > 0)) &&
      !(packed = deflate_yaml(yaml, len, &payload_len)))
    return -1;
  if (smallest && packed && payload_len >= len) {
    free(packed);
    packed = NULL;
    payload_len = (uLongf)len;
  }
  if (smallest)
    encoding =
        packed ? ESCAPE_REMARK_SECTION_ZLIB : ESCAPE_REMARK_SECTION_PLAIN;
  escape_strbuf_add(out, ESCAPE_REMARK_SECTION_MAGIC, 8);
  put_le(out, encoding, 4);
  put_le(out, 0, 4);
  put_le(out, payload_len, 8);
  put_le(out, len, 8);
  escape_strbuf_add(out, packed ? (const char *)packed : yaml,
                    (size_t)payload_len);
  free(packed);
  return out->failed ? -1 : 0;
}

uint64_t escape_remark_section_digest(const char *yaml, size_t len) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < len; i++) {
    hash ^= (unsigned char)yaml[i];
    hash *= 0x100000001b3ULL;
  }
  return hash;
}
