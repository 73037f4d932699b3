#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the packages with cpack into a scratch folder and checks what an admin would get:
#   supportzip (CLI): Depends and binary free of Qt GUI/Widgets/X/GL; man page and completion
#   inside; extracted into a clean root it runs, collects the sample installation, and the
#   bundle verifies; `man` renders the page without warnings.
#   supportzip-gui: depends on supportzip; desktop entry, AppStream data and icons valid.
#   The tarball holds both.
set -euo pipefail
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2 ;;
    --version) version=$2 ;;
    --gui) gui=$2 ;;
    --samplegen) samplegen=$2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
# Libraries the headless CLI must never need: Qt GUI/Widgets/platform plugins, X, GL, Wayland.
gui_libs='libqt6(gui|widgets|opengl|xcb)|qt6-qpa|libx11|libxcb|libxkbcommon|libxext|libxrender|libxi\.|libxrandr|libgl\.|libglx|libgldispatch|libegl|libopengl|libwayland|libfontconfig|libfreetype'

# --- build the packages --------------------------------------------------------------------
if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  fail "cpack"
fi
arch=$(dpkg --print-architecture)
cli_deb=$work/out/supportzip_${version}_${arch}.deb
gui_deb=$work/out/supportzip-gui_${version}_${arch}.deb
tarball=$work/out/supportzip-${version}-Linux.tar.gz
[ -f "$cli_deb" ] || fail "no $(basename "$cli_deb") in: $(ls "$work/out")"
[ -f "$tarball" ] || fail "no $(basename "$tarball") in: $(ls "$work/out")"
ok "cpack made $(cd "$work/out" && ls -- *.deb *.tar.gz | tr '\n' ' ')"

# --- the CLI package's control data and contents ---------------------------------------------
[ "$(dpkg-deb -f "$cli_deb" Package)" = supportzip ] || fail "CLI package name"
[ "$(dpkg-deb -f "$cli_deb" Version)" = "$version" ] || fail "CLI package version"
depends=$(dpkg-deb -f "$cli_deb" Depends)
grep -q 'libqt6core6' <<<"$depends" || fail "CLI Depends lacks libqt6core6: $depends"
if grep -Eio "$gui_libs" <<<"$depends"; then fail "CLI Depends names a GUI/X library: $depends"; fi
ok "supportzip Depends: $depends"
dpkg-deb -c "$cli_deb" | awk '{print $NF}' >"$work/cli.contents"
for path in ./usr/bin/supportzip ./usr/share/man/man1/supportzip.1.gz \
    ./usr/share/bash-completion/completions/supportzip; do
  grep -qx -- "$path" "$work/cli.contents" || fail "CLI package lacks $path"
done
if grep -E 'supportzip-gui|/applications/|/icons/' "$work/cli.contents"; then
  fail "CLI package holds GUI files"
fi
ok "supportzip holds the binary, the man page and the completion, nothing of the GUI"

# --- the CLI extracted into a clean root: libraries, --version, a collection ---------------
root=$work/root
dpkg-deb -x "$cli_deb" "$root"
bin=$root/usr/bin/supportzip
needed=$(objdump -p "$bin" | awk '/NEEDED/ {print $2}')
if grep -Ei "$gui_libs" <<<"$needed"; then fail "the CLI binary needs a GUI/X library"; fi
ldd "$bin" >"$work/ldd" || fail "ldd"
if grep -q 'not found' "$work/ldd"; then cat "$work/ldd" >&2; fail "unresolved libraries"; fi
if grep -Ei "$gui_libs" "$work/ldd"; then fail "the CLI loads a GUI/X library (ldd)"; fi
ok "NEEDED: $(tr '\n' ' ' <<<"$needed"); ldd: nothing of GUI or X"
[ "$("$bin" --version)" = "supportzip $version" ] || fail "--version says '$("$bin" --version)'"
ok "supportzip --version: $("$bin" --version)"

export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
"$samplegen" --out "$work/sample" --product jira >/dev/null
mkdir -p "$work/bundles"
"$bin" collect --install "$work/sample/jira/install" --home "$work/sample/jira/home" \
  --consent "Package Test <package.test@example.com>" --recipient "Vendor Support" --ticket PKG-1 \
  --vault "$work/vault" --out "$work/bundles" --quiet >"$work/collect.out" ||
  fail "collect: $(cat "$work/collect.out")"
