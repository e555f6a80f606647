// A system header (-isystem): its functions are not the user's to define.
int sys_parse(const char *p);
