/* A set of 64-bit digests of remark streams, so that the same embedded
 * stream met twice (x.o and the copy of x.o inside lib.a) is one
 * translation unit, not two. */
#ifndef ESCAPE_DRIVER_DIGEST_SET_H
#define ESCAPE_DRIVER_DIGEST_SET_H

#include <stddef.h>
#include <stdint.h>

typedef struct digest_set {
  uint64_t *slots; /* open addressing; 0 marks a free slot */
  size_t slot_count;
  size_t count;
  int has_zero; /* the digest 0, which cannot live in a slot */
} digest_set;

/* Initializes an empty set. */
void digest_set_init(digest_set *set);

/* Frees the slots; leaves the set empty. */
void digest_set_release(digest_set *set);

/* Adds digest: returns 1 if it was new, 0 if already there, -1 when out
 * of memory. */
int digest_set_add(digest_set *set, uint64_t digest);

#endif
