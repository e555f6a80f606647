/* path_glob_match: `*` within a component, `**` across any number of
 * components, anchoring with a leading `/`, and matching at any component
 * boundary otherwise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "path_glob.h"

static void star_stays_in_one_component(void **state) {
  (void)state;
  assert_true(path_glob_match("*.c", "a.c"));
  assert_true(path_glob_match("src/*.c", "src/a.c"));
  assert_false(path_glob_match("src/*.c", "src/lib/a.c"));
  assert_false(path_glob_match("src/*.c", "src/a.h"));
  assert_true(path_glob_match("src/?.[ch]", "src/a.h"));
}

static void globstar_spans_directories(void **state) {
  (void)state;
  assert_true(path_glob_match("tests/**", "tests/a.c"));
  assert_true(path_glob_match("tests/**", "tests/unit/deep/a.c"));
  assert_true(path_glob_match("**/test_*.c", "test_a.c"));
  assert_true(path_glob_match("**/test_*.c", "x/y/test_a.c"));
  assert_false(path_glob_match("**/test_*.c", "x/y/a_test.c"));
  assert_true(path_glob_match("src/**/x.c", "src/x.c"));
  assert_true(path_glob_match("src/**/x.c", "src/a/b/x.c"));
  assert_false(path_glob_match("src/**/x.c", "src/a/b/y.c"));
}

static void relative_patterns_match_any_tail(void **state) {
  (void)state;
  assert_true(path_glob_match("tests/**", "/home/me/proj/tests/a.c"));
  assert_true(path_glob_match("*.h", "/usr/include/stdio.h"));
  assert_false(path_glob_match("ests/**", "/home/me/proj/tests/a.c"));
  assert_false(path_glob_match("tests/**", "/home/me/proj/src/a.c"));
}

static void absolute_patterns_are_anchored(void **state) {
  (void)state;
  assert_true(path_glob_match("/home/**/a.c", "/home/me/a.c"));
  assert_false(path_glob_match("/me/**", "/home/me/a.c"));
  assert_false(path_glob_match("/home/**", "home/a.c"));
  assert_false(path_glob_match(NULL, "a.c"));
  assert_false(path_glob_match("*.c", NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(star_stays_in_one_component),
      cmocka_unit_test(globstar_spans_directories),
      cmocka_unit_test(relative_patterns_match_any_tail),
      cmocka_unit_test(absolute_patterns_are_anchored),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
