// Context of a local (SPEC "Context"): a remark at the declaration of a
// local that the inliner copied from another function names that function
// and each call it was inlined at, in its sentence, as InlinedFrom args
// with those calls' DebugLocs (and InlinedInto), and in one note per level.
// The chain comes from the places that tie the copy to its variable, which
// are the same with and without -g. So for HeapPromoted (a __block
// variable) and, with verbose, LocalNoEscape; a local of the function itself
// says nothing of the kind. 17 YAML documents: 11 remarks, 6 Definitions.
// RUN: %clang -O2 -fblocks -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: %clang -O2 -g -fblocks -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t-g.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t-g.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %clang -O2 -fblocks -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=VERBOSE
// COUNT: {{(^|,)}}17{{$}}

void keep(char *p);
void show(__attribute__((noescape)) const char *p);
typedef void (^action)(void);
void later(action a);

static void helper(int n) {
  char buf[16];
  buf[0] = (char)n;
  keep(buf);
}

static void mid(int n) { helper(n); }

void run(int n) { mid(n); }

static int peeked(int n) {
  char tmp[8];
  tmp[0] = (char)n;
  show(tmp);
  return tmp[1];
}

int look(int n) { return peeked(n); }

static int counted(void) {
  __block int count = 0;
  later(^{
    count++;
  });
  return count;
}

int count_all(void) { return counted(); }

void plain(int n) {
  char own[8];
  own[0] = (char)n;
  keep(own);
}

// A chain and a context: the steps, then the call it was inlined at.
char *g_last;
__attribute__((noinline)) void stash(char *p) { g_last = p; }

static void staged(int n) {
  char line[8];
  line[0] = (char)n;
  stash(line);
}

void stage(int n) { staged(n); }

// CHECK: inline-context-local.c:23:8: remark: 'buf' in 'helper', inlined into 'mid' at inline-context-local.c:28, inlined into 'run' at inline-context-local.c:30, escapes: address passed to 'keep' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' [-Rpass-missed=escape]
// CHECK: inline-context-local.c:28:26: note: 'helper' inlined into 'mid' here
// CHECK: inline-context-local.c:30:19: note: 'mid' inlined into 'run' here
// CHECK: inline-context-local.c:42:15: remark: 'count' in 'counted', inlined into 'count_all' at inline-context-local.c:49, is moved to the heap: a __block variable captured by a block that may be copied [-Rpass-missed=escape]
// CHECK: inline-context-local.c:49:30: note: 'counted' inlined into 'count_all' here
// Not in inlined code: no context, no note.
// CHECK: inline-context-local.c:52:8: remark: 'own' escapes: address passed to 'keep' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' [-Rpass-missed=escape]
// CHECK: inline-context-local.c:59:44: remark: leaking param: 'p' is stored to memory; callers' locals passed here escape [-Rpass-analysis=escape]
// CHECK: inline-context-local.c:62:8: remark: 'line' in 'staged', inlined into 'stage' at inline-context-local.c:67, escapes: address passed to 'stash' (argument 1), which stores it into global 'g_last' at {{.*}}inline-context-local.c:59, a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' [-Rpass-missed=escape]
// CHECK: inline-context-local.c:67:21: note: 'staged' inlined into 'stage' here
// CHECK: inline-context-local.c:59:56: note: stored into global 'g_last' here
// CHECK: inline-context-local.c:64:3: remark: 'stash' not inlined into 'stage' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'staged', inlined into 'stage' at inline-context-local.c:67 (in 2 contexts) [-Rpass-missed=escape]
// CHECK: inline-context-local.c:67:21: note: 'staged' inlined into 'stage' here

// VERBOSE: inline-context-local.c:33:8: remark: 'tmp' in 'peeked', inlined into 'look' at inline-context-local.c:39, does not escape [-Rpass=escape]
// VERBOSE-NEXT: {{^}}   33 |
// VERBOSE-NEXT: {{^}}      |
// VERBOSE-NEXT: inline-context-local.c:39:26: note: 'peeked' inlined into 'look' here

// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context-local.c, Line: 23, Column: 8}
// YAML-NEXT: Function: run
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: buf
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 23, Column: 8}
// YAML-NEXT: - String: ''' in '''
// YAML-NEXT: - InlinedFrom: helper
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 28, Column: 26}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedFrom: mid
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 30, Column: 19}
// YAML-NEXT: - String: ''' at inline-context-local.c:28, inlined into '''
// YAML-NEXT: - InlinedInto: run
// YAML-NEXT: - String: ''' at inline-context-local.c:30, escapes: address passed to '''
// YAML-NEXT: - Callee: keep
// YAML: Name: HeapPromoted
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context-local.c, Line: 42, Column: 15}
// YAML-NEXT: Function: count_all
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: count
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 42, Column: 15}
// YAML-NEXT: - String: ''' in '''
// YAML-NEXT: - InlinedFrom: counted
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 49, Column: 30}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: count_all
// YAML-NEXT: - String: ''' at inline-context-local.c:49, is moved to the heap: a __'
// YAML-NEXT: - Reason: block
// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context-local.c, Line: 52, Column: 8}
// YAML-NEXT: Function: plain
// YAML-NOT: Inlined
// YAML: ...
// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context-local.c, Line: 62, Column: 8}
// YAML-NEXT: Function: stage
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: line
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 62, Column: 8}
// YAML-NEXT: - String: ''' in '''
// YAML-NEXT: - InlinedFrom: staged
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local.c, Line: 67, Column: 21}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: stage
// YAML-NEXT: - String: ''' at inline-context-local.c:67, escapes: address passed to '''

// The driver reads the context back: --why lists the inlined-at calls, and
// SARIF gives each a relatedLocation after the chain's steps (codeFlows
// stay the chain).
// RUN: %escape report --all --why %t.yaml | FileCheck %s --check-prefix=WHY
// WHY: inline-context-local.c:23:8: LocalEscapes: 'buf' in 'helper', inlined into 'mid' at inline-context-local.c:28, inlined into 'run' at inline-context-local.c:30, escapes: {{.*}}
// WHY-NEXT: why: {{.*}}inline-context-local.c:28:26: InlinedFrom helper
// WHY-NEXT: why: {{.*}}inline-context-local.c:30:19: InlinedFrom mid
// WHY-NEXT: why: {{.*}}inline-context-local.c:25:3: Callee keep
// RUN: cd %S && %escape report --format sarif %t.yaml > %t.sarif
// RUN: %python %S/Inputs/driver/check_sarif.py --flows %t.sarif | FileCheck %s --check-prefix=SARIF
// SARIF: result: LocalEscapes warning inline-context-local.c:23:8 16
// SARIF-NEXT: {{^}}  context: inline-context-local.c:28:26 'helper' inlined into 'mid' here{{$}}
// SARIF-NEXT: {{^}}  context: inline-context-local.c:30:19 'mid' inlined into 'run' here{{$}}
// SARIF-NEXT: result: NotInlined
// SARIF: result: HeapPromoted warning inline-context-local.c:42:15 16
// SARIF-NEXT: {{^}}  context: inline-context-local.c:49:30 'counted' inlined into 'count_all' here{{$}}
// SARIF-NEXT: result: NotInlined
// SARIF: result: LocalEscapes warning inline-context-local.c:52:8 16
// SARIF-NEXT: result: NotInlined
// SARIF: result: LocalEscapes warning inline-context-local.c:62:8 16
// SARIF-NEXT: {{^}}  context: inline-context-local.c:67:21 'staged' inlined into 'stage' here{{$}}
// SARIF-NEXT: {{^}}  flow: inline-context-local.c:62:8 'line' in 'staged'
// SARIF-NEXT: {{^}}  flow: inline-context-local.c:64:3 Callee stash{{$}}
// SARIF-NEXT: {{^}}  flow: inline-context-local.c:59:56 Store global 'g_last'{{$}}
