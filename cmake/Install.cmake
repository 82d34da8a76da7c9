# Installing pressparse and packaging it for Debian. Included at the end of CMakeLists.txt.
#
# `cmake --install BUILD --prefix P` puts under P:
#   bin/pressparse                                   the tool                    (component tool)
#   share/man/man1/pressparse.1                      its man page                (component man)
#   share/bash-completion/completions/pressparse     shell completions           (component tool)
#   share/zsh/site-functions/_pressparse
#   share/fish/vendor_completions.d/pressparse.fish
#   lib/libpressparse.a, include/pressparse/*.hpp    the library, public headers (component dev)
#   lib/cmake/pressparse/, lib/pkgconfig/pressparse.pc   find_package and pkg-config
#   share/doc/pressparse/copyright, changelog.gz     licence and history         (component doc)
#   lib/python3/dist-packages/pressparse/            the Python module, when built (component
#                                                    python; python/CMakeLists.txt, the directory
#                                                    PRESSPARSE_PYTHON_INSTALL_DIR)
#
# The Debian package (`cpack` in the build directory) is the tool: components tool, doc and
# debian (the man page gzip-compressed, as Debian policy wants it; not installed otherwise). The
# library and headers stay out of it: a -dev package would be its own .deb.

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

add_library(pressparse::pressparse ALIAS pressparse_lib)
set_target_properties(pressparse_lib PROPERTIES EXPORT_NAME pressparse)

set(PRESSPARSE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/pressparse)
set(PRESSPARSE_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/pressparse)
set(pressparse_out ${CMAKE_CURRENT_BINARY_DIR}/install)

# --- the tool
install(TARGETS pressparse RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
install(FILES completions/pressparse.bash
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions
  RENAME pressparse COMPONENT tool)
install(FILES completions/_pressparse
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/zsh/site-functions COMPONENT tool)
install(FILES completions/pressparse.fish
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/fish/vendor_completions.d COMPONENT tool)

# --- the man page: its version from project(), like version.hpp; gzip-compressed for the .deb
# (-n: no name or time stamp inside, so the package is reproducible).
configure_file(man/pressparse.1.in ${pressparse_out}/man/pressparse.1 @ONLY)
install(FILES ${pressparse_out}/man/pressparse.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT man)

find_program(PRESSPARSE_GZIP gzip)
if(PRESSPARSE_GZIP)
  add_custom_command(
    OUTPUT ${pressparse_out}/debian/pressparse.1.gz ${pressparse_out}/debian/changelog.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${pressparse_out}/debian
    COMMAND ${CMAKE_COMMAND} -E copy ${pressparse_out}/man/pressparse.1
            ${pressparse_out}/debian/pressparse.1
    COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_SOURCE_DIR}/cmake/debian/changelog
            ${pressparse_out}/debian/changelog
    COMMAND ${PRESSPARSE_GZIP} -9nf ${pressparse_out}/debian/pressparse.1
            ${pressparse_out}/debian/changelog
    DEPENDS ${pressparse_out}/man/pressparse.1 ${CMAKE_CURRENT_SOURCE_DIR}/cmake/debian/changelog
    COMMENT "Compressing the man page and changelog for the Debian package")
  add_custom_target(pressparse_debian_files ALL
    DEPENDS ${pressparse_out}/debian/pressparse.1.gz ${pressparse_out}/debian/changelog.gz)
  install(FILES ${pressparse_out}/debian/pressparse.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT debian EXCLUDE_FROM_ALL)
  install(FILES ${pressparse_out}/debian/changelog.gz
    DESTINATION ${PRESSPARSE_DOC_DIR} COMPONENT doc)
endif()
install(FILES cmake/debian/copyright DESTINATION ${PRESSPARSE_DOC_DIR} COMPONENT doc)

# --- the library, its public headers (not the internal generated tables), find_package, pkg-config
install(TARGETS pressparse_lib EXPORT pressparseTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/pressparse DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/generated/pressparse/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pressparse COMPONENT dev)
install(EXPORT pressparseTargets NAMESPACE pressparse::
  DESTINATION ${PRESSPARSE_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(cmake/pressparseConfig.cmake.in
  ${pressparse_out}/pressparseConfig.cmake INSTALL_DESTINATION ${PRESSPARSE_CMAKE_DIR})
# 0.x: a minor version may change the API, so only the same minor version is compatible.
write_basic_package_version_file(${pressparse_out}/pressparseConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${pressparse_out}/pressparseConfig.cmake ${pressparse_out}/pressparseConfigVersion.cmake
  DESTINATION ${PRESSPARSE_CMAKE_DIR} COMPONENT dev)

# The .pc file finds the prefix from where it lies (${pcfiledir}), so one file serves any
# --prefix given at install time.
file(RELATIVE_PATH PRESSPARSE_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" PRESSPARSE_PC_TO_PREFIX "${PRESSPARSE_PC_TO_PREFIX}")
configure_file(cmake/pressparse.pc.in ${pressparse_out}/pressparse.pc @ONLY)
install(FILES ${pressparse_out}/pressparse.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# --- the Debian package: `cpack` (or `cpack -B DIR`) in the build directory.
#
# lintian on it (tests/install/deb_test.sh runs it, and fails on any error or warning) reports no
# error and no warning. What policy asks of a package is done here: the man page gzip-compressed
# (-9n), copyright in the machine-readable format and changelog.gz under usr/share/doc/pressparse,
# the binary stripped (CPACK_STRIP_FILES), description lines under 80 columns. Its remaining
# informational tags (`lintian -I`), each accepted for a reason (a line "lintian-accepted: TAG"
# here is passed to lintian's --suppress-tags by the test):
#   lintian-accepted: spelling-error-in-binary  "recommand" is part of the French teaser phrase
#                     "recommandé" in src/read/teaser_headings.txt, not a misspelling.
#   lintian-accepted: binary-has-unneeded-section  .comment (compiler versions) is kept by a plain
#                     strip; harmless, a few hundred bytes.
#   lintian-accepted: hardening-no-fortify-functions  the package is built with the build's own
#   lintian-accepted: hardening-no-bindnow  flags; configured with CMAKE_CXX_FLAGS and
#                     CMAKE_EXE_LINKER_FLAGS from dpkg-buildflags (and -Wl,-z,now), as
#                     docs/install.md shows, the package has neither tag.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pressparse)
set(CPACK_PACKAGE_VENDOR "pressparse")
set(PRESSPARSE_MAINTAINER "pressparse maintainers <pressparse@example.org>" CACHE STRING
  "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${PRESSPARSE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "saved news pages to structured JSON articles")
# Lines under 80 columns: lintian's limit for the extended description.
set(CPACK_PACKAGE_DESCRIPTION
  "pressparse turns saved news pages, text dumps or HTML in any charset,\n\
gzip-compressed or not, one by one, whole directories or web archives,\n\
into clean JSON: headline, source, publication date, category, the body in\n\
reading order and the related-article teasers kept apart from it. It also\n\
writes Markdown or plain text, and checks pages against expected JSON files\n\
(golden-file tests, with a JUnit report for CI).")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL tool doc debian)
# One package holding the components above (without component install, CPack would package
# every component, the library's among them).
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # pressparse_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from the binary's libraries (dpkg-shlibdeps)
include(CPack)
