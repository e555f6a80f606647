// HeapPromoted: a __block variable (-fblocks) moves to the heap when a
// block that captures it is copied; reported when such a block may escape
// (passed to a function that may keep it). A block passed to a 'noescape'
// parameter is never copied: not reported.
// RUN: %clang -O2 -fblocks -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

typedef void (^action)(void);
void later(action a);
void now(__attribute__((noescape)) action a);

int count_later(void) {
  // CHECK: heap-promoted-block.c:[[@LINE+1]]:15: remark: 'count' is moved to the heap: a __block variable captured by a block that may be copied [-Rpass-missed=escape]
  __block int count = 0;
  // NOISE-DAG: heap-promoted-block.c:[[@LINE+1]]:3: remark: 'later' not inlined into 'count_later' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  later(^{
    count++;
  });
  return count;
}

int count_now(void) {
  __block int total = 0;
  // NOISE-DAG: heap-promoted-block.c:[[@LINE+1]]:3: remark: 'now' not inlined into 'count_now' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  now(^{
    total += 2;
  });
  return total;
}

// YAML: Name: HeapPromoted
// YAML-NEXT: DebugLoc: {{.*}}heap-promoted-block.c, Line: 15, Column: 15}
// YAML-NEXT: Function: count_later
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: count
// YAML: - Reason: block
// YAML-NOT: Name: HeapPromoted
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fblocks -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
