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
  if (add_formatted(args, "-fplugin=", plugin, strlen(plugin)) != 0)
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
  return strncmp(arg, "-fplugin=", 9) == 0 && len >= suffix_len &&
         strcmp(arg + len - suffix_len, suffix) == 0;
}
