// Why-chains through C++ member functions and references: the object is
// 'this', a reference parameter is followed like a pointer, and the hop's
// callee prints demangled (the YAML keeps the mangled name, its identity).
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | grep -v "not inlined into" | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// With -g the same chains and names.
// RUN: %clangxx -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -c %s -o %t.o 2>&1 | grep -v "not inlined into" | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning: --implicit-check-not=note:

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
// CHECK: flow-chain.cpp:[[@LINE+3]]:52: remark: leaking param: 'c' is passed to 'Sink::take' (argument 1), which stores it into 'this->slot' at {{.*}}flow-chain.cpp:13, a call that may keep it
// CHECK: flow-chain.cpp:13:55: note: stored into 'this->slot' here
// (one note per step)
__attribute__((noinline)) void give(Sink &s, char &c) { s.take(c); }

int use() {
  // CHECK: flow-chain.cpp:[[@LINE+3]]:8: remark: 'c' escapes: address passed to 'give' (argument 2), which passes it to 'Sink::take' (argument 1), which stores it into 'this->slot' at {{.*}}flow-chain.cpp:13, a call that may keep it, so it lives in memory
  // CHECK: flow-chain.cpp:23:{{[0-9]+}}: note: passed on to 'Sink::take' (argument 1) here
  // CHECK: flow-chain.cpp:13:55: note: stored into 'this->slot' here
  char c = 1;
  give(*g_sink, c);
  return c;
}

// YAML: Function: _Z3usev
// YAML: - Hop: _ZN4Sink4takeERc
// YAML: - HopArgNo: '1'

// A field through a reference is 'r.slot'; a member function's explicit
// 'this->tail' and a nested member of a reference are named as written.
struct Box {
  int n;
  Sink in;
  char *tail;
  // CHECK: flow-chain.cpp:[[@LINE+1]]:45: remark: leaking param: 'p' is stored to memory
  __attribute__((noinline)) void keep(char *p) { this->tail = p; }
};
// CHECK: flow-chain.cpp:[[@LINE+1]]:54: remark: leaking param: 'p' is stored to memory
__attribute__((noinline)) void by_ref(Sink &r, char *p) { r.slot = p; }
// CHECK: flow-chain.cpp:[[@LINE+1]]:60: remark: leaking param: 'p' is stored to memory
__attribute__((noinline)) void by_ref_nested(Box &b, char *p) { b.in.slot = p; }
// CHECK: flow-chain.cpp:[[@LINE+2]]:30: remark: leaking param: 'p' is passed to 'by_ref' (argument 2), which stores it into 'r.slot' at {{.*}}flow-chain.cpp:[[@LINE-3]], a call that may keep it
// CHECK: flow-chain.cpp:[[@LINE-4]]:66: note: stored into 'r.slot' here
void into_ref(Sink &r, char *p) { by_ref(r, p); }
// CHECK: flow-chain.cpp:[[@LINE+2]]:36: remark: leaking param: 'p' is passed to 'by_ref_nested' (argument 2), which stores it into 'b.in.slot' at {{.*}}flow-chain.cpp:[[@LINE-4]], a call that may keep it
// CHECK: flow-chain.cpp:[[@LINE-5]]:75: note: stored into 'b.in.slot' here
void into_ref_nested(Box &b, char *p) { by_ref_nested(b, p); }
// CHECK: flow-chain.cpp:[[@LINE+3]]:23: remark: leaking param: 'b' is passed to 'Box::keep' (as 'this'), which keeps nothing
// CHECK: flow-chain.cpp:[[@LINE+2]]:32: remark: leaking param: 'p' is passed to 'Box::keep' (argument 1), which stores it into 'this->tail' at {{.*}}flow-chain.cpp:[[@LINE-13]], a call that may keep it
// CHECK: flow-chain.cpp:[[@LINE-14]]:61: note: stored into 'this->tail' here
void into_method(Box &b, char *p) { b.keep(p); }

// YAML: Function: _Z8into_refR4SinkPc
// YAML: - Store: '''r.slot'''
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.cpp{{'?}}, Line: 48, Column: 66{{ ?}}}

// A member of a base class is reached through a conversion of 'this': the
// path is not followed, the name stays 'this->...'.
struct Base { char *pad; char *slot; };
struct Derived : Base {
  // CHECK: flow-chain.cpp:[[@LINE+1]]:44: remark: leaking param: 'p' is stored to memory
  __attribute__((noinline)) void set(char *p) { slot = p; }
};
// CHECK: flow-chain.cpp:[[@LINE+3]]:25: remark: leaking param: 'd' is passed to 'Derived::set' (as 'this'), which keeps nothing
// CHECK: flow-chain.cpp:[[@LINE+2]]:34: remark: leaking param: 'p' is passed to 'Derived::set' (argument 1), which stores it into a field of '*this' ('this->...') at {{.*}}flow-chain.cpp:[[@LINE-3]], a call that may keep it
// CHECK: flow-chain.cpp:[[@LINE-4]]:54: note: stored into a field of '*this' ('this->...') here
void into_base(Derived &d, char *p) { d.set(p); }

// A C++ global is named as the source names it (the value is text).
namespace ns { char *kept; }
// CHECK: flow-chain.cpp:[[@LINE+1]]:46: remark: leaking param: 'p' is stored to memory
__attribute__((noinline)) void keep_ns(char *p) { ns::kept = p; }
// CHECK: flow-chain.cpp:[[@LINE+2]]:20: remark: leaking param: 'p' is passed to 'keep_ns' (argument 1), which stores it into global 'ns::kept' at {{.*}}flow-chain.cpp:[[@LINE-1]], a call that may keep it
// CHECK: flow-chain.cpp:[[@LINE-2]]:60: note: stored into global 'ns::kept' here
void into_ns(char *p) { keep_ns(p); }
// YAML: - Store: global 'ns::kept'
