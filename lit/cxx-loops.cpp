// C++: a virtual call left in a range-for names the member function
// (mangled in YAML, readable in the message); std::printf in a range-for is
// a variadic call; new[]/delete[] of a small buffer that never leaves the
// function is HeapToStack. A call on a final class is devirtualized and not
// reported.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml
#include <cstdio>
#include <cstring>
#include <vector>

namespace geo {
struct Shape {
  virtual ~Shape();
  virtual double area() const = 0;
};
struct Square final : Shape {
  double side = 1;
  double area() const override { return side * side; }
};
} // namespace geo

double total(const std::vector<geo::Shape *> &shapes) {
  double t = 0;
  for (const geo::Shape *s : shapes)
    // CHECK: cxx-loops.cpp:[[@LINE+1]]:13: remark: indirect call through 'geo::Shape::area' in a loop (depth 1) at cxx-loops.cpp:26 was not devirtualized or inlined; hoist the choice of target out of the loop [-Rpass-missed=escape]
    t += s->area();
  return t;
}

double total_squares(const std::vector<geo::Square *> &squares) {
  double t = 0;
  for (const geo::Square *s : squares)
    t += s->area();
  return t;
}

void show(const std::vector<int> &values) {
  for (int v : values)
    // CHECK: cxx-loops.cpp:[[@LINE+1]]:5: remark: variadic call to 'printf' in a loop (depth 1) at cxx-loops.cpp:40: arguments go through va_list and the format is parsed on every call; format outside the loop or write with fputs/fwrite [-Rpass-missed=escape]
    std::printf("%d\n", v);
}

// NOISE-DAG: cxx-loops.cpp:[[@LINE+1]]:37: remark: leaking param: 'name' is passed to 'snprintf' (argument 4) among its varargs, which LLVM always treats as captured; callers' locals passed here escape [-Rpass-analysis=escape]
int label_length(int n, const char *name) {
  // CHECK: cxx-loops.cpp:[[@LINE+1]]:15: remark: 48-byte heap buffer from 'operator new[]' never leaves this function and is freed on every path: a stack array avoids malloc/free [-Rpass-missed=escape]
  char *tmp = new char[48];
  std::snprintf(tmp, 48, "%s-%d", name, n);
  int length = (int)std::strlen(tmp);
  std::puts(tmp);
  delete[] tmp;
  return length;
}

// YAML: Name: IndirectCallInLoop
// YAML: Function: _Z5totalRKSt6vectorIPN3geo5ShapeESaIS2_EE
// YAML: - Callee: _ZNK3geo5Shape4areaEv
// YAML: Name: VarargsInLoop
// YAML: - Callee: printf
// YAML: Name: HeapToStack
// YAML: - Bytes: '48'
// YAML: - Callee: _Znam
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clangxx -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
