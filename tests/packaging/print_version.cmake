# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DPROJECT_SOURCE_DIR=DIR -DPROJECT_VERSION=X.Y.Z -DVERSION_MODULE=... -P print_version.cmake
include(${VERSION_MODULE})
message("version=${SUPPORTZIP_VERSION_FULL}")
