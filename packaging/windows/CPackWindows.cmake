# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: an NSIS installer (CLI and GUI as components) and a .zip. UNTESTED: no Windows build
# runs in CI; this is the intended setup, see packaging/README.md for what is known to be missing.
set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
set(CPACK_NSIS_PACKAGE_NAME "supportzip")
set(CPACK_NSIS_DISPLAY_NAME "supportzip ${SUPPORTZIP_VERSION_FULL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ on PATH, so `supportzip collect ...` works from any console.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
# Pairs of executable and Start menu label: the GUI only.
set(CPACK_PACKAGE_EXECUTABLES "supportzip-gui" "supportzip")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\supportzip-gui.exe")
# TODO(windows): an .ico made from packaging/linux/icons/*.png (e.g. `icotool -c`), set as
# CPACK_NSIS_MUI_ICON / CPACK_NSIS_MUI_UNIICON and as the GUI's resource icon.

# The Qt DLLs and plugins next to the executables (windeployqt, through Qt's deploy script).
if(COMMAND qt_generate_deploy_app_script)
  foreach(target_component IN ITEMS "supportzip;cli" "supportzip-gui;gui")
    list(GET target_component 0 deploy_target)
    list(GET target_component 1 deploy_component)
    if(TARGET ${deploy_target})
      qt_generate_deploy_app_script(TARGET ${deploy_target} OUTPUT_SCRIPT deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
      install(SCRIPT ${deploy_script} COMPONENT ${deploy_component})
    endif()
  endforeach()
endif()
