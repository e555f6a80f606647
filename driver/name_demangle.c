#include "name_demangle.h"

#include <libiberty/demangle.h>
#include <string.h>

int name_is_mangled(const char *name) {
  return name && strncmp(name, "_Z", 2) == 0;
}

char *name_demangle(const char *name) {
  if (!name_is_mangled(name))
    return NULL;
  /* Parameters are kept: overloads differ only by them. */
  return cplus_demangle(name, DMGL_PARAMS | DMGL_ANSI);
}
