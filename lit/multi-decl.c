// Several locals in one declaration: each remark names the right one at the
// column of its own name.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

void keep(int *p);
void keep_long(long *p);

int pair(void) {
  // CHECK-DAG: multi-decl.c:[[@LINE+1]]:14: remark: 'n' escapes: address passed to 'keep' (argument 1)
  int a = 3, n = 1;
  keep(&n);
  return a + n;
}

long uninitialized(void) {
  // CHECK-DAG: multi-decl.c:[[@LINE+1]]:8: remark: 'first' escapes: address passed to 'keep_long'
  long first, second;
  keep_long(&first);
  second = first * 2;
  return second;
}

int sizes(void) {
  // CHECK-DAG: multi-decl.c:[[@LINE+1]]:19: remark: 'wide' escapes: address passed to 'keep_long'
  int small; long wide;
  small = 1;
  keep_long(&wide);
  return small + (int)wide;
}
