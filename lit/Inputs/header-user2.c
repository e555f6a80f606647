#include "scratch.h"
int user2(int k) { return use_scratch(k) + 1; }
