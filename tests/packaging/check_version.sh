#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# cmake/Version.cmake: the plain project version at a release tag and in a tree without .git,
# "+git<commits>.g<hash>" between releases, and only for the project's own repository.
set -euo pipefail
module=$1 printer=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version_of() {
  cmake -DPROJECT_SOURCE_DIR="$1" -DPROJECT_VERSION=1.2.3 -DVERSION_MODULE="$module" \
    -P "$printer" 2>&1 | sed -n 's/^version=//p'
}
expect() {
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected '$3', got '$2'" >&2; exit 1; fi
  echo "ok: $1: $2"
}
git_() { git -C "$work/src" -c init.defaultBranch=main -c user.name=t -c user.email=t@example.invalid "$@" >/dev/null; }

mkdir "$work/src"
expect "no .git (source tarball)" "$(version_of "$work/src")" "1.2.3"

git_ init -q
echo one >"$work/src/file"
git_ add file
git_ commit -q -m one
git_ tag v1.2.3
expect "at the release tag" "$(version_of "$work/src")" "1.2.3"

echo two >"$work/src/file"
git_ commit -q -am two
hash=$(git -C "$work/src" rev-parse --short=7 HEAD)
expect "one commit after the tag" "$(version_of "$work/src")" "1.2.3+git2.g$hash"

git_ tag v9.9.9
expect "at a tag that is not this version" "$(version_of "$work/src")" "1.2.3+git2.g$hash"

# A tarball unpacked inside another repository must not take that repository's commit.
mkdir "$work/src/unpacked"
expect "inside another repository" "$(version_of "$work/src/unpacked")" "1.2.3"

dpkg --compare-versions "1.2.3+git2.g$hash" gt 1.2.3
dpkg --compare-versions "1.2.3+git2.g$hash" lt 1.2.4
dpkg --compare-versions "1.2.3+git10.g0000000" gt "1.2.3+git9.gfffffff"
echo "ok: dpkg orders release < between-releases builds (by commit count) < next release"
