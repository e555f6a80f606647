/* The JSON writer: escaping (quotes, control characters, invalid UTF-8)
 * and the commas and indentation of nested values, or none (compact). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json_writer.h"

/* The output of writing s as a JSON string. */
static char *escaped(const char *s) {
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  assert_non_null(out);
  json_write_string(out, s);
  fclose(out);
  return text;
}

static void assert_escapes(const char *s, const char *expected) {
  char *text = escaped(s);
  assert_string_equal(text, expected);
  free(text);
}

static void escapes_strings(void **state) {
  (void)state;
  assert_escapes("plain", "\"plain\"");
  assert_escapes("a\"b\\c", "\"a\\\"b\\\\c\"");
  assert_escapes("l1\nl2\tx\r", "\"l1\\nl2\\tx\\r\"");
  assert_escapes("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
  assert_escapes("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
                 "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  assert_escapes("</script>", "\"</script>\"");
  assert_escapes(NULL, "null");
}

static void replaces_invalid_utf8(void **state) {
  (void)state;
  assert_escapes("caf\xe9", "\"caf\\ufffd\"");
  assert_escapes("\xc0\xaf", "\"\\ufffd\\ufffd\"");            /* overlong */
  assert_escapes("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""); /* surrogate */
  assert_escapes("\xf4\x90\x80\x80x",
                 "\"\\ufffd\\ufffd\\ufffd\\ufffdx\""); /* > U+10FFFF */
  assert_escapes("\xe2\x82", "\"\\ufffd\\ufffd\"");    /* cut short */
}

static void writes_nested_values(void **state) {
  (void)state;
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  json_writer w;
  json_init(&w, out);
  json_begin_object(&w);
  json_key_string(&w, "name", "x");
  json_key(&w, "list");
  json_begin_array(&w);
  json_uint(&w, 1);
  json_begin_object(&w);
  json_end_object(&w);
  json_begin_array(&w);
  json_end_array(&w);
  json_end_array(&w);
  json_key_uint(&w, "n", 18446744073709551615ULL);
  json_end_object(&w);
  json_finish(&w);
  fclose(out);
  assert_string_equal(text, "{\n"
                            "  \"name\": \"x\",\n"
                            "  \"list\": [\n"
                            "    1,\n"
                            "    {},\n"
                            "    []\n"
                            "  ],\n"
                            "  \"n\": 18446744073709551615\n"
                            "}\n");
  free(text);
}

static void writes_compact_values(void **state) {
  (void)state;
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  json_writer w;
  json_init_compact(&w, out);
  json_begin_object(&w);
  json_key_string(&w, "name", "a \"b\"\n");
  json_key(&w, "list");
  json_begin_array(&w);
  json_uint(&w, 1);
  json_begin_object(&w);
  json_key_bool(&w, "t", 1);
  json_end_object(&w);
  json_begin_array(&w);
  json_end_array(&w);
  json_end_array(&w);
  json_end_object(&w);
  fclose(out);
  assert_string_equal(
      text, "{\"name\":\"a \\\"b\\\"\\n\",\"list\":[1,{\"t\":true},[]]}");
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(escapes_strings),
      cmocka_unit_test(replaces_invalid_utf8),
      cmocka_unit_test(writes_nested_values),
      cmocka_unit_test(writes_compact_values),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
