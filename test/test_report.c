/* `escape report` end to end on files written by the remark writer: the
 * text format exactly, deduplication across translation units, filters,
 * inliner remarks, --root, exit codes, and no partial report on malformed
 * input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "escape/inline_remark.h"
#include "escape/remark_sentence.h"
#include "test_support.h"

typedef struct fixture {
  char *dir;
  char *a; /* a.escape.yaml */
  char *b; /* b.opt.yaml */
  escape_remark leaking, local_x, local_y, no_loc, foreign, llvm_inline,
      hot_loop;
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
  make_remark(&f->foreign, ESCAPE_REMARK_MISSED, "gvn", "LoadClobbered", "x.c",
              5, 1);
  escape_remark_add_arg(&f->foreign, "String", "load not eliminated", NULL);
  make_remark(&f->llvm_inline, ESCAPE_REMARK_MISSED, "inline", "NoDefinition",
              "x.c", 6, 4);
  escape_remark_add_arg(&f->llvm_inline, "Callee", "g", NULL);
  escape_remark_add_arg(&f->llvm_inline, "String", " will not be inlined into ",
                        NULL);
  escape_remark_add_arg(&f->llvm_inline, "Caller", "f", NULL);
  escape_remark_add_arg(&f->llvm_inline, "String",
                        " because its definition is unavailable", NULL);
  make_remark(&f->hot_loop, ESCAPE_REMARK_MISSED, "escape", "VarargsInLoop",
              "y.c", 7, 5);
  escape_remark_add_arg(&f->hot_loop, "Callee", "printf", NULL);
  escape_remark_add_arg(&f->hot_loop, "LoopDepth", "2", NULL);
}

/* a: local_x, leaking (from a header), foreign, llvm_inline, no_loc.
 * b: leaking again, local_y twice (one translation unit), hot_loop. */
static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  build_remarks(f);
  f->dir = test_make_temp_dir();
  f->a = test_path(f->dir, "a.escape.yaml");
  f->b = test_path(f->dir, "b.opt.yaml");
  escape_remark in_a[] = {f->local_x, f->leaking, f->foreign, f->llvm_inline,
                          f->no_loc};
  escape_remark in_b[] = {f->local_y, f->leaking, f->local_y, f->hot_loop};
  test_write_remarks(f->a, in_a, 5);
  test_write_remarks(f->b, in_b, 4);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  test_remove_dir(f->dir);
  escape_remark *all[] = {&f->leaking,     &f->local_x, &f->local_y, &f->no_loc,
                          &f->llvm_inline, &f->foreign, &f->hot_loop};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
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

/* The line of LLVM's inliner remark, as escape's NotInlined. */
static void add_inline_line(escape_strbuf *out, const fixture *f) {
  escape_remark converted;
  escape_remark_init(&converted);
  assert_int_equal(escape_inline_remark_convert(&f->llvm_inline, &converted),
                   1);
  add_line(out, "x.c:6:4:", &converted, "");
  escape_remark_clear(&converted);
}

static char *expected_full_report(const fixture *f) {
  escape_strbuf out;
  escape_strbuf_init(&out);
  add_line(&out, "h.h:3:20:", &f->leaking, " [2 translation units]");
  add_inline_line(&out, f);
  add_line(&out, "x.c:10:8:", &f->local_x, "");
  add_line(&out, "y.c:2:3:", &f->local_y, "");
  add_line(&out, "y.c:7:5:", &f->hot_loop, "");
  add_line(&out, "f:", &f->no_loc, "");
  escape_strbuf_addstr(&out, "\n6 remarks: 1 LeakingParam, 3 LocalEscapes, "
                             "1 NotInlined, 1 VarargsInLoop\n"
                             "by file:\n"
                             "  x.c: 2\n"
                             "  y.c: 2\n"
                             "  h.h: 1\n"
                             "  (no location): 1\n");
  return escape_strbuf_detach(&out);
}

