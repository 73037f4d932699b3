#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders every page of the collection wizard, and the review, unmask and ledger windows, on a
# generated sample installation into docs/screenshots/*.png, on Qt's offscreen platform (no
# display or Xvfb needed).
# Usage: docs/screenshots/take.sh [BUILD_DIR]   (default build/dev, configured with cmake --preset dev)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
cmake --build "$build" --target wizard-screenshots review-screenshots
for program in wizard-screenshots review-screenshots; do
  QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 TZ=UTC \
    XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d) \
    "$build/tests/ui/$program" "$root/docs/screenshots"
done
