// A local whose address is an inline asm operand escapes with Reason asm.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

int barrier(void) {
  // CHECK: local-asm.c:[[@LINE+1]]:7: remark: 'token' escapes: address given to inline asm, so it lives in memory [-Rpass-missed=escape]
  int token = 7;
  __asm__ volatile("" : : "r"(&token) : "memory");
  return token;
}

// YAML: - Var: token
// YAML: - String: ''' escapes: address given to inline '
// YAML: - Reason: asm
