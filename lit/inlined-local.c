// A helper's local keeps escaping after the helper is inlined: the remark
// stays at the helper's declaration and prints once, not once per caller,
// with the first of its contexts (SPEC "Context"): whose local it is, where
// it was inlined, and a note there; the YAML keeps each copy's context.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

void consume(char *p);

static inline int helper(int k) {
  // CHECK: inlined-local.c:[[@LINE+2]]:8: remark: 'scratch' in 'helper', inlined into 'first' at inlined-local.c:21, escapes: address passed to 'consume' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' (in 2 contexts) [-Rpass-missed=escape]
  // CHECK: inlined-local.c:21:27: note: 'helper' inlined into 'first' here
  char scratch[32];
  scratch[0] = (char)k;
  // NOISE-DAG: inlined-local.c:[[@LINE+1]]:3: remark: 'consume' not inlined into 'helper' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  consume(scratch);
  return scratch[1];
}

int first(int k) { return helper(k) + 1; }
int second(int k) { return helper(k) * 2; }

// One YAML document per function that holds a copy; the call was decided
// in the helper, before the helper was inlined.
// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {File: {{.*}}inlined-local.c, Line: 14, Column: 8}
// YAML-NEXT: Function: first
// YAML: - InlinedFrom: helper
// YAML-NEXT:   DebugLoc: {File: {{.*}}inlined-local.c, Line: 21, Column: 27}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: first
// YAML-NEXT: - String: ''' at inlined-local.c:21, escapes: address passed to '''
// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {File: {{.*}}inlined-local.c, Line: 14, Column: 8}
// YAML-NEXT: Function: second
// YAML: - InlinedFrom: helper
// YAML-NEXT:   DebugLoc: {File: {{.*}}inlined-local.c, Line: 22, Column: 28}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedInto: second
// YAML-NEXT: - String: ''' at inlined-local.c:22, escapes: address passed to '''
// YAML: Name: NotInlined
// YAML-NEXT: DebugLoc:
// YAML-NEXT: Function: helper
// Then the records of the two definitions for the driver's join.
// YAML: Name: Definition
// YAML-NEXT: DebugLoc:
// YAML-NEXT: Function: first
// YAML: Name: Definition
// YAML-NEXT: DebugLoc:
// YAML-NEXT: Function: second
// YAML-NOT: Function:
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
