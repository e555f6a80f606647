// The C++ definitions of lit/join-tu.test.
#include "box.h"

char *g_box;

void Box::put(char *p) { slot = p; }
void Box::look(const char *p) { tag = p[0]; }
