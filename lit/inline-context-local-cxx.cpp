// C++ context of a local: the function the local belongs to and the ones
// it was inlined into are named as the source does (qualified, template
// arguments), with and without -g (without it the debug info has only
// 'fill'); the YAML keeps the linkage names.
// RUN: %clangxx -std=c++17 -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: %clangxx -std=c++17 -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t-g.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t-g.yaml

void keep(char *p);

namespace ns {
template <typename T> struct Box {
  T v;
  void fill(int n) {
    char buf[16];
    buf[0] = (char)n;
    keep(buf);
  }
};
template <typename T> void fill_all(Box<T> &b, int n) { b.fill(n); }
} // namespace ns

void run(ns::Box<int> &b, int n) { ns::fill_all(b, n); }

// CHECK: inline-context-local-cxx.cpp:16:10: remark: 'buf' in 'ns::Box<int>::fill', inlined into 'ns::fill_all<int>' at inline-context-local-cxx.cpp:21, inlined into 'run' at inline-context-local-cxx.cpp:24, escapes: address passed to 'keep' (argument 1), a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' [-Rpass-missed=escape]
// CHECK: inline-context-local-cxx.cpp:21:59: note: 'ns::Box<int>::fill' inlined into 'ns::fill_all<int>' here
// CHECK: inline-context-local-cxx.cpp:24:36: note: 'ns::fill_all<int>' inlined into 'run' here

// YAML: Name: LocalEscapes
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context-local-cxx.cpp, Line: 16, Column: 10}
// YAML-NEXT: Function: _Z3runRN2ns3BoxIiEEi
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: buf
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local-cxx.cpp, Line: 16, Column: 10}
// YAML-NEXT: - String: ''' in '''
// YAML-NEXT: - InlinedFrom: _ZN2ns3BoxIiE4fillEi
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local-cxx.cpp, Line: 21, Column: 59}
// YAML-NEXT: - String: ''', inlined into '''
// YAML-NEXT: - InlinedFrom: _ZN2ns8fill_allIiEEvRNS_3BoxIT_EEi
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-local-cxx.cpp, Line: 24, Column: 36}
// YAML-NEXT: - String: ''' at inline-context-local-cxx.cpp:21, inlined into '''
// YAML-NEXT: - InlinedInto: _Z3runRN2ns3BoxIiEEi
// YAML-NEXT: - String: ''' at inline-context-local-cxx.cpp:24, escapes: address passed to '''
