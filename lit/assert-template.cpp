// C++: an assertion in a template holds for every instantiation; the one
// where the call is not inlined fails the compile, naming the callee.
// RUN: not %clangxx -std=c++17 -O2 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %clangxx -std=c++17 -O2 -DONLY_FAST -fplugin=%escape_plugin -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | count 0

struct Fast {
  static int step(int x) { return x + 1; }
};
struct Slow {
  __attribute__((noinline)) static int step(int x) { return x * 7; }
};

template <class P> int run(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    // Once for run<Slow> itself, once for its copy inlined into use.
    // CHECK: assert-template.cpp:[[@LINE+4]]:10: error: escape: 'Slow::step' is not inlined into 'run<Slow>': the callee is marked noinline
    // CHECK: assert-template.cpp:[[@LINE+3]]:22: note: asserted by 'escape: inline' here
    // CHECK: assert-template.cpp:[[@LINE+2]]:10: error: escape: 'Slow::step' is not inlined into 'use' in a loop (depth 1): the callee is marked noinline
    // CHECK: assert-template.cpp:[[@LINE+1]]:22: note: asserted by 'escape: inline' here
    s += P::step(i); // escape: inline
  return s;
}

struct Box {
  int v;
  int get() const { return v; }
};

int use(int n) {
  Box b{n}; // escape: noescape
  int r = run<Fast>(n) + b.get();
#ifndef ONLY_FAST
  r += run<Slow>(n);
#endif
  return r;
}

// YAML: Name: Assertion
// YAML: - State: violated
// YAML: Name: Assertion
// YAML: - Assertion: noescape
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: held
