/* Compiled with -DGREETING='"hello world"' -DSPACED=1\ +\ 2 from a "command"
 * string: the build fails unless the quotes were split like a shell. */
#include <string.h>
_Static_assert(sizeof GREETING == 12, "GREETING lost its quotes");
_Static_assert(SPACED == 3, "SPACED was split");
void use(char *p);
int quoted(void) {
  char local[sizeof GREETING];
  strcpy(local, GREETING);
  use(local);
  return SPACED;
}
