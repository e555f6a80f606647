#include "options.h"

#include <string.h>

int option_with_value(const char *name, int argc, const char **argv, int *index,
                      const char **value) {
  const char *arg = argv[*index];
  size_t len = strlen(name);
  if (strncmp(arg, name, len) != 0)
    return 0;
  /* `--name=VALUE`; short options take only a separate value. */
  if (arg[len] == '=' && name[1] == '-') {
    *value = arg + len + 1;
    return 1;
  }
  if (arg[len] != '\0')
    return 0;
  if (*index + 1 >= argc)
    return -1;
  *value = argv[++*index];
  return 1;
}
