/* The option tables: --help rendered from the table (spelling, value name,
 * multi-line help, long spellings on their own line), a shared group
 * composed into a command's table, and the unified usage-error prefix. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "load_args.h"
#include "options.h"
#include "test_support.h"

static char *render(const command_usage *usage, const option_spec *specs,
                    size_t count) {
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  usage_with_options(out, usage, specs, count);
  fclose(out);
  return text;
}

static void help_comes_from_the_table(void **state) {
  (void)state;
  int all = 0;
  const char *output = NULL;
  const option_spec specs[] = {
      OPT_FLAG("--all", NULL, &all, "every remark:\nreally all"),
      OPT_STRING("--output", "-o", &output, "FILE", "write to FILE"),
  };
  const command_usage usage = {"demo", "usage: escape demo [--all]\n",
                               "Shows a demo.\n",
                               "    PATH            input\n"};
  char *text = render(&usage, specs, 2);
  assert_string_equal(text, "usage: escape demo [--all]\n"
                            "\n"
                            "Shows a demo.\n"
                            "\n"
                            "    --all           every remark:\n"
                            "                    really all\n"
                            "    -o, --output FILE\n"
                            "                    write to FILE\n"
                            "    PATH            input\n");
  free(text);
}

static void shared_group_composes_into_a_table(void **state) {
  (void)state;
  load_args args;
  load_args_init(&args);
  int all = 0;
  const option_spec specs[] = {
      OPT_FLAG("--all", NULL, &all, "everything"),
      LOAD_ARGS_OPTIONS(&args),
  };
  const command_usage usage = {"demo", "usage: escape demo\n", NULL, NULL};
  const char *argv[] = {"demo",      "--all",    "--name", "A,B",
                        "--exclude", "tests/**", "-j2",    "file.yaml",
                        "--include", "src/**",   NULL};
  string_list positional;
  string_list_init(&positional);
  FILE *sink = fopen("/dev/null", "w");
  assert_int_equal(parse_options(specs, sizeof specs / sizeof specs[0], &usage,
                                 10, argv, &positional, sink, sink),
                   OPTIONS_OK);
  fclose(sink);
  assert_int_equal(all, 1);
  assert_int_equal(args.names.count, 2);
  assert_string_equal(args.exclude.items[0], "tests/**");
  assert_string_equal(args.include.items[0], "src/**");
  assert_int_equal(args.jobs, 2);
  assert_int_equal(positional.count, 1);
  char *text = render(&usage, specs, sizeof specs / sizeof specs[0]);
  assert_non_null(strstr(text, "    --name N,..     only remarks with these "
                               "names (repeatable)\n"));
  assert_non_null(strstr(text, "    --exclude GLOB  no remarks in files"));
  free(text);
  string_list_release(&positional);
  load_args_release(&args);
}

static void usage_errors_share_one_prefix(void **state) {
  (void)state;
  const option_spec specs[] = {OPT_FLAG("--all", NULL, NULL, "x")};
  const command_usage usage = {"demo", "usage: escape demo\n", NULL, NULL};
  const char *argv[] = {"demo", "--bogus", NULL};
  string_list positional;
  string_list_init(&positional);
  char *text = NULL;
  size_t len = 0;
  FILE *err = open_memstream(&text, &len);
  assert_int_equal(
      parse_options(specs, 1, &usage, 2, argv, &positional, err, err), 2);
  fclose(err);
  assert_string_equal(text, "escape demo: error: unknown option '--bogus'\n"
                            "usage: escape demo\n");
  free(text);
  string_list_release(&positional);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(help_comes_from_the_table),
      cmocka_unit_test(shared_group_composes_into_a_table),
      cmocka_unit_test(usage_errors_share_one_prefix),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
