// The default noise policy (SPEC v2): printing leaves out a no-definition
// NotInlined at a call that is neither in a loop nor hot, and captures
// through a variadic argument (Reason varargs); `verbose` prints them and
// the YAML always has them. `warn` follows the same policy.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=DEFAULT --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-warn -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=DEFAULT,VERBOSE --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

void record(int value);
void note(const char *fmt, ...);

int once(int x) {
  // VERBOSE: noise-policy.c:[[@LINE+1]]:3: remark: 'record' not inlined into 'once' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  record(x);
  return x;
}

void each(int n) {
  for (int i = 0; i < n; i++)
    // DEFAULT: noise-policy.c:[[@LINE+2]]:5: remark: 'record' not inlined into 'each' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at noise-policy.c:21 [-Rpass-missed=escape]
    // WARN: noise-policy.c:[[@LINE+1]]:5: warning: 'record' not inlined into 'each' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at noise-policy.c:21 [-Wpass-failed]
    record(i);
}

// VERBOSE: noise-policy.c:[[@LINE+2]]:24: remark: leaking param: 'name' is passed to 'note' (argument 2) among its varargs, which LLVM always treats as captured; callers' locals passed here escape [-Rpass-analysis=escape]
// VERBOSE: noise-policy.c:[[@LINE+1]]:32: remark: 'note' not inlined into 'label' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
void label(const char *name) { note("%s", name); }

int local(void) {
  // VERBOSE: noise-policy.c:[[@LINE+1]]:7: remark: 'v' escapes: address passed to 'note' (argument 2) among its varargs, which LLVM always treats as captured, so it lives in memory [-Rpass-missed=escape]
  int v = 0;
  // VERBOSE: noise-policy.c:[[@LINE+1]]:3: remark: 'note' not inlined into 'local' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
  note("%p", &v);
  return v;
}

// Everything is in the YAML.
// YAML-DAG: Function: once
// YAML-DAG: Function: each
// YAML-DAG: - Param: name
// YAML-DAG: - Var: v
// YAML-DAG: - Reason: varargs
// COUNT: {{(^|,)}}10{{$}}
