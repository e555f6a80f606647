// With a PGO profile, remarks at calls carry LLVM's Hotness (the profile
// count), and `hot` prints those the profile summary counts as hot even
// outside loops: print_id's buffer (20000 calls) but not print_rare's (1).
// Needs clang's profile runtime, which scripts/deps.sh installs for clang-19 only.
// REQUIRES: llvm19
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -O2 -fprofile-instr-generate %s -o %t/gen
// RUN: env LLVM_PROFILE_FILE=%t/run.profraw %t/gen > /dev/null
// RUN: llvm-profdata merge -o %t/run.profdata %t/run.profraw
// RUN: %clang -O2 -fprofile-instr-use=%t/run.profdata -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-hot -fplugin-arg-escape-yaml=%t/hot.yaml -c %s -o %t/hot.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t/hot.yaml
#include <stdio.h>
#include <stdlib.h>
__attribute__((noinline)) void print_id(int id) {
  // CHECK: pgo-hotness.c:[[@LINE+1]]:15: remark: 64-byte heap buffer from 'malloc' never leaves this function and is freed on every path: a stack array avoids malloc/free [-Rpass-missed=escape]
  char *buf = malloc(64);
  if (!buf)
    return;
  snprintf(buf, 64, "#%d", id);
  puts(buf);
  free(buf);
}
__attribute__((noinline)) void print_rare(int id) {
  char *buf = malloc(32);
  if (!buf)
    return;
  snprintf(buf, 32, "!%d", id);
  puts(buf);
  free(buf);
}
int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 20000; i++)
    // CHECK: pgo-hotness.c:[[@LINE+1]]:5: remark: 'print_id' not inlined into 'main' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); in a loop (depth 1) at pgo-hotness.c:33 [-Rpass-missed=escape]
    print_id(i);
  print_rare(argc);
  return 0;
}

// YAML: Name: HeapToStack
// YAML-NEXT: DebugLoc: {{.*}}pgo-hotness.c, Line: 16, Column: 15}
// YAML-NEXT: Function: print_id
// YAML-NEXT: Hotness: 20000
// YAML: Name: HeapToStack
// YAML-NEXT: DebugLoc: {{.*}}pgo-hotness.c, Line: 24, Column: 15}
// YAML-NEXT: Function: print_rare
// YAML-NEXT: Hotness: 1
