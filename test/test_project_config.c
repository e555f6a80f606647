/* .escape.conf: the format (keys, comments, blanks, errors with file and
 * line), the upward search from a directory, and which files its globs
 * and the command line's select. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "project_config.h"
#include "test_support.h"

static void parses_keys_comments_and_blanks(void **state) {
  (void)state;
  project_config config;
  project_config_init(&config);
  escape_strbuf err;
  escape_strbuf_init(&err);
  const char *text = "# escape settings\n"
                     "\n"
                     "include = src/**\n"
                     "  exclude=tests/**  \n"
                     "exclude = **/gen_*.c\n"
                     "name = NotInlined, LocalEscapes,\n";
  assert_int_equal(project_config_parse(&config, "p.conf", text, &err), 0);
  assert_int_equal(config.include.count, 1);
  assert_string_equal(config.include.items[0], "src/**");
  assert_int_equal(config.exclude.count, 2);
  assert_string_equal(config.exclude.items[0], "tests/**");
  assert_string_equal(config.exclude.items[1], "**/gen_*.c");
  assert_int_equal(config.names.count, 2);
  assert_string_equal(config.names.items[0], "NotInlined");
  assert_string_equal(config.names.items[1], "LocalEscapes");
  assert_int_equal(err.len, 0);
  project_config_release(&config);
  escape_strbuf_release(&err);
}

/* Parses text and returns the error message (owned by err). */
static void expect_error(const char *text, const char *message) {
  project_config config;
  project_config_init(&config);
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(project_config_parse(&config, "p.conf", text, &err), -1);
  assert_string_equal(err.buf, message);
  project_config_release(&config);
  escape_strbuf_release(&err);
}

static void errors_name_file_and_line(void **state) {
  (void)state;
  expect_error("include = a\nbogus = 1\n",
               "p.conf:2: error: unknown key 'bogus'; valid keys: include, "
               "exclude, name");
  expect_error("\n\njust words\n", "p.conf:3: error: expected 'key = value'");
  expect_error("exclude =\n", "p.conf:1: error: 'exclude' needs a value");
}

static void found_upward_from_a_directory(void **state) {
  (void)state;
  char *dir = test_make_temp_dir();
  char *deep = test_path(dir, "a");
  mkdir(deep, 0700);
  char *deeper = test_path(deep, "b");
  mkdir(deeper, 0700);
  char *file = test_path(dir, PROJECT_CONFIG_NAME);
  test_write_file(file, "exclude = tests/**\n");
  project_config config;
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(project_config_find(&config, deeper, &err), 0);
  assert_non_null(config.path);
  assert_non_null(strstr(config.path, PROJECT_CONFIG_NAME));
  assert_int_equal(config.exclude.count, 1);
  project_config_release(&config);
  /* A malformed file found is an error naming it and the line. */
  test_write_file(file, "exclude = x\n\nwhat\n");
  assert_int_equal(project_config_find(&config, deeper, &err), -1);
  assert_non_null(strstr(err.buf, PROJECT_CONFIG_NAME ":3: error: "));
  project_config_release(&config);
  escape_strbuf_release(&err);
  free(file);
  free(deeper);
  free(deep);
  test_remove_dir(dir);
  free(dir);
}

static void selects_by_include_and_exclude(void **state) {
  (void)state;
  project_config config;
  project_config_init(&config);
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(
      project_config_parse(&config, "p", "exclude = tests/**\n", &err), 0);
  assert_true(project_config_selects(&config, NULL, NULL, "lib/x.c"));
  assert_false(project_config_selects(&config, NULL, NULL, "/p/tests/t.c"));
  assert_true(project_config_selects(&config, NULL, NULL, NULL));
  string_list include;
  string_list_init(&include);
  string_list_add(&include, "lib/*.c");
  assert_true(project_config_selects(&config, &include, NULL, "lib/x.c"));
  assert_false(project_config_selects(&config, &include, NULL, "lib/x.h"));
  /* With an include glob, a remark without a file is left out. */
  assert_false(project_config_selects(&config, &include, NULL, NULL));
  string_list exclude;
  string_list_init(&exclude);
  string_list_add(&exclude, "**/x.c");
  assert_false(project_config_selects(&config, &include, &exclude, "lib/x.c"));
  assert_true(project_config_selects(NULL, NULL, NULL, "anything.c"));
  string_list_release(&include);
  string_list_release(&exclude);
  project_config_release(&config);
  escape_strbuf_release(&err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(parses_keys_comments_and_blanks),
      cmocka_unit_test(errors_name_file_and_line),
      cmocka_unit_test(found_upward_from_a_directory),
      cmocka_unit_test(selects_by_include_and_exclude),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
