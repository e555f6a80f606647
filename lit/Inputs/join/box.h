struct Box {
  char *slot;
  int tag;
  void put(char *p);
  void look(const char *p);
};
