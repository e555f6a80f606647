// A function that may be replaced at link time (-fPIC with semantic
// interposition) is not inlined; the message says how to allow it.
// RUN: %clang -O2 -fPIC -fsemantic-interposition -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -fPIC -fno-semantic-interposition -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | count 0

int step(int x) { return x + 1; }

int twice(int x) {
  // CHECK: inline-interposable.c:[[@LINE+2]]:10: remark: 'step' not inlined into 'twice' (interposable): the callee may be replaced at link time; make it static, or build with -fno-semantic-interposition (LLVM: interposable) [-Rpass-missed=escape]
  // CHECK: inline-interposable.c:[[@LINE+1]]:15: remark: 'step' not inlined into 'twice' (interposable): the callee may be replaced at link time; make it static, or build with -fno-semantic-interposition (LLVM: interposable) [-Rpass-missed=escape]
  return step(step(x));
}
