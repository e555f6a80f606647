// C++: an assertion in a template holds for every instantiation; the one
// where the call is not inlined fails the compile, naming the callee.
// Compiled by ../../assert-template.test (kept out of lit/*.c: it fails to compile with the
// plugin on purpose, which identical-modes.test would count as a failure).

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
    // CHECK: template.cpp:[[@LINE+4]]:10: error: escape: 'Slow::step' is not inlined into 'run<Slow>' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute)
    // CHECK: template.cpp:[[@LINE+3]]:22: note: asserted by 'escape: inline' here
    // CHECK: template.cpp:[[@LINE+2]]:10: error: escape: 'Slow::step' is not inlined into 'use' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'run<Slow>', inlined into 'use' at template.cpp:34; in a loop (depth 1) at template.cpp:15
    // CHECK: template.cpp:[[@LINE+1]]:22: note: asserted by 'escape: inline' here
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
