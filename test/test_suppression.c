/* Which remarks reports show: suppressed ones only with --suppressed,
 * assertion records only with --assertions (and then nothing else); a
 * suppression does not change a remark's identity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escape/remark_catalog.h"
#include "fingerprint.h"
#include "suppression.h"

static escape_remark make(const char *name, int suppressed) {
  escape_remark remark;
  escape_remark_init(&remark);
  escape_remark_set(&remark, ESCAPE_REMARK_MISSED, "escape", name, "f");
  escape_remark_set_loc(&remark, "x.c", 10, 3);
  escape_remark_add_arg(&remark, "Var", "buf", NULL);
  if (suppressed)
    escape_remark_add_arg(&remark, ESCAPE_KEY_SUPPRESSED, "", NULL);
  return remark;
}

static void suppressed_only_when_asked(void **state) {
  (void)state;
  escape_remark plain = make("LocalEscapes", 0);
  escape_remark quiet = make("LocalEscapes", 1);
  assert_false(remark_is_suppressed(&plain));
  assert_true(remark_is_suppressed(&quiet));
  assert_true(remark_in_view(&plain, 0, 0));
  assert_false(remark_in_view(&quiet, 0, 0));
  assert_true(remark_in_view(&quiet, 1, 0));
  assert_false(remark_in_view(&plain, 0, 1));
  assert_false(remark_in_view(&quiet, 1, 1));
  escape_remark_clear(&plain);
  escape_remark_clear(&quiet);
}

static void assertions_only_with_assertions(void **state) {
  (void)state;
  escape_remark record = make(ESCAPE_ASSERTION_NAME, 0);
  assert_true(remark_is_assertion(&record));
  assert_false(remark_in_view(&record, 0, 0));
  assert_false(remark_in_view(&record, 1, 0));
  assert_true(remark_in_view(&record, 0, 1));
  /* Another pass's remark of that name is not ours. */
  escape_remark foreign;
  escape_remark_init(&foreign);
  escape_remark_set(&foreign, ESCAPE_REMARK_MISSED, "inline",
                    ESCAPE_ASSERTION_NAME, "f");
  assert_false(remark_is_assertion(&foreign));
  escape_remark_clear(&foreign);
  escape_remark_clear(&record);
}

static void suppression_keeps_the_identity(void **state) {
  (void)state;
  escape_remark plain = make("LocalEscapes", 0);
  escape_remark quiet = make("LocalEscapes", 1);
  assert_true(fingerprint_hash_key_args(0, &plain) ==
              fingerprint_hash_key_args(0, &quiet));
  escape_remark_clear(&plain);
  escape_remark_clear(&quiet);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(suppressed_only_when_asked),
      cmocka_unit_test(assertions_only_with_assertions),
      cmocka_unit_test(suppression_keeps_the_identity),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
