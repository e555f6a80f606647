// Names are exact or absent (SPEC "Remarks"): a slot that inlining copied
// into a caller is named by the callee's variable it was copied from, at
// that variable's declaration, never by the caller's parameter whose value
// was stored into it; locals declared together in the inlined function each
// get their own remark; the address-taken parameter of an inlined function
// is that parameter. The same names with and without -g.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clangxx -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

extern "C" void keep(int *p);
struct acc { void *db; int n; char buf[16]; };
void use_acc(struct acc *a);

// Y, M and D share a declaration; only M and D keep a slot.
static int date(int k) {
  // CHECK-DAG: inlined-names.cpp:[[@LINE+2]]:10: remark: 'M' in 'date', inlined into 'caller' at inlined-names.cpp:61, escapes: address passed to 'keep' (argument 1)
  // CHECK-DAG: inlined-names.cpp:61:10: note: 'date' inlined into 'caller' here
  int Y, M, D;
  // CHECK-DAG: inlined-names.cpp:[[@LINE-1]]:13: remark: 'D' in 'date', inlined into 'caller' at inlined-names.cpp:61, escapes: address passed to 'keep' (argument 1)
  // CHECK-DAG: inlined-names.cpp:61:10: note: 'date' inlined into 'caller' here
  Y = k;
  M = k + 1;
  D = k + 2;
  keep(&M);
  keep(&D);
  return Y + M + D;
}

// The caller's 'db' and 'n' are stored into the inlined 'a'.
static void wrap(void *db, int n) {
  // CHECK-DAG: inlined-names.cpp:[[@LINE+2]]:7: remark: 'a' in 'wrap', inlined into 'caller' at inlined-names.cpp:60, escapes: address passed to 'use_acc' (argument 1)
  // CHECK-DAG: inlined-names.cpp:60:3: note: 'wrap' inlined into 'caller' here
  acc a;
  a.db = db;
  a.n = n;
  use_acc(&a);
}

// CHECK-DAG: inlined-names.cpp:[[@LINE+2]]:23: remark: 'nByte' in 'extend', inlined into 'caller' at inlined-names.cpp:61, escapes: address passed to 'keep' (argument 1)
// CHECK-DAG: inlined-names.cpp:61:20: note: 'extend' inlined into 'caller' here
static int extend(int nByte) {
  keep(&nByte);
  return nByte;
}

// A volatile parameter keeps its slot where the function is inlined; the
// inliner ends that slot's lifetime where the callee's locals end theirs.
// CHECK-DAG: inlined-names.cpp:[[@LINE+2]]:47: remark: 'r' in 'scale', inlined into 'twice' at inlined-names.cpp:56, escapes: address accessed as volatile
// CHECK-DAG: inlined-names.cpp:56:49: note: 'scale' inlined into 'twice' here
static double scale(double f, volatile double r) {
  // CHECK-DAG: inlined-names.cpp:[[@LINE+2]]:19: remark: 's' in 'scale', inlined into 'twice' at inlined-names.cpp:56, escapes: address accessed as volatile
  // CHECK-DAG: inlined-names.cpp:56:49: note: 'scale' inlined into 'twice' here
  volatile double s = f * r;
  return s + r;
}
double twice(double f) { return scale(f, 2.0) + scale(f, 3.0); }

// CHECK-DAG: inlined-names.cpp:[[@LINE+1]]:18: remark: leaking param: 'db' is stored to memory
int caller(void *db, int n, int nExtend) {
  wrap(db, n);
  return date(n) + extend(nExtend);
}
