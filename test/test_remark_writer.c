/* Atomic writes, error messages, acceptance by LLVM's own tools, and the
 * direct path against libyaml's emitter. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "escape/remark_writer.h"
#include "test_support.h"

static void build_remark(escape_remark *remark) {
  escape_remark_init(remark);
  escape_remark_set(remark, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
                    "parse");
  escape_remark_set_loc(remark, "x.c", 10, 8);
  escape_loc loc = {"x.c", 12, 3};
  escape_remark_add_arg(remark, "Var", "buf", &loc);
  escape_remark_add_arg(remark, "String", " escapes: 'quoted': #", NULL);
  escape_remark_add_arg(remark, "ArgNo", "1", NULL);
  escape_remark_add_arg(remark, "Detail", "line\nbreak", NULL);
  remark->has_hotness = 1;
  remark->hotness = 12;
}

static void commit_leaves_only_the_file(void **state) {
  (void)state;
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "x.escape.yaml");
  escape_remark remark;
  build_remark(&remark);
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_writer *writer = escape_remark_writer_open(path, &err);
  assert_non_null(writer);
  assert_int_equal(escape_remark_writer_add(writer, &remark, &err), 0);
  /* Until commit the target does not exist, only the temporary file. */
  assert_int_equal(access(path, F_OK), -1);
  assert_int_equal(test_count_dir_entries(dir), 1);
  assert_int_equal(escape_remark_writer_commit(writer, &err), 0);
  assert_int_equal(access(path, F_OK), 0);
  assert_int_equal(test_count_dir_entries(dir), 1);
  escape_remark_clear(&remark);
  escape_strbuf_release(&err);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

static void abort_leaves_nothing(void **state) {
  (void)state;
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "x.escape.yaml");
  escape_remark remark;
  build_remark(&remark);
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_writer *writer = escape_remark_writer_open(path, &err);
  assert_non_null(writer);
  assert_int_equal(escape_remark_writer_add(writer, &remark, &err), 0);
  escape_remark_writer_abort(writer);
  assert_int_equal(test_count_dir_entries(dir), 0);
  escape_remark_clear(&remark);
  escape_strbuf_release(&err);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

static void zero_remarks_make_an_empty_file(void **state) {
  (void)state;
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "empty.escape.yaml");
  test_write_remarks(path, NULL, 0);
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_size, 0);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

static void missing_directory_is_an_error(void **state) {
  (void)state;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_null(escape_remark_writer_open("/nonexistent/dir/x.yaml", &err));
  assert_string_equal(err.buf, "/nonexistent/dir/x.yaml: error: cannot "
                               "create temporary file: No such file or "
                               "directory");
  escape_strbuf_release(&err);
}

static void unwritable_directory_is_an_error(void **state) {
  (void)state;
  if (geteuid() == 0)
    skip(); /* root writes anywhere; missing_directory covers the path */
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "x.yaml");
  assert_int_equal(chmod(dir, 0500), 0);
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_null(escape_remark_writer_open(path, &err));
  assert_non_null(strstr(err.buf, "Permission denied"));
  assert_int_equal(strncmp(err.buf, path, strlen(path)), 0);
  chmod(dir, 0700);
  escape_strbuf_release(&err);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

/* Runs `llvm-remarkutil ARGS` and returns its exit status. */
static int run_remarkutil(const char *args, const char *path) {
  char command[4096];
  snprintf(command, sizeof command, "'%s' %s '%s' >/dev/null",
           ESCAPE_LLVM_REMARKUTIL, args, path);
  return system(command);
}

static void llvm_remarkutil_accepts_output(void **state) {
  (void)state;
  if (ESCAPE_LLVM_REMARKUTIL[0] == '\0') {
    print_message("llvm-remarkutil not found: skipping the LLVM check\n");
    skip();
  }
  char *dir = test_make_temp_dir();
  char *path = test_path(dir, "x.escape.yaml");
  escape_remark remarks[2];
  build_remark(&remarks[0]);
  build_remark(&remarks[1]);
  remarks[1].type = ESCAPE_REMARK_ANALYSIS;
  remarks[1].has_hotness = 0;
  test_write_remarks(path, remarks, 2);
  assert_int_equal(run_remarkutil("count --parser=yaml", path), 0);
  assert_int_equal(run_remarkutil("yaml2bitstream -o /dev/null", path), 0);
  escape_remark_clear(&remarks[0]);
  escape_remark_clear(&remarks[1]);
  test_remove_dir(dir);
  free(path);
  free(dir);
}

/* Writes the remarks to memory, directly where possible or (reference) all
 * through libyaml; returns the text (free it) and the direct count. */
static char *write_to_memory(const escape_remark *remarks, size_t count,
                             int reference, size_t *direct) {
  char *text = NULL;
  size_t size = 0;
  FILE *stream = open_memstream(&text, &size);
  assert_non_null(stream);
  escape_strbuf err;
  escape_strbuf_init(&err);
  escape_remark_writer *writer = escape_remark_writer_open_stream(stream, &err);
  assert_non_null(writer);
  if (reference)
    escape_remark_writer_use_libyaml(writer);
  for (size_t i = 0; i < count; i++)
    assert_int_equal(escape_remark_writer_add(writer, &remarks[i], &err), 0);
  *direct = escape_remark_writer_direct_count(writer);
  assert_int_equal(escape_remark_writer_commit(writer, &err), 0);
  escape_strbuf_release(&err);
  fclose(stream);
  return text;
}

/* Asserts that both paths write the same bytes; returns the direct count. */
static size_t assert_paths_agree(const escape_remark *remarks, size_t count) {
  size_t direct, none;
  char *fast = write_to_memory(remarks, count, 0, &direct);
  char *reference = write_to_memory(remarks, count, 1, &none);
  assert_int_equal(none, 0);
  assert_string_equal(fast, reference);
  free(fast);
  free(reference);
  return direct;
}

