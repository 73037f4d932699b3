#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the committed PNGs from the SVG source. Run after changing the SVG, then commit both.
# Uses rsvg-convert (librsvg2-bin) when installed, otherwise gdk-pixbuf's SVG loader
# (libgdk-pixbuf2.0-bin + librsvg2-common), which a Debian 12 desktop already has.
set -euo pipefail
cd "$(dirname "$0")"
svg=org.supportzip.supportzip.svg
if command -v rsvg-convert >/dev/null; then
  render() { rsvg-convert -w "$1" -h "$1" -o "$1.png" "$svg"; }
else
  cache=$(mktemp)
  trap 'rm -f "$cache"' EXIT
  loaders=/usr/lib/x86_64-linux-gnu/gdk-pixbuf-2.0
  "$loaders/gdk-pixbuf-query-loaders" "$loaders"/2.10.0/loaders/libpixbufloader-svg.so >"$cache"
  export GDK_PIXBUF_MODULE_FILE=$cache
  render() { gdk-pixbuf-thumbnailer -s "$1" "$svg" "$1.png"; }
fi
for size in 16 22 24 32 48 64 128 256; do render "$size"; done
