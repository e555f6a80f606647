/* `escape explain`: a known name, an unknown one, the list, the Markdown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "test_support.h"

static void explains_known_name(void **state) {
  (void)state;
  const char *argv[] = {"explain", "LocalEscapes", NULL};
  test_run run = test_run_command(cmd_explain_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_string_equal(run.err, "");
  assert_int_equal(strncmp(run.out, "LocalEscapes (Missed)\n", 22), 0);
  assert_non_null(strstr(run.out, "  location: the local's declaration\n"));
  assert_non_null(strstr(run.out, "\nBefore:\n    void fill(char *p);"));
  assert_non_null(strstr(run.out, "\nAfter:\n"));
  test_run_release(&run);
}

static void unknown_name_lists_names(void **state) {
  (void)state;
  const char *argv[] = {"explain", "NoSuchRemark", NULL};
  test_run run = test_run_command(cmd_explain_to, argv);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.out, "");
  assert_non_null(strstr(run.err, "escape explain: error: unknown remark "
                                  "'NoSuchRemark'; known remarks: "
                                  "LocalEscapes, LocalNoEscape, LeakingParam"));
  test_run_release(&run);
}

static void usage_errors_exit_2(void **state) {
  (void)state;
  const char *none[] = {"explain", NULL};
  const char *bad[] = {"explain", "--bogus", NULL};
  test_run run = test_run_command(cmd_explain_to, none);
  assert_int_equal(run.exit_code, 2);
  assert_non_null(strstr(run.err, "usage: escape explain"));
  test_run_release(&run);
  run = test_run_command(cmd_explain_to, bad);
  assert_int_equal(run.exit_code, 2);
  assert_string_equal(run.out, "");
  test_run_release(&run);
}

static void lists_names(void **state) {
  (void)state;
  const char *argv[] = {"explain", "--list", NULL};
  test_run run = test_run_command(cmd_explain_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_non_null(strstr(run.out, "LocalEscapes       a local's address"));
  test_run_release(&run);
}

static void prints_markdown(void **state) {
  (void)state;
  const char *argv[] = {"explain", "--markdown", NULL};
  test_run run = test_run_command(cmd_explain_to, argv);
  assert_int_equal(run.exit_code, 0);
  assert_int_equal(strncmp(run.out, "# Remark catalog\n\n", 18), 0);
  assert_non_null(strstr(run.out, "\n## LocalEscapes\n\nType: Missed · "
                                  "Location: the local's declaration · "
                                  "Args: `Var`, `Reason`"));
  assert_non_null(strstr(run.out, "Type: Passed (verbose only) · "));
  assert_non_null(strstr(run.out, "Before:\n\n```c\nvoid fill"));
  assert_non_null(strstr(run.out, "After:\n\n```c\n"));
  test_run_release(&run);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(explains_known_name),
      cmocka_unit_test(unknown_name_lists_names),
      cmocka_unit_test(usage_errors_exit_2),
      cmocka_unit_test(lists_names),
      cmocka_unit_test(prints_markdown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
