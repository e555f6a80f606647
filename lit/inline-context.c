// Context (SPEC "Context"): a remark whose site lies in code inlined from
// another function names that function and each call it was inlined at,
// in its one sentence, as InlinedFrom args with those calls' DebugLocs (and
// InlinedInto, the function the code now lives in), and in one note per
// level at those calls. LoopDepth is the depth after inlining, with the
// DebugLoc of the loop, and the sentence says where the loop is. A site in
// no inlined code says nothing of the kind. The same with -g.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t-g.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t-g.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// COUNT: {{(^|,)}}10{{$}}
// The driver reads the context back: the report's sentence, --why's steps,
// the site's context list, the LSP's related locations.
// RUN: %escape report --all --why %t.yaml | FileCheck %s --check-prefix=WHY --implicit-check-not=why:
// RUN: rm -rf %t.site && %escape report --all --root %S -o %t.site/ %t.yaml
// RUN: FileCheck %s --check-prefix=SITE < %t.site/f0000-inline-context.c.html
// RUN: rm -rf %t.d && mkdir -p %t.d/build && cp %s %t.d/inline-context.c
// RUN: printf '[{"directory": "%t.d/build", "file": "../inline-context.c", "arguments": ["%clang", "-O2", "-c", "../inline-context.c", "-o", "ic.o"]}]' > %t.d/build/compile_commands.json
// RUN: cd %t.d/build && %clang -O2 -fplugin=%escape_plugin -c ../inline-context.c -o ic.o
// RUN: %lsp_client %s %t.d -- %escape lsp | FileCheck %s --check-prefix=LSP
// > {"init": {}}
// > {"open": "inline-context.c"}
// > {"wait": "inline-context.c"}
#include <stdio.h>
#include <stdlib.h>

int failures;
__attribute__((noinline)) void note_failure(int line) { failures += line; }

static void fail(char *buf, const char *what, int line) {
  // Two levels: fail inlined into check, inlined into run's loop.
  // CHECK: inline-context.c:[[@LINE+3]]:3: remark: variadic call to 'sprintf' in 'fail', inlined into 'check' at inline-context.c:48, inlined into 'run' at inline-context.c:53, in a loop (depth 1) at inline-context.c:52: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
  // CHECK: inline-context.c:48:5: note: 'fail' inlined into 'check' here
  // CHECK: inline-context.c:53:5: note: 'check' inlined into 'run' here
  sprintf(buf, "%s at %d", what, line);
  // A call not inlined inside inlined code: decided in three contexts (in
  // fail, its copy in check, the copy of that in run), printed once with
  // the first; the YAML keeps each with its own chain.
  // CHECK: inline-context.c:[[@LINE+2]]:3: remark: 'note_failure' not inlined into 'check' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'fail', inlined into 'check' at inline-context.c:48 (in 3 contexts) [-Rpass-missed=escape]
  // CHECK: inline-context.c:48:5: note: 'fail' inlined into 'check' here
  note_failure(line);
}

static void check(char *buf, int v, int line) {
  if (v < 0)
    fail(buf, "negative", line);
}

void run(char *buf, const int *v, int n) {
  for (int i = 0; i < n; i++)
    check(buf, v[i], i);
}

static char *copy(const char *s) {
  // One level, in the loop of the function the code now lives in.
  // CHECK: inline-context.c:[[@LINE+2]]:13: remark: 'malloc' allocates in 'copy', inlined into 'copies' at inline-context.c:68, in a loop (depth 1) at inline-context.c:67: allocate once outside the loop and reuse, or use a pool [-Rpass-missed=escape]
  // CHECK: inline-context.c:68:14: note: 'copy' inlined into 'copies' here
  char *p = malloc(16);
  if (p)
    p[0] = s[0];
  return p;
}

void copies(char **out, const char **in, int n) {
  for (int i = 0; i < n; i++)
    out[i] = copy(in[i]);
}

// Not in inlined code: no context, no note.
void direct(char *buf, int n) {
  for (int i = 0; i < n; i++)
    // CHECK: inline-context.c:[[@LINE+1]]:5: remark: variadic call to 'sprintf' in a loop (depth 1) at inline-context.c:73: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
    sprintf(buf, "%d", i);
}

