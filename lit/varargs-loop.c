// VarargsInLoop: calls to variadic functions left in a loop — libc's
// printf family and the user's own log(fmt, ...) — named as the source
// writes them, also when glibc redirects them (__printf_chk under
// _FORTIFY_SOURCE, __isoc99_sscanf). Not reported: printf outside loops,
// printf("...\n") that the optimizer turned into puts, vprintf (a va_list,
// not variadic).
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// Under _FORTIFY_SOURCE, printf("next\n") stays a (checked) printf:
// RUN: %clang -O2 -D_FORTIFY_SOURCE=2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t-fortify.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=FORTIFY --implicit-check-not='variadic call'
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: FileCheck %s --check-prefix=YAML < %t-fortify.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
#include <stdarg.h>
#include <stdio.h>

void log_line(const char *fmt, ...);

int parse_all(const char **lines, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    // NOISE-DAG: varargs-loop.c:[[@LINE+1]]:9: remark: 'value' escapes: address passed to 'sscanf' (argument 3) among its varargs, which LLVM always treats as captured, so it lives in memory [-Rpass-missed=escape]
    int value = 0;
    // CHECK: varargs-loop.c:[[@LINE+2]]:5: remark: variadic call to 'sscanf' in a loop (depth 1) at varargs-loop.c:20: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
    // FORTIFY: varargs-loop.c:[[@LINE+1]]:5: remark: variadic call to 'sscanf' in a loop (depth 1)
    sscanf(lines[i], "%d", &value);
    total += value;
    // CHECK: varargs-loop.c:[[@LINE+2]]:5: remark: variadic call to 'printf' in a loop (depth 1) at varargs-loop.c:20: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
    // FORTIFY: varargs-loop.c:[[@LINE+1]]:5: remark: variadic call to 'printf' in a loop (depth 1)
    printf("%d: %d\n", i, value);
    // FORTIFY: varargs-loop.c:[[@LINE+1]]:5: remark: variadic call to 'printf' in a loop (depth 1)
    printf("next\n");
    // CHECK: varargs-loop.c:[[@LINE+3]]:5: remark: 'log_line' not inlined into 'parse_all' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at varargs-loop.c:20 [-Rpass-missed=escape]
    // CHECK: varargs-loop.c:[[@LINE+2]]:5: remark: variadic call to 'log_line' in a loop (depth 1) at varargs-loop.c:20: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
    // FORTIFY: varargs-loop.c:[[@LINE+1]]:5: remark: variadic call to 'log_line' in a loop (depth 1)
    log_line("line %d", i);
  }
  printf("total %d\n", total);
  return total;
}

// CHECK: varargs-loop.c:[[@LINE+1]]:37: remark: leaking param: 'ap' is passed to 'vfprintf' (argument 3), a call that may keep it; callers' locals passed here escape [-Rpass-analysis=escape]
void relay(const char *fmt, va_list ap) {
  for (int i = 0; i < 3; i++)
    vprintf(fmt, ap);
}

// YAML: Name: VarargsInLoop
// YAML-NEXT: DebugLoc: {{.*}}varargs-loop.c, Line: 25, Column: 5}
// YAML-NEXT: Function: parse_all
// YAML-NEXT: Args:
// YAML-NEXT: - String: variadic call to '
// YAML-NEXT: - Callee: sscanf
// YAML-NEXT: - String: ''' in a loop (depth '
// YAML-NEXT: - LoopDepth: '1'
// YAML: - Callee: printf
// YAML: - Callee: log_line

// COUNT: {{(^|,)}}8{{$}}
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
