// A parameter whose own address escapes is reported like a local, at the
// parameter's declaration.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

void keep(int *p);

// CHECK: param-address.c:[[@LINE+1]]:21: remark: 'count' escapes: address passed to 'keep' (argument 1)
int bump(int a, int count) {
  // NOISE-DAG: param-address.c:[[@LINE+1]]:3: remark: 'keep' not inlined into 'bump' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  keep(&count);
  return a + count;
}

// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {{.*}}Line: 10, Column: 21
// YAML-NEXT: Function: bump
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: count
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
