/* A linked list: pushing a node stores the caller's pointer into the list,
 * so the parameter leaks and callers' nodes escape; a stack node whose
 * address is linked into a global list escapes too. */
#include <stddef.h>

struct node {
  struct node *next;
  int value;
};

struct node *head;

void push(struct node *n) {
  n->next = head;
  head = n;
}

struct node *find(struct node *list, int value) {
  for (; list; list = list->next)
    if (list->value == value)
      return list;
  return NULL;
}

int sum_list(const struct node *list) {
  int sum = 0;
  for (; list; list = list->next)
    sum += list->value;
  return sum;
}

void visit(void (*callback)(struct node *));

int with_sentinel(int value) {
  struct node sentinel = {NULL, value};
  push(&sentinel);
  visit(NULL);
  head = sentinel.next;
  return sum_list(head);
}
