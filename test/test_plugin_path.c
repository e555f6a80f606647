/* Finding the plugin from the escape executable: build tree, install tree
 * with its libdir, symlinked executables, ESCAPE_PLUGIN, and the message
 * when there is none. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "plugin_path.h"
#include "test_support.h"

/* A tree under a temporary directory: ROOT/bin/escape and, when libdir is
 * given, ROOT/LIBDIR/libescape.so. */
typedef struct tree {
  char *root;
  char paths[8][512];
  int count;
} tree;

static const char *tree_add(tree *t, const char *relative, int directory) {
  char *path = t->paths[t->count++];
  snprintf(path, sizeof t->paths[0], "%s/%s", t->root, relative);
  if (directory)
    assert_int_equal(mkdir(path, 0755), 0);
  else
    test_write_file(path, "");
  return path;
}

static void tree_remove(tree *t) {
  for (int i = t->count - 1; i >= 0; i--)
    remove(t->paths[i]);
  rmdir(t->root);
  free(t->root);
}

/* Resolves for exe and checks the result ends with expected_suffix. */
static void check_found(const char *override, const char *exe,
                        const char *libdir, const char *expected_suffix) {
  escape_strbuf out, err;
  escape_strbuf_init(&out);
  escape_strbuf_init(&err);
  assert_int_equal(plugin_path_resolve(override, exe, libdir, &out, &err), 0);
  size_t len = strlen(out.buf), suffix = strlen(expected_suffix);
  assert_true(len >= suffix);
  assert_string_equal(out.buf + len - suffix, expected_suffix);
  assert_int_equal(out.buf[0], '/'); /* absolute: compiles run elsewhere */
  escape_strbuf_release(&out);
  escape_strbuf_release(&err);
}

static void build_tree_finds_lib_beside_bin(void **state) {
  (void)state;
  tree t = {test_make_temp_dir(), {{0}}, 0};
  tree_add(&t, "bin", 1);
  const char *exe = tree_add(&t, "bin/escape", 0);
  tree_add(&t, "lib", 1);
  tree_add(&t, "lib/libescape.so", 0);
  check_found(NULL, exe, "lib", "/lib/libescape.so");
  /* A libdir that does not hold it falls back to lib/. */
  check_found(NULL, exe, "lib/x86_64-linux-gnu", "/lib/libescape.so");
  tree_remove(&t);
}

static void install_tree_uses_the_libdir(void **state) {
  (void)state;
  tree t = {test_make_temp_dir(), {{0}}, 0};
  tree_add(&t, "bin", 1);
  const char *exe = tree_add(&t, "bin/escape", 0);
  tree_add(&t, "lib", 1);
  tree_add(&t, "lib/multiarch", 1);
  tree_add(&t, "lib/multiarch/libescape.so", 0);
  check_found(NULL, exe, "lib/multiarch", "/lib/multiarch/libescape.so");
  tree_remove(&t);
}

static void symlinked_executable_finds_its_real_tree(void **state) {
  (void)state;
  tree t = {test_make_temp_dir(), {{0}}, 0};
  tree_add(&t, "real", 1);
  tree_add(&t, "real/bin", 1);
  const char *exe = tree_add(&t, "real/bin/escape", 0);
  tree_add(&t, "real/lib", 1);
  tree_add(&t, "real/lib/libescape.so", 0);
  char *link = t.paths[t.count++];
  snprintf(link, sizeof t.paths[0], "%s/escape-link", t.root);
  assert_int_equal(symlink(exe, link), 0);
  check_found(NULL, link, "lib", "/real/lib/libescape.so");
  tree_remove(&t);
}

static void environment_overrides(void **state) {
  (void)state;
  tree t = {test_make_temp_dir(), {{0}}, 0};
  const char *plugin = tree_add(&t, "custom.so", 0);
  check_found(plugin, "/nonexistent/bin/escape", "lib", "/custom.so");
  escape_strbuf out, err;
  escape_strbuf_init(&out);
  escape_strbuf_init(&err);
  assert_int_equal(
      plugin_path_resolve("/nonexistent.so", plugin, "lib", &out, &err), -1);
  assert_non_null(strstr(err.buf, "ESCAPE_PLUGIN=/nonexistent.so"));
  escape_strbuf_release(&out);
  escape_strbuf_release(&err);
  tree_remove(&t);
}

static void missing_plugin_names_the_places(void **state) {
  (void)state;
  tree t = {test_make_temp_dir(), {{0}}, 0};
  tree_add(&t, "bin", 1);
  const char *exe = tree_add(&t, "bin/escape", 0);
  escape_strbuf out, err;
  escape_strbuf_init(&out);
  escape_strbuf_init(&err);
  assert_int_equal(plugin_path_resolve(NULL, exe, "lib64", &out, &err), -1);
  assert_non_null(strstr(err.buf, "/bin/../lib64/libescape.so"));
  assert_non_null(strstr(err.buf, "/bin/../lib/libescape.so"));
  assert_non_null(strstr(err.buf, "ESCAPE_PLUGIN"));
  escape_strbuf_release(&out);
  escape_strbuf_release(&err);
  tree_remove(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(build_tree_finds_lib_beside_bin),
      cmocka_unit_test(install_tree_uses_the_libdir),
      cmocka_unit_test(symlinked_executable_finds_its_real_tree),
      cmocka_unit_test(environment_overrides),
      cmocka_unit_test(missing_plugin_names_the_places),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
