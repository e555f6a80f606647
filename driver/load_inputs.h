/* Turns the PATH arguments of report-like commands into the inputs to
 * read: remark YAML files, and objects and archives with embedded remarks.
 * Also decides which copy of a translation unit's remarks counts when a
 * build directory holds both: a `S.escape.yaml` is left out when the
 * object `S.o` beside it is an input too and carries embedded remarks (the
 * plugin wrote both from one compile; the object's copy is the one that
 * survives caches and remote builds). */
#ifndef ESCAPE_DRIVER_LOAD_INPUTS_H
#define ESCAPE_DRIVER_LOAD_INPUTS_H

#include <stddef.h>

#include "escape/strbuf.h"
#include "input_paths.h"

typedef struct load_input {
  const char *path; /* owned by the list's paths */
  int object;       /* an object or archive, read for embedded remarks */
  int named;        /* named on the command line, not found in a directory:
                       an object without embedded remarks is an error */
} load_input;

typedef struct load_input_list {
  string_list paths;
  load_input *items;
  size_t count;
} load_input_list;

/* Expands args into out (initialized here). Returns 0, or -1 with
 * "PATH: error: ..." in err. */
int load_inputs_expand(const string_list *args, load_input_list *out,
                       escape_strbuf *err);

/* Frees the list. */
void load_inputs_release(load_input_list *list);

#endif
