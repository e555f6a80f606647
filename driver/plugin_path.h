/* Finds the plugin (libescape.so) that belongs to this escape executable:
 * ESCAPE_PLUGIN when set, else beside it in the same tree, so that both
 * the build tree (build/bin/escape -> build/lib/libescape.so) and an
 * install tree (PREFIX/bin/escape -> PREFIX/LIBDIR/libescape.so) work
 * without configuration. */
#ifndef ESCAPE_DRIVER_PLUGIN_PATH_H
#define ESCAPE_DRIVER_PLUGIN_PATH_H

#include "escape/strbuf.h"

/* Writes the plugin's path to out. override is ESCAPE_PLUGIN (or NULL),
 * exe the path of the running escape, libdir the install libdir relative
 * to the prefix (e.g. "lib" or "lib/x86_64-linux-gnu") or absolute.
 * Returns 0, or -1 with the places searched in err. */
int plugin_path_resolve(const char *override, const char *exe,
                        const char *libdir, escape_strbuf *out,
                        escape_strbuf *err);

/* plugin_path_resolve for this process: ESCAPE_PLUGIN, /proc/self/exe and
 * the libdir CMake installs to. */
int plugin_path_find(escape_strbuf *out, escape_strbuf *err);

#endif
