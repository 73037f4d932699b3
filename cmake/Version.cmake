# SPDX-License-Identifier: GPL-3.0-or-later
# SUPPORTZIP_VERSION_FULL: the version packages and `supportzip --version` carry.
#   at a release tag (v0.1.0 or 0.1.0) or without git:  0.1.0
#   between releases:                                   0.1.0+git57.gd51c59f
# "+git<commits>.g<hash>" sorts after the release in dpkg, and the commit count makes two
# builds of one branch sort in order. Computed at configure time only (so a commit does not
# rebuild the tree): `cmake --preset dev`, which scripts/test runs, refreshes it.
# A source tarball (no .git), or one unpacked inside another project's repository, gets the
# plain project version. -DSUPPORTZIP_VERSION_FULL=... overrides everything (distributions).

function(_supportzip_git out_var)
  execute_process(COMMAND ${GIT_EXECUTABLE} ${ARGN}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    OUTPUT_VARIABLE output ERROR_QUIET RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(rc EQUAL 0)
    set(${out_var} "${output}" PARENT_SCOPE)
  else()
    set(${out_var} "" PARENT_SCOPE)
  endif()
endfunction()

function(supportzip_compute_version out_var)
  set(${out_var} "${PROJECT_VERSION}" PARENT_SCOPE)
  find_package(Git QUIET)
  # Only this project's own repository counts (.git is a file in a worktree), not one a source
  # tarball was unpacked into.
  if(NOT GIT_FOUND OR NOT EXISTS "${PROJECT_SOURCE_DIR}/.git")
    return()
  endif()
  _supportzip_git(tag describe --tags --exact-match HEAD)
  if(tag STREQUAL "v${PROJECT_VERSION}" OR tag STREQUAL "${PROJECT_VERSION}")
    return()
  endif()
  _supportzip_git(count rev-list --count HEAD)
  _supportzip_git(hash rev-parse --short=7 HEAD)
  if(count STREQUAL "" OR hash STREQUAL "")
    return()
  endif()
  set(${out_var} "${PROJECT_VERSION}+git${count}.g${hash}" PARENT_SCOPE)
endfunction()

if(NOT SUPPORTZIP_VERSION_FULL)
  supportzip_compute_version(SUPPORTZIP_VERSION_FULL)
endif()
message(STATUS "supportzip version: ${SUPPORTZIP_VERSION_FULL}")
