/* Atomic writes, error messages, and acceptance by LLVM's own tools. */
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(commit_leaves_only_the_file),
      cmocka_unit_test(abort_leaves_nothing),
      cmocka_unit_test(zero_remarks_make_an_empty_file),
      cmocka_unit_test(missing_directory_is_an_error),
      cmocka_unit_test(unwritable_directory_is_an_error),
      cmocka_unit_test(llvm_remarkutil_accepts_output),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
