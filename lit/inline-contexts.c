// A call site inside a function that is itself inlined is decided once per
// caller it lands in: one printed line per call site and verdict, saying in
// how many contexts (the first context in words, with a note where it was
// inlined); one YAML document per context, each with its Caller and, for
// the copies, where the call came from (InlinedFrom at the inlined call).
// `hot` prints only call sites in loops; the YAML keeps everything.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-hot -fplugin-arg-escape-yaml=%t-hot.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=HOT --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %remarkutil count --parser=yaml %t-hot.yaml | FileCheck %s --check-prefix=COUNT

__attribute__((noinline)) int work(int x) { return x * 7; }

static int leaf(int x) {
  // CHECK: inline-contexts.c:[[@LINE+5]]:10: remark: 'work' not inlined into 'a' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'leaf', inlined into 'a' at inline-contexts.c:24 (in 4 contexts) [-Rpass-missed=escape]
  // CHECK-NEXT: {{^ *}}[[@LINE+4]] | {{.*}}
  // CHECK: inline-contexts.c:24:23: note: 'leaf' inlined into 'a' here
  // Inlined into c's loop, this call is in a loop there too:
  // HOT: inline-contexts.c:[[@LINE+1]]:10: remark: 'work' not inlined into 'c' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'leaf', inlined into 'c' at inline-contexts.c:33; in a loop (depth 1) at inline-contexts.c:29 [-Rpass-missed=escape]
  return work(x) + 1;
}

int a(int x) { return leaf(x); }
int b(int x) { return leaf(x + 1); }

int c(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    // CHECK: inline-contexts.c:[[@LINE+3]]:10: remark: 'work' not inlined into 'c' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); in a loop (depth 1) at inline-contexts.c:29 [-Rpass-missed=escape]
    // HOT: inline-contexts.c:33:20: note: 'leaf' inlined into 'c' here
    // HOT: inline-contexts.c:[[@LINE+1]]:10: remark: 'work' not inlined into 'c' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); in a loop (depth 1) at inline-contexts.c:29 [-Rpass-missed=escape]
    s += work(i) + leaf(i);
  return s;
}

// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 21, Column: 10}
// YAML-NEXT: Function: a
// YAML: - Caller: a
// YAML: - String: ); the call is in '
// YAML-NEXT: - InlinedFrom: leaf
// YAML-NEXT:   DebugLoc: {{.*}}inline-contexts.c, Line: 24, Column: 23}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: a
// YAML-NEXT: - String: ''' at inline-contexts.c:24'
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 21, Column: 10}
// YAML-NEXT: Function: b
// YAML: - InlinedFrom: leaf
// YAML-NEXT:   DebugLoc: {{.*}}inline-contexts.c, Line: 25, Column: 23}
// YAML: - InlinedInto: b
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 21, Column: 10}
// YAML-NEXT: Function: c
// YAML: - InlinedFrom: leaf
// YAML-NEXT:   DebugLoc: {{.*}}inline-contexts.c, Line: 33, Column: 20}
// YAML: - InlinedInto: c
// YAML: - LoopDepth: '1'
// YAML-NEXT:   DebugLoc: {{.*}}inline-contexts.c, Line: 29, Column: 3}
// The call in leaf itself is in no inlined code: no context.
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 21, Column: 10}
// YAML-NEXT: Function: leaf
// YAML-NOT: Inlined{{From|Into}}
// YAML: ...
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 33, Column: 10}
// YAML-NEXT: Function: c
// YAML: - LoopDepth: '1'
// COUNT: {{(^|,)}}9{{$}}
