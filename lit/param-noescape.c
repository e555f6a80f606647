// With verbose, pointer parameters that do not escape are said so; without
// it, nothing is printed for them.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -std=c2x -c %s -o %t.o 2>&1 | count 0
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -std=c2x -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

// CHECK: param-noescape.c:[[@LINE+1]]:20: remark: 'v' does not escape [-Rpass=escape]
int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += v[i];
  return s;
}

// Unnamed parameters have nothing to name: no remark (C23).
int ignore(const int *, int n) { return n; }
