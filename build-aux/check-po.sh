#!/usr/bin/env bash
# Checks the translation set up: every source file with translatable strings
# is in po/POTFILES.in, po/id.po is well-formed (msgfmt -c) and complete
# against the strings the sources have now (no untranslated or fuzzy entry).
set -euo pipefail
top=${1:?usage: check-po.sh SOURCE_ROOT}
cd "$top"
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)
needed=$( { grep -lE '\b(N_|_|C_|NC_|g_dngettext|ngettext)\s*\(' $(git ls-files 'src/*.c' 2>/dev/null || find src -name '*.c') || true;
            grep -l 'translatable="yes"' $(git ls-files 'ui/*.ui' 2>/dev/null || find ui -name '*.ui') 2>/dev/null || true;
            ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml; } | sort -u)
missing=$(comm -13 <(printf '%s\n' "$listed") <(printf '%s\n' "$needed"))
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  printf '  %s\n' $missing
  status=1
fi
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done

msgfmt -c -o /dev/null po/id.po

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --files-from=<(printf '%s\n' $listed) \
  --output="$tmp/pandawa.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/id.po" po/id.po "$tmp/pandawa.pot"
stats=$(msgfmt -c --statistics -o /dev/null "$tmp/id.po" 2>&1)
echo "id.po against the current sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated strings (msgid):"
    msgattrib --untranslated --no-wrap "$tmp/id.po" | grep '^msgid' | sed -n "2,60p"
    status=1 ;;
esac
stats=$(msgfmt -c --statistics -o /dev/null po/id.po 2>&1)
case "$stats" in *fuzzy*|*untranslated*) echo "po/id.po itself: $stats"; status=1 ;; esac
exit $status
