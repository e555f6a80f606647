// A template's local is reported at its one source location, once, however
// many instantiations keep it.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

void record(const void *p);

template <typename T> T roundtrip(T value) {
  // CHECK: cxx-template.cpp:[[@LINE+2]]:5: remark: 'copy' in 'roundtrip<int>', inlined into 'use_int' at cxx-template.cpp:16, escapes: address passed to 'record' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' (in 2 contexts) [-Rpass-missed=escape]
  // CHECK: cxx-template.cpp:16:29: note: 'roundtrip<int>' inlined into 'use_int' here
  T copy = value;
  // NOISE-DAG: cxx-template.cpp:[[@LINE+1]]:3: remark: 'record' not inlined into 'roundtrip<int>' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto (in 2 contexts) [-Rpass-missed=escape]
  record(&copy);
  return copy;
}

int use_int(int x) { return roundtrip(x); }
long use_long(long x) { return roundtrip(x); }
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
