# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target owns the build policy; every supportzip target links it.
add_library(supportzip_build_options INTERFACE)
target_compile_features(supportzip_build_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(supportzip_build_options INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
  $<$<BOOL:${SUPPORTZIP_WARNINGS_AS_ERRORS}>:-Werror>)
target_compile_definitions(supportzip_build_options INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS
  SUPPORTZIP_VERSION="${PROJECT_VERSION}")
if(SUPPORTZIP_BUILD_FUZZERS)
  # Coverage instrumentation everywhere; the fuzz executables add the libFuzzer main.
  target_compile_options(supportzip_build_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(supportzip_build_options INTERFACE -fsanitize=address,undefined)
endif()
if(SUPPORTZIP_ENABLE_ASAN)
  target_compile_options(supportzip_build_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(supportzip_build_options INTERFACE -fsanitize=address,undefined)
endif()
