// C++ context: the inlined-from chain names functions as the source does
// (qualified, template arguments, no parameter list), with and without -g
// (without it the debug info has only 'put' and 'each'); the YAML keeps the
// linkage names, as for Callee and Caller.
// RUN: %clangxx -std=c++17 -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: %clangxx -std=c++17 -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t-g.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t-g.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %escape report --all %t.yaml | FileCheck %s --check-prefix=REPORT
// COUNT: {{(^|,)}}2{{$}}
#include <cstdio>

namespace ns {
struct Log {
  char buf[64];
  // CHECK: inline-context-cxx.cpp:[[@LINE+3]]:21: remark: variadic call to 'snprintf' in 'ns::Log::put', inlined into 'ns::each<ns::Log>' at inline-context-cxx.cpp:25, inlined into 'drive' at inline-context-cxx.cpp:29, in a loop (depth 1) at inline-context-cxx.cpp:24: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
  // CHECK-NEXT: {{^ *}}[[@LINE+2]] |
  // CHECK-NEXT: {{^ *}}| {{ *}}^
  void put(int i) { std::snprintf(buf, sizeof buf, "%d", i); }
};

template <typename T> void each(T &l, int n) {
  for (int i = 0; i < n; i++)
    l.put(i);
}
} // namespace ns

void drive(ns::Log &l, int n) { ns::each(l, n); }
// CHECK: inline-context-cxx.cpp:25:7: note: 'ns::Log::put' inlined into 'ns::each<ns::Log>' here
// CHECK: inline-context-cxx.cpp:29:33: note: 'ns::each<ns::Log>' inlined into 'drive' here

// YAML: Name: VarargsInLoop
// YAML-NEXT: DebugLoc: {File: {{.*}}inline-context-cxx.cpp, Line: 20, Column: 21}
// YAML-NEXT: Function: _Z5driveRN2ns3LogEi
// YAML: - InlinedFrom: _ZN2ns3Log3putEi
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-cxx.cpp, Line: 25, Column: 7}
// YAML: - InlinedFrom: _ZN2ns4eachINS_3LogEEEvRT_i
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-cxx.cpp, Line: 29, Column: 33}
// YAML: - InlinedInto: _Z5driveRN2ns3LogEi
// YAML: - LoopDepth: '1'
// YAML-NEXT:   DebugLoc: {File: {{.*}}inline-context-cxx.cpp, Line: 24, Column: 3}

// The driver demangles them too.
// REPORT: inline-context-cxx.cpp:20:21: VarargsInLoop: variadic call to 'snprintf' in 'ns::Log::put', inlined into 'ns::each<ns::Log>' at inline-context-cxx.cpp:25, inlined into 'drive' at inline-context-cxx.cpp:29, in a loop (depth 1) at inline-context-cxx.cpp:24: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite
