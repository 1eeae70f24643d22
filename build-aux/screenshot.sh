#!/bin/sh
# Takes a 1280x800 screenshot of `pandawa --demo` under Xvfb.
#
#   build-aux/screenshot.sh OUTPUT.png [SECONDS] [BUILDDIR]
#
# The app runs with fresh XDG directories, so the demo database starts empty
# and nothing of the user's own data is touched.  Needs xvfb-run and
# ImageMagick's `import`.
set -eu

output=${1:?usage: screenshot.sh OUTPUT.png [SECONDS] [BUILDDIR]}
wait_seconds=${2:-8}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${3:-${MESON_BUILD_ROOT:-$srcdir/_build}}

case $output in
  /*) ;;
  *) output=$(pwd)/$output ;;
esac

app="$builddir/src/pandawa"
if [ ! -x "$app" ]; then
  echo "screenshot.sh: $app not found; build first (ninja -C $builddir)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pandawa-shot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
chmod 0700 "$tmp/runtime"

cat > "$tmp/run.sh" <<INNER
#!/bin/sh
"$app" --demo &
pid=\$!
sleep "$wait_seconds"
import -window root "$output"
kill \$pid 2>/dev/null || true
wait \$pid 2>/dev/null || true
INNER
chmod +x "$tmp/run.sh"

env XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" \
    XDG_CACHE_HOME="$tmp/cache" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    GSETTINGS_SCHEMA_DIR="$builddir/data" \
    GSETTINGS_BACKEND=memory \
    PANDAWA_SIMULATOR="${PANDAWA_SIMULATOR:-$builddir/src/pandawa-simulator}" \
    LANGUAGE="${LANGUAGE:-id}" \
    LANG="${LANG_OVERRIDE:-id_ID.UTF-8}" \
    GTK_A11Y=none \
    NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/run.sh"

echo "$output"
