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

/* Appends -fplugin=plugin and one -fplugin-arg-escape-NAME for each item
 * of escape_args (separated by commas or blanks; NULL for none). Returns
 * 0, or -1 when out of memory. */
int plugin_flags_add(string_list *args, const char *plugin,
                     const char *escape_args);

/* Whether arg is one of escape's own switches that clang does not know
 * (-Rescape, -Rno-escape): the launcher rewrites or drops them. */
int plugin_flags_is_rescape(const char *arg);

/* Whether arg already loads the escape plugin (-fplugin=.../libescape.so),
 * so that it is not loaded twice. */
int plugin_flags_loads_plugin(const char *arg);

#endif
