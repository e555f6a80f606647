// Each reason the inliner gives, at the call site it is about, worded as
// the catalog says; `verbose` adds the inlined calls with their cost.
// RUN: %clang -std=c2x -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,QUIET --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -std=c2x -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t-verbose.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,VERBOSE --implicit-check-not=remark: --implicit-check-not=warning:
// -Rpass-missed=inline makes LLVM count the full cost: then it is said.
// RUN: %clang -std=c2x -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -Rpass-missed=inline -c %s -o %t.o 2>&1 | grep "'huge' (too-costly)" | FileCheck %s --check-prefix=RPASS
// RUN: FileCheck %s --check-prefix=YAML < %t-verbose.yaml
// RUN: FileCheck %s --check-prefix=QYAML --implicit-check-not=Cost: < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %remarkutil count --parser=yaml %t-verbose.yaml | FileCheck %s --check-prefix=VCOUNT

#include <stdarg.h>

__attribute__((noinline)) static int marked(int x) { return x * 3; }
static int tiny(int x) { return x + 1; }
// CHECK: inline-reasons.c:[[@LINE+1]]:50: remark: 'fact' not inlined into 'fact' (recursive): the callee is recursive (LLVM: recursive) [-Rpass-missed=escape]
static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int vsum(int n, ...) {
  // CHECK: inline-reasons.c:[[@LINE+1]]:11: remark: 'ap' escapes: address passed to 'va_start' (argument 1)
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++)
    s += va_arg(ap, int);
  va_end(ap);
  return s;
}
__attribute__((always_inline)) static inline int forced(int x) { return x * 2; }

#define STEP(k) s = (s * 31 + v[(k) % n]) ^ (s >> 3);
// VERBOSE: inline-reasons.c:[[@LINE+1]]:29: remark: 'v' does not escape [-Rpass=escape]
static int heavy(const int *v, int n) {
  int s = 0;
  STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7)
  STEP(8) STEP(9) STEP(10) STEP(11) STEP(12) STEP(13) STEP(14) STEP(15)
  return s;
}
// VERBOSE: inline-reasons.c:[[@LINE+1]]:28: remark: 'v' does not escape [-Rpass=escape]
static int huge(const int *v, int n) {
  // Without verbose the inliner stops counting at the threshold, as
  // without the plugin; verbose counts the full cost (Go's -m against -m=2).
  // QUIET: inline-reasons.c:[[@LINE+3]]:11: remark: 'heavy' not inlined into 'huge' (too-costly): cost over threshold 337 (counting stopped there; verbose counts it all) [-Rpass-missed=escape]
  // RPASS: inline-reasons.c:[[@LINE+2]]:11: remark: 'heavy' not inlined into 'huge' (too-costly): cost 415 exceeds threshold 337 (by 78, a near miss: a little less work in the callee would get it inlined) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+1]]:11: remark: 'heavy' not inlined into 'huge' (too-costly): cost 415 exceeds threshold 337 (by 78, a near miss: a little less work in the callee would get it inlined) [-Rpass-missed=escape]
  int s = heavy(v, n);
  STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7)
  STEP(8) STEP(9) STEP(10) STEP(11) STEP(12) STEP(13) STEP(14) STEP(15)
  STEP(16) STEP(17) STEP(18) STEP(19) STEP(20) STEP(21) STEP(22) STEP(23)
  return s;
}

// VERBOSE: inline-reasons.c:[[@LINE+2]]:55: remark: 'x' does not escape [-Rpass=escape]
// CHECK: inline-reasons.c:[[@LINE+1]]:67: remark: 'tiny' not inlined into 'debug_only' (optnone): the caller is optnone (LLVM: optnone attribute) [-Rpass-missed=escape]
__attribute__((optnone, noinline)) int debug_only(int x) { return tiny(x); }

