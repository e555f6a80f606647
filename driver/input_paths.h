/* Expands the PATH arguments of report-like commands into the remark files
 * to read: files as given, directories searched recursively for
 * *.escape.yaml, *.opt.yaml and objects and archives (*.o, *.a) that may
 * carry embedded remarks, "-" for stdin. */
#ifndef ESCAPE_DRIVER_INPUT_PATHS_H
#define ESCAPE_DRIVER_INPUT_PATHS_H

#include <stddef.h>

#include "escape/strbuf.h"

typedef struct path_list {
  char **items;
  size_t count;
  size_t alloc;
} path_list;

/* Initializes an empty list. */
void path_list_init(path_list *list);

/* Frees every path and the list itself; leaves it empty. */
void path_list_release(path_list *list);

/* Appends a copy of path; returns 0, or -1 when out of memory. */
int path_list_add(path_list *list, const char *path);

/* Appends the remark files path stands for (a directory's sorted by name);
 * returns 0, or -1 with "PATH: error: ..." in err. */
int input_paths_expand(const char *path, path_list *out, escape_strbuf *err);

/* Whether a file name is that of an object or archive (*.o, *.a). */
int input_paths_is_object_name(const char *name);

#endif
