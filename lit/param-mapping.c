// Parameters after records passed by value, and of functions returning
// records, are still named right.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

struct big { long a, b, c, d; };
struct small { int a; };
extern void *sink;

// CHECK: param-mapping.c:[[@LINE+1]]:40: remark: leaking param: 'keep' is stored to memory
long after_big(struct big value, void *keep) { sink = keep; return value.a; }

// CHECK: param-mapping.c:[[@LINE+1]]:43: remark: leaking param: 'keep' is stored to memory
int after_small(struct small value, void *keep) { sink = keep; return value.a; }

// CHECK: param-mapping.c:[[@LINE+1]]:30: remark: leaking param: 'keep' is stored to memory
struct big make(int x, void *keep) {
  struct big b = {x, x, x, x};
  sink = keep;
  return b;
}
