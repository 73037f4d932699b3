# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: supportzip-gui as an app bundle (macos/Bundle.cmake) in a drag-and-drop disk image, and
# a .tar.gz with the CLI. UNTESTED: no macOS build runs in CI; see packaging/README.md.
set(CPACK_GENERATOR "DragNDrop;TGZ")
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
set(CPACK_DMG_VOLUME_NAME "supportzip")

# The Qt frameworks and plugins inside the bundle (macdeployqt, through Qt's deploy script).
if(COMMAND qt_generate_deploy_app_script AND TARGET supportzip-gui)
  qt_generate_deploy_app_script(TARGET supportzip-gui OUTPUT_SCRIPT deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
  install(SCRIPT ${deploy_script} COMPONENT gui)
endif()
