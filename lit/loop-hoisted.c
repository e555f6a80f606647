// A call the optimizer hoists out of a loop (loop-invariant, no side
// effects) is no longer in a loop: its remark has no LoopDepth and `hot`
// does not print it. The call that stays in the loop keeps its depth.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-hot -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=HOT --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml

__attribute__((const)) int weight(int kind);
int visit(int item);

int score(const int *items, int n, int kind) {
  int s = 0;
  for (int i = 0; i < n; i++)
    // NOISE-DAG: loop-hoisted.c:[[@LINE+3]]:10: remark: 'weight' not inlined into 'score' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
    // HOT: loop-hoisted.c:[[@LINE+2]]:25: remark: 'visit' not inlined into 'score' (no-definition): {{.*}}; in a loop (depth 1)
    // CHECK: loop-hoisted.c:[[@LINE+1]]:25: remark: 'visit' not inlined into 'score' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at loop-hoisted.c:13 [-Rpass-missed=escape]
    s += weight(kind) * visit(items[i]);
  return s;
}

// YAML: - Callee: weight
// YAML-NOT: LoopDepth
// YAML: ...
// YAML: - Callee: visit
// YAML: - LoopDepth: '1'
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
