#!/usr/bin/env bash
# yaml-race.sh DIR ROUNDS COMPILER ARGS...: races compiles of
# yaml-variants.c that write different YAML (-DVARIANT=1..4) to one path,
# DIR/shared.yaml, while a reader copies that path as fast as it can, and
# compiles that write their own YAML beside their objects in one directory.
# Every copy the reader took, and the final file, must be byte-equal to one
# variant's complete output; each object's YAML must be its variant's; no
# temporary file may remain.
set -euo pipefail
dir=$1 rounds=$2
shift 2
compiler=("$@")
source=$(dirname "$0")/yaml-variants.c
mkdir -p "$dir/ref" "$dir/race" "$dir/beside"

for k in 1 2 3 4; do  # each variant alone: the expected files
  "${compiler[@]}" -DVARIANT=$k -fplugin-arg-escape-yaml="$dir/ref/$k.yaml" \
    -c "$source" -o "$dir/ref/$k.o"
done

matches_a_variant() {
  local k
  for k in 1 2 3 4; do cmp -s "$1" "$dir/ref/$k.yaml" && return 0; done
  return 1
}

snapshots=0
for round in $(seq 1 "$rounds"); do
  pids=()
  for i in 1 2 3 4 5 6 7 8; do
    k=$(( (i + round) % 4 + 1 ))
    "${compiler[@]}" -DVARIANT=$k -fplugin-arg-escape-yaml="$dir/race/shared.yaml" \
      -c "$source" -o "$dir/race/obj.$i.o" &
    pids+=($!)
    "${compiler[@]}" -DVARIANT=$k -c "$source" -o "$dir/beside/obj.$round.$i.o" &
    pids+=($!)
  done
  # Read while they write: whatever the path holds must be complete.
  while kill -0 "${pids[@]}" 2>/dev/null; do
    if cp "$dir/race/shared.yaml" "$dir/snapshot.yaml" 2>/dev/null; then
      snapshots=$((snapshots + 1))
      if ! matches_a_variant "$dir/snapshot.yaml"; then
        echo "yaml-race: round $round: a reader saw a partial or mixed file" \
             "($(wc -c <"$dir/snapshot.yaml") bytes)" >&2
        exit 1
      fi
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  matches_a_variant "$dir/race/shared.yaml" ||
    { echo "yaml-race: round $round: final shared.yaml matches no variant" >&2; exit 1; }
  for i in 1 2 3 4 5 6 7 8; do
    k=$(( (i + round) % 4 + 1 ))
    cmp "$dir/beside/obj.$round.$i.escape.yaml" "$dir/ref/$k.yaml" ||
      { echo "yaml-race: beside/obj.$round.$i.escape.yaml is not variant $k's" >&2; exit 1; }
  done
done

leftover=$(find "$dir/race" "$dir/beside" -name '*tmp*' | head -5)
if [ -n "$leftover" ]; then
  echo "yaml-race: temporary files left: $leftover" >&2
  exit 1
fi
echo "yaml-race: $rounds rounds of 16 compiles, $snapshots snapshots read, all complete"
