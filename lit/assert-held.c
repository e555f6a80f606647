// Assertions that hold: the compile succeeds without a word, at every
// optimization level, with and without -g, and the object is the same as
// without the plugin; the YAML records each assertion as held.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -O2 -c %s -o %t/plain.o
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t/a.yaml -c %s -o %t/a.o 2>&1 | count 0
// RUN: cmp %t/plain.o %t/a.o
// RUN: FileCheck %s --check-prefix=YAML < %t/a.yaml
// RUN: %remarkutil count --parser=yaml %t/a.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %clang -O1 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=none -c %s -o %t/o1.o 2>&1 | count 0
// RUN: %clang -O3 -g -fplugin=%escape_plugin -fplugin-arg-escape-yaml=none -c %s -o %t/o3.o 2>&1 | count 0
// RUN: %clang -O2 -g -c %s -o %t/plain-g.o
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-yaml=none -c %s -o %t/g.o 2>&1 | count 0
// RUN: cmp %t/plain-g.o %t/g.o
// Printing flags do not turn held assertions into output either.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PRINT --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=Assertion

void show(const int *__attribute__((noescape)) p);
static int twice(int x) { return 2 * x; }
__attribute__((annotate("escape: inline"))) static int triple(int x) {
  return 3 * x;
}
#define QUAD(x) twice(twice(x))

int sum(const int *v, int n) { // escape: noescape
  int s = 0;
  for (int i = 0; i < n; i++) { // escape: noalloc
    s += twice(v[i]) + triple(v[i]); // escape: inline
  }
  return s;
}

int local(int x) {
  int y = x; // escape: noescape
  show(&y);
  int q = QUAD(y) + twice(x); /* escape: inline, noescape */
  // escape: inline
  return q + triple(q);
}

// The attribute form comes first: it is recorded at the function.
// YAML: --- !Passed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: Assertion
// YAML-NEXT: DebugLoc: {File: {{.*}}assert-held.c, Line: 20, Column: 56}
// YAML-NEXT: Function: triple
// YAML-NEXT: Args:
// YAML-NEXT: - String: '''escape: '
// YAML-NEXT: - Assertion: inline
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML-NEXT: ...
// YAML: Line: 25, Column: 32}
// YAML-NEXT: Function: sum
// YAML: - Assertion: noescape
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML: Line: 27, Column: 33}
// YAML: - Assertion: noalloc
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML: Line: 28, Column: 38}
// YAML: - Assertion: inline
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML: Line: 34, Column: 14}
// YAML-NEXT: Function: local
// YAML: - Assertion: noescape
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML: Line: 36, Column: 31}
// YAML: - Assertion: inline
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML: Line: 36, Column: 31}
// YAML: - Assertion: noescape
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// A comment alone on its line is about the next one.
// YAML: Line: 38, Column: 3}
// YAML: - Assertion: inline
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
// YAML-NOT: Name: Assertion
// COUNT: Source,Count
// PRINT: assert-held.c:[[@LINE-51]]:3: remark: 'show' not inlined into 'local'
