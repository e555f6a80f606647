// A local whose address is stored to memory that outlives the call escapes
// with Reason stored; the reason's location is the store.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

extern int *registry;
void run(void);

int publish(void) {
  // CHECK: local-stored.c:[[@LINE+1]]:7: remark: 'value' escapes: address stored to memory, so it lives in memory; store the value instead [-Rpass-missed=escape]
  int value = 42;
  registry = &value;
  // NOISE-DAG: local-stored.c:[[@LINE+1]]:3: remark: 'run' not inlined into 'publish' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  run();
  registry = 0;
  return value;
}

// YAML: Name: LocalEscapes
// YAML: Function: publish
// YAML: - Var: value
// YAML: - String: ''' escapes: address '
// YAML: - Reason: stored
// YAML-NEXT: DebugLoc: {{.*}}Line: 13, Column: 12

// YAML: Name: NotInlined
// YAML: Function: publish
// YAML: - Callee: run
// YAML: - Reason: no-definition

// COUNT: {{(^|,)}}3{{$}}
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
