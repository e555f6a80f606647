/* The compiler arguments that load the plugin: -fplugin=PATH, the plugin
 * arguments named in ESCAPE_ARGS (e.g. "warn,verbose,embed"), and the
 * rewriting of -Rescape into its warning-free spelling. Shared by the
 * launcher (escape cc) and escape scan. */
#ifndef ESCAPE_DRIVER_PLUGIN_FLAGS_H
#define ESCAPE_DRIVER_PLUGIN_FLAGS_H

#include "string_list.h"

/* The major version of clang the plugin was built for. */
#ifndef ESCAPE_LLVM_MAJOR
#define ESCAPE_LLVM_MAJOR 19
#endif

/* How the plugin is loaded: clang's -fplugin=PATH, or the cc1 spelling
 * -Xclang=-load -Xclang=PATH that clang turns it into, which distccd (3.3
 * and later) accepts where it refuses any -fplugin= (the joined -Xclang=
 * form: distcc drops a separate "-load" from the arguments it sends). */
typedef enum {
  PLUGIN_LOAD_FPLUGIN,
  PLUGIN_LOAD_XCLANG,
} plugin_load_spelling;

/* Appends -fplugin=plugin and one -fplugin-arg-escape-NAME for each item
 * of escape_args (separated by commas or blanks; NULL for none). Returns
 * 0, or -1 when out of memory. */
int plugin_flags_add(string_list *args, const char *plugin,
                     const char *escape_args);

/* plugin_flags_add with the plugin loaded in the given spelling. */
int plugin_flags_add_spelled(string_list *args, const char *plugin,
                             const char *escape_args,
                             plugin_load_spelling spelling);

/* Whether escape_args (as for plugin_flags_add; NULL for none) names the
 * plugin argument name, e.g. "embed". */
int plugin_flags_has_arg(const char *escape_args, const char *name);

/* Whether arg is one of escape's own switches that clang does not know
 * (-Rescape, -Rno-escape): the launcher rewrites or drops them. */
int plugin_flags_is_rescape(const char *arg);

/* Whether arg already loads the escape plugin (-fplugin=.../libescape.so
 * or -Xclang=.../libescape.so), so that it is not loaded twice. */
int plugin_flags_loads_plugin(const char *arg);

#endif
