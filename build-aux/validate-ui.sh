#!/usr/bin/env bash
# Runs `gtk4-builder-tool validate` on every GtkBuilder file in ui/.  Our own
# widget types are resolved lazily by GtkBuilder (pdw_foo_get_type), so the
# module holding them is preloaded.  Needs a display (Xvfb in the test command).
set -uo pipefail
top=${1:?usage: validate-ui.sh SOURCE_ROOT TYPES_MODULE}
module=${2:?usage: validate-ui.sh SOURCE_ROOT TYPES_MODULE}
status=0
count=0
for ui in "$top"/ui/*.ui "$top"/ui/gtk/*.ui; do
  [ -f "$ui" ] || continue
  count=$((count + 1))
  if ! out=$(LD_PRELOAD="$module" gtk4-builder-tool validate "$ui" 2>&1); then
    echo "FAIL ${ui#$top/}: $out"
    status=1
  else
    echo "ok   ${ui#$top/}"
  fi
done
[ "$count" -gt 0 ] || { echo "no .ui files found"; exit 1; }
exit $status