// YAML: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: VarargsInLoop
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context.c, Line: 37, Column: 3}
// YAML-NEXT: Function: run
// YAML-NEXT: Args:
// YAML-NEXT: - String: variadic call to '
// YAML-NEXT: - Callee: sprintf
// YAML-NEXT: - String: ''' in '''
// YAML-NEXT: - InlinedFrom: fail
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 48, Column: 5}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedFrom: check
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 53, Column: 5}
// YAML-NEXT: - String: ''' at inline-context.c:48, inlined into '''
// YAML-NEXT: - InlinedInto: run
// YAML-NEXT: - String: ''' at inline-context.c:53, in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 52, Column: 3}
// YAML-NEXT: - String: ') at inline-context.c:52: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite'
// YAML-NEXT: ...
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context.c, Line: 43, Column: 3}
// YAML-NEXT: Function: check
// YAML: - String: ); the call is in '
// YAML-NEXT: - InlinedFrom: fail
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 48, Column: 5}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: check
// YAML-NEXT: - String: ''' at inline-context.c:48'
// YAML-NEXT: ...
// The verdict in fail itself: no context.
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context.c, Line: 43, Column: 3}
// YAML-NEXT: Function: fail
// YAML-NOT: Inlined
// YAML: ...
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context.c, Line: 43, Column: 3}
// YAML-NEXT: Function: run
// YAML: - String: ); the call is in '
// YAML-NEXT: - InlinedFrom: fail
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 48, Column: 5}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedFrom: check
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 53, Column: 5}
// YAML-NEXT: - String: ''' at inline-context.c:48, inlined into '''
// YAML-NEXT: - InlinedInto: run
// YAML-NEXT: - String: ''' at inline-context.c:53; in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 52, Column: 3}
// YAML-NEXT: - String: ) at inline-context.c:52
// YAML-NEXT: ...
// YAML: Name: HeapAllocInLoop
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context.c, Line: 60, Column: 13}
// YAML-NEXT: Function: copies
// YAML: - InlinedFrom: copy
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context.c, Line: 68, Column: 14}
// YAML: - InlinedInto: copies
// YAML: ...
// YAML: Name: VarargsInLoop
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context.c, Line: 75, Column: 5}
// YAML-NEXT: Function: direct
// YAML-NOT: Inlined
// YAML: ...

// WHY: inline-context.c:43:3: NotInlined: 'note_failure' not inlined into 'check' {{.*}}; the call is in 'fail', inlined into 'check' at inline-context.c:48 [and 2 other inlined contexts]
// WHY-NEXT: why: {{.*}}inline-context.c:48:5: InlinedFrom fail
// WHY: inline-context.c:37:3: VarargsInLoop: variadic call to 'sprintf' in 'fail', inlined into 'check' at inline-context.c:48, inlined into 'run' at inline-context.c:53, in a loop (depth 1) at inline-context.c:52: {{.*}}
// WHY-NEXT: why: {{.*}}inline-context.c:48:5: InlinedFrom fail
// WHY-NEXT: why: {{.*}}inline-context.c:53:5: InlinedFrom check
// WHY: inline-context.c:60:13: HeapAllocInLoop: 'malloc' allocates in 'copy', inlined into 'copies' at inline-context.c:68, in a loop (depth 1) at inline-context.c:67: {{.*}}
// WHY-NEXT: why: {{.*}}inline-context.c:68:14: InlinedFrom copy
// WHY: inline-context.c:75:5: VarargsInLoop: variadic call to 'sprintf' in a loop (depth 1) at inline-context.c:73: {{.*}}
// WHY-EMPTY:

// SITE: variadic call to &#39;sprintf&#39; in &#39;fail&#39;, inlined into &#39;check&#39; at inline-context.c:48, {{.*}}<ul class=ctx><li>inlined from <code>fail</code> at <a href="f0000-inline-context.c.html#L48">inline-context.c:48:5</a></li><li>inlined from <code>check</code> at <a href="f0000-inline-context.c.html#L53">inline-context.c:53:5</a></li></ul>

// LSP: diagnostics URI/inline-context.c version 1:
// LSP: {"code": "VarargsInLoop", {{.*}}"message": "variadic call to 'sprintf' in 'fail', inlined into 'check' at inline-context.c:48, inlined into 'run' at inline-context.c:53, in a loop (depth 1) at inline-context.c:52: {{.*}}", {{.*}}"relatedInformation": [{"location": {"range": {{.*}}"uri": "URI/inline-context.c"}, "message": "inlined from 'fail' here"}, {"location": {"range": {{.*}}"uri": "URI/inline-context.c"}, "message": "inlined from 'check' here"}, {"location": {"range": {{.*}}"uri": "URI/inline-context.c"}, "message": "the loop (depth 1) is here"}]

// In SARIF each inlined-at call is a relatedLocation, worded as the note.
// RUN: cd %S && %escape report --format sarif %t.yaml > %t.sarif
// RUN: %python %S/Inputs/driver/check_sarif.py --flows %t.sarif | FileCheck %s --check-prefix=SARIF
// SARIF: result: VarargsInLoop warning inline-context.c:37:3 16
// SARIF-NEXT: {{^}}  context: inline-context.c:48:5 'fail' inlined into 'check' here{{$}}
// SARIF-NEXT: {{^}}  context: inline-context.c:53:5 'check' inlined into 'run' here{{$}}
// SARIF-NEXT: result: NotInlined warning inline-context.c:43:3 16
// SARIF-NEXT: {{^}}  context: inline-context.c:48:5 'fail' inlined into 'check' here{{$}}
// SARIF-NEXT: result: NotInlined warning inline-context.c:43:3 16
// SARIF-NEXT: result: NotInlined warning inline-context.c:43:3 16
// SARIF-NEXT: {{^}}  context: inline-context.c:48:5 'fail' inlined into 'check' here{{$}}
// SARIF-NEXT: {{^}}  context: inline-context.c:53:5 'check' inlined into 'run' here{{$}}
// SARIF-NEXT: result: HeapAllocInLoop warning inline-context.c:60:13 16
// SARIF-NEXT: {{^}}  context: inline-context.c:68:14 'copy' inlined into 'copies' here{{$}}
// SARIF-NEXT: result: VarargsInLoop warning inline-context.c:75:5 16
// SARIF-NOT: {{.}}
