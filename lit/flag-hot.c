// `hot` prints only remarks whose capturing site or call is in a loop; the
// YAML keeps all of them.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-hot -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT

void fill(int *p);

int cold(void) {
  int once;
  fill(&once);
  return once;
}

int hot(int n) {
  // CHECK: flag-hot.c:[[@LINE+1]]:7: remark: 'slot' escapes: address passed to 'fill' (argument 1)
  int slot, total = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: flag-hot.c:[[@LINE+1]]:5: remark: 'fill' not inlined into 'hot' (no-definition): no definition in this translation unit; define it static inline in a header, or build with -flto; in a loop (depth 1) at flag-hot.c:17 [-Rpass-missed=escape]
    fill(&slot);
    total += slot;
  }
  return total;
}

// COUNT: {{(^|,)}}6{{$}}
