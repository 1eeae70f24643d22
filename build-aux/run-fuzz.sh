#!/bin/sh
# run-fuzz.sh: builds one libFuzzer target with ASan and UBSan and runs it for
# a bounded time on its seed corpus.  Exit 77 (meson: skipped) only when
# clang is missing.
#
# Usage: run-fuzz.sh NAME TARGET.c SEED_DIR BUILD_ROOT SRC_DIR GENERATED_HEADER SOURCE.c...
#
# Copyright 2026 Disdukcapil Kota Pekanbaru
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if [ $# -lt 7 ]; then
  echo "usage: $0 NAME TARGET.c SEED_DIR BUILD_ROOT SRC_DIR GENERATED_HEADER SOURCE.c..." >&2
  exit 2
fi

name=$1; target=$2; seeds=$3; build_root=$4; src_dir=$5; generated=$6
shift 6

CLANG=${CLANG:-clang}
if ! command -v "$CLANG" >/dev/null 2>&1; then
  echo "clang not found: fuzz target $name skipped"
  exit 77
fi

max_time=${PANDAWA_FUZZ_SECONDS:-20}
# The libraries the target's sources need besides GLib.
packages=${PANDAWA_FUZZ_PACKAGES:-glib-2.0}
work=$(mktemp -d "${TMPDIR:-/tmp}/pandawa-fuzz-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# The generated header is included as "core/pdw-region-data.h".
generated_root=$(dirname "$(dirname "$generated")")

# shellcheck disable=SC2046
"$CLANG" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  -I"$build_root" -I"$generated_root" -I"$src_dir" \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  $(pkg-config --cflags $packages) \
  "$target" "$@" \
  $(pkg-config --libs $packages) \
  -o "$work/$name"

# New inputs go to a scratch copy, never into the source tree.
mkdir "$work/corpus"
cp "$seeds"/* "$work/corpus/"

cd "$work"
"./$name" -max_total_time="$max_time" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -print_final_stats=1 "$work/corpus"
