/* `escape diff` and `escape gate`: new and fixed remarks matched by
 * fingerprint (so moved code is not new), exit codes, and a broken
 * baseline that never lets the gate pass. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "test_support.h"

typedef struct fixture {
  char *dir;
  char *base;    /* buf at line 3, tmp at line 9 */
  char *current; /* buf moved to line 13 by an edit above; tmp fixed; new */
  char *broken;
} fixture;

static escape_remark local(const char *var, unsigned line) {
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_set(&remark, ESCAPE_REMARK_MISSED, "escape", "LocalEscapes",
                    "parse");
  escape_remark_set_loc(&remark, "src.c", line, 8);
  escape_remark_add_arg(&remark, "Var", var, NULL);
  escape_remark_add_arg(&remark, "Reason", "stored", NULL);
  return remark;
}

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->dir = test_make_temp_dir();
  f->base = test_path(f->dir, "base.escape.yaml");
  f->current = test_path(f->dir, "current.escape.yaml");
  f->broken = test_path(f->dir, "broken.escape.yaml");
  escape_remark base[] = {local("buf", 3), local("tmp", 9)};
  escape_remark current[] = {local("buf", 13), local("fresh", 20)};
  test_write_remarks(f->base, base, 2);
  test_write_remarks(f->current, current, 2);
  test_write_file(f->broken, "--- !Missed\nPass: escape\nName: X\n");
  for (size_t i = 0; i < 2; i++) {
    escape_remark_clear(&base[i]);
    escape_remark_clear(&current[i]);
  }
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  test_remove_dir(f->dir);
  free(f->dir);
  free(f->base);
  free(f->current);
  free(f->broken);
  free(f);
  return 0;
}

static void diff_lists_new_and_fixed(void **state) {
  fixture *f = *state;
  const char *argv[] = {"diff", f->base, f->current, NULL};
  test_run run = test_run_command(cmd_diff_to, argv);
  assert_string_equal(run.err, "");
  assert_string_equal(
      run.out, "+ src.c:20:8: LocalEscapes: 'fresh' escapes: address stored "
               "to memory, so it lives in memory; store the value instead\n"
               "- src.c:9:8: LocalEscapes: 'tmp' escapes: address stored to "
               "memory, so it lives in memory; store the value instead\n"
               "1 new, 1 fixed\n");
  assert_int_equal(run.exit_code, 0);
  test_run_release(&run);
}

static void diff_as_json(void **state) {
  fixture *f = *state;
  const char *argv[] = {"diff", "--format", "json", f->base, f->current, NULL};
  test_run run = test_run_command(cmd_diff_to, argv);
  assert_int_equal(run.exit_code, 0);
  const char *start = "{\n  \"new\": [\n    {\n      \"name\": "
                      "\"LocalEscapes\",";
  assert_int_equal(strncmp(run.out, start, strlen(start)), 0);
  const char *fixed = strstr(run.out, "\n  \"fixed\": [\n");
  assert_non_null(fixed);
  assert_non_null(strstr(fixed, "\"value\": \"tmp\""));
  assert_null(strstr(run.out, "\"value\": \"buf\""));
  test_run_release(&run);
}

static void diff_of_same_input_is_empty(void **state) {
  fixture *f = *state;
  const char *argv[] = {"diff", f->current, f->current, NULL};
  test_run run = test_run_command(cmd_diff_to, argv);
  assert_string_equal(run.out, "0 new, 0 fixed\n");
  test_run_release(&run);
}

static void gate_fails_on_new_remarks(void **state) {
  fixture *f = *state;
  const char *argv[] = {"gate", "--baseline", f->base, f->current, NULL};
  test_run run = test_run_command(cmd_gate_to, argv);
  assert_string_equal(
      run.out, "src.c:20:8: LocalEscapes: 'fresh' escapes: address stored to "
               "memory, so it lives in memory; store the value instead\n"
               "escape gate: 1 new remark (0 allowed), 1 fixed: FAILED\n");
  assert_int_equal(run.exit_code, 1);
  test_run_release(&run);
}

static void gate_passes_within_allowance(void **state) {
  fixture *f = *state;
  const char *allowed[] = {"gate",        "--baseline", f->base,
                           "--max-new=1", f->current,   NULL};
  test_run run = test_run_command(cmd_gate_to, allowed);
  assert_int_equal(run.exit_code, 0);
  assert_non_null(strstr(run.out, "1 new remark (1 allowed), 1 fixed: passed"));
  test_run_release(&run);
  const char *filtered[] = {"gate",         "--baseline", f->base, "--name",
                            "LeakingParam", f->current,   NULL};
  run = test_run_command(cmd_gate_to, filtered);
  assert_int_equal(run.exit_code, 0);
  assert_string_equal(run.out,
                      "escape gate: 0 new remarks (0 allowed), 0 fixed: "
                      "passed\n");
  test_run_release(&run);
}

static void broken_baseline_never_passes(void **state) {
  fixture *f = *state;
  const char *broken[] = {"gate", "--baseline", f->broken, f->current, NULL};
  test_run run = test_run_command(cmd_gate_to, broken);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.out, "");
  assert_non_null(strstr(run.err, "broken.escape.yaml:1: error: document not "
                                  "terminated"));
  test_run_release(&run);
  const char *missing[] = {"gate", "--baseline", "/nonexistent", f->current,
                           NULL};
  run = test_run_command(cmd_gate_to, missing);
  assert_int_equal(run.exit_code, 2);
  test_run_release(&run);
  const char *broken_current[] = {"gate", "--baseline", f->base, f->broken,
                                  NULL};
  run = test_run_command(cmd_gate_to, broken_current);
  assert_int_equal(run.exit_code, 2);
  test_run_release(&run);
}

static void usage_errors_exit_2(void **state) {
  fixture *f = *state;
  const char *no_baseline[] = {"gate", f->current, NULL};
  const char *no_current[] = {"gate", "--baseline", f->base, NULL};
  const char *bad_number[] = {"gate", "--baseline", f->base, "--max-new",
                              "-1",   f->current,   NULL};
  const char **gate_cases[] = {no_baseline, no_current, bad_number};
  for (size_t i = 0; i < 3; i++) {
    test_run run = test_run_command(cmd_gate_to, gate_cases[i]);
    assert_int_equal(run.exit_code, 2);
    assert_non_null(strstr(run.err, "usage: escape gate"));
    test_run_release(&run);
  }
  const char *one_side[] = {"diff", f->base, NULL};
  const char *bad_format[] = {"diff",  "--format", "sarif",
                              f->base, f->current, NULL};
  const char **diff_cases[] = {one_side, bad_format};
  for (size_t i = 0; i < 2; i++) {
    test_run run = test_run_command(cmd_diff_to, diff_cases[i]);
    assert_int_equal(run.exit_code, 2);
    assert_non_null(strstr(run.err, "usage: escape diff"));
    test_run_release(&run);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(diff_lists_new_and_fixed),
      cmocka_unit_test(diff_as_json),
      cmocka_unit_test(diff_of_same_input_is_empty),
      cmocka_unit_test(gate_fails_on_new_remarks),
      cmocka_unit_test(gate_passes_within_allowance),
      cmocka_unit_test(broken_baseline_never_passes),
      cmocka_unit_test(usage_errors_exit_2),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
