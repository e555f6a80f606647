/* escape_strbuf: the growable string every text builder uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "escape/strbuf.h"

static void test_empty_buffer_is_empty_string(void **state) {
  (void)state;
  escape_strbuf sb;
  escape_strbuf_init(&sb);
  assert_string_equal(sb.buf, "");
  assert_int_equal(sb.len, 0);
  escape_strbuf_release(&sb);
  assert_string_equal(sb.buf, "");
}

static void test_appends(void **state) {
  (void)state;
  escape_strbuf sb;
  escape_strbuf_init(&sb);
  escape_strbuf_addstr(&sb, "ab");
  escape_strbuf_addch(&sb, 'c');
  escape_strbuf_add(&sb, "dexx", 2);
  escape_strbuf_addf(&sb, "-%d-%s", 42, "z");
  assert_string_equal(sb.buf, "abcde-42-z");
  assert_int_equal(sb.len, 10);
  escape_strbuf_release(&sb);
}

static void test_grows_past_initial_size(void **state) {
  (void)state;
  escape_strbuf sb;
  escape_strbuf_init(&sb);
  for (int i = 0; i < 1000; i++)
    escape_strbuf_addf(&sb, "%04d", i);
  assert_int_equal(sb.len, 4000);
  assert_memory_equal(sb.buf + 3996, "0999", 4);
  assert_int_equal(sb.buf[4000], '\0');
  escape_strbuf_release(&sb);
}

/* addu is printf's "%llu" without printf; addch fills a buffer to the last
 * byte before it grows. */
static void test_numbers_and_characters_as_printf_writes_them(void **state) {
  (void)state;
  static const unsigned long long numbers[] = {0, 7, 10, 4294967295ULL,
                                               18446744073709551615ULL};
  escape_strbuf sb, expected;
  escape_strbuf_init(&sb);
  escape_strbuf_init(&expected);
  for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
    escape_strbuf_addu(&sb, numbers[i]);
    escape_strbuf_addch(&sb, ' ');
    escape_strbuf_addf(&expected, "%llu ", numbers[i]);
  }
  assert_string_equal(sb.buf, expected.buf);
  escape_strbuf_reset(&sb);
  for (int i = 0; i < 200; i++)
    escape_strbuf_addch(&sb, (char)('a' + i % 26));
  assert_int_equal(sb.len, 200);
  assert_int_equal(sb.buf[199], 'a' + 199 % 26);
  assert_int_equal(sb.buf[200], '\0');
  escape_strbuf_release(&sb);
  escape_strbuf_release(&expected);
}

static void test_reset_keeps_memory(void **state) {
  (void)state;
  escape_strbuf sb;
  escape_strbuf_init(&sb);
  escape_strbuf_addstr(&sb, "hello");
  char *memory = sb.buf;
  escape_strbuf_reset(&sb);
  assert_string_equal(sb.buf, "");
  assert_ptr_equal(sb.buf, memory);
  escape_strbuf_addstr(&sb, "x");
  assert_string_equal(sb.buf, "x");
  escape_strbuf_release(&sb);
}

static void test_detach_gives_ownership(void **state) {
  (void)state;
  escape_strbuf sb;
  escape_strbuf_init(&sb);
  char *empty = escape_strbuf_detach(&sb);
  assert_string_equal(empty, "");
  free(empty);
  escape_strbuf_addstr(&sb, "kept");
  char *kept = escape_strbuf_detach(&sb);
  assert_string_equal(kept, "kept");
  assert_string_equal(sb.buf, "");
  free(kept);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_empty_buffer_is_empty_string),
      cmocka_unit_test(test_appends),
      cmocka_unit_test(test_grows_past_initial_size),
      cmocka_unit_test(test_numbers_and_characters_as_printf_writes_them),
      cmocka_unit_test(test_reset_keeps_memory),
      cmocka_unit_test(test_detach_gives_ownership),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
