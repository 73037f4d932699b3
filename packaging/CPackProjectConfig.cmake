# SPDX-License-Identifier: GPL-3.0-or-later
# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
  # CPackDeb would put the one package summary above both packages' descriptions; each
  # CPACK_DEBIAN_<COMPONENT>_DESCRIPTION starts with its own summary line instead.
  unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
