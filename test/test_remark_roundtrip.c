/* Writer then reader: every remark must come back exactly, whatever its
 * strings contain. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escape/remark_reader.h"
#include "escape/remark_writer.h"
#include "test_support.h"

enum { MAX_REMARKS = 16 };

typedef struct collected {
  escape_remark remarks[MAX_REMARKS];
  size_t count;
} collected;

/* Reader callback: keeps a deep copy of each remark. */
static int collect(const escape_remark *remark, void *data) {
  collected *all = data;
  assert_true(all->count < MAX_REMARKS);
  escape_remark *copy = &all->remarks[all->count++];
  escape_remark_init(copy);
  assert_int_equal(escape_remark_set(copy, remark->type, remark->pass,
                                     remark->name, remark->function),
                   0);
  if (remark->loc.file)
    escape_remark_set_loc(copy, remark->loc.file, remark->loc.line,
                          remark->loc.column);
  copy->has_hotness = remark->has_hotness;
  copy->hotness = remark->hotness;
  for (size_t i = 0; i < remark->arg_count; i++)
    assert_int_equal(escape_remark_add_arg(copy, remark->args[i].key,
                                           remark->args[i].value,
                                           &remark->args[i].loc),
                     0);
  return 0;
}

static void collected_release(collected *all) {
  for (size_t i = 0; i < all->count; i++)
    escape_remark_clear(&all->remarks[i]);
  all->count = 0;
}

static void assert_same_string(const char *expected, const char *actual) {
  if (!expected)
    assert_null(actual);
  else
    assert_string_equal(expected, actual);
}

static void assert_same_loc(const escape_loc *expected,
                            const escape_loc *actual) {
  assert_same_string(expected->file, actual->file);
  if (expected->file) {
    assert_int_equal(expected->line, actual->line);
    assert_int_equal(expected->column, actual->column);
  }
}

static void assert_same_remark(const escape_remark *expected,
                               const escape_remark *actual) {
  assert_int_equal(expected->type, actual->type);
  assert_same_string(expected->pass, actual->pass);
  assert_same_string(expected->name, actual->name);
  assert_same_string(expected->function, actual->function);
  assert_same_loc(&expected->loc, &actual->loc);
  assert_int_equal(expected->has_hotness, actual->has_hotness);
  assert_int_equal(expected->hotness, actual->hotness);
  assert_int_equal(expected->arg_count, actual->arg_count);
  for (size_t i = 0; i < expected->arg_count; i++) {
    assert_string_equal(expected->args[i].key, actual->args[i].key);
    assert_string_equal(expected->args[i].value, actual->args[i].value);
    assert_same_loc(&expected->args[i].loc, &actual->args[i].loc);
  }
}

/* Values that YAML would misread if written carelessly. */
static const char *const odd_values[] = {
    "plain",
    " leading space",
    "trailing space ",
    "a: colon",
    "it's quoted",
    "\"double\"",
    "# not a comment",
    "x #y",
    "héllo → 世界",
    "1",
    "-15030",
    "0x1F",
    "1.5e3",
    "true",
    "null",
    "~",
    "",
    "line\nbreak",
    "tab\there",
    "- dash",
    "[flow]",
    "{flow}",
    "*alias",
    "&anchor",
    "!tag",
    "%directive",
    "@at",
    "`tick`",
    "|literal",
    ">folded",
    "? key",
    "trailing:",
    "'",
    "''",
    "...",
    "---",
};

