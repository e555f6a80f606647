// Pointer parameters the function keeps: stored, returned, or passed on to
// a call that may keep them; each with its reason.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

extern const char *current;
void log_name(const char *name);

// CHECK: param-leaks.c:[[@LINE+1]]:30: remark: leaking param: 'name' is stored to memory; callers' locals passed here escape [-Rpass-analysis=escape]
void set_current(const char *name) { current = name; }

// CHECK: param-leaks.c:[[@LINE+1]]:31: remark: leaking param: 'p' is returned; callers' locals passed here escape [-Rpass-analysis=escape]
const char *first(const char *p, int n) { return n ? p : 0; }

// CHECK: param-leaks.c:[[@LINE+2]]:27: remark: leaking param: 'name' is passed to 'log_name' (argument 1), a call that may keep it; callers' locals passed here escape [-Rpass-analysis=escape]
// NOISE-DAG: param-leaks.c:[[@LINE+1]]:35: remark: 'log_name' not inlined into 'announce' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto [-Rpass-missed=escape]
void announce(const char *name) { log_name(name); }

// Reads only: no remark without verbose.
int length(const char *s) { int n = 0; while (s[n]) n++; return n; }

// The record of set_current for the driver's join comes first (its place
// is the function's name), then its LeakingParam.
// YAML: Name: Definition
// YAML-NEXT: DebugLoc: {{.*}}Line: 11, Column: 6
// YAML-NEXT: Function: set_current
// YAML: - Leaks: '1=name'
// YAML: --- !Analysis
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: LeakingParam
// YAML-NEXT: DebugLoc: {{.*}}Line: 11, Column: 30
// YAML-NEXT: Function: set_current
// YAML-NEXT: Args:
// YAML-NEXT: - String: 'leaking param: '''
// YAML-NEXT: - Param: name
// YAML-NEXT: DebugLoc: {{.*}}Line: 11, Column: 30
// YAML-NEXT: - String: ''' is '
// YAML-NEXT: - Reason: stored
// YAML: Function: first
// YAML: - Reason: returned
// YAML: Function: announce
// YAML: - Callee: log_name
// YAML-NEXT: DebugLoc: {{.*}}Line: 18, Column: 35
// YAML: - ArgNo: '1'
// YAML: - Reason: call

// COUNT: {{(^|,)}}8{{$}}
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
