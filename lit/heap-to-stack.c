// HeapToStack: a small constant-size allocation that never leaves the
// function and is freed on every path. Not reported: a buffer that is
// returned, one that leaks on a path, one above the limit, one of a size
// known only at run time, and one the optimizer removed itself.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// heap-limit=BYTES raises the limit (default 4096):
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-heap-limit=8192 -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,LIMIT --implicit-check-not=remark: --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>

void print_id(int id) {
  // CHECK: heap-to-stack.c:[[@LINE+1]]:15: remark: 64-byte heap buffer from 'malloc' never leaves this function and is freed on every path: a stack array avoids malloc/free [-Rpass-missed=escape]
  char *buf = malloc(64);
  if (!buf)
    return;
  snprintf(buf, 64, "#%d", id);
  puts(buf);
  free(buf);
}

int sum_squares(int n) {
  // CHECK: heap-to-stack.c:[[@LINE+1]]:18: remark: 64-byte heap buffer from 'calloc' never leaves this function and is freed on every path: a stack array avoids malloc/free [-Rpass-missed=escape]
  int *squares = calloc(16, sizeof(int));
  for (int i = 0; i < 16 && i < n; i++)
    squares[i] = i * i;
  int total = 0;
  for (int i = 0; i < 16; i++)
    total += squares[i];
  printf("%d\n", squares[n & 15]);
  free(squares);
  return total;
}

char *keep_id(int id) {
  char *buf = malloc(64);
  snprintf(buf, 64, "#%d", id);
  return buf;
}

void leaky(int id) {
  char *buf = malloc(32);
  snprintf(buf, 32, "#%d", id);
  if (id > 3) {
    puts(buf);
    return;
  }
  free(buf);
}

void large(int id) {
  // LIMIT: heap-to-stack.c:[[@LINE+1]]:15: remark: 8192-byte heap buffer from 'malloc' never leaves this function and is freed on every path: a stack array avoids malloc/free [-Rpass-missed=escape]
  char *buf = malloc(8192);
  snprintf(buf, 8192, "#%d", id);
  puts(buf);
  free(buf);
}

void sized(int id, size_t n) {
  char *buf = malloc(n);
  snprintf(buf, n, "#%d", id);
  puts(buf);
  free(buf);
}

int removed(int x) {
  int *p = malloc(sizeof *p);
  *p = x;
  int y = *p + 1;
  free(p);
  return y;
}

// YAML: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: HeapToStack
// YAML-NEXT: DebugLoc: {{.*}}heap-to-stack.c, Line: 15, Column: 15}
// YAML-NEXT: Function: print_id
// YAML-NEXT: Args:
// YAML-NEXT: - Bytes: '64'
// YAML-NEXT: - String: '-byte heap buffer from '''
// YAML-NEXT: - Callee: malloc
// YAML-NEXT: - String: ''' never leaves this function and is freed on every path: a stack array avoids malloc/free'
// YAML-NEXT: ...
// YAML: Name: HeapToStack
// YAML: Function: sum_squares
// YAML: - Bytes: '64'
// YAML-NEXT: - String: '-byte heap buffer from '''
// YAML-NEXT: - Callee: calloc
// YAML-NOT: Name: HeapToStack
// COUNT: {{(^|,)}}9{{$}}
