# SPDX-License-Identifier: GPL-3.0-or-later
# Included by app/gui/CMakeLists.txt on macOS: supportzip-gui becomes supportzip.app.
# UNTESTED (no macOS build in CI).
set_target_properties(supportzip-gui PROPERTIES
  MACOSX_BUNDLE ON
  OUTPUT_NAME "supportzip"
  MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
  MACOSX_BUNDLE_BUNDLE_NAME "supportzip"
  MACOSX_BUNDLE_GUI_IDENTIFIER "org.supportzip.supportzip"
  MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
  MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
  MACOSX_BUNDLE_LONG_VERSION_STRING "${SUPPORTZIP_VERSION_FULL}"
  MACOSX_BUNDLE_COPYRIGHT "GPL-3.0-or-later")
# TODO(macos): supportzip.icns from packaging/linux/icons/*.png (iconutil -c icns on an
# .iconset folder), added to the target as a source with MACOSX_PACKAGE_LOCATION Resources.
