// Input of yaml-race.sh: -DVARIANT=k gives k*40 functions with one escaping
// local each, so that each variant writes a different, long YAML file.
void fill(char *p);

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define F int CAT(f, __COUNTER__)(void) { char b[8]; fill(b); return b[0]; }
#define F10 F F F F F F F F F F
#define F40 F10 F10 F10 F10

F40
#if VARIANT >= 2
F40
#endif
#if VARIANT >= 3
F40
#endif
#if VARIANT >= 4
F40
#endif
