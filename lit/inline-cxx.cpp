// C++: messages name functions as the source does (demangled, no return
// type or parameter list); the YAML keeps LLVM's mangled names. Template
// instantiations of one call site print once.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

namespace shapes {
struct Shape {
  virtual ~Shape();
  virtual double area() const = 0;
  __attribute__((noinline)) double scaled(double k) const { return k * area(); }
  int sides = 0;
};
} // namespace shapes

template <typename T> struct Box {
  T value;
  T get() const { return value; }
  // Two instantiations, each inlined into one function: four contexts. The
  // first printed is the copy in total_long: its context, by its qualified
  // name also without -g (the debug info only says 'weigh').
  // CHECK: inline-cxx.cpp:[[@LINE+2]]:46: remark: 'shapes::Shape::scaled' not inlined into 'total_long' (noinline-attribute): the callee is marked noinline (LLVM: noinline function attribute); the call is in 'Box<long>::weigh', inlined into 'total_long' at inline-cxx.cpp:41 (in 4 contexts) [-Rpass-missed=escape]
  // CHECK: inline-cxx.cpp:41:12: note: 'Box<long>::weigh' inlined into 'total_long' here
  T weigh(const shapes::Shape &s) { return s.scaled(value); }
};

// CHECK: inline-cxx.cpp:[[@LINE+5]]:21: remark: 'b' does not escape [-Rpass=escape]
// CHECK: inline-cxx.cpp:[[@LINE+4]]:45: remark: leaking param: 's' is passed to 'shapes::Shape::scaled' (as 'this'), which passes it to an indirect callee at {{.*}}inline-cxx.cpp:12, a call that may keep it; callers' locals passed here escape [-Rpass-analysis=escape]
// CHECK: inline-cxx.cpp:12:{{[0-9]+}}: note: the flow ends here: indirect
// CHECK: inline-cxx.cpp:[[@LINE+3]]:12: remark: 'Box<int>::get' inlined into 'total' (cost {{-?[0-9]+}}, threshold {{[0-9]+}}) [-Rpass=escape]
// CHECK: inline-cxx.cpp:[[@LINE+2]]:22: remark: 'Box<int>::weigh' inlined into 'total' (cost {{-?[0-9]+}}, threshold {{[0-9]+}}) [-Rpass=escape]
int total(Box<int> &b, const shapes::Shape &s) {
  return b.get() + b.weigh(s);
}

// CHECK: inline-cxx.cpp:[[@LINE+3]]:28: remark: 'b' does not escape [-Rpass=escape]
// CHECK: inline-cxx.cpp:[[@LINE+2]]:52: remark: leaking param: 's' is passed to 'shapes::Shape::scaled' (as 'this')
// CHECK: inline-cxx.cpp:[[@LINE+2]]:12: remark: 'Box<long>::weigh' inlined into 'total_long' (cost {{-?[0-9]+}}, threshold {{[0-9]+}}) [-Rpass=escape]
long total_long(Box<long> &b, const shapes::Shape &s) {
  return b.weigh(s);
}

// The copies inlined into total_long and total name where they came from
// by linkage name; the verdict in Box<int>::weigh itself has no context.
// YAML: Name: NotInlined
// YAML: Function: _Z10total_longR3BoxIlERKN6shapes5ShapeE
// YAML: - InlinedFrom: _ZN3BoxIlE5weighERKN6shapes5ShapeE
// YAML-NEXT: DebugLoc: {{.*}}inline-cxx.cpp, Line: 41, Column: 12}
// YAML: - InlinedInto: _Z10total_longR3BoxIlERKN6shapes5ShapeE
// YAML: Name: NotInlined
// YAML: Function: _Z5totalR3BoxIiERKN6shapes5ShapeE
// YAML: - InlinedFrom: _ZN3BoxIiE5weighERKN6shapes5ShapeE
// YAML-NEXT: DebugLoc: {{.*}}inline-cxx.cpp, Line: 34, Column: 22}
// YAML: - InlinedInto: _Z5totalR3BoxIiERKN6shapes5ShapeE
// YAML: Name: NotInlined
// YAML: Function: _ZN3BoxIiE5weighERKN6shapes5ShapeE
// YAML: - Callee: _ZNK6shapes5Shape6scaledEd
// YAML: - Caller: _ZN3BoxIiE5weighERKN6shapes5ShapeE
// YAML: - Reason: noinline-attribute
// YAML-NOT: Inlined{{From|Into}}
// YAML: ...
