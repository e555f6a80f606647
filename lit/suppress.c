// `// escape: ignore` on a remark's line or the line above: not printed,
// not warned; kept in the YAML with an empty Suppressed arg (the sentence
// of the Args is unchanged, llvm-remarkutil reads it); left out of reports
// unless --suppressed; SARIF marks it suppressed in source; gate does not
// count it. Printing runs use verbose (the noise policy hides 'fill' in f).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=%t/s.yaml -c %s -o %t/s.o 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=warning:
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-warn -fplugin-arg-escape-verbose -fplugin-arg-escape-yaml=none -c %s -o %t/w.o 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=warning:
// RUN: FileCheck %s --check-prefix=YAML < %t/s.yaml
// RUN: %remarkutil count --parser=yaml %t/s.yaml | FileCheck %s --check-prefix=COUNT
// RUN: %escape report --all --sort location %t/s.yaml | FileCheck %s --check-prefix=REPORT --implicit-check-not=suppress.c:{{[0-9]}}
// RUN: %escape report --all --sort location --suppressed %t/s.yaml | FileCheck %s --check-prefix=ALL
// RUN: %escape report --format sarif --suppressed %t/s.yaml | %python -c "import json,sys; r=json.load(sys.stdin)['runs'][0]['results']; print(*sorted((x['locations'][0]['physicalLocation']['region']['startLine'], x.get('suppressions')) for x in r), sep='\n')" | FileCheck %s --check-prefix=SARIF
// The gate: a suppressed new remark does not count, an unsuppressed one does.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t/base.yaml -c %s -o %t/b.o
// RUN: %clang -O2 -DNEW -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t/new.yaml -c %s -o %t/n.o
// RUN: %clang -O2 -DNEW -DUNSUPPRESSED -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t/bad.yaml -c %s -o %t/x.o 2>&1
// RUN: %escape gate --baseline %t/base.yaml %t/new.yaml | FileCheck %s --check-prefix=GATE
// RUN: not %escape gate --baseline %t/base.yaml %t/bad.yaml | FileCheck %s --check-prefix=GATEBAD

void fill(char *p);

int f(void) {
  char a[8]; // escape: ignore
  char b[8]; // escape: ignore(NotInlined)
  // CHECK: suppress.c:[[@LINE-1]]:8: remark: 'b' escapes: address passed to 'fill' (argument 1)
  // WARN: suppress.c:[[@LINE-2]]:8: warning: 'b' escapes
  // escape: ignore(LocalEscapes, NotInlined)
  char c[8];
  fill(a); // escape: ignore
  fill(b); // escape: ignore(NotInlined)
  // CHECK: suppress.c:[[@LINE+2]]:3: remark: 'fill' not inlined into 'f'
  // WARN: suppress.c:[[@LINE+1]]:3: warning: 'fill' not inlined into 'f'
  fill(c);
#ifdef NEW
#ifdef UNSUPPRESSED
  char d[8];
  fill(d);
#else
  char d[8]; // escape: ignore
  fill(d);   // escape: ignore
#endif
#endif
  return a[0] + b[0] + c[0];
}

// YAML: Name: LocalEscapes
// YAML: Line: 24
// YAML: - Reason: call
// YAML-NEXT: DebugLoc
// YAML-NEXT: - String: ' that may keep it, so it lives in memory; pass a copy or mark the parameter ''noescape'''
// YAML-NEXT: - Suppressed: ''
// YAML-NEXT: ...
// YAML: Name: LocalEscapes
// YAML: Line: 25
// YAML: - Reason: call
// YAML-NEXT: DebugLoc
// YAML-NEXT: - String: ' that may keep it, so it lives in memory; pass a copy or mark the parameter ''noescape'''
// YAML-NEXT: ...
// COUNT: suppress.c,7
// REPORT: suppress.c:25:8: LocalEscapes: 'b' escapes
// REPORT-NEXT: suppress.c:34:3: NotInlined: 'fill' not inlined into 'f'
// ALL: suppress.c:24:8: LocalEscapes: {{.*}} [suppressed in source]
// ALL-NEXT: suppress.c:25:8: LocalEscapes: {{.*}}noescape{{.$}}
// ALL-COUNT-4: suppress.c:{{[0-9]}}
// SARIF: (24, [{'kind': 'inSource'}])
// SARIF-NEXT: (25, None)
// SARIF-NEXT: (29, [{'kind': 'inSource'}])
// SARIF-NEXT: (30, [{'kind': 'inSource'}])
// SARIF-NEXT: (31, [{'kind': 'inSource'}])
// SARIF-NEXT: (34, None)
// JSON: (24, True)
// JSON-NEXT: (25, False)
// JSON-NEXT: (29, True)
// JSON-NEXT: (30, True)
// JSON-NEXT: (31, True)
// JSON-NEXT: (34, False)
// GATE: escape gate: 0 new remarks (0 allowed), 0 fixed: passed
// GATEBAD: escape gate: 2 new remarks (0 allowed), 0 fixed: FAILED
// RUN: %escape report --format json --all --suppressed %t/s.yaml | %python -c "import json,sys; r=json.load(sys.stdin); print(*sorted((x['line'], x.get('suppressed', False)) for x in r), sep='\n')" | FileCheck %s --check-prefix=JSON
