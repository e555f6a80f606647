// A local whose address goes to a function the optimizer cannot see escapes;
// the remark sits on the declaration and names the call and argument.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

void fill(char *p, int n);

int parse(void) {
  // CHECK: local-call.c:[[@LINE+1]]:8: remark: 'buf' escapes: address passed to 'fill' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' [-Rpass-missed=escape]
  char buf[64];
  // NOISE-DAG: local-call.c:[[@LINE+1]]:3: remark: 'fill' not inlined into 'parse' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  fill(buf, 64);
  return buf[0];
}

// YAML: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}local-call.c{{'?}}, Line: 11, Column: 8{{ ?}}}
// YAML-NEXT: Function: parse
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: buf
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}local-call.c{{'?}}, Line: 11, Column: 8{{ ?}}}
// YAML-NEXT: - String: ''' escapes: address passed to '''
// YAML-NEXT: - Callee: fill
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}local-call.c{{'?}}, Line: 13, Column: 3{{ ?}}}
// YAML-NEXT: - String: ''' (argument '
// YAML-NEXT: - ArgNo: '1'
// YAML-NEXT: - String: '), a '
// YAML-NEXT: - Reason: call
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}local-call.c{{'?}}, Line: 13, Column: 3{{ ?}}}
// YAML-NEXT: - String: ' that may keep it, so it lives in memory; pass a copy or mark the parameter ''noescape'''
// YAML-NEXT: ...
// YAML-NEXT: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: NotInlined
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}local-call.c{{'?}}, Line: 13, Column: 3{{ ?}}}
// YAML-NEXT: Function: parse
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Callee: fill
// YAML-NEXT: - String: ''' not inlined into '''
// YAML-NEXT: - Caller: parse
// YAML-NEXT: - String: ''' ('
// YAML-NEXT: - Reason: no-definition
// YAML-NEXT: - String: '): no definition in this translation unit; define it static inline in a header, or build with -flto'
// YAML-NEXT: ...
// YAML-NOT: ---

// COUNT: {{(^|,)}}3{{$}}
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
