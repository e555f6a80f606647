#include "plugin_flags.h"

#include <string.h>

#include "escape/strbuf.h"

static int add_formatted(string_list *args, const char *prefix,
                         const char *item, size_t len) {
  escape_strbuf arg;
  escape_strbuf_init(&arg);
  escape_strbuf_addstr(&arg, prefix);
  escape_strbuf_add(&arg, item, len);
  int result = arg.failed ? -1 : string_list_add(args, arg.buf);
  escape_strbuf_release(&arg);
  return result;
}

int plugin_flags_add(string_list *args, const char *plugin,
                     const char *escape_args) {
  return plugin_flags_add_spelled(args, plugin, escape_args,
                                  PLUGIN_LOAD_FPLUGIN);
}

static int add_load(string_list *args, const char *plugin,
                    plugin_load_spelling spelling) {
  if (spelling == PLUGIN_LOAD_FPLUGIN)
    return add_formatted(args, "-fplugin=", plugin, strlen(plugin));
  if (string_list_add(args, "-Xclang=-load") != 0)
    return -1;
  return add_formatted(args, "-Xclang=", plugin, strlen(plugin));
}

int plugin_flags_has_arg(const char *escape_args, const char *name) {
  const char *p = escape_args ? escape_args : "";
  size_t name_len = strlen(name);
  while (*p) {
    size_t len = strcspn(p, ", \t\n");
    if (len == name_len && strncmp(p, name, len) == 0)
      return 1;
    p += len;
    p += strspn(p, ", \t\n");
  }
  return 0;
}

int plugin_flags_add_spelled(string_list *args, const char *plugin,
                             const char *escape_args,
                             plugin_load_spelling spelling) {
  if (add_load(args, plugin, spelling) != 0)
    return -1;
  const char *p = escape_args ? escape_args : "";
  while (*p) {
    size_t len = strcspn(p, ", \t\n");
    /* Passed through unchecked: the plugin knows its arguments (embed,
     * added later, needs nothing here) and rejects unknown ones. */
    if (len && add_formatted(args, "-fplugin-arg-escape-", p, len) != 0)
      return -1;
    p += len;
    p += strspn(p, ", \t\n");
  }
  return 0;
}

int plugin_flags_is_rescape(const char *arg) {
  return strcmp(arg, "-Rescape") == 0 || strcmp(arg, "-Rno-escape") == 0;
}

int plugin_flags_loads_plugin(const char *arg) {
  static const char suffix[] = "libescape.so";
  size_t len = strlen(arg), suffix_len = sizeof suffix - 1;
  return (strncmp(arg, "-fplugin=", 9) == 0 ||
          strncmp(arg, "-Xclang=", 8) == 0) &&
         len >= suffix_len && strcmp(arg + len - suffix_len, suffix) == 0;
}
