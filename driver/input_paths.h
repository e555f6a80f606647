/* Expands the PATH arguments of report-like commands into the remark files
 * to read: files as given, directories searched recursively for
 * *.escape.yaml, *.opt.yaml and objects and archives (*.o, *.a) that may
 * carry embedded remarks, "-" for stdin. */
#ifndef ESCAPE_DRIVER_INPUT_PATHS_H
#define ESCAPE_DRIVER_INPUT_PATHS_H

#include <stddef.h>

#include "escape/strbuf.h"
#include "string_list.h"

/* Appends the remark files path stands for (a directory's sorted by name);
 * returns 0, or -1 with "PATH: error: ..." in err. */
int input_paths_expand(const char *path, string_list *out, escape_strbuf *err);

/* Whether a file name is that of an object or archive (*.o, *.a). */
int input_paths_is_object_name(const char *name);

#endif
