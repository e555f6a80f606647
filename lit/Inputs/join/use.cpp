// The C++ caller of lit/join-tu.test: member functions defined in box.cpp.
#include "box.h"

int use(Box &b) {
  char buf[8];
  b.put(buf);
  return buf[0];
}

int peek(Box &b) {
  char c[4] = {1, 2, 3, 4};
  b.look(c);
  return c[1];
}