/* Strings at every edge of libyaml's choice between plain and quoted. */
static const char *const tricky[] = {
    "",
    "a",
    " a",
    "a ",
    "a b",
    "a  b",
    "-",
    "-a",
    "- a",
    "a-",
    "--",
    "---",
    "---a",
    "...",
    "..a",
    "?",
    "?a",
    "? a",
    "a?",
    ":",
    ":a",
    ": a",
    "a:",
    "a:b",
    "a: b",
    "a:/b",
    "#",
    "#a",
    "a#",
    "a #",
    "a#b",
    ",",
    "a,b",
    "[a]",
    "{a}",
    "a]",
    "a}",
    "&a",
    "*a",
    "!a",
    "|a",
    ">a",
    "'a",
    "a'b",
    "''",
    "\"a",
    "a\"b",
    "%a",
    "@a",
    "`a",
    "~",
    "null",
    "Null",
    "true",
    "no",
    "n",
    "Y",
    "off",
    "on",
    "0",
    "12",
    "-1",
    "+1",
    ".5",
    "1e3",
    "0x10",
    "/usr/include/x.h",
    "C:\\x",
    "a\tb",
    "a\nb",
    "\n",
    "a\x7f",
    "caf\xc3\xa9",
    "\xff",
    "\xf0\x9f\x98\x80",
    "a\xc2\x85",
    "\xe2\x80\xa8",
    " escapes: ",
    "'; reason: ",
    "f(int, char *)",
    "operator[]",
    "a::b<c>",
    "x = y # z",
};

static void build_tricky_remark(escape_remark *remark, const char *text) {
  escape_remark_init(remark);
  escape_remark_set(remark, ESCAPE_REMARK_MISSED, text, text, text);
  escape_remark_set_loc(remark, text, 3, 7);
  escape_loc loc = {(char *)text, 12, 0};
  escape_remark_add_arg(remark, "Var", text, &loc);
  escape_remark_add_arg(remark, text[0] ? text : "Key", text, NULL);
  escape_remark_add_arg(remark, "String", "", NULL);
}

static void direct_path_writes_what_libyaml_writes(void **state) {
  (void)state;
  size_t count = sizeof tricky / sizeof tricky[0];
  escape_remark remarks[sizeof tricky / sizeof tricky[0]];
  for (size_t i = 0; i < count; i++)
    build_tricky_remark(&remarks[i], tricky[i]);
  size_t direct = assert_paths_agree(remarks, count);
  /* Most take the direct path; control characters and non-ASCII do not. */
  assert_in_range(direct, count - 12, count - 6);
  for (size_t i = 0; i < count; i++)
    escape_remark_clear(&remarks[i]);
}

/* Random strings over the characters libyaml treats specially, as every
 * field of a remark, in random combinations (a fixed seed: reproducible). */
static void direct_path_agrees_on_random_strings(void **state) {
  (void)state;
  static const char *const pieces[] = {
      "a", "Z", "0", " ",  ":",  "#", "-",        "?",  ",", "[", "]",
      "{", "}", "'", "\"", ".",  "!", "&",        "*",  "|", ">", "%",
      "@", "`", "~", "y",  "\\", "/", "\xc3\xa9", "\t", "\n"};
  size_t pieces_count = sizeof pieces / sizeof pieces[0];
  enum { COUNT = 3000 };
  escape_remark *remarks = calloc(COUNT, sizeof *remarks);
  assert_non_null(remarks);
  unsigned long seed = 22;
  for (size_t i = 0; i < COUNT; i++) {
    char fields[4][24];
    for (size_t f = 0; f < 4; f++) {
      seed = seed * 6364136223846793005UL + 1442695040888963407UL;
      size_t len = (seed >> 33) % 6, used = 0;
      fields[f][0] = '\0';
      for (size_t k = 0; k < len; k++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        /* Mostly printable ASCII, so that the direct path is exercised. */
        size_t pick = (seed >> 33) % (k == 0 ? pieces_count : pieces_count - 3);
        size_t n = strlen(pieces[pick]);
        memcpy(fields[f] + used, pieces[pick], n + 1);
        used += n;
      }
    }
    escape_remark_init(&remarks[i]);
    escape_remark_set(&remarks[i], (escape_remark_type)(i % 3), fields[0],
                      fields[1], fields[2][0] ? fields[2] : NULL);
    if (i % 2)
      escape_remark_set_loc(&remarks[i], fields[3], (unsigned)i, 1);
    escape_loc loc = {fields[2], 1, (unsigned)i};
    escape_remark_add_arg(&remarks[i], fields[3][0] ? fields[3] : "K",
                          fields[0], i % 3 ? NULL : &loc);
    escape_remark_add_arg(&remarks[i], "String", fields[1], NULL);
    remarks[i].has_hotness = i % 5 == 0;
    remarks[i].hotness = i;
  }
  size_t direct = assert_paths_agree(remarks, COUNT);
  assert_true(direct > COUNT / 4);
  assert_true(direct < COUNT);
  for (size_t i = 0; i < COUNT; i++)
    escape_remark_clear(&remarks[i]);
  free(remarks);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(commit_leaves_only_the_file),
      cmocka_unit_test(abort_leaves_nothing),
      cmocka_unit_test(zero_remarks_make_an_empty_file),
      cmocka_unit_test(missing_directory_is_an_error),
      cmocka_unit_test(unwritable_directory_is_an_error),
      cmocka_unit_test(llvm_remarkutil_accepts_output),
      cmocka_unit_test(direct_path_writes_what_libyaml_writes),
      cmocka_unit_test(direct_path_agrees_on_random_strings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
