// Remarks located in system headers are left out unless system-headers is
// given; the user's own code is reported either way.
// RUN: %clang -O2 -isystem %S/Inputs/sys -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=USER --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -isystem %S/Inputs/sys -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-system-headers -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=SYS,USER --implicit-check-not=remark: --implicit-check-not=warning:

#include <syslib.h>

void keep(int *p);

int user(void) {
  // USER-DAG: flag-system-headers.c:[[@LINE+1]]:7: remark: 'mine' escapes
  int mine = sys_read();
  keep(&mine);
  return mine;
}

// SYS-DAG: syslib.h:4:7: remark: 'value' in 'sys_read', inlined into 'user' at flag-system-headers.c:12, escapes: address passed to 'sys_fill' (argument 1)
// SYS-DAG: flag-system-headers.c:12:14: note: 'sys_read' inlined into 'user' here
