// An assertion that matches nothing is a warning that says why; -w
// silences it, -Werror makes it an error; unknown words and kinds warn.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %clang -O2 -w -fplugin=%escape_plugin -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | count 0
// RUN: not %clang -O2 -Werror -fplugin=%escape_plugin -fplugin-arg-escape-yaml=none -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WERROR
// (Errors while parsing stop the compile before the stale checks.)
// WERROR-COUNT-2: error: escape: unknown

static int dead(int x) { return x * 5; }

int f(int x) {
  // Words are checked as clang reads the comments, before the stale ones.
  // CHECK: assert-stale.c:[[@LINE+1]]:3: warning: escape: unknown word 'inlined' after 'escape:'; expected inline, noescape, noalloc or ignore[(Kind,...)]
  /* escape: inlined */
  // CHECK: assert-stale.c:[[@LINE+1]]:8: warning: escape: unknown remark kind 'Escapes' in 'escape: ignore(...)'; the kinds are LocalEscapes, LocalNoEscape, LeakingParam, ParamNoEscape, HeapPromoted, HeapToStack, HeapAllocInLoop, VarargsInLoop, IndirectCallInLoop, Inlined, NotInlined{{$}}
  x--; // escape: ignore(Escapes)
  // CHECK: assert-stale.c:[[@LINE+1]]:14: warning: escape: 'escape: inline' matches nothing: there is no call on this line
  int y = x; // escape: inline
  // CHECK: assert-stale.c:[[@LINE+1]]:11: warning: escape: 'escape: noescape' matches nothing: no local or parameter is declared on this line
  y += 2; // escape: noescape
  // CHECK: assert-stale.c:[[@LINE+1]]:11: warning: escape: 'escape: noalloc' matches nothing: no loop starts on this line
  y *= 3; // escape: noalloc
  if (0)
    // CHECK: assert-stale.c:[[@LINE+1]]:19: warning: escape: 'escape: inline' matches nothing: no call on this line reached the inliner (the optimizer removed it
    y += dead(y); // escape: inline
  // Prose that mentions escape: analysis is not a directive.
  return y;
}

// f's record for the driver's join comes first, at the function's name.
// YAML: Name: Definition
// YAML-NEXT: DebugLoc: {File: {{.*}}assert-stale.c, Line: {{[0-9]+}}, Column: 5}
// YAML-NEXT: Function: f
// YAML: --- !Analysis
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: Assertion
// YAML-NEXT: DebugLoc: {File: {{.*}}assert-stale.c, Line: 19, Column: 14}
// YAML-NEXT: Function: f
// YAML-NEXT: Args:
// YAML-NEXT: - String: '''escape: '
// YAML-NEXT: - Assertion: inline
// YAML-NEXT: - String: ''' '
// YAML-NEXT: - State: stale
// YAML-NEXT: - String: ': '
// YAML-NEXT: - Detail: there is no call on this line
// YAML-NEXT: ...
