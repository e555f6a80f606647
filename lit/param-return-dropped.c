// Dead-argument elimination removes a return value nobody reads; the
// parameters keep their places, so they are still named (SPEC: names are
// exact or absent; here they are exact).
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not="leaking param" --implicit-check-not="does not escape"
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t-g.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not="leaking param" --implicit-check-not="does not escape"

struct file { struct file *next; int fd; };
struct file *open_files;
void release(int fd);

// The return value is never used: LLVM makes close_file return void.
// CHECK-DAG: param-return-dropped.c:[[@LINE+2]]:56: remark: leaking param: 'f' is stored to memory
__attribute__((noinline))
static int close_file(struct file *owner, struct file *f) {
  // CHECK-DAG: param-return-dropped.c:[[@LINE-1]]:36: remark: 'owner' does not escape
  release(f->fd);
  owner->next = f;
  return f->fd;
}

void close_all(struct file *owner, struct file *f) {
  // CHECK-DAG: param-return-dropped.c:[[@LINE-1]]:29: remark: 'owner' does not escape
  // CHECK-DAG: param-return-dropped.c:[[@LINE-2]]:49: remark: leaking param: 'f' is passed to 'close_file' (argument 2)
  close_file(owner, f);
}

// Dead-argument elimination removes 'unused'; 'v' and 'out' move to the new
// function's first two arguments and keep their names.
__attribute__((noinline))
static void add_up(int unused, const int *v, int *out) {
  // CHECK-DAG: param-return-dropped.c:[[@LINE-1]]:43: remark: 'v' does not escape
  // CHECK-DAG: param-return-dropped.c:[[@LINE-2]]:51: remark: 'out' does not escape
  *out = v[0] + v[1];
}

void add_all(const int *v, int *out) {
  // CHECK-DAG: param-return-dropped.c:[[@LINE-1]]:25: remark: 'v' does not escape
  // CHECK-DAG: param-return-dropped.c:[[@LINE-2]]:33: remark: 'out' does not escape
  add_up(0, v, out);
}
