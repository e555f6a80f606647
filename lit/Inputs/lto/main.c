#include "helper.h"

// noinline: the verdict on helper is made in sum, not in main.
__attribute__((noinline)) int sum(int n) {
  int total = 0;
  for (int i = 0; i < n; i++)
    total += helper(i);
  return total;
}

int main(int argc, char **argv) {
  (void)argv;
  return sum(argc * 1000) & 0x7f;
}
