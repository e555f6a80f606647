// A capture by a call to a function defined in this translation unit is
// followed into that function, hop by hop (SPEC "Why (flow)"): to a store
// (into a global, a field of a parameter, heap memory), a return, asm, a
// function without a body here, or a callee that keeps nothing. Each hop is
// an arg with its own DebugLoc and a note at its place.
// RUN: %clang -O2 -g -fplugin=%escape_plugin -fplugin-arg-escape-remarks -fplugin-arg-escape-yaml=%t.yaml -c %s -o %t.o 2>&1 | grep -v "not inlined into" | FileCheck %s --check-prefixes=CHECK,LLVM%llvm_major --implicit-check-not=remark: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: FileCheck %s --check-prefix=YAML < %t.yaml
// RUN: %remarkutil count --parser=yaml %t.yaml | FileCheck %s --check-prefix=COUNT
// Without -g the remarks turn on clang's location tracking: the same chain.
// RUN: %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-remarks -c %s -o %t.o 2>&1 | grep -v "not inlined into" | FileCheck %s --check-prefixes=CHECK,LLVM%llvm_major --implicit-check-not=remark: --implicit-check-not=warning: --implicit-check-not=note:
// (Inline verdicts are tested in inline-*.c; filtered out above.)
#include <stdlib.h>

char *g_last;
char **g_heap;
struct cell { int tag; char *slot; };

__attribute__((noinline)) void keep(int n, char *p) { if (n) g_last = p; }
__attribute__((noinline)) void fill(char *p) { p[0] = 1; keep(1, p); }

int chained(void) {
  char buf[16];
  fill(buf);
  return buf[0];
}

__attribute__((noinline)) void put(struct cell *c, char *p) { c->slot = p; }
void into_field(struct cell *c, char *p) { put(c, p); }

__attribute__((noinline)) void to_heap(char *p) {
  char **h = malloc(sizeof *h);
  *h = p;
  g_heap = h;
}
void into_heap(char *p) { to_heap(p); }

__attribute__((noinline)) void hide(char *p) { __asm__ volatile("" ::"r"(p)); }
void into_asm(char *p) { hide(p); }

void ext(char *p);
__attribute__((noinline)) void relay(char *p) { ext(p); }
void into_unknown(char *p) { relay(p); }

__attribute__((noinline)) char *skip1(char *p) { return p + 1; }
char *into_return(char *p) { return skip1(p); }

__attribute__((weak)) int look(char *p) { return p[0]; }
int opaque_look(void) {
  char b[4] = {0};
  look(b);
  return b[0];
}

// CHECK: flow-chain.c:18:50: remark: leaking param: 'p' is stored to memory; callers' locals passed here escape [-Rpass-analysis=escape]
// CHECK: flow-chain.c:19:43: remark: leaking param: 'p' is passed to 'keep' (argument 2), which stores it into global 'g_last' at {{.*}}flow-chain.c:18, a call that may keep it; callers' locals passed here escape [-Rpass-analysis=escape]
// CHECK: flow-chain.c:18:69: note: stored into global 'g_last' here
// CHECK: flow-chain.c:22:8: remark: 'buf' escapes: address passed to 'fill' (argument 1), which passes it to 'keep' (argument 2), which stores it into global 'g_last' at {{.*}}flow-chain.c:18, a call that may keep it, so it lives in memory; pass a copy or mark the parameter 'noescape' [-Rpass-missed=escape]
// CHECK: flow-chain.c:19:58: note: passed on to 'keep' (argument 2) here
// CHECK: flow-chain.c:18:69: note: stored into global 'g_last' here
// CHECK: flow-chain.c:27:58: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:28:39: remark: leaking param: 'p' is passed to 'put' (argument 2), which stores it into 'c->slot' at {{.*}}flow-chain.c:27, a call that may keep it
// CHECK: flow-chain.c:27:71: note: stored into 'c->slot' here
// CHECK: flow-chain.c:30:46: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:35:22: remark: leaking param: 'p' is passed to 'to_heap' (argument 1), which stores it into heap memory from 'malloc' (line 31) at {{.*}}flow-chain.c:32, a call that may keep it
// CHECK: flow-chain.c:32:6: note: stored into heap memory from 'malloc' (line 31) here
// CHECK: flow-chain.c:37:43: remark: leaking param: 'p' is given to inline asm
// CHECK: flow-chain.c:38:21: remark: leaking param: 'p' is passed to 'hide' (argument 1), which gives it to inline asm at {{.*}}flow-chain.c:37, a call that may keep it
// CHECK: flow-chain.c:37:48: note: the flow ends here: asm
// CHECK: flow-chain.c:41:44: remark: leaking param: 'p' is passed to 'ext' (argument 1), a call that may keep it
// CHECK: flow-chain.c:42:25: remark: leaking param: 'p' is passed to 'relay' (argument 1), which passes it to 'ext' (argument 1), whose body is unknown (not in this translation unit), a call that may keep it
// CHECK: flow-chain.c:41:49: note: passed on to 'ext' (argument 1) here
// CHECK: flow-chain.c:44:45: remark: leaking param: 'p' is returned
// LLVM 22 sees through skip1 (its parameter is captured only into the
// return value), so the caller's 'p' is returned itself there.
// LLVM19: flow-chain.c:45:25: remark: leaking param: 'p' is passed to 'skip1' (argument 1), where it is returned at {{.*}}flow-chain.c:44, a call that may keep it
// LLVM19: flow-chain.c:44:50: note: the flow ends here: returned
// LLVM22: flow-chain.c:45:25: remark: leaking param: 'p' is returned; callers' locals passed here escape
// CHECK: flow-chain.c:49:8: remark: 'b' escapes: address passed to 'look' (argument 1), which keeps nothing (its parameter is proved no-escape there; the optimizer could not rely on that definition at this call: make it static or mark the parameter 'noescape'), a call that may keep it, so it lives in memory


