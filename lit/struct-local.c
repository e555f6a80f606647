// Aggregate locals, initialized or not, are named from their declaration.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:

struct point { int x, y, z; long tag; };
void draw(const struct point *p);
void scan(struct point *p);

int origin(void) {
  // CHECK-DAG: struct-local.c:[[@LINE+1]]:16: remark: 'at' escapes: address passed to 'draw' (argument 1)
  struct point at = {1, 2, 3, 4};
  draw(&at);
  return at.x;
}

int scanned(void) {
  // CHECK-DAG: struct-local.c:[[@LINE+1]]:16: remark: 'got' escapes: address passed to 'scan' (argument 1)
  struct point got;
  scan(&got);
  return got.y;
}
