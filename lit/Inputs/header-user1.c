#include "scratch.h"
int user1(int k) { return use_scratch(k); }
