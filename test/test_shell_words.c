/* Splitting compile_commands.json "command" strings like a shell, without
 * one: blanks, both quotes, backslashes, and the errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "shell_words.h"

/* Splits command and checks the words (NULL-terminated expected list). */
static void check_split(const char *command, const char *const *expected) {
  string_list words;
  string_list_init(&words);
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(shell_words_split(command, &words, &err), 0);
  assert_string_equal(err.buf, "");
  size_t count = 0;
  while (expected[count])
    count++;
  assert_int_equal(words.count, count);
  for (size_t i = 0; i < count; i++)
    assert_string_equal(words.items[i], expected[i]);
  string_list_release(&words);
  escape_strbuf_release(&err);
}

/* Checks that command fails with a message containing why. */
static void check_error(const char *command, const char *why) {
  string_list words;
  string_list_init(&words);
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(shell_words_split(command, &words, &err), -1);
  assert_non_null(strstr(err.buf, why));
  string_list_release(&words);
  escape_strbuf_release(&err);
}

static void splits_at_blanks(void **state) {
  (void)state;
  const char *const words[] = {"cc", "-O2", "-c", "x.c", NULL};
  check_split("  cc \t-O2\n -c   x.c  ", words);
  const char *const none[] = {NULL};
  check_split("   ", none);
}

static void single_quotes_are_literal(void **state) {
  (void)state;
  const char *const words[] = {"cc", "-DMSG=a \"b\" \\n", "x.c", NULL};
  check_split("cc '-DMSG=a \"b\" \\n' x.c", words);
  const char *const empty[] = {"cc", "", "x", NULL};
  check_split("cc '' x", empty);
}

static void double_quotes_keep_blanks_and_escapes(void **state) {
  (void)state;
  /* The CMake spelling of a string macro: -DNAME=\"x y\" inside quotes. */
  const char *const words[] = {"cc", "-DNAME=\"x y\"", "-I/a b/c", NULL};
  check_split("cc \"-DNAME=\\\"x y\\\"\" \"-I/a b/c\"", words);
  /* Only \" \\ \$ \` keep the backslash's meaning; others stay. */
  const char *const kept[] = {"a\\nb$c\\d", NULL};
  check_split("\"a\\nb\\$c\\\\d\"", kept);
}

static void backslash_escapes_outside_quotes(void **state) {
  (void)state;
  const char *const words[] = {"cc", "-DNAME=\"x y\"", "a b.c", NULL};
  check_split("cc -DNAME=\\\"x\\ y\\\" a\\ b.c", words);
  const char *const joined[] = {"ab", "c", NULL};
  check_split("a\\\nb c", joined); /* backslash-newline continues */
}

static void quotes_join_into_one_word(void **state) {
  (void)state;
  const char *const words[] = {"-Dx=a b'c", NULL};
  check_split("-Dx='a b'\"'\"c", words);
}

static void unterminated_input_is_an_error(void **state) {
  (void)state;
  check_error("cc 'x.c", "unterminated single quote");
  check_error("cc \"x.c", "unterminated double quote");
  check_error("cc x.c\\", "backslash at the end");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(splits_at_blanks),
      cmocka_unit_test(single_quotes_are_literal),
      cmocka_unit_test(double_quotes_keep_blanks_and_escapes),
      cmocka_unit_test(backslash_escapes_outside_quotes),
      cmocka_unit_test(quotes_join_into_one_word),
      cmocka_unit_test(unterminated_input_is_an_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
