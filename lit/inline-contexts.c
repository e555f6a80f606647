// A call site inside a function that is itself inlined is decided once per
// caller it lands in: one printed line per call site and verdict, saying in
// how many contexts; one YAML document per context, each with its Caller.
// `hot` prints only call sites in loops; the YAML keeps everything.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-hot -fplugin-arg-escape-yaml=%t-hot.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=HOT --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %remarkutil count --parser=yaml %t-hot.yaml | FileCheck %s --check-prefix=COUNT

__attribute__((noinline)) int work(int x) { return x * 7; }

static int leaf(int x) {
  // CHECK: inline-contexts.c:[[@LINE+3]]:10: remark: 'work' not inlined into 'a' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute) (in 4 contexts) [-Rpass-missed=escape]
  // Inlined into c's loop, this call is in a loop there too:
  // HOT: inline-contexts.c:[[@LINE+1]]:10: remark: 'work' not inlined into 'c' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); in a loop (depth 1) [-Rpass-missed=escape]
  return work(x) + 1;
}

int a(int x) { return leaf(x); }
int b(int x) { return leaf(x + 1); }

int c(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    // CHECK: inline-contexts.c:[[@LINE+2]]:10: remark: 'work' not inlined into 'c' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); in a loop (depth 1) [-Rpass-missed=escape]
    // HOT: inline-contexts.c:[[@LINE+1]]:10: remark: 'work' not inlined into 'c' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); in a loop (depth 1) [-Rpass-missed=escape]
    s += work(i) + leaf(i);
  return s;
}

// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 17, Column: 10}
// YAML-NEXT: Function: a
// YAML: - Caller: a
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 17, Column: 10}
// YAML-NEXT: Function: b
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 17, Column: 10}
// YAML-NEXT: Function: c
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 17, Column: 10}
// YAML-NEXT: Function: leaf
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-contexts.c, Line: 28, Column: 10}
// YAML-NEXT: Function: c
// YAML: - LoopDepth: '1'
// COUNT: {{(^|,)}}9{{$}}