bundles=("$work"/bundles/supportzip-jira-*.zip)
[ ${#bundles[@]} -eq 1 ] && [ -s "${bundles[0]}" ] || fail "expected one bundle: ${bundles[*]}"
"$bin" verify "${bundles[0]}" >"$work/verify.out" || fail "verify: $(cat "$work/verify.out")"
ok "the extracted binary collected the sample Jira into $(basename "${bundles[0]}"), verify passed"

# --- man page and completion from the extracted package -------------------------------------
page=$root/usr/share/man/man1/supportzip.1.gz
MANWIDTH=80 man --warnings -l "$page" >"$work/man.txt" 2>"$work/man.err" || fail "man -l"
[ ! -s "$work/man.err" ] || fail "man warnings: $(cat "$work/man.err")"
grep -q 'supportzip collect \[options\]' "$work/man.txt" || fail "man page lacks collect"
MANPATH=$root/usr/share/man MANWIDTH=80 man supportzip 2>&1 | grep -q -- '--consent' ||
  fail "'man supportzip' with the package's MANPATH"
ok "man renders supportzip(1) without warnings ($(wc -l <"$work/man.txt") lines)"
completion=$root/usr/share/bash-completion/completions/supportzip
reply=$(bash -c 'source "$1"; COMP_WORDS=(supportzip collect --cons); COMP_CWORD=2; _supportzip
  echo "${COMPREPLY[*]}"' _ "$completion")
[ "$reply" = --consent ] || fail "bash completion of 'supportzip collect --cons': '$reply'"
ok "bash completion completes 'supportzip collect --cons' to --consent"

# --- the tarball --------------------------------------------------------------------------
tar -tzf "$tarball" | sed 's|^[^/]*/||' >"$work/tar.contents"
for path in bin/supportzip share/man/man1/supportzip.1.gz; do
  grep -qx "$path" "$work/tar.contents" || fail "tarball lacks $path"
done

[ "$gui" = 1 ] || { ok "GUI not built: no supportzip-gui package to check"; exit 0; }

# --- the GUI package ------------------------------------------------------------------------
grep -qx bin/supportzip-gui "$work/tar.contents" || fail "tarball lacks bin/supportzip-gui"
ok "the tarball holds both"
[ -f "$gui_deb" ] || fail "no $(basename "$gui_deb")"
gui_depends=$(dpkg-deb -f "$gui_deb" Depends)
for dep in "supportzip (= $version)" libqt6widgets6 qt6-qpa-plugins; do
  grep -qF "$dep" <<<"$gui_depends" || fail "supportzip-gui Depends lacks $dep: $gui_depends"
done
ok "supportzip-gui Depends: $gui_depends"
groot=$work/gui-root
dpkg-deb -x "$gui_deb" "$groot"
id=org.supportzip.supportzip
desktop=$groot/usr/share/applications/$id.desktop
metainfo=$groot/usr/share/metainfo/$id.metainfo.xml
[ -x "$groot/usr/bin/supportzip-gui" ] || fail "supportzip-gui package lacks the binary"
desktop-file-validate "$desktop" || fail "desktop-file-validate"
grep -qx "Icon=$id" "$desktop" && grep -qx "Exec=supportzip-gui" "$desktop" ||
  fail "desktop entry Icon/Exec"
[ -f "$groot/usr/share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256; do
  png=$groot/usr/share/icons/hicolor/${size}x${size}/apps/$id.png
  # The PNG header's width and height (IHDR, bytes 16..23).
  dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
  [ "$dims" = "${size}x${size}" ] || fail "$png is $dims"
done
ok "desktop entry valid; icons: scalable and 16..256 PNGs of the right size"
python3 - "$metainfo" "$id" <<'PY' || fail "AppStream metainfo"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "component" and root.get("type") == "desktop-application"
assert root.findtext("id") == sys.argv[2]
assert root.findtext("launchable") == sys.argv[2] + ".desktop"
for tag in ("name", "summary", "metadata_license", "project_license", "description"):
    assert root.find(tag) is not None, tag
PY
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$metainfo" >"$work/appstream.out" ||
    fail "appstreamcli: $(cat "$work/appstream.out")"
  ok "AppStream metainfo: well-formed, matches the desktop entry, appstreamcli validate passed"
else
  ok "AppStream metainfo: well-formed, matches the desktop entry (appstreamcli not installed)"
fi
