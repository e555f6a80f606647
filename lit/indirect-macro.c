// A call target spelled by a macro is named by what the macro expands to,
// with the macro's name beside it (a Macro arg), not by the macro's text
// (`REALLOC(tag->buf, size)`). The outermost macro names it.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

struct mem {
  void *(*realloc_fcn)(void *, unsigned long);
};
struct parser {
  struct mem m_mem;
};
#define MEM(p) ((p)->m_mem)
#define REALLOC(ptr, size) (MEM(parser).realloc_fcn((ptr), (size)))

void *grow(struct parser *parser, void **bufs, int n) {
  for (int i = 0; i < n; i++)
    // CHECK: indirect-macro.c:[[@LINE+1]]:15: remark: indirect call through 'parser->m_mem.realloc_fcn', from macro REALLOC, in a loop (depth 1) at indirect-macro.c:18 was not devirtualized or inlined; hoist the choice of target out of the loop [-Rpass-missed=escape]
    bufs[i] = REALLOC(bufs[i], 64);
  return bufs[0];
}

// YAML: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: IndirectCallInLoop
// YAML-NEXT: DebugLoc: {{.*}}indirect-macro.c, Line: 20, Column: 15}
// YAML-NEXT: Function: grow
// YAML-NEXT: Args:
// YAML-NEXT: - String: indirect call through '
// YAML-NEXT: - Callee: parser->m_mem.realloc_fcn
// YAML-NEXT: - String: ''', from macro '
// YAML-NEXT: - Macro: REALLOC
// YAML-NEXT: - String: ', in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML-NEXT:   DebugLoc: {{.*}}indirect-macro.c, Line: 18, Column: 3}
// YAML-NEXT: - String: ) at indirect-macro.c:18 was not devirtualized or inlined; hoist the choice of target out of the loop
// YAML-NEXT: ...
// COUNT: {{(^|,)}}4{{$}}

// A cast the macro needs is not part of the name either (sqlite3.c's
// osOpen).
struct syscall {
  void (*pCurrent)(void);
};
extern struct syscall aSyscall[4];
#define osOpen ((int (*)(const char *, int))aSyscall[0].pCurrent)

int open_all(const char **names, int n) {
  int fd = 0;
  for (int i = 0; i < n; i++)
    // CHECK: indirect-macro.c:[[@LINE+1]]:11: remark: indirect call through 'aSyscall[0].pCurrent', from macro osOpen, in a loop (depth 1) at indirect-macro.c:51 was not devirtualized or inlined; hoist the choice of target out of the loop [-Rpass-missed=escape]
    fd += osOpen(names[i], 0);
  return fd;
}
