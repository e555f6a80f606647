// Addresses passed only to code that does not keep them do not escape: no
// LocalEscapes by default (the call to 'show', which has no body here, is
// held back by the default noise policy: not in a loop), LocalNoEscape with verbose for locals that keep a stack
// slot, and nothing at all for locals promoted to registers.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | count 0
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

void show(const int *p __attribute__((noescape)), int n);

int table(int k) {
  // CHECK: local-noescape.c:[[@LINE+1]]:7: remark: 'values' does not escape [-Rpass=escape]
  int values[16] = {0};
  // Without verbose the noise policy holds this one back (the first run
  // prints nothing).
  // CHECK: local-noescape.c:[[@LINE+1]]:3: remark: 'show' not inlined into 'table' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  show(values, 16);
  return values[k & 15];
}

static int twice(const int *p) { return *p * 2; }

int promoted(int x) {
  int copy = x; // address taken, but promoted to a register after inlining
  // CHECK: local-noescape.c:[[@LINE+1]]:10: remark: 'twice' inlined into 'promoted' (cost {{-?[0-9]+}}, threshold {{[0-9]+}}) [-Rpass=escape]
  return twice(&copy);
}
