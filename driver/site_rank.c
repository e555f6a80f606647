#include "site_rank.h"

unsigned long long site_cost(const remark_entry *entry) {
  if (entry->remark.has_hotness)
    return entry->remark.hotness;
  return entry->cost > 0 ? (unsigned long long)(entry->cost + 0.5) : 0;
}

int site_compare(const void *a, const void *b) {
  return remark_entry_compare_heat(a, b);
}
