/* `escape report` on files written by the remark writer: exact text,
 * deduplication across translation units, filters, and no partial report
 * on malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "escape/remark_message.h"
#include "test_support.h"

typedef struct fixture {
  char *dir;
  char *a; /* a.escape.yaml */
  char *b; /* sub/b.opt.yaml */
  escape_remark leaking, local_x, local_y, no_loc, foreign;
} fixture;

static void make_remark(escape_remark *remark, escape_remark_type type,
                        const char *pass, const char *name, const char *file,
                        unsigned line, unsigned column) {
  escape_remark_init(remark);
  escape_remark_set(remark, type, pass, name, "f");
  if (file)
    escape_remark_set_loc(remark, file, line, column);
}

static void build_remarks(fixture *f) {
  make_remark(&f->leaking, ESCAPE_REMARK_ANALYSIS, "escape", "LeakingParam",
              "h.h", 3, 20);
  escape_remark_add_arg(&f->leaking, "Param", "p", NULL);
  escape_remark_add_arg(&f->leaking, "Reason", "stored", NULL);
  make_remark(&f->local_x, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
              "x.c", 10, 8);
  escape_remark_add_arg(&f->local_x, "Var", "buf", NULL);
  escape_remark_add_arg(&f->local_x, "Reason", "call", NULL);
  escape_remark_add_arg(&f->local_x, "Callee", "fill", NULL);
  escape_remark_add_arg(&f->local_x, "ArgNo", "1", NULL);
  make_remark(&f->local_y, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
              "y.c", 2, 3);
  escape_remark_add_arg(&f->local_y, "Var", "v", NULL);
  escape_remark_add_arg(&f->local_y, "Reason", "returned", NULL);
  make_remark(&f->no_loc, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes", NULL,
              0, 0);
  escape_remark_add_arg(&f->no_loc, "Var", "w", NULL);
  make_remark(&f->foreign, ESCAPE_REMARK_MISSED, "inline", "NoDefinition",
              "x.c", 5, 1);
  escape_remark_add_arg(&f->foreign, "Callee", "g", NULL);
}

/* a: leaking (from a header), local_x, foreign, no_loc.
 * b: leaking again, local_y twice (one translation unit). */
static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  build_remarks(f);
  f->dir = test_make_temp_dir();
  f->a = test_path(f->dir, "a.escape.yaml");
  f->b = test_path(f->dir, "b.opt.yaml");
  escape_remark in_a[] = {f->local_x, f->leaking, f->foreign, f->no_loc};
  escape_remark in_b[] = {f->local_y, f->leaking, f->local_y};
  test_write_remarks(f->a, in_a, 4);
  test_write_remarks(f->b, in_b, 3);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  test_remove_dir(f->dir);
  escape_remark *all[] = {&f->leaking, &f->local_x, &f->local_y, &f->no_loc,
                          &f->foreign};
  for (size_t i = 0; i < 5; i++)
    escape_remark_clear(all[i]);
  free(f->dir);
  free(f->a);
  free(f->b);
  free(f);
  return 0;
}

/* Appends "PREFIX Name: message SUFFIX\n" as the report prints it. */
static void add_line(escape_strbuf *out, const char *prefix,
                     const escape_remark *remark, const char *suffix) {
  escape_strbuf_addf(out, "%s %s: ", prefix, remark->name);
  escape_remark_message(remark, out);
  escape_strbuf_addf(out, "%s\n", suffix);
}

static char *expected_full_report(const fixture *f) {
  escape_strbuf out;
  escape_strbuf_init(&out);
  add_line(&out, "h.h:3:20:", &f->leaking, " [2 translation units]");
  add_line(&out, "x.c:10:8:", &f->local_x, "");
  add_line(&out, "y.c:2:3:", &f->local_y, "");
  add_line(&out, "f:", &f->no_loc, "");
  escape_strbuf_addstr(&out, "\n4 remarks: 1 LeakingParam, 3 LocalEscapes\n");
  return escape_strbuf_detach(&out);
}

