// HeapPromoted: locals of a C++20 coroutine that CoroSplit keeps in the
// coroutine frame, which operator new allocates: 'total' lives across a
// suspend point; 'scratch' does not, but its address escapes before one,
// so CoroSplit keeps it in the frame too. 'local' (address never taken)
// is in a register and not reported.
// RUN: %clangxx -std=c++20 -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml
#include <coroutine>

struct task {
  struct promise_type {
    task get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> handle;
};

void observe(int *p);

task counter(int n) {
  // CHECK: heap-promoted-coroutine.cpp:[[@LINE+1]]:7: remark: 'total' is moved to the heap (coroutine-frame): it is kept in the coroutine frame, which operator new allocates [-Rpass-missed=escape]
  int total = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: heap-promoted-coroutine.cpp:[[@LINE+1]]:9: remark: 'scratch' is moved to the heap (coroutine-frame): it is kept in the coroutine frame, which operator new allocates [-Rpass-missed=escape]
    int scratch = i;
    // NOISE-DAG: heap-promoted-coroutine.cpp:[[@LINE+1]]:5: remark: 'observe' not inlined into 'counter' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto (in 4 contexts) [-Rpass-missed=escape]
    observe(&scratch);
    int local = scratch * 2;
    total += local;
    co_await std::suspend_always{};
  }
  // NOISE-DAG: heap-promoted-coroutine.cpp:[[@LINE+1]]:3: remark: 'observe' not inlined into 'counter' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto (in 4 contexts) [-Rpass-missed=escape]
  observe(&total);
}

// YAML: --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: HeapPromoted
// YAML-NEXT: DebugLoc: {{.*}}heap-promoted-coroutine.cpp, Line: 28, Column: 7}
// YAML-NEXT: Function: _Z7counteri
// YAML-NEXT: Args:
// YAML-NEXT: - String: ''''
// YAML-NEXT: - Var: total
// YAML-NEXT: DebugLoc:
// YAML-NEXT: - String: ''' is moved to the heap ('
// YAML-NEXT: - Reason: coroutine-frame
// YAML-NEXT: - String: '): it is kept in the coroutine frame, which operator new allocates'
// YAML-NEXT: ...
// The default noise policy holds back the NOISE remarks (calls outside
// loops to functions defined elsewhere, varargs captures): they print
// with verbose.
// RUN: %clangxx -std=c++20 -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOISE
