// Addresses passed only to code that does not keep them do not escape: no
// LocalEscapes by default, LocalNoEscape with verbose for locals that keep a
// stack slot, and nothing at all for locals promoted to registers.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | count 0
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

void show(const int *p __attribute__((noescape)), int n);

int table(int k) {
  // CHECK: local-noescape.c:[[@LINE+1]]:7: remark: 'values' does not escape [-Rpass=escape]
  int values[16] = {0};
  show(values, 16);
  return values[k & 15];
}

static int twice(const int *p) { return *p * 2; }

int promoted(int x) {
  int copy = x; // address taken, but promoted to a register after inlining
  return twice(&copy);
}