// The call through 'op' is indirect: the inliner never considers it, and
// says nothing (IndirectCallInLoop covers indirect calls in loops).
// VERBOSE: inline-reasons.c:[[@LINE+2]]:23: remark: 'v' does not escape [-Rpass=escape]
// VERBOSE: inline-reasons.c:[[@LINE+1]]:39: remark: 'op' does not escape [-Rpass=escape]
int caller(const int *v, int n, int (*op)(int)) {
  // VERBOSE: inline-reasons.c:[[@LINE+5]]:11: remark: 'tiny' inlined into 'caller' (cost -30, threshold 337) [-Rpass=escape]
  // CHECK: inline-reasons.c:[[@LINE+4]]:21: remark: 'marked' not inlined into 'caller' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+3]]:33: remark: 'fact' inlined into 'caller' (cost -15005, threshold 225) [-Rpass=escape]
  // CHECK: inline-reasons.c:[[@LINE+2]]:43: remark: 'vsum' not inlined into 'caller' (varargs): the callee is variadic (uses va_start) (LLVM: varargs) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+1]]:59: remark: 'forced' inlined into 'caller': always inline attribute [-Rpass=escape]
  int t = tiny(n) + marked(n) + fact(n) + vsum(2, n, n) + forced(n);
  // Counting stopped before LLVM took its bonuses for a single block and
  // few vector instructions off huge's threshold: 674, where the full count
  // ends at 337.
  // QUIET: inline-reasons.c:[[@LINE+8]]:16: remark: 'heavy' not inlined into 'caller' (too-costly): cost over threshold 337 (counting stopped there; verbose counts it all) [-Rpass-missed=escape]
  // QUIET: inline-reasons.c:[[@LINE+7]]:30: remark: 'heavy' not inlined into 'caller' (too-costly): cost over threshold 337 (counting stopped there; verbose counts it all) [-Rpass-missed=escape]
  // QUIET: inline-reasons.c:[[@LINE+6]]:52: remark: 'huge' not inlined into 'caller' (too-costly): cost over threshold 674 (counting stopped there; verbose counts it all) [-Rpass-missed=escape]
  // QUIET: inline-reasons.c:[[@LINE+5]]:65: remark: 'huge' not inlined into 'caller' (too-costly): cost over threshold 337 (counting stopped there; verbose counts it all) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+4]]:16: remark: 'heavy' not inlined into 'caller' (too-costly): cost 415 exceeds threshold 337 (by 78, a near miss: a little less work in the callee would get it inlined) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+3]]:30: remark: 'heavy' not inlined into 'caller' (too-costly): cost 415 exceeds threshold 337 (by 78, a near miss: a little less work in the callee would get it inlined) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+2]]:52: remark: 'huge' not inlined into 'caller' (too-costly): cost 715 exceeds threshold 337 (by 378) [-Rpass-missed=escape]
  // VERBOSE: inline-reasons.c:[[@LINE+1]]:65: remark: 'huge' not inlined into 'caller' (too-costly): cost 600 exceeds threshold 337 (by 263) [-Rpass-missed=escape]
  t += op(n) + heavy(v, n) + heavy(v + 1, n - 1) + huge(v, n) + huge(v, 1);
  // CHECK: inline-reasons.c:[[@LINE+1]]:28: remark: 'tiny' not inlined into 'caller' (noinline-attribute): the call site is marked noinline (LLVM: noinline call site attribute) [-Rpass-missed=escape]
  [[clang::noinline]] t += tiny(t);
  return t;
}

// The YAML keys of each verdict (SPEC.md: Callee, Caller, Reason,
// Cost+Threshold when known, Detail with the compiler's own text).
// YAML: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-reasons.c, Line: 17, Column: 50}
// YAML-NEXT: Function: fact
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Callee: fact
// YAML-NEXT: - String: ''' not inlined into '''
// YAML-NEXT: - Caller: fact
// YAML-NEXT: - String: ''' ('
// YAML-NEXT: - Reason: recursive
// YAML-NEXT: - String: '): the callee is recursive (LLVM: '
// YAML-NEXT: - Detail: recursive
// YAML-NEXT: - String: )
// YAML-NEXT: ...
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-reasons.c, Line: 45, Column: 11}
// YAML-NEXT: Function: huge
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Callee: heavy
// YAML-NEXT: - String: ''' not inlined into '''
// YAML-NEXT: - Caller: huge
// YAML-NEXT: - String: ''' ('
// YAML-NEXT: - Reason: too-costly
// YAML-NEXT: - String: '): cost '
// YAML-NEXT: - Cost: '415'
// YAML-NEXT: - String: ' exceeds threshold '
// YAML-NEXT: - Threshold: '337'
// YAML-NEXT: - String: ' (by 78, a near miss: a little less work in the callee would get it inlined)'
// YAML-NEXT: ...
// Without verbose the YAML has no Cost: the count stopped at Threshold.
// QYAML: DebugLoc: {{.*}}inline-reasons.c, Line: 17, Column: 50}
// QYAML: Name: NotInlined
// QYAML-NEXT: DebugLoc: {{.*}}inline-reasons.c, Line: 45, Column: 11}
// QYAML-NEXT: Function: huge
// QYAML-NEXT: Args:
// QYAML-NEXT: - String: ''''
// QYAML-NEXT: - Callee: heavy
// QYAML-NEXT: - String: ''' not inlined into '''
// QYAML-NEXT: - Caller: huge
// QYAML-NEXT: - String: ''' ('
// QYAML-NEXT: - Reason: too-costly
// QYAML-NEXT: - String: '): cost over threshold '
// QYAML-NEXT: - Threshold: '337'
// QYAML-NEXT: - String: ' (counting stopped there; verbose counts it all)'
// QYAML-NEXT: ...
// YAML: Name: Inlined
// YAML-NEXT: DebugLoc: {{.*}}inline-reasons.c, Line: 66, Column: 11}
// YAML-NEXT: Function: caller
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Callee: tiny
// YAML-NEXT: - String: ''' inlined into '''
// YAML-NEXT: - Caller: caller
// YAML-NEXT: - String: ''' (cost '
// YAML-NEXT: - Cost: '-30'
// YAML-NEXT: - String: ', threshold '
// YAML-NEXT: - Threshold: '337'
// YAML-NEXT: - String: )
// YAML-NEXT: ...
// YAML: DebugLoc: {{.*}}inline-reasons.c, Line: 66, Column: 21}
// YAML: - Reason: noinline-attribute
// YAML-NEXT: - String: '): the callee is marked noinline (LLVM: '
// YAML-NEXT: - Detail: noinline function attribute
// YAML: DebugLoc: {{.*}}inline-reasons.c, Line: 66, Column: 59}
// YAML: - Callee: forced
// YAML: - Detail: always inline attribute
// YAML: DebugLoc: {{.*}}inline-reasons.c, Line: 80, Column: 28}
// YAML: - Detail: noinline call site attribute

// Without verbose: 10 NotInlined, 1 LocalEscapes and 2 Definition records
// in the YAML; verbose adds 3 Inlined, 4 ParamNoEscape and 1 LocalNoEscape.
// COUNT: {{(^|,)}}13{{$}}
// VCOUNT: {{(^|,)}}21{{$}}
