// IndirectCallInLoop: calls through a function pointer that the optimizer
// could not make direct, inside a loop, named by the pointer expression.
// Not reported: a pointer that constant-propagates to a known function
// (the call becomes direct and is inlined), and indirect calls outside
// loops.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

struct codec {
  int (*encode)(int);
};

int encode_all(int *v, int n, const struct codec *c, int (*check)(int)) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: indirect-loop.c:[[@LINE+1]]:12: remark: indirect call through 'c->encode' in a loop (depth 1) at indirect-loop.c:16 was not devirtualized or inlined; hoist the choice of target out of the loop [-Rpass-missed=escape]
    v[i] = c->encode(v[i]);
    // CHECK: indirect-loop.c:[[@LINE+1]]:12: remark: indirect call through 'check' in a loop (depth 1) at indirect-loop.c:16 was not devirtualized or inlined; hoist the choice of target out of the loop [-Rpass-missed=escape]
    bad += check(v[i]);
  }
  return bad + check(n);
}

static int square(int x) { return x * x; }

static int apply(int (*op)(int), int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += op(v[i]);
  return s;
}

int sum_squares(int *v, int n) { return apply(square, v, n); }

// YAML: Name: IndirectCallInLoop
// YAML-NEXT: DebugLoc: {{.*}}indirect-loop.c, Line: 18, Column: 12}
// YAML-NEXT: Function: encode_all
// YAML-NEXT: Args:
// YAML-NEXT: - String: indirect call through '
// YAML-NEXT: - Callee: c->encode
// YAML-NEXT: - String: ''' in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML: - Callee: check
// COUNT: {{(^|,)}}4{{$}}
