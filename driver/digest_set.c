#include "digest_set.h"

#include <stdlib.h>

void digest_set_init(digest_set *set) {
  set->slots = NULL;
  set->slot_count = 0;
  set->count = 0;
  set->has_zero = 0;
}

void digest_set_release(digest_set *set) {
  free(set->slots);
  digest_set_init(set);
}

/* The slot holding digest, or the free slot where it belongs. */
static size_t find_slot(const digest_set *set, uint64_t digest) {
  size_t mask = set->slot_count - 1;
  size_t slot = (size_t)(digest ^ digest >> 29) & mask;
  while (set->slots[slot] != 0 && set->slots[slot] != digest)
    slot = (slot + 1) & mask;
  return slot;
}

/* Doubles the slots (64 to start), keeping the load below one half. */
static int grow(digest_set *set) {
  size_t old_count = set->slot_count;
  uint64_t *old = set->slots;
  size_t slot_count = old_count ? 2 * old_count : 64;
  uint64_t *slots = calloc(slot_count, sizeof *slots);
  if (!slots)
    return -1;
  set->slots = slots;
  set->slot_count = slot_count;
  for (size_t i = 0; i < old_count; i++)
    if (old[i] != 0)
      set->slots[find_slot(set, old[i])] = old[i];
  free(old);
  return 0;
}

int digest_set_add(digest_set *set, uint64_t digest) {
  if (digest == 0) {
    int added = !set->has_zero;
    set->has_zero = 1;
    return added;
  }
  if (2 * (set->count + 1) > set->slot_count && grow(set) != 0)
    return -1;
  size_t slot = find_slot(set, digest);
  if (set->slots[slot] == digest)
    return 0;
  set->slots[slot] = digest;
  set->count++;
  return 1;
}
