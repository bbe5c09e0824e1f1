# SPDX-License-Identifier: MIT
# Installs the executable, the library, its headers and a CMake package, so that
# find_package(policygraph) and target_link_libraries(app policygraph::policygraph) work.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS policygraph_lib policygraph_export EXPORT policygraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS policygraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/policygraph DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT policygraphTargets NAMESPACE policygraph:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/policygraph)
configure_package_config_file(cmake/policygraphConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/policygraphConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/policygraph)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/policygraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/policygraphConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/policygraphConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/policygraph)
