#!/bin/sh
# Makes the README screenshot the way an officer uses the app: the installed
# build in Indonesian, demo mode, the first citizen opened and a reply sent,
# captured once its delivery ticks have come back.
#
#   build-aux/readme-screenshot.sh OUTPUT.png [IDENTITY.png]
#
# With a second file, it then types a NIK from a renamed kecamatan (a
# warning) and a KK dated in the future (an error) into the complaint pane,
# and captures the live validation.
# Needs a configured _build (build-aux/pandawa build), xvfb-run, xdotool and
# ImageMagick's `import`.
set -eu

output=${1:?usage: readme-screenshot.sh OUTPUT.png [IDENTITY.png]}
identity=${2:-}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir="$srcdir/_build"
prefix=$(meson introspect --buildoptions "$builddir" | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
case $output in /*) ;; *) output=$(pwd)/$output ;; esac
case $identity in /*|"") ;; *) identity=$(pwd)/$identity ;; esac

meson install -C "$builddir" --quiet >/dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pandawa-readme.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/data" "$tmp/config" "$tmp/runtime"
chmod 0700 "$tmp/runtime"

cat > "$tmp/session.sh" <<INNER
#!/bin/sh
"$prefix/bin/pandawa" --demo &
pid=\$!
sleep 9
# The first citizen in the queue, then the composer.
xdotool mousemove 207 208 click 1
sleep 2
xdotool mousemove 684 752 click 1
sleep 0.5
xdotool type --delay 15 "Selamat siang Bapak/Ibu, pengaduan sudah kami terima dan sedang kami daftarkan."
xdotool key Return
sleep 7
import -window root "$output"
if [ -n "$identity" ]; then
  # The KK first: the NIK's decoded lines push the rows below it down.
  xdotool mousemove 1000 273 click 1
  sleep 0.5
  xdotool key ctrl+a
  xdotool type --delay 15 "1471013512200003"
  xdotool mousemove 1000 207 click 1
  sleep 0.5
  xdotool key ctrl+a
  xdotool type --delay 15 "1471084101909999"
  sleep 1
  import -window root "$identity"
fi
kill \$pid 2>/dev/null || true
wait \$pid 2>/dev/null || true
INNER
chmod +x "$tmp/session.sh"

env XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/runtime" \
    XDG_DATA_DIRS="$prefix/share:/usr/local/share:/usr/share" \
    GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
    LANG=C.UTF-8 LANGUAGE=id GTK_A11Y=none NO_AT_BRIDGE=1 \
    xvfb-run -a -s "-screen 0 1280x800x24" "$tmp/session.sh"
echo "$output"