// YAML: Name: LocalEscapes
// YAML: Function: chained
// YAML: - String: ''' escapes: address passed to '''
// YAML-NEXT: - Callee: fill
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.c{{'?}}, Line: 23, Column: 3{{ ?}}}
// YAML-NEXT: - String: ''' (argument '
// YAML-NEXT: - ArgNo: '1'
// YAML-NEXT: - String: {{'?}}), which passes it to '{{(''')?}}
// YAML-NEXT: - Hop: keep
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.c{{'?}}, Line: 19, Column: 58{{ ?}}}
// YAML-NEXT: - String: ''' (argument '
// YAML-NEXT: - HopArgNo: '2'
// YAML-NEXT: - String: '), which stores it into '
// YAML-NEXT: - Store: {{'?}}global '{{'?}}g_last'{{('')?}}
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.c{{'?}}, Line: 18, Column: 69{{ ?}}}
// YAML-NEXT: - String: ' at {{.*}}flow-chain.c:18, a '
// YAML-NEXT: - Reason: call
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.c{{'?}}, Line: 23, Column: 3{{ ?}}}

// COUNT: flow-chain.c,96{{$}}

// escape report --why prints the steps under each remark; JSON has them as
// args with their places.
// RUN: %escape report --why --all --sort location %t.yaml | FileCheck %s --check-prefix=WHY
// RUN: %escape report --format json %t.yaml | FileCheck %s --check-prefix=JSON
// The sarif format has codeFlows (one threadFlow per chain) and relatedLocations,
// checked with repository-relative paths.
// RUN: cd %S && %clang -O2 -fplugin=%escape_plugin -fplugin-arg-escape-yaml=%t.rel.yaml -c flow-chain.c -o %t.o
// RUN: cd %S && %escape report --format sarif %t.rel.yaml > %t.sarif
// RUN: %python %S/Inputs/driver/check_sarif.py --flows %t.sarif | FileCheck %s --check-prefix=SARIF
// SARIF: result: LocalEscapes {{[a-z]+}} flow-chain.c:22:8 16
// SARIF-NEXT: {{^}}  flow: flow-chain.c:22:8 'buf' escapes: address passed to 'fill
// SARIF-NEXT: {{^}}  flow: flow-chain.c:23:3 Callee fill{{$}}
// SARIF-NEXT: {{^}}  flow: flow-chain.c:19:58 Hop keep{{$}}
// SARIF-NEXT: {{^}}  flow: flow-chain.c:18:69 Store global 'g_last'{{$}}

// WHY: flow-chain.c:22:8: LocalEscapes: 'buf' escapes: address passed to 'fill' (argument 1), which passes it to 'keep' (argument 2), which stores it into global 'g_last' at {{.*}}flow-chain.c:18, a call
// WHY-NEXT: {{^}}  why: {{.*}}flow-chain.c:23:3: Callee fill{{$}}
// WHY-NEXT: {{^}}  why: {{.*}}flow-chain.c:19:58: Hop keep{{$}}
// WHY-NEXT: {{^}}  why: {{.*}}flow-chain.c:18:69: Store global 'g_last'{{$}}
// WHY-NEXT: flow-chain.c:23:3: NotInlined:
// WHY: flow-chain.c:42:25: LeakingParam: leaking param: 'p' is passed to 'relay'
// WHY-NEXT: {{^}}  why: {{.*}}flow-chain.c:42:30: Callee relay{{$}}
// WHY-NEXT: {{^}}  why: {{.*}}flow-chain.c:41:49: Hop ext{{$}}
// WHY-NEXT: flow-chain.c:42:30: NotInlined:

// JSON: "function": "chained"
// JSON: "key": "Hop",
// JSON-NEXT: "value": "keep",
// JSON-NEXT: "file": "{{[^"]*}}flow-chain.c",
// JSON-NEXT: "line": 19,
// JSON-NEXT: "column": 58
// JSON: "key": "HopArgNo",
// JSON-NEXT: "value": "2"
// JSON: "key": "Store",
// JSON-NEXT: "value": "global 'g_last'",
// JSON-NEXT: "file": "{{[^"]*}}flow-chain.c",
// JSON-NEXT: "line": 18,
// JSON-NEXT: "column": 69

// A cycle: the chain is cut where it comes back into a function of it.
void ext2(char *p);
__attribute__((noinline)) void pong(char *p, int n);
// CHECK: flow-chain.c:[[@LINE+2]]:43: remark: leaking param: 'p' is passed to 'pong' (argument 1), which passes it to 'ping' (argument 1), which leads back into a cycle (chain cut), a call that may keep it
// CHECK: flow-chain.c:[[@LINE+4]]:55: note: passed on to 'ping' (argument 1) here
__attribute__((noinline)) void ping(char *p, int n) { if (n) ext2(p); pong(p, n); }
// CHECK: flow-chain.c:[[@LINE+2]]:43: remark: leaking param: 'p' is passed to 'ping' (argument 1), which passes it to 'pong' (argument 1), which leads back into a cycle (chain cut), a call that may keep it
// CHECK: flow-chain.c:[[@LINE-2]]:71: note: passed on to 'pong' (argument 1) here
__attribute__((noinline)) void pong(char *p, int n) { ping(p, n - 1); }

// Fields as the source writes them, named only when the assignment at the
// store starts from that parameter and reaches the bytes the IR writes:
// nested, array elements (a variable index is '...'), a member of an
// anonymous union, a setter inlined into the hop (its 's' is the caller's
// 'd'). Through a cast the path is not the parameter's: nothing guessed.
struct in { int x; char *b; };
struct deep { int tag; struct in a; char *v[4]; union { long u; char *w; }; };
__attribute__((noinline)) void nest(struct deep *d, char *p) { d->a.b = p; }
void into_nest(struct deep *d, char *p) { nest(d, p); }
__attribute__((noinline)) void elem(struct deep *d, char *p) { d->v[2] = p; }
void into_elem(struct deep *d, char *p) { elem(d, p); }
__attribute__((noinline)) void elem_i(struct deep *d, int i, char *p) { d->v[i] = p; }
void into_elem_i(struct deep *d, int i, char *p) { elem_i(d, i, p); }
__attribute__((noinline)) void anon(struct deep *d, char *p) { d->w = p; }
void into_anon(struct deep *d, char *p) { anon(d, p); }
static inline void setter(struct cell *s, char *p) { s->slot = p; }
__attribute__((noinline)) void via_setter(struct cell *d, char *p) { setter(d, p); }
void into_setter(struct cell *d, char *p) { via_setter(d, p); }
__attribute__((noinline)) void cast(void *v, char *p) { ((struct deep *)v)->w = p; }
void into_cast(void *v, char *p) { cast(v, p); }
// CHECK: flow-chain.c:158:59: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:159:38: remark: leaking param: 'p' is passed to 'nest' (argument 2), which stores it into 'd->a.b' at {{.*}}flow-chain.c:158, a call that may keep it
// CHECK: flow-chain.c:158:71: note: stored into 'd->a.b' here
// CHECK: flow-chain.c:160:59: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:161:38: remark: leaking param: 'p' is passed to 'elem' (argument 2), which stores it into 'd->v[2]' at {{.*}}flow-chain.c:160, a call that may keep it
// CHECK: flow-chain.c:160:72: note: stored into 'd->v[2]' here
// CHECK: flow-chain.c:162:68: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:163:47: remark: leaking param: 'p' is passed to 'elem_i' (argument 3), which stores it into 'd->v[...]' at {{.*}}flow-chain.c:162, a call that may keep it
// CHECK: flow-chain.c:162:81: note: stored into 'd->v[...]' here
// CHECK: flow-chain.c:164:59: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:165:38: remark: leaking param: 'p' is passed to 'anon' (argument 2), which stores it into 'd->w' at {{.*}}flow-chain.c:164, a call that may keep it
// CHECK: flow-chain.c:164:69: note: stored into 'd->w' here
// CHECK: flow-chain.c:167:65: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:168:40: remark: leaking param: 'p' is passed to 'via_setter' (argument 2), which stores it into 'd->slot' at {{.*}}flow-chain.c:166, a call that may keep it
// CHECK: flow-chain.c:166:62: note: stored into 'd->slot' here
// CHECK: flow-chain.c:169:52: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:170:31: remark: leaking param: 'p' is passed to 'cast' (argument 2), which stores it into a field of '*v' ('v->...') at {{.*}}flow-chain.c:169, a call that may keep it
// CHECK: flow-chain.c:169:79: note: stored into a field of '*v' ('v->...') here

// The field's name is the Store arg's value, at the store.
// YAML: Function: into_nest
// YAML: - Store: '''d->a.b'''
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.c{{'?}}, Line: 158, Column: 71{{ ?}}}
// YAML: Function: into_cast
// YAML: - Store: a field of '*v' ('v->...')
// YAML-NEXT: DebugLoc: {{.*}}File: {{[^,]*}}flow-chain.c{{'?}}, Line: 169, Column: 79{{ ?}}}

// An element of the parameter itself, a field through a macro (named as
// it expands), a field reached through another pointer (not a path from
// the parameter: the IR says only 'memory').
struct link { int tag; char *slot; struct link *next; };
#define SET_SLOT(x, v) ((x)->slot = (v))
__attribute__((noinline)) void second(struct link *l, char *p) { l[1].slot = p; }
void into_second(struct link *l, char *p) { second(l, p); }
__attribute__((noinline)) void by_macro(struct link *l, char *p) { SET_SLOT(l, p); }
void into_macro(struct link *l, char *p) { by_macro(l, p); }
__attribute__((noinline)) void onward(struct link *l, char *p) { l->next->slot = p; }
void into_onward(struct link *l, char *p) { onward(l, p); }
// CHECK: flow-chain.c:203:61: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:204:40: remark: leaking param: 'p' is passed to 'second' (argument 2), which stores it into 'l[1].slot' at {{.*}}flow-chain.c:203, a call that may keep it
// CHECK: flow-chain.c:203:76: note: stored into 'l[1].slot' here
// CHECK: flow-chain.c:205:63: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:206:39: remark: leaking param: 'p' is passed to 'by_macro' (argument 2), which stores it into 'l->slot' at {{.*}}flow-chain.c:205, a call that may keep it
// CHECK: flow-chain.c:205:68: note: stored into 'l->slot' here
// CHECK: flow-chain.c:207:61: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:208:40: remark: leaking param: 'p' is passed to 'onward' (argument 2), which stores it into memory at {{.*}}flow-chain.c:207, a call that may keep it
// CHECK: flow-chain.c:207:80: note: stored into memory here

// A store into a local whose address leaves: the local by its name.
void ext_pp(char **pp);
__attribute__((noinline)) void via_local(char *p) { char *tmp; tmp = p; ext_pp(&tmp); }
void into_local(char *p) { via_local(p); }
// CHECK: flow-chain.c:[[@LINE-2]]:48: remark: leaking param: 'p' is stored to memory
// CHECK: flow-chain.c:[[@LINE-3]]:59: remark: 'tmp' escapes: address passed to 'ext_pp' (argument 1), a call that may keep it, so it lives in memory
// CHECK: flow-chain.c:[[@LINE-3]]:23: remark: leaking param: 'p' is passed to 'via_local' (argument 1), which stores it into the local 'tmp' at {{.*}}flow-chain.c:[[@LINE-4]], a call that may keep it
// CHECK: flow-chain.c:[[@LINE-5]]:68: note: stored into the local 'tmp' here
