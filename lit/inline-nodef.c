// no-definition only for callees the user can act on: declared in the
// user's own header, not in a system header (-isystem) or libc, and not a
// call the optimizer made up (strlen from a loop, puts from printf).
// RUN: %clang -O2 -I %S/Inputs/inline -isystem %S/Inputs/sys -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML --implicit-check-not=sys_parse --implicit-check-not=puts --implicit-check-not=printf < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

#include <stdio.h>
#include "parse_item.h"
#include <sysparse.h>

int parse(const char **items, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: inline-nodef.c:[[@LINE+1]]:14: remark: 'parse_item' not inlined into 'parse' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at inline-nodef.c:14 [-Rpass-missed=escape]
    total += parse_item(items[i]) + sys_parse(items[i]);
    printf("%s\n", items[i]);
  }
  return total;
}

// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}inline-nodef.c, Line: 16, Column: 14}
// YAML-NEXT: Function: parse
// YAML: - Callee: parse_item
// YAML: - Reason: no-definition
// The loop depth is part of the sentence, not glued to the reason by tools
// that concatenate the Args ("...no-definition1").
// YAML-NEXT: - String: '): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML-NEXT:   DebugLoc: {{.*}}inline-nodef.c, Line: 14, Column: 3}
// YAML-NEXT: - String: ) at inline-nodef.c:14
// The NotInlined and parse's Definition record (the driver's join reads it).
// COUNT: {{(^|,)}}2{{$}}
