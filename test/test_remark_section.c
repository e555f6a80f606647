/* The .escape.remarks record parser: plain and zlib records, several
 * records back to back (`ld -r`), empty streams, and every kind of
 * malformed record as an error naming the file and the record; and the
 * digest set that counts an embedded stream found twice once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "digest_set.h"
#include "escape/remark_section.h"

static const char yaml_a[] = "--- !Missed\nPass: escape\nName: LocalEscapes\n"
                             "Function: f\n...\n";
static const char yaml_b[] = "--- !Analysis\nPass: escape\nName: LeakingParam\n"
                             "Function: g\n...\n";

/* What the callback saw, concatenated with the record numbers. */
typedef struct seen {
  escape_strbuf text;
  unsigned records;
  int stop_at; /* return 7 at this record, 0: never */
} seen;

static int collect(const char *yaml, size_t len, unsigned record, void *ctx) {
  seen *s = ctx;
  s->records++;
  escape_strbuf_addf(&s->text, "[%u]", record);
  escape_strbuf_add(&s->text, yaml, len);
  return s->stop_at == (int)record ? 7 : 0;
}

/* Parses section; returns the parser's result, text and err filled. */
static int parse(const escape_strbuf *section, seen *s, escape_strbuf *err) {
  escape_strbuf_init(&s->text);
  escape_strbuf_init(err);
  return escape_remark_section_parse("x.o", (const unsigned char *)section->buf,
                                     section->len, collect, s, err);
}

static void add_record(escape_strbuf *section, const char *yaml,
                       uint32_t encoding) {
  assert_int_equal(
      escape_remark_section_append(section, yaml, strlen(yaml), encoding), 0);
}

static void reads_plain_and_zlib_records_in_order(void **state) {
  (void)state;
  escape_strbuf section, err;
  escape_strbuf_init(&section);
  add_record(&section, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  add_record(&section, yaml_b, ESCAPE_REMARK_SECTION_ZLIB);
  add_record(&section, "", ESCAPE_REMARK_SECTION_PLAIN);
  seen s = {.stop_at = 0};
  assert_int_equal(parse(&section, &s, &err), 0);
  assert_int_equal(s.records, 3);
  escape_strbuf want;
  escape_strbuf_init(&want);
  escape_strbuf_addf(&want, "[1]%s[2]%s[3]", yaml_a, yaml_b);
  assert_string_equal(s.text.buf, want.buf);
  assert_int_equal(err.len, 0);
  escape_strbuf_release(&want);
  escape_strbuf_release(&s.text);
  escape_strbuf_release(&err);
  escape_strbuf_release(&section);
}

/* The plugin's choice: zlib when it is smaller (a long stream), plain when
 * it is not (a short or empty one); both read back the same. */
static void smallest_picks_the_smaller_encoding(void **state) {
  (void)state;
  escape_strbuf long_yaml, section, err;
  escape_strbuf_init(&long_yaml);
  for (int i = 0; i < 20; i++)
    escape_strbuf_addstr(&long_yaml, yaml_a);
  escape_strbuf_init(&section);
  add_record(&section, long_yaml.buf, ESCAPE_REMARK_SECTION_SMALLEST);
  assert_int_equal((unsigned char)section.buf[8], ESCAPE_REMARK_SECTION_ZLIB);
  assert_true(section.len < long_yaml.len);
  size_t second = section.len;
  add_record(&section, "ab", ESCAPE_REMARK_SECTION_SMALLEST);
  assert_int_equal((unsigned char)section.buf[second + 8],
                   ESCAPE_REMARK_SECTION_PLAIN);
  add_record(&section, "", ESCAPE_REMARK_SECTION_SMALLEST);
  seen s = {.stop_at = 0};
  assert_int_equal(parse(&section, &s, &err), 0);
  escape_strbuf want;
  escape_strbuf_init(&want);
  escape_strbuf_addf(&want, "[1]%s[2]ab[3]", long_yaml.buf);
  assert_string_equal(s.text.buf, want.buf);
  escape_strbuf_release(&want);
  escape_strbuf_release(&s.text);
  escape_strbuf_release(&err);
  escape_strbuf_release(&section);
  escape_strbuf_release(&long_yaml);
}

static void header_layout_is_the_contract(void **state) {
  (void)state;
  escape_strbuf section;
  escape_strbuf_init(&section);
  add_record(&section, "ab", ESCAPE_REMARK_SECTION_PLAIN);
  const unsigned char want[] = {
      'E', 'S', 'C', 'R', 'E', 'M', 'K', '1', 0, 0, 0, 0, 0, 0, 0, 0,   2,
      0,   0,   0,   0,   0,   0,   0,   2,   0, 0, 0, 0, 0, 0, 0, 'a', 'b'};
  assert_int_equal(section.len, sizeof want);
  assert_memory_equal(section.buf, want, sizeof want);
  escape_strbuf_release(&section);
}

static void callback_value_stops_the_parse(void **state) {
  (void)state;
  escape_strbuf section, err;
  escape_strbuf_init(&section);
  add_record(&section, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  add_record(&section, yaml_b, ESCAPE_REMARK_SECTION_PLAIN);
  seen s = {.stop_at = 1};
  assert_int_equal(parse(&section, &s, &err), 7);
  assert_int_equal(s.records, 1);
  escape_strbuf_release(&s.text);
  escape_strbuf_release(&err);
  escape_strbuf_release(&section);
}

static void put_le64(escape_strbuf *section, size_t at, uint64_t value) {
  for (int i = 0; i < 8; i++)
    section->buf[at + i] = (char)(value >> (8 * i) & 0xFF);
}

/* One malformed section and the message it must give. */
typedef struct bad_case {
  const char *what;
  void (*make)(escape_strbuf *section);
  const char *message;
} bad_case;

static void make_empty(escape_strbuf *s) { (void)s; }
static void make_short_header(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  s->len = 20;
}
static void make_bad_magic(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  s->buf[7] = '2';
}
static void make_reserved(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  s->buf[12] = 1;
}
static void make_past_end(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  s->len -= 3;
}
static void make_size_mismatch(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  put_le64(s, 24, 3);
}
static void make_unknown_encoding(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  s->buf[8] = 9;
}
static void make_huge_claim(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_ZLIB);
  put_le64(s, 24, UINT64_MAX / 2);
}
static void make_corrupt_zlib(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_ZLIB);
  s->buf[ESCAPE_REMARK_SECTION_HEADER_SIZE + 4] ^= 0x55;
  s->buf[ESCAPE_REMARK_SECTION_HEADER_SIZE + 5] ^= 0x55;
}
static void make_claim_too_small(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_ZLIB);
  put_le64(s, 24, strlen(yaml_a) - 1);
}
static void make_claim_too_large(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_ZLIB);
  put_le64(s, 24, strlen(yaml_a) + 1);
}
static void make_trailing_bytes(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_ZLIB);
  escape_strbuf_add(s, "xx", 2);
  put_le64(s, 16, s->len - ESCAPE_REMARK_SECTION_HEADER_SIZE);
}
static void make_bad_second(escape_strbuf *s) {
  add_record(s, yaml_a, ESCAPE_REMARK_SECTION_PLAIN);
  escape_strbuf_add(s, "ESCREMK", 7);
}

