/* C++ names as their authors spell them: LLVM writes Itanium-mangled names
 * (`_ZL9siphash24PKvmPK6sipkey`) into `Function`, `Callee` and `Caller`;
 * every output format shows them demangled by libiberty, while the remark
 * set and fingerprints keep the mangled identity. */
#ifndef ESCAPE_DRIVER_NAME_DEMANGLE_H
#define ESCAPE_DRIVER_NAME_DEMANGLE_H

/* The demangled form of name without its parameter list (`ns::Box::get`,
 * `std::vector<int>::push_back`) as a malloc'd string, or NULL when name
 * is not a mangled C++ name (C names, source names) or memory ran out. */
char *name_demangle(const char *name);

/* Whether name looks like an Itanium-mangled name ("_Z..."). */
int name_is_mangled(const char *name);

#endif
