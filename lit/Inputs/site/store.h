void keep(char *p);
