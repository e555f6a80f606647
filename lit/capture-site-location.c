// Without -g the plugin keeps, before the optimizer runs, only the locations
// that remarks read (plugin/LocationTrimming.cpp). A capture site can be an
// instruction a pass makes from others: here the loop passes rewrite the
// exit condition `z < zTerm` at the location of the `&&` branch. The
// capture site's location (the Reason arg's DebugLoc) must be the one a
// compile that keeps every location reports: terminators and address
// computations keep theirs. (LLVM 22 judges pointer comparisons by what
// they capture, so the remarks differ there; see param-compare.c.)
// REQUIRES: llvm19
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o
// RUN: FileCheck %s < %t.yaml
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t-g.o
// RUN: FileCheck %s < %t-g.yaml

// CHECK: Name: LeakingParam
// CHECK-NEXT: DebugLoc: {{.*}}capture-site-location.c, Line: [[@LINE+7]], Column: 23}
// CHECK: - Param: z
// CHECK: - Reason: compared
// CHECK-NEXT: DebugLoc: {{.*}}capture-site-location.c, Line: [[@LINE+6]], Column: 18}
// CHECK: - Param: zTerm
// CHECK: - Reason: compared
// CHECK-NEXT: DebugLoc: {{.*}}capture-site-location.c, Line: [[@LINE+3]], Column: 18}
int count(const char *z, const char *zTerm) {
  int n = 0;
  while (*z != 0 && z < zTerm) {
    n++;
    z++;
  }
  return n;
}
