#!/bin/bash
# check-file-size.sh SOURCE_ROOT: fails when a source file under src/ is
# longer than 1000 lines, the size past which the project splits a file
# (a private header and a second file of the same type, see ARCHITECTURE.md).
set -eu
root="$1"
limit=1000
status=0
while IFS= read -r -d '' file; do
  lines=$(wc -l < "$file")
  if [ "$lines" -gt "$limit" ]; then
    echo "${file#"$root"/}: $lines lines (at most $limit): split it" >&2
    status=1
  fi
done < <(find "$root/src" \( -name '*.c' -o -name '*.h' \) -print0)
exit $status
