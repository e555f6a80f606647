#include "scan_command.h"

#include <string.h>

#include "compiler_id.h"
#include "plugin_flags.h"

/* How many arguments to drop at arg: the build's outputs (-o, dependency
 * files), its own escape flags (ours replace them), 0 to keep it. */
static int dropped_words(const char *arg) {
  static const char *const with_value[] = {
      "-o", "-MF", "-MT", "-MQ", "--serialize-diagnostics", NULL};
  for (const char *const *p = with_value; *p; p++) {
    size_t len = strlen(*p);
    if (strncmp(arg, *p, len) == 0)
      return arg[len] == '\0' ? 2 : (len < 4 ? 1 : 0);
  }
  if (strcmp(arg, "-MD") == 0 || strcmp(arg, "-MMD") == 0 ||
      strcmp(arg, "-MP") == 0 || strncmp(arg, "-Wp,-MD,", 8) == 0 ||
      strncmp(arg, "-Wp,-MMD,", 9) == 0 || plugin_flags_is_rescape(arg) ||
      plugin_flags_loads_plugin(arg) ||
      strncmp(arg, "-fplugin-arg-escape-", 20) == 0)
    return 1;
  return 0;
}

/* The compiler to run instead of compiler, or NULL with note set. */
static const char *choose_compiler(const char *compiler,
                                   const scan_setup *setup,
                                   escape_strbuf *note) {
  compiler_info info = compiler_identify(compiler);
  if (info.kind == COMPILER_CLANG && info.major == ESCAPE_LLVM_MAJOR)
    return compiler;
  const char *replacement = info.cxx ? setup->clangxx : setup->clang;
  if (info.kind == COMPILER_UNKNOWN)
    escape_strbuf_addf(note, "'%s' is neither gcc nor clang", compiler);
  else if (!replacement)
    escape_strbuf_addf(note, "'%s' needs clang-%d (%s) installed", compiler,
                       ESCAPE_LLVM_MAJOR, info.cxx ? "clang++" : "clang");
  return info.kind == COMPILER_UNKNOWN ? NULL : replacement;
}

int scan_command_build(const compile_entry *entry, const scan_setup *setup,
                       const char *object, const char *yaml, string_list *out,
                       escape_strbuf *note) {
  const string_list *args = &entry->arguments;
  size_t first = 0;
  while (first + 1 < args->count && compiler_is_launcher(args->items[first]))
    first++;
  if (first < args->count && strcmp(args->items[first], "cc") == 0 && first &&
      compiler_is_launcher(args->items[first - 1]))
    first++; /* `escape cc clang-19 ...` */
  const char *compiler = choose_compiler(args->items[first], setup, note);
  if (!compiler)
    return 1;
  int failed = string_list_add(out, compiler);
  for (size_t i = first + 1; i < args->count && !failed;) {
    int drop = dropped_words(args->items[i]);
    if (drop == 0)
      failed = string_list_add(out, args->items[i]);
    i += drop ? (size_t)drop : 1;
  }
  escape_strbuf yaml_arg;
  escape_strbuf_init(&yaml_arg);
  escape_strbuf_addf(&yaml_arg, "-fplugin-arg-escape-yaml=%s", yaml);
  if (failed || yaml_arg.failed ||
      plugin_flags_add(out, setup->plugin, setup->escape_args) != 0 ||
      string_list_add(out, yaml_arg.buf) != 0 || string_list_add(out, "-o") ||
      string_list_add(out, object) != 0)
    failed = 1;
  escape_strbuf_release(&yaml_arg);
  return failed ? -1 : 0;
}
