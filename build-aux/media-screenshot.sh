#!/bin/sh
# Makes the media screenshots: the demo in Indonesian, the citizen who sends
# a (synthetic) photo of her family card opened, its thumbnail in the chat;
# then the photo opened in the viewer.
#
#   build-aux/media-screenshot.sh THUMBNAIL.png VIEWER.png [SECONDS]
#
# Needs a configured _build, xvfb-run, xdotool and ImageMagick's `import`.
# The positions are those of a 1280x800 screen.
set -eu

thumbnail=${1:?usage: media-screenshot.sh THUMBNAIL.png VIEWER.png [SECONDS]}
viewer=${2:?usage: media-screenshot.sh THUMBNAIL.png VIEWER.png [SECONDS]}
wait_seconds=${3:-22}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir="$srcdir/_build"
prefix=$(meson introspect --buildoptions "$builddir" | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
case $thumbnail in /*) ;; *) thumbnail=$(pwd)/$thumbnail ;; esac
case $viewer in /*) ;; *) viewer=$(pwd)/$viewer ;; esac

meson install -C "$builddir" --quiet >/dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pandawa-media.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/data" "$tmp/config" "$tmp/runtime"
chmod 0700 "$tmp/runtime"

cat > "$tmp/session.sh" <<INNER
#!/bin/sh
"$prefix/bin/pandawa" --demo &
pid=\$!
sleep $wait_seconds
# Nurhayati, who sent the photo of her KK: the search finds her.
xdotool key ctrl+f
sleep 0.5
xdotool type --delay 20 "Nurhayati"
sleep 1.5
xdotool key Down Return
sleep 2
xdotool key Escape
sleep 2
import -window root "$tmp/chat.png"
cp "$tmp/chat.png" "$thumbnail"
INNER
cat >> "$tmp/session.sh" <<'INNER'
# The thumbnail, where it shows on a 1280x800 screen (PHOTO_X, PHOTO_Y).
if [ -n "${PHOTO_X:-}" ]; then
  xdotool mousemove "$PHOTO_X" "$PHOTO_Y" click 1
  sleep 3
  # Off the picture, so that no tooltip covers it.
  xdotool mousemove 640 790
  # Without a window manager the new window's first frame may lack its
  # header bar; fitting again redraws it.
  xdotool key 0
  sleep 1
  import -window root "$VIEWER_OUT"
fi
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
INNER
chmod +x "$tmp/session.sh"

env XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/runtime" \
    XDG_DATA_DIRS="$prefix/share:/usr/local/share:/usr/share" \
    GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
    LANG=C.UTF-8 LANGUAGE=id GTK_A11Y=none NO_AT_BRIDGE=1 \
    VIEWER_OUT="$viewer" PHOTO_X="${PHOTO_X:-}" PHOTO_Y="${PHOTO_Y:-}" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/session.sh"
echo "$thumbnail"
