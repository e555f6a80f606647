// A too-costly call inside inlined code in a loop: without verbose the
// inliner stops counting at the threshold and the sentence says so, with
// the same context (where the code came from, where the loop is) as with
// verbose, which counts the cost to its end.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,QUIET --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,VERBOSE --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML --implicit-check-not=Cost: < %t.yaml

#define STEP(k) s = (s * 31 + v[(k) % n]) ^ (s >> 3);
// VERBOSE: inline-costly-context.c:[[@LINE+1]]:22: remark: 'v' does not escape [-Rpass=escape]
int heavy(const int *v, int n) {
  int s = 0;
  STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7)
  STEP(8) STEP(9) STEP(10) STEP(11) STEP(12) STEP(13) STEP(14) STEP(15)
  STEP(16) STEP(17) STEP(18) STEP(19) STEP(20) STEP(21) STEP(22) STEP(23)
  return s;
}
// QUIET: inline-costly-context.c:[[@LINE+3]]:54: remark: 'heavy' not inlined into 'run' (too-costly): cost over threshold 337 (counting stopped there; verbose counts it all); the call is in 'step', inlined into 'run' at inline-costly-context.c:29; in a loop (depth 1) at inline-costly-context.c:28 (in 2 contexts) [-Rpass-missed=escape]
// VERBOSE: inline-costly-context.c:[[@LINE+2]]:54: remark: 'heavy' not inlined into 'run' (too-costly): cost 655 exceeds threshold 337 (by 318); the call is in 'step', inlined into 'run' at inline-costly-context.c:29; in a loop (depth 1) at inline-costly-context.c:28 (in 2 contexts) [-Rpass-missed=escape]
// CHECK: inline-costly-context.c:29:10: note: 'step' inlined into 'run' here
static inline int step(const int *v, int n) { return heavy(v, n) + 1; }
// VERBOSE: inline-costly-context.c:[[@LINE+2]]:20: remark: 'v' does not escape [-Rpass=escape]
// VERBOSE: inline-costly-context.c:29:10: remark: 'step' inlined into 'run' (cost -14995, threshold 487) [-Rpass=escape]
int run(const int *v, int n) {
  int t = 0;
  // The loop's place is the line of its back edge, the for statement.
  // The call of step, inlined into run, is the line below.
  for (int i = 0; i < n; i++)
    t += step(v + i, n - i);
  return t;
}

// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-costly-context.c, Line: 21, Column: 54}
// YAML-NEXT: Function: run
// YAML: - Reason: too-costly
// YAML: - Threshold: '337'
// YAML: - InlinedFrom: step
// YAML-NEXT: DebugLoc: {{.*}}inline-costly-context.c, Line: 29, Column: 10}
// YAML: - InlinedInto: run
// YAML: - LoopDepth: '1'
// YAML-NEXT: DebugLoc: {{.*}}inline-costly-context.c, Line: 28,
