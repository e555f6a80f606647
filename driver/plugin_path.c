#define _XOPEN_SOURCE 700 /* realpath */
#include "plugin_path.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ESCAPE_INSTALL_LIBDIR
#define ESCAPE_INSTALL_LIBDIR "lib"
#endif

static const char plugin_name[] = "libescape.so";

/* Sets candidate to DIR_OF_EXE/../LIBDIR/libescape.so (or LIBDIR/... when
 * libdir is absolute). */
static void candidate_path(const char *exe_dir, const char *libdir,
                           escape_strbuf *candidate) {
  escape_strbuf_reset(candidate);
  if (libdir[0] == '/')
    escape_strbuf_addf(candidate, "%s/%s", libdir, plugin_name);
  else
    escape_strbuf_addf(candidate, "%s/../%s/%s", exe_dir, libdir, plugin_name);
}

int plugin_path_resolve(const char *override, const char *exe,
                        const char *libdir, escape_strbuf *out,
                        escape_strbuf *err) {
  if (override && *override) {
    /* Absolute, because scan runs the compiler in other directories. */
    char *found = realpath(override, NULL);
    int readable = found && access(found, R_OK) == 0;
    if (readable)
      escape_strbuf_addstr(out, found);
    else
      escape_strbuf_addf(err, "ESCAPE_PLUGIN=%s: no such readable file",
                         override);
    free(found);
    return readable ? 0 : -1;
  }
  /* The real location: a symlink such as /usr/local/bin/escape -> the
   * build tree must find the build tree's plugin. */
  char *real = realpath(exe, NULL);
  if (!real) {
    escape_strbuf_addf(err, "cannot locate the escape executable '%s'", exe);
    return -1;
  }
  char *slash = strrchr(real, '/');
  if (slash)
    *slash = '\0';
  const char *libdirs[] = {libdir, "lib"};
  escape_strbuf candidate, searched;
  escape_strbuf_init(&candidate);
  escape_strbuf_init(&searched);
  int result = -1;
  for (size_t i = 0; i < 2 && result != 0; i++) {
    candidate_path(real, libdirs[i], &candidate);
    char *found = realpath(candidate.buf, NULL);
    if (found && access(found, R_OK) == 0) {
      escape_strbuf_addstr(out, found);
      result = 0;
    } else {
      escape_strbuf_addf(&searched, "%s%s", i ? " nor " : "no plugin at ",
                         candidate.buf);
    }
    free(found);
  }
  if (result != 0)
    escape_strbuf_addf(err, "%s; set ESCAPE_PLUGIN to libescape.so",
                       searched.buf);
  escape_strbuf_release(&searched);
  escape_strbuf_release(&candidate);
  free(real);
  return result;
}

int plugin_path_find(escape_strbuf *out, escape_strbuf *err) {
  return plugin_path_resolve(getenv("ESCAPE_PLUGIN"), "/proc/self/exe",
                             ESCAPE_INSTALL_LIBDIR, out, err);
}