/* Builds the remarks written and expected back. */
static size_t build_remarks(escape_remark *remarks) {
  escape_remark *r = &remarks[0];
  escape_remark_init(r);
  escape_remark_set(r, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes", "parse");
  escape_remark_set_loc(r, "dir with spaces/x: 'odd'.c", 10, 8);
  escape_loc loc = {"dir with spaces/x: 'odd'.c", 12, 3};
  escape_remark_add_arg(r, "Var", "buf", &loc);
  escape_remark_add_arg(r, "String", " escapes: address passed to ", NULL);
  escape_remark_add_arg(r, "ArgNo", "1", NULL);

  r = &remarks[1];
  escape_remark_init(r);
  escape_remark_set(r, ESCAPE_REMARK_PASSED, "inline", "Inlined",
                    "_ZN3foo3barEv");
  escape_remark_set_loc(r, "/usr/include/ünï.h", 0, 0);
  r->has_hotness = 1;
  r->hotness = 18446744073709551615ULL;
  for (size_t i = 0; i < sizeof odd_values / sizeof odd_values[0]; i++)
    escape_remark_add_arg(r, "String", odd_values[i], i % 3 ? NULL : &loc);

  r = &remarks[2];
  escape_remark_init(r);
  escape_remark_set(r, ESCAPE_REMARK_ANALYSIS, "escape", "LeakingParam", NULL);

  r = &remarks[3];
  escape_remark_init(r);
  escape_remark_set(r, ESCAPE_REMARK_ANALYSIS_ALIASING, "123", "true", "1");
  escape_remark_set_loc(r, "42", 4294967295u, 1);
  escape_remark_add_arg(r, "Key With Spaces", "v", NULL);
  return 4;
}

static void check_round_trip_through_file(void **state) {
  (void)state;
  escape_remark remarks[4];
  size_t count = build_remarks(remarks);
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "odd name: 'x'.escape.yaml");
  test_write_remarks(path, remarks, count);

  collected all = {0};
  escape_strbuf err;
  escape_strbuf_init(&err);
  int result = escape_remark_read_file(path, collect, &all, &err);
  assert_string_equal(err.buf, "");
  assert_int_equal(result, 0);
  assert_int_equal(all.count, count);
  for (size_t i = 0; i < count; i++) {
    assert_same_remark(&remarks[i], &all.remarks[i]);
    escape_remark_clear(&remarks[i]);
  }
  collected_release(&all);
  escape_strbuf_release(&err);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

static void check_round_trip_through_stream(void **state) {
  (void)state;
  escape_remark remarks[4];
  size_t count = build_remarks(remarks);
  FILE *stream = tmpfile();
  assert_non_null(stream);
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_writer *writer = escape_remark_writer_open_stream(stream, &err);
  assert_non_null(writer);
  for (size_t i = 0; i < count; i++)
    assert_int_equal(escape_remark_writer_add(writer, &remarks[i], &err), 0);
  assert_int_equal(escape_remark_writer_commit(writer, &err), 0);

  /* The stream stays open and holds the YAML. */
  long size = ftell(stream);
  assert_true(size > 0);
  char *text = malloc((size_t)size);
  rewind(stream);
  assert_int_equal(fread(text, 1, (size_t)size, stream), (size_t)size);
  fclose(stream);

  collected all = {0};
  assert_int_equal(
      escape_remark_read_buffer("mem", text, (size_t)size, collect, &all, &err),
      0);
  assert_int_equal(all.count, count);
  for (size_t i = 0; i < count; i++) {
    assert_same_remark(&remarks[i], &all.remarks[i]);
    escape_remark_clear(&remarks[i]);
  }
  collected_release(&all);
  escape_strbuf_release(&err);
  free(text);
}

/* The text must look like -fsave-optimization-record's. */
static void check_written_text(void **state) {
  (void)state;
  escape_remark remarks[4];
  build_remarks(remarks);
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "x.escape.yaml");
  test_write_remarks(path, remarks, 1);
  char *text = test_read_file(path);
  assert_string_equal(text,
                      "--- !Missed\n"
                      "Pass: escape\n"
                      "Name: LocalEscapes\n"
                      "DebugLoc: {File: 'dir with spaces/x: ''odd''.c', "
                      "Line: 10, Column: 8}\n"
                      "Function: parse\n"
                      "Args:\n"
                      "- Var: buf\n"
                      "  DebugLoc: {File: 'dir with spaces/x: ''odd''.c', "
                      "Line: 12, Column: 3}\n"
                      "- String: ' escapes: address passed to '\n"
                      "- ArgNo: '1'\n"
                      "...\n");
  for (size_t i = 0; i < 4; i++)
    escape_remark_clear(&remarks[i]);
  free(text);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

/* Reader callback: counts remarks. */
static int count(const escape_remark *remark, void *data) {
  (void)remark;
  (*(size_t *)data)++;
  return 0;
}

/* Arbitrary bytes (invalid UTF-8, control characters) must never make the
 * writer fail or produce YAML that does not read back. */
static void check_random_bytes_always_write(void **state) {
  (void)state;
  FILE *stream = tmpfile();
  assert_non_null(stream);
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_writer *writer = escape_remark_writer_open_stream(stream, &err);
  unsigned seed = 7;
  enum { remarks = 500 };
  for (int i = 0; i < remarks; i++) {
    char value[24];
    for (size_t j = 0; j + 1 < sizeof value; j++) {
      seed = seed * 1103515245u + 12345u;
      value[j] = (char)((seed >> 16) % 255 + 1);
    }
    value[sizeof value - 1] = '\0';
    escape_remark remark;
    escape_remark_init(&remark);
    escape_remark_set(&remark, ESCAPE_REMARK_MISSED, "escape", value, value);
    escape_remark_set_loc(&remark, value, 1, 2);
    escape_remark_add_arg(&remark, "String", value, NULL);
    assert_int_equal(escape_remark_writer_add(writer, &remark, &err), 0);
    escape_remark_clear(&remark);
  }
  assert_int_equal(escape_remark_writer_commit(writer, &err), 0);
  long size = ftell(stream);
  char *text = malloc((size_t)size);
  rewind(stream);
  assert_int_equal(fread(text, 1, (size_t)size, stream), (size_t)size);
  fclose(stream);
  size_t read_back = 0;
  int result = escape_remark_read_buffer("random", text, (size_t)size, count,
                                         &read_back, &err);
  assert_string_equal(err.buf, "");
  assert_int_equal(result, 0);
  assert_int_equal(read_back, remarks);
  free(text);
  escape_strbuf_release(&err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(check_round_trip_through_file),
      cmocka_unit_test(check_round_trip_through_stream),
      cmocka_unit_test(check_written_text),
      cmocka_unit_test(check_random_bytes_always_write),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