static void reports_files_sorted_and_deduplicated(void **state) {
  fixture *f = *state;
  /* The order and the remarks of SPEC v1's report: --sort location --all. */
  const char *argv[] = {"report", "--sort", "location", "--all",
                        f->b,     f->a,     NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  char *expected = expected_full_report(f);
  assert_string_equal(run.err, "");
  assert_string_equal(run.out, expected);
  assert_int_equal(run.exit_code, 0);
  free(expected);
  test_run_release(&run);
}

static void reports_a_directory_with_threads(void **state) {
  fixture *f = *state;
  const char *argv[] = {
      "report", "--format=text", "--sort=location", "--all", "-j", "3", f->dir,
      NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  char *expected = expected_full_report(f);
  assert_string_equal(run.out, expected);
  assert_int_equal(run.exit_code, 0);
  free(expected);
  test_run_release(&run);
}

static void filters_by_name(void **state) {
  fixture *f = *state;
  /* An unknown name is a usage error naming the valid ones (SPEC v2). */
  const char *bogus[] = {"report", "--name", "LeakingParam,Bogus", f->a, NULL};
  test_run refused = test_run_command(cmd_report_to, bogus);
  assert_int_equal(refused.exit_code, 2);
  assert_string_equal(refused.out, "");
  assert_non_null(strstr(refused.err, "escape report: error: unknown remark "
                                      "name 'Bogus'; valid names: "
                                      "LocalEscapes, LocalNoEscape,"));
  test_run_release(&refused);
  const char *argv[] = {"report", "--name", "LeakingParam", f->a, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  escape_strbuf expected;
  escape_strbuf_init(&expected);
  add_line(&expected, "h.h:3:20:", &f->leaking, "");
  escape_strbuf_addstr(&expected, "\n1 remark: 1 LeakingParam\n"
                                  "by file:\n  h.h: 1\n");
  assert_string_equal(run.out, expected.buf);
  assert_int_equal(run.exit_code, 0);
  escape_strbuf_release(&expected);
  test_run_release(&run);
}

static void hot_keeps_loops_and_profiles(void **state) {
  fixture *f = *state;
  const char *argv[] = {"report", "--hot", f->a, f->b, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  escape_strbuf expected;
  escape_strbuf_init(&expected);
  add_line(&expected, "y.c:7:5:", &f->hot_loop, "");
  escape_strbuf_addstr(&expected, "\n1 remark: 1 VarargsInLoop\n"
                                  "by file:\n  y.c: 1\n");
  assert_string_equal(run.out, expected.buf);
  escape_strbuf_release(&expected);
  test_run_release(&run);
}

static void all_passes_keeps_llvm_remarks(void **state) {
  fixture *f = *state;
  const char *argv[] = {"report",        "--all-passes", "--name",
                        "LoadClobbered", f->a,           NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_string_equal(run.out, "x.c:5:1: LoadClobbered: load not eliminated\n"
                               "\n1 remark: 1 LoadClobbered\n"
                               "by file:\n  x.c: 1\n");
  test_run_release(&run);
}

static void llvm_file_maps_inliner_remarks(void **state) {
  (void)state;
  const char *argv[] = {"report", "--all",
                        ESCAPE_TEST_FIXTURES "/llvm-sample.opt.yaml", NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  /* printf's missing definition (in a system header) is left out. */
  assert_string_equal(
      run.out, "llvm-sample.c:4:33: NotInlined: 'fill' not inlined into "
               "'parse' (no-definition): no definition in this translation unit; "
               "define it "
               "static inline in a header, or build with -flto\n"
               "llvm-sample.c:4:78: Inlined: 'sq' inlined into 'parse' (cost "
               "-15030, threshold 337)\n"
               "\n2 remarks: 1 Inlined, 1 NotInlined\n"
               "by file:\n  llvm-sample.c: 2\n");
  assert_int_equal(run.exit_code, 0);
  test_run_release(&run);
}

static void root_makes_paths_relative(void **state) {
  (void)state;
  char *dir = test_make_temp_dir();
  char *yaml = test_path(dir, "r.escape.yaml");
  char *source = test_path(dir, "src.c");
  escape_remark remark;
  make_remark(&remark, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes", source,
              4, 2);
  escape_remark_add_arg(&remark, "Var", "q", NULL);
  test_write_remarks(yaml, &remark, 1);
  const char *argv[] = {"report", "--root", dir, yaml, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(strncmp(run.out, "src.c:4:2: LocalEscapes: 'q'", 28), 0);
  test_run_release(&run);
  escape_remark_clear(&remark);
  remove(yaml);
  test_remove_dir(dir);
  free(yaml);
  free(source);
  free(dir);
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
  const char *format[] = {"report", "--format", "pdf", f->a, NULL};
  const char *unknown[] = {"report", "--bogus", f->a, NULL};
  const char *no_path[] = {"report", NULL};
  const char *no_value[] = {"report", f->a, "-o", NULL};
  const char *bad_jobs[] = {"report", "-j", "many", f->a, NULL};
  const char *bad_root[] = {"report", "--root", "/nonexistent", f->a, NULL};
  test_run run = test_run_command(cmd_report_to, format);
  assert_int_equal(run.exit_code, 2);
  assert_int_equal(
      strncmp(run.err,
              "escape report: error: unknown format 'pdf'\nusage:", 49),
      0);
  test_run_release(&run);
  const char **bad[] = {unknown, no_path, no_value, bad_jobs};
  for (size_t i = 0; i < 4; i++) {
    run = test_run_command(cmd_report_to, bad[i]);
    assert_int_equal(run.exit_code, 2);
    assert_string_equal(run.out, "");
    assert_non_null(strstr(run.err, "usage: escape report"));
    test_run_release(&run);
  }
  run = test_run_command(cmd_report_to, bad_root);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.err,
                      "escape report: error: --root /nonexistent: No such "
                      "file or directory\n");
  test_run_release(&run);
}

static void help_exits_0(void **state) {
  (void)state;
  const char *argv[] = {"report", "--help", NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_non_null(strstr(run.out, "usage: escape report"));
  assert_string_equal(run.err, "");
  test_run_release(&run);
}

static void writes_output_file(void **state) {
  fixture *f = *state;
  char *dir = test_make_temp_dir();
  char *out = test_path(dir, "report.txt");
  const char *argv[] = {
      "report", "--sort=location", "--all", "-o", out, f->a, f->b, NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_string_equal(run.out, "");
  char *written = test_read_file(out);
  char *expected = expected_full_report(f);
  assert_string_equal(written, expected);
  assert_int_equal(test_count_dir_entries(dir), 1); /* no temporary left */
  free(written);
  free(expected);
  test_run_release(&run);
  test_remove_dir(dir);
  free(out);
  free(dir);
}

/* A failed read leaves no -o file at all, not even an empty one. */
static void failed_run_writes_no_output_file(void **state) {
  fixture *f = *state;
  char *dir = test_make_temp_dir();
  char *out = test_path(dir, "report.txt");
  const char *argv[] = {"report", "-o", out, f->a, "/nonexistent.yaml", NULL};
  test_run run = test_run_command(cmd_report_to, argv);
  assert_int_equal(run.exit_code, 2);
  assert_int_equal(test_count_dir_entries(dir), 0);
  test_run_release(&run);
  test_remove_dir(dir);
  free(out);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reports_files_sorted_and_deduplicated),
      cmocka_unit_test(reports_a_directory_with_threads),
      cmocka_unit_test(filters_by_name),
      cmocka_unit_test(hot_keeps_loops_and_profiles),
      cmocka_unit_test(all_passes_keeps_llvm_remarks),
      cmocka_unit_test(llvm_file_maps_inliner_remarks),
      cmocka_unit_test(root_makes_paths_relative),
      cmocka_unit_test(malformed_input_prints_no_report),
      cmocka_unit_test(missing_path_exits_2),
      cmocka_unit_test(usage_errors_exit_2),
      cmocka_unit_test(help_exits_0),
      cmocka_unit_test(writes_output_file),
      cmocka_unit_test(failed_run_writes_no_output_file),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
