// Argument numbers count as the user does: `this` is not argument 1.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

struct Registry {
  void add(const char *name, int *slot);
};

// CHECK: cxx-method-arg.cpp:[[@LINE+1]]:22: remark: leaking param: 'registry' is passed to 'Registry::add' (as 'this'), a call that may keep it
int enroll(Registry &registry) {
  // CHECK: cxx-method-arg.cpp:[[@LINE+1]]:7: remark: 'id' escapes: address passed to 'Registry::add' (argument 2)
  int id = 0;
  // NOISE-DAG: cxx-method-arg.cpp:[[@LINE+1]]:12: remark: 'Registry::add' not inlined into 'enroll' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  registry.add("x", &id);
  return id;
}

// YAML: - Callee: _ZN8Registry3addEPKcPi
// YAML: - ArgNo: '2'
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
