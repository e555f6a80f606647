// A loop remark whose site is system-header code inlined into the user's
// is reported at the first call in user code of its inlined-at chain (SPEC
// "Context"), with its context; with system-headers, at the header's line.
// Remarks about the header's own code stay left out.
// RUN: %clang -O2 -isystem %S/Inputs/sys -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=USER --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %clang -O2 -isystem %S/Inputs/sys -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-system-headers -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=SYS --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:

#include <sysalloc.h>

void keep(void *p);

void fill(int n) {
  for (int i = 0; i < n; i++)
    keep(sys_make(32));
}

// The loop is at line 14, the call of sys_make at line 15.
// USER: system-header-frame.c:15:5: remark: 'keep' not inlined into 'fill' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at system-header-frame.c:14 [-Rpass-missed=escape]
// USER: system-header-frame.c:15:10: remark: 'malloc' allocates in 'sys_make', inlined into 'fill' at system-header-frame.c:15, in a loop (depth 1) at system-header-frame.c:14: allocate once outside the loop and reuse, or use a pool [-Rpass-missed=escape]
// USER: system-header-frame.c:15:10: note: 'sys_make' inlined into 'fill' here

// SYS: sysalloc.h:5:13: remark: 'malloc' allocates in 'sys_make', inlined into 'fill' at system-header-frame.c:15, in a loop (depth 1) at system-header-frame.c:14: allocate once outside the loop and reuse, or use a pool [-Rpass-missed=escape]
// SYS: system-header-frame.c:15:10: note: 'sys_make' inlined into 'fill' here
// SYS: system-header-frame.c:15:5: remark: 'keep' not inlined into 'fill'

// YAML: Name: HeapAllocInLoop
// YAML-NEXT: DebugLoc: {{.*}}system-header-frame.c, Line: 15, Column: 10}
// YAML-NEXT: Function: fill
// YAML: - InlinedFrom: sys_make
// YAML-NEXT: DebugLoc: {{.*}}system-header-frame.c, Line: 15, Column: 10}
// YAML: - InlinedInto: fill
