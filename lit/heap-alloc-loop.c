// HeapAllocInLoop: allocation calls left inside a loop, at the call, with
// the loop depth; realloc growing a buffer says so. Allocations outside
// loops are not reported.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
#include <stdlib.h>
#include <string.h>

struct item {
  const char *name;
  int size;
};
void emit(const char *line);
void keep(char **names, int n);

char *join(const struct item *items, int n) {
  char *out = NULL;
  size_t len = 0;
  for (int i = 0; i < n; i++) {
    size_t add = strlen(items[i].name);
    // CHECK: heap-alloc-loop.c:[[@LINE+1]]:11: remark: 'realloc' grows a buffer one step at a time in a loop (depth 1) at heap-alloc-loop.c:20: pre-size it, or grow it geometrically [-Rpass-missed=escape]
    out = realloc(out, len + add + 1);
    memcpy(out + len, items[i].name, add + 1);
    len += add;
  }
  return out;
}

void render(const struct item *items, int n) {
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < items[i].size; j++) {
      // CHECK: heap-alloc-loop.c:[[@LINE+1]]:20: remark: 'malloc' allocates in a loop (depth 2) at heap-alloc-loop.c:32: allocate once outside the loop and reuse, or use a pool [-Rpass-missed=escape]
      char *line = malloc((size_t)j + 2);
      line[0] = items[i].name[0];
      line[1] = 0;
      // CHECK: heap-alloc-loop.c:[[@LINE+1]]:7: remark: 'emit' not inlined into 'render' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 2) at heap-alloc-loop.c:32 [-Rpass-missed=escape]
      emit(line);
      free(line);
    }
  }
}

void copy_names(const struct item *items, int n) {
  char **names = malloc(sizeof(char *) * (size_t)n);
  for (int i = 0; i < n; i++)
    // CHECK: heap-alloc-loop.c:[[@LINE+1]]:16: remark: 'strdup' allocates in a loop (depth 1) at heap-alloc-loop.c:46: allocate once outside the loop and reuse, or use a pool [-Rpass-missed=escape]
    names[i] = strdup(items[i].name);
  // NOISE-DAG: heap-alloc-loop.c:[[@LINE+1]]:3: remark: 'keep' not inlined into 'copy_names' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  keep(names, n);
}

// YAML: Name: HeapAllocInLoop
// YAML-NEXT: DebugLoc: {{.*}}heap-alloc-loop.c, Line: 23, Column: 11}
// YAML-NEXT: Function: join
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Callee: realloc
// YAML-NEXT: - String: ''' grows a buffer one step at a time in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML: Name: HeapAllocInLoop
// YAML: Function: render
// YAML: - Callee: malloc
// YAML: - LoopDepth: '2'
// COUNT: {{(^|,)}}8{{$}}
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
