// A chain is followed for 16 hops and then cut, and the cut is said
// (SPEC "Why (flow)"): 'head' passes its parameter through h1 ... h18, and
// h18 would store it, but the 16th hop is as far as the chain goes.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t.g.yaml -c %s -o %t.o
// RUN: FileCheck %s --check-prefix=YAML < %t.g.yaml

char *g_kept;
#define HOP(n, next)                                                           \
  __attribute__((noinline)) void h##n(char *p) { h##next(p); }
__attribute__((noinline)) void h18(char *p) { g_kept = p; }
HOP(17, 18)
HOP(16, 17)
HOP(15, 16)
HOP(14, 15)
HOP(13, 14)
HOP(12, 13)
HOP(11, 12)
HOP(10, 11)
HOP(9, 10)
HOP(8, 9)
HOP(7, 8)
HOP(6, 7)
HOP(5, 6)
HOP(4, 5)
HOP(3, 4)
HOP(2, 3)
HOP(1, 2)
void head(char *p) { h1(p); }

// h1's chain is 16 hops long and still ends at the store; head's would
// be 17: it is cut after the 16th.
// CHECK: flow-chain-long.c:29:1: remark: leaking param: 'p' is passed to 'h2' (argument 1), {{(which passes it to 'h[0-9]+' \(argument 1\), ){16}()}}which stores it into global 'g_kept' at {{.*}}flow-chain-long.c:12, a call that may keep it;
// CHECK: flow-chain-long.c:30:17: remark: leaking param: 'p' is passed to 'h1' (argument 1), which passes it to 'h2' (argument 1), {{(which passes it to 'h[0-9]+' \(argument 1\), ){14}()}}which passes it to 'h17' (argument 1), and so on (chain cut: too-long), a call that may keep it; callers' locals passed here escape
// One note per hop at the call (the macro's expansion), none for the cut:
// it has no place.
// CHECK-COUNT-16: flow-chain-long.c:{{[0-9]+}}:1: note: passed on to 'h{{[0-9]+}}' (argument 1) here
// CHECK-NOT: note:

// YAML: Function: head
// YAML: - Callee: h1
// YAML-COUNT-16: - Hop: h{{[0-9]+}}
// YAML: - FlowEnd: too-long
// YAML-NEXT: - String:
// YAML: - Reason: call
