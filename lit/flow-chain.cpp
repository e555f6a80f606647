// Why-chains through C++ member functions and references: the object is
// 'this', a reference parameter is followed like a pointer, and the hop's
// callee prints demangled (the YAML keeps the mangled name, its identity).
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | grep -v "not inlined into" | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml

struct Sink {
  char *slot;
  // CHECK: flow-chain.cpp:[[@LINE+2]]:45: remark: leaking param: 'c' is stored to memory
  // (a store of the function's own: no chain, no note)
  __attribute__((noinline)) void take(char &c) { slot = &c; }
};
Sink *g_sink;

// The object is not kept by 'take', but the optimizer could not rely on
// its inline (linkonce) definition here: said loudly.
// CHECK: flow-chain.cpp:[[@LINE+4]]:43: remark: leaking param: 's' is passed to 'Sink::take' (as 'this'), which keeps nothing (its parameter is proved no-escape there; the optimizer could not rely on that definition at this call: make it static or mark the parameter 'noescape'), a call that may keep it
// CHECK: flow-chain.cpp:[[@LINE+3]]:52: remark: leaking param: 'c' is passed to 'Sink::take' (argument 1), which stores it into '*this' at {{.*}}flow-chain.cpp:11, a call that may keep it
// CHECK: flow-chain.cpp:11:55: note: stored into '*this' here
// (one note per step)
__attribute__((noinline)) void give(Sink &s, char &c) { s.take(c); }

int use() {
  // CHECK: flow-chain.cpp:[[@LINE+3]]:8: remark: 'c' escapes: address passed to 'give' (argument 2), which passes it to 'Sink::take' (argument 1), which stores it into '*this' at {{.*}}flow-chain.cpp:11, a call that may keep it, so it lives in memory
  // CHECK: flow-chain.cpp:21:{{[0-9]+}}: note: passed on to 'Sink::take' (argument 1) here
  // CHECK: flow-chain.cpp:11:55: note: stored into '*this' here
  char c = 1;
  give(*g_sink, c);
  return c;
}

// YAML: Function: _Z3usev
// YAML: - Hop: _ZN4Sink4takeERc
// YAML: - HopArgNo: '1'
