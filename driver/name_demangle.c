#include "name_demangle.h"

#include <libiberty/demangle.h>
#include <string.h>

int name_is_mangled(const char *name) {
  return name && strncmp(name, "_Z", 2) == 0;
}

char *name_demangle(const char *name) {
  if (!name_is_mangled(name))
    return NULL;
  /* Without the parameter list, as the plugin's printed remarks name
   * functions ('ns::Box::get'), so that clang and the report say the same
   * sentence; overloads stay apart in the (mangled) identity. */
  return cplus_demangle(name, DMGL_ANSI);
}