static const bad_case bad_cases[] = {
    {"empty", make_empty, "record 1: section is empty"},
    {"short header", make_short_header, "record 1: truncated header"},
    {"magic", make_bad_magic, "record 1: bad magic"},
    {"reserved", make_reserved, "record 1: reserved field is not 0"},
    {"past end", make_past_end, "record 1: payload runs past"},
    {"plain sizes", make_size_mismatch, "record 1: uncompressed size differs"},
    {"encoding", make_unknown_encoding, "record 1: unknown encoding 9"},
    {"huge claim", make_huge_claim, "record 1: uncompressed size does not fit"},
    {"corrupt", make_corrupt_zlib, "record 1: zlib error"},
    {"too small", make_claim_too_small,
     "record 1: uncompressed size is larger"},
    {"too large", make_claim_too_large,
     "record 1: uncompressed size is smaller"},
    {"trailing", make_trailing_bytes, "record 1: bytes after the end"},
    {"second record", make_bad_second, "record 2: truncated header"},
};

static void malformed_records_are_errors(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
    escape_strbuf section, err;
    escape_strbuf_init(&section);
    bad_cases[i].make(&section);
    seen s = {.stop_at = 0};
    int result = parse(&section, &s, &err);
    if (result != -1 ||
        strncmp(err.buf, "x.o: error: .escape.remarks ", 28) != 0 ||
        !strstr(err.buf, bad_cases[i].message))
      fail_msg("%s: result %d, message '%s'", bad_cases[i].what, result,
               err.buf);
    escape_strbuf_release(&s.text);
    escape_strbuf_release(&err);
    escape_strbuf_release(&section);
  }
}

static void digest_set_counts_each_stream_once(void **state) {
  (void)state;
  digest_set set;
  digest_set_init(&set);
  uint64_t a = escape_remark_section_digest(yaml_a, strlen(yaml_a));
  uint64_t b = escape_remark_section_digest(yaml_b, strlen(yaml_b));
  assert_true(a != b);
  assert_int_equal(digest_set_add(&set, a), 1);
  assert_int_equal(digest_set_add(&set, a), 0);
  assert_int_equal(digest_set_add(&set, 0), 1);
  assert_int_equal(digest_set_add(&set, 0), 0);
  for (uint64_t i = 1; i <= 1000; i++)
    assert_int_equal(digest_set_add(&set, i * 0x9E3779B97F4A7C15ULL), 1);
  assert_int_equal(digest_set_add(&set, b), 1);
  assert_int_equal(digest_set_add(&set, a), 0);
  assert_int_equal(digest_set_add(&set, 500 * 0x9E3779B97F4A7C15ULL), 0);
  digest_set_release(&set);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reads_plain_and_zlib_records_in_order),
      cmocka_unit_test(header_layout_is_the_contract),
      cmocka_unit_test(smallest_picks_the_smaller_encoding),
      cmocka_unit_test(callback_value_stops_the_parse),
      cmocka_unit_test(malformed_records_are_errors),
      cmocka_unit_test(digest_set_counts_each_stream_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
