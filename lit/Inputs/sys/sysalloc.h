#include <stdlib.h>
/* A system header's inline helper that allocates (as std::function's
 * constructor or std::vector's growth do). */
static inline void *sys_make(size_t n) {
  void *p = malloc(n);
  return p;
}
