// The Reason of LeakingParam and LocalEscapes names what captured the
// pointer as LLVM saw it (SPEC "Remarks"): a volatile access, a comparison
// with another pointer, a conversion to an integer, a variadic argument
// (LLVM's rule for every variadic argument, not the callee's doing), a
// recursion LLVM does not follow, a null check (LLVM 19 only: LLVM 22 knows
// a null check captures only whether the address is null), more uses than
// CaptureTracking examines; the most telling capture wins.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,LLVM%llvm_major --implicit-check-not="leaking param" --implicit-check-not=" escapes:" --implicit-check-not=warning:
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,LLVM%llvm_major --implicit-check-not="leaking param" --implicit-check-not=" escapes:" --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefixes=YAML,YAML%llvm_major < %t.yaml
// RUN: FileCheck %s --check-prefixes=YAML,YAML%llvm_major < %t-g.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

#include <stdint.h>

void log_values(const char *fmt, ...);
void sink(int value);

// CHECK: capture-reasons.c:[[@LINE+1]]:34: remark: leaking param: 'reg' is accessed as volatile, which the optimizer counts as a capture; callers' locals passed here escape [-Rpass-analysis=escape]
void poke(volatile unsigned int *reg) { *reg = 1; }

// LLVM 22 counts an ordering comparison as capturing the address only.
// LLVM22-NOT: is compared with another pointer
// LLVM19: capture-reasons.c:[[@LINE+1]]:24: remark: leaking param: 'a' is compared with another pointer, which the optimizer counts as a capture; callers' locals passed here escape [-Rpass-analysis=escape]
int before(const char *a, const char *b) { return a < b; }
// LLVM19: capture-reasons.c:[[@LINE-1]]:39: remark: leaking param: 'b' is compared with another pointer

// CHECK: capture-reasons.c:[[@LINE+1]]:31: remark: leaking param: 'p' is converted to an integer, which the optimizer counts as a capture; callers' locals passed here escape [-Rpass-analysis=escape]
uintptr_t address(const void *p) { return (uintptr_t)p; }

// NOISE-DAG: capture-reasons.c:[[@LINE+1]]:27: remark: leaking param: 'name' is passed to 'log_values' (argument 2) among its varargs, which LLVM always treats as captured; callers' locals passed here escape [-Rpass-analysis=escape]
void announce(const char *name) { log_values("%s", name); }

struct tree { struct tree *left, *right; };

// Built from a list by recursion; LLVM does not see that the recursive
// calls keep 'list' no more than the function does.
// CHECK: capture-reasons.c:[[@LINE+1]]:34: remark: leaking param: 'list' is only passed back to 'build' itself (argument 1), a recursive call the optimizer does not follow; callers' locals passed here escape [-Rpass-analysis=escape]
struct tree *build(struct tree **list, int depth) {
  struct tree *p;
  struct tree *left;
  if (*list == 0)
    return 0;
  if (depth > 1) {
    left = build(list, depth - 1);
    p = *list;
    if (p == 0)
      return left;
    p->left = left;
    *list = p->right;
    p->right = build(list, depth - 1);
  } else {
    p = *list;
    *list = p->right;
    p->left = p->right = 0;
  }
  return p;
}

// LLVM22-NOT: 'list' is compared with null
// LLVM19: capture-reasons.c:[[@LINE+1]]:31: remark: leaking param: 'list' is compared with null (null-check), which LLVM 19 counts as a capture; callers' locals passed here escape [-Rpass-analysis=escape]
int length(const struct tree *list) {
  int n = 0;
  for (; list; list = list->right)
    n++;
  return n;
}

// More uses than CaptureTracking examines (100 in LLVM 19 and 22).
#define R4(k) sink(p[k]); sink(p[k + 1]); sink(p[k + 2]); sink(p[k + 3]);
#define R16(k) R4(k) R4(k + 4) R4(k + 8) R4(k + 12)
// CHECK: capture-reasons.c:[[@LINE+1]]:23: remark: leaking param: 'p' is used more often than the optimizer's capture analysis looks (use-limit), so it assumes a capture; callers' locals passed here escape [-Rpass-analysis=escape]
void weigh(const int *p) {
  R16(0) R16(16) R16(32) R16(48) R16(64) R16(80) R16(96)
}

// YAML-DAG: Reason: volatile
// YAML19-DAG: Reason: compared
// YAML-DAG: Reason: converted
// YAML-DAG: Reason: varargs
// YAML-DAG: Reason: recursive
// YAML-DAG: Reason: use-limit
// YAML19-DAG: Reason: null-check
// YAML22-NOT: Reason: null-check
// YAML22-NOT: Reason: compared
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
