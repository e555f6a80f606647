# The CMake package (find_package(Escape) + escape_enable()) and the Debian
# package (cpack -G DEB) of an installation: bin/escape, LIBDIR/libescape.so
# and LIBDIR/cmake/Escape/.
include(CMakePackageConfigHelpers)

set(ESCAPE_INSTALL_PLUGIN ${CMAKE_INSTALL_LIBDIR}/libescape.so)
set(ESCAPE_INSTALL_DRIVER ${CMAKE_INSTALL_BINDIR}/escape)
set(ESCAPE_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/Escape)
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/EscapeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/EscapeConfig.cmake
  INSTALL_DESTINATION ${ESCAPE_INSTALL_CMAKEDIR}
  PATH_VARS ESCAPE_INSTALL_PLUGIN ESCAPE_INSTALL_DRIVER)
# 0.x: a new minor version may change what escape_enable() does.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/EscapeConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/EscapeConfig.cmake
              ${PROJECT_BINARY_DIR}/EscapeConfigVersion.cmake
        DESTINATION ${ESCAPE_INSTALL_CMAKEDIR})

# Debian package. The plugin takes its symbols from clang-19 at run time,
# so clang-19 is a dependency rather than a shared library to detect.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME escape)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Go-style escape and inlining diagnostics for C and C++ (Clang plugin)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON) # a RelWithDebInfo plugin is ~28 MB unstripped
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "escape developers <escape@localhost>")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libyaml-0-2, libjansson4 (>= 2.14), clang-${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ESCAPE_INFORMATION_URI})
include(CPack)
