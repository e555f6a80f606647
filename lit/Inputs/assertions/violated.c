// A violated assertion fails the compile with an error at the violating
// site that names the verdict and its reason, and a note at the assertion;
// whatever the printing flags, also under -w, and no object is written.
// Compiled by ../../assert-violated.test (kept out of lit/*.c: it fails to compile with the
// plugin on purpose, which identical-modes.test would count as a failure).
// ERRORS-COUNT-5: error: escape:
// ERRORS-NOT: error:

#include <stdlib.h>

void fill(char *p);
void keep(int *p);
__attribute__((noinline)) static int marked(int x) { return x * 3; }
__attribute__((annotate("escape: inline"), noinline)) static int locked(int x) {
  return x + 7;
}
#define CALL_MARKED(x) marked(x)

int work(int n, char *out, int (*pick)(int)) {
  // CHECK: violated.c:[[@LINE+1]]:8: error: escape: 'buf' escapes: address passed to 'fill' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape'{{$}}
  char buf[16]; // escape: noescape
  // CHECK: violated.c:[[@LINE-1]]:17: note: asserted by 'escape: noescape' here
  fill(buf);
  // CHECK: violated.c:[[@LINE+1]]:11: error: escape: 'marked' is not inlined into 'work' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute)
  int a = CALL_MARKED(n); // escape: inline
  // CHECK: violated.c:[[@LINE-1]]:27: note: asserted by 'escape: inline' here
  for (int i = 0; i < n; i++) { // escape: noalloc
    // CHECK: violated.c:[[@LINE+1]]:15: error: escape: 'malloc' allocates in a loop (depth 1) at violated.c:27: allocate once outside the loop and reuse, or use a pool
    char *p = malloc(8);
    // CHECK: violated.c:[[@LINE-3]]:33: note: asserted by 'escape: noalloc' here
    p[0] = (char)pick(i);
    // CHECK: violated.c:[[@LINE-1]]:18: error: escape: indirect call through 'pick' in a loop (depth 1) at violated.c:27 was not devirtualized or inlined; hoist the choice of target out of the loop
    // CHECK: violated.c:[[@LINE-6]]:33: note: asserted by 'escape: noalloc' here
    out[i] = p[0];
    fill(p);
  }
  // CHECK: violated.c:[[@LINE+1]]:10: error: escape: 'locked' is not inlined into 'work' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute)
  return locked(a);
  // CHECK: violated.c:14:66: note: 'locked' is annotated 'escape: inline' here
}

// YAML: Name: Assertion
// YAML: Line: 14
// YAML: - State: violated
// YAML-NEXT: - String: ': '
// YAML-NEXT: - Detail: '''locked'' is not inlined into ''work'' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute)'
// YAML: Name: Assertion
// YAML: - Assertion: noescape
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: violated
// YAML: Name: Assertion
// YAML: - Assertion: inline
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: violated
// YAML: Name: Assertion
// YAML: - Assertion: noalloc
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: violated