static void reports_files_sorted_and_deduplicated(void **state) {
  fixture *f = *state;
  const char *argv[] = {"report", f->b, f->a, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  char *expected = expected_full_report(f);
  assert_string_equal(run.err, "");
  assert_string_equal(run.out, expected);
  assert_int_equal(run.exit_code, 0);
  free(expected);
  test_run_release(&run);
}

static void reports_a_directory(void **state) {
  fixture *f = *state;
  const char *argv[] = {"report", "--format=text", f->dir, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  char *expected = expected_full_report(f);
  assert_string_equal(run.out, expected);
  assert_int_equal(run.exit_code, 0);
  free(expected);
  test_run_release(&run);
}

static void filters_by_name(void **state) {
  fixture *f = *state;
  const char *argv[] = {"report", "--name", "LeakingParam,Bogus", f->a, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  escape_strbuf expected;
  escape_strbuf_init(&expected);
  add_line(&expected, "h.h:3:20:", &f->leaking, "");
  escape_strbuf_addstr(&expected, "\n1 remark: 1 LeakingParam\n");
  assert_string_equal(run.out, expected.buf);
  assert_int_equal(run.exit_code, 0);
  escape_strbuf_release(&expected);
  test_run_release(&run);
}

static void llvm_only_file_has_no_escape_remarks(void **state) {
  (void)state;
  const char *argv[] = {"report", ESCAPE_TEST_FIXTURES "/llvm-sample.opt.yaml",
                        NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_string_equal(run.out, "0 remarks\n");
  assert_int_equal(run.exit_code, 0);
  test_run_release(&run);
}

static void malformed_input_prints_no_report(void **state) {
  fixture *f = *state;
  char *bad = test_path(f->dir, "c.escape.yaml");
  test_write_file(bad, "--- !Missed\nPass: escape\nName: [\n");
  const char *argv[] = {"report", f->dir, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.out, "");
  escape_strbuf prefix;
  escape_strbuf_init(&prefix);
  escape_strbuf_addf(&prefix, "escape: %s:3: error: ", bad);
  assert_int_equal(strncmp(run.err, prefix.buf, prefix.len), 0);
  escape_strbuf_release(&prefix);
  test_run_release(&run);
  remove(bad);
  free(bad);
}

static void missing_path_exits_2(void **state) {
  (void)state;
  const char *argv[] = {"report", "/nonexistent.escape.yaml", NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.out, "");
  assert_string_equal(run.err, "escape: /nonexistent.escape.yaml: error: "
                               "cannot open: No such file or directory\n");
  test_run_release(&run);
}

static void usage_errors_exit_2(void **state) {
  fixture *f = *state;
  const char *json[] = {"report", "--format", "json", f->a, NULL};
  const char *unknown[] = {"report", "--bogus", f->a, NULL};
  const char *no_path[] = {"report", NULL};
  const char *no_value[] = {"report", f->a, "-o", NULL};
  test_run run = test_run_command(cmd_report_to, json);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.err,
                      "escape report: format json not supported yet\n");
  test_run_release(&run);
  const char **bad[] = {unknown, no_path, no_value};
  for (size_t i = 0; i < 3; i++) {
    run = test_run_command(cmd_report_to, bad[i]);
    assert_int_equal(run.exit_code, 2);
    assert_string_equal(run.out, "");
    assert_non_null(strstr(run.err, "usage: escape report"));
    test_run_release(&run);
  }
}

static void writes_output_file(void **state) {
  fixture *f = *state;
  char *dir = test_make_temp_dir();
  char *out = test_path(dir, "report.txt");
  const char *argv[] = {"report", "-o", out, f->a, f->b, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_string_equal(run.out, "");
  char *written = test_read_file(out);
  char *expected = expected_full_report(f);
  assert_string_equal(written, expected);
  free(written);
  free(expected);
  test_run_release(&run);
  test_remove_dir(dir);
  free(out);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reports_files_sorted_and_deduplicated),
      cmocka_unit_test(reports_a_directory),
      cmocka_unit_test(filters_by_name),
      cmocka_unit_test(llvm_only_file_has_no_escape_remarks),
      cmocka_unit_test(malformed_input_prints_no_report),
      cmocka_unit_test(missing_path_exits_2),
      cmocka_unit_test(usage_errors_exit_2),
      cmocka_unit_test(writes_output_file),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
