// Under #line, every remark of the TU spells a file the way the directive
// does, as clang's diagnostics and LLVM's own remarks (-fsave-optimization-
// record) do: the escape remarks placed from the AST and the call remarks
// placed from debug locations alike, with and without -g.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/line-directive.c && cd %t
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t/nog.yaml -fsave-optimization-record -c line-directive.c -o nog.o
// RUN: FileCheck %s < %t/nog.yaml
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t/g.yaml -c line-directive.c -o g.o
// RUN: FileCheck %s < %t/g.yaml
// RUN: FileCheck %s --check-prefix=LLVM < %t/nog.opt.yaml

void keep(int *p);

#line 100 "lib/keeper.c"
int hold(void) {
  int x;
  keep(&x);
  return x;
}

// CHECK: Name: LocalEscapes
// CHECK-NEXT: DebugLoc: {File: lib/keeper.c, Line: 101, Column: 7}
// CHECK: - Var: x
// CHECK-NEXT: DebugLoc: {File: lib/keeper.c, Line: 101, Column: 7}
// CHECK: - Callee: keep
// CHECK-NEXT: DebugLoc: {File: lib/keeper.c, Line: 102, Column: 3}
// CHECK: Name: NotInlined
// CHECK-NEXT: DebugLoc: {File: lib/keeper.c, Line: 102, Column: 3}
// CHECK-NOT: File: {{/|line-directive}}
// LLVM: DebugLoc: { File: 'lib/keeper.c', Line: 102, Column: 3 }
