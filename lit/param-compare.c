// LLVM 19 counts a null check of a pointer it cannot prove dereferenceable
// as a capture: the parameter is not `nocapture`, so callers' locals stay in
// memory. Reported with Reason null-check; a more telling capture (the return)
// wins when there is one. LLVM 22 tracks what a use captures: a null check
// captures only whether the address is null (`captures(address_is_null)`),
// not the pointer's provenance, so callers' locals do not escape through
// it and sum_list's parameter is not reported (LLVM19/LLVM22 prefixes).
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,LLVM%llvm_major --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefixes=YAML,YAML%llvm_major < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml

struct node { struct node *next; int value; };

// LLVM22-NOT: 'list' is compared
// LLVM19: param-compare.c:[[@LINE+1]]:33: remark: leaking param: 'list' is compared with null (null-check), which LLVM 19 counts as a capture; callers' locals passed here escape [-Rpass-analysis=escape]
int sum_list(const struct node *list) {
  int sum = 0;
  for (; list; list = list->next)
    sum += list->value;
  return sum;
}

// CHECK: param-compare.c:[[@LINE+1]]:32: remark: leaking param: 'list' is returned
struct node *find(struct node *list, int value) {
  for (; list; list = list->next)
    if (list->value == value)
      return list;
  return 0;
}

// YAML19: Function: sum_list
// YAML19: - Reason: null-check
// On LLVM 22 sum_list's only document is its Definition record (for the
// driver's join), which lists 'list' as not kept.
// YAML22: Name: Definition
// YAML22-NEXT: DebugLoc:
// YAML22-NEXT: Function: sum_list
// YAML22: - NoEscape: '1'
// YAML22-NOT: Function: sum_list
// YAML: Function: find
// YAML: - Reason: returned
