// A local in a scope that a case label enters has no lifetime start (clang
// cannot start it where a jump may land past the declaration); it is named
// by its own loads and stores, in the function itself and where it is
// inlined. The same with and without -g.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

void keep(int *p);

int step(int op, int arg) {
  switch (op) {
  case 1: {
    // CHECK-DAG: switch-scope-local.c:[[@LINE+1]]:9: remark: 'res' escapes: address passed to 'keep' (argument 1)
    int res;
  case 2:
    res = arg;
    keep(&res);
    return res;
  }
  case 3: {
    // CHECK-DAG: switch-scope-local.c:[[@LINE+1]]:9: remark: 'first' escapes: address passed to 'keep' (argument 1)
    int first, second;
  case 4:
    first = arg;
    second = arg * 2;
    keep(&first);
    return first + second;
  }
  }
  return 0;
}

static int run(int op, int arg) {
  switch (op) {
  default: {
    // CHECK-DAG: switch-scope-local.c:[[@LINE+2]]:9: remark: 'inner' in 'run', inlined into 'twice' at switch-scope-local.c:47, escapes: address passed to 'keep' (argument 1)
    // CHECK-DAG: switch-scope-local.c:47:45: note: 'run' inlined into 'twice' here
    int inner;
  case 7:
    inner = arg + 1;
    keep(&inner);
    return inner;
  }
  }
}

int twice(int arg) { return run(arg, arg) + run(arg + 1, arg); }
