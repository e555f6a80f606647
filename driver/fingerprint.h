/* Remark fingerprints: a remark's identity across builds, used by diff,
 * gate and SARIF. Built from what stays put when unrelated lines are
 * inserted above a remark (its name, file, function and key args) plus its
 * occurrence among the remarks that share all of those, never from the
 * line number itself. */
#ifndef ESCAPE_DRIVER_FINGERPRINT_H
#define ESCAPE_DRIVER_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "escape/remark.h"

/* Length of a fingerprint's text: 16 hex digits. */
enum { FINGERPRINT_LEN = 16 };

/* Whether arg identifies its remark: a named arg (not a String piece of the
 * message) whose value is not a number, because numbers (costs,
 * thresholds, loop depths) are measurements that vary between builds. */
int fingerprint_is_key_arg(const escape_arg *arg);

/* Continues the FNV-1a hash with s and its NUL. */
uint64_t fingerprint_hash_string(uint64_t hash, const char *s);

/* Continues the FNV-1a hash with the 8 bytes of number, low byte first. */
uint64_t fingerprint_hash_number(uint64_t hash, unsigned long long number);

/* Continues the hash with the key and value of each key arg of remark. */
uint64_t fingerprint_hash_key_args(uint64_t hash, const escape_remark *remark);

/* Hash of name, file, function and key args; file is the remark's file as
 * reported (already made relative to the project root). */
uint64_t fingerprint_base(const escape_remark *remark);

/* One remark to fingerprint: its base and position in, its text out. */
typedef struct fingerprint_item {
  uint64_t base;
  unsigned line;
  unsigned column;
  char text[FINGERPRINT_LEN + 1];
} fingerprint_item;

/* Numbers the items sharing a base by position (line, then column) and
 * writes each one's text; returns 0, or -1 when out of memory. */
int fingerprint_assign(fingerprint_item **items, size_t count);

#endif
