#include "helper.h"

int helper(int x) { return x * 3 + (x >> 2); }
