// A call whose location LLVM merged from several source lines has line 0.
// SimplifyCFG sinks the two calls of f into one (line 0, in f) — after the
// inliner judged them in f with LLVM 19, before it with LLVM 22 — and the
// inliner judges that merged call again inside k. The YAML keeps what the
// optimizer said (Line 0); printing puts the remark at the function it is
// in, as clang does for -Rpass, and says why, instead of printing it
// without any location; the YAML names that function with the DebugLoc of
// its definition (InFunction), so YAML readers place it there too.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,LLVM%llvm_major --allow-unused-prefixes --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefixes=YAML,YAML%llvm_major --allow-unused-prefixes < %t.yaml

int sink;
__attribute__((noinline)) void report(int code) { sink += code; }

// LLVM22-DAG: merged-location.c:[[@LINE+1]]:13: remark: 'report' not inlined into 'f' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute) (at no single source line: the optimizer merged or made this call in 'f'; shown at its definition) [-Rpass-missed=escape]
static void f(int c, int *out) {
  if (c)
    // LLVM19-DAG: merged-location.c:[[@LINE+1]]:5: remark: 'report' not inlined into 'f' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute) [-Rpass-missed=escape]
    report(1);
  else
    // LLVM19-DAG: merged-location.c:[[@LINE+1]]:5: remark: 'report' not inlined into 'f' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute) [-Rpass-missed=escape]
    report(1);
  *out = c;
}

// The merged call is f's, inlined into k: the sentence and a note say so.
// CHECK-DAG: merged-location.c:[[@LINE+2]]:6: remark: 'report' not inlined into 'k' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'f', inlined into 'k' at merged-location.c:[[@LINE+2]] (at no single source line: the optimizer merged or made this call in 'k'; shown at its definition) [-Rpass-missed=escape]
// CHECK-DAG: merged-location.c:[[@LINE+1]]:25: note: 'f' inlined into 'k' here
void k(int c, int *o) { f(c, o); }

// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}merged-location.c, Line: 0, Column: 0}
// YAML22-NEXT: Function: f
// YAML22: Name: NotInlined
// YAML22-NEXT: DebugLoc: {{.*}}merged-location.c, Line: 0, Column: 0}
// YAML-NEXT: Function: k
// YAML: - Reason: noinline-attribute
// YAML: - InlinedFrom: f
// YAML-NEXT: DebugLoc: {File: {{.*}}merged-location.c, Line: 29, Column: 25}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: k
// The function it is placed at, and the sentence that says so.
// YAML-NEXT: - String: ''' at merged-location.c:29 (at no single source line: the optimizer merged or made this call in '''
// YAML-NEXT: - InFunction: k
// YAML-NEXT: DebugLoc: {File: {{.*}}merged-location.c, Line: 29, Column: 6}
// YAML-NEXT: - String: '''; shown at its definition)'
// escape report places it at that definition from the YAML alone.
// RUN: %escape report --all --sort location %t.yaml | FileCheck %s --check-prefix=REPORT
// REPORT: merged-location.c:29: NotInlined: 'report' not inlined into 'k' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'f', inlined into 'k' at merged-location.c:29 (at no single source line: the optimizer merged or made this call in 'k'; shown at its definition){{$}}
