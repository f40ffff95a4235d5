# The ways into a build besides PATH (docs/wiring.md): the CMake toolchain
# file and the Nix setup hook. Each is generated twice from one template:
#
#   build tree  build/share/cuwrap/cuwrap-toolchain.cmake, build/nix-support/setup-hook
#               (naming build/bin/cuwrap and build/wrappers), at configure time;
#   install     <prefix>/share/cuwrap/cuwrap-toolchain.cmake, <prefix>/nix-support/setup-hook
#               (naming <prefix>/bin/cuwrap and <prefix>/libexec/cuwrap/bin), at
#               install time, so that `cmake --install build --prefix P` and
#               DESTDIR staging write the paths of P.

set(_cuwrap_tc_in ${CMAKE_CURRENT_LIST_DIR}/cuwrap-toolchain.cmake.in)
set(_cuwrap_hook_in ${PROJECT_SOURCE_DIR}/nix/setup-hook.sh.in)

# Build tree.
set(CUWRAP_TC_FILE ${CMAKE_BINARY_DIR}/share/cuwrap/cuwrap-toolchain.cmake)
set(CUWRAP_TC_WRAPPERS ${CMAKE_BINARY_DIR}/wrappers)
configure_file(${_cuwrap_tc_in} ${CUWRAP_TC_FILE} @ONLY)
set(CUWRAP_HOOK_BIN ${CMAKE_BINARY_DIR}/bin/cuwrap)
set(CUWRAP_HOOK_WRAPPERS ${CMAKE_BINARY_DIR}/wrappers)
configure_file(${_cuwrap_hook_in} ${CMAKE_BINARY_DIR}/nix-support/setup-hook @ONLY)

# Install.
install(CODE "
  set(prefix \"\${CMAKE_INSTALL_PREFIX}\")
  set(root \"\$ENV{DESTDIR}\${prefix}\")
  set(CUWRAP_TC_FILE \"\${prefix}/share/cuwrap/cuwrap-toolchain.cmake\")
  set(CUWRAP_TC_WRAPPERS \"\${prefix}/libexec/cuwrap/bin\")
  message(STATUS \"Installing: \${root}/share/cuwrap/cuwrap-toolchain.cmake\")
  configure_file(\"${_cuwrap_tc_in}\"
                 \"\${root}/share/cuwrap/cuwrap-toolchain.cmake\" @ONLY)
  set(CUWRAP_HOOK_BIN \"\${prefix}/bin/cuwrap\")
  set(CUWRAP_HOOK_WRAPPERS \"\${prefix}/libexec/cuwrap/bin\")
  message(STATUS \"Installing: \${root}/nix-support/setup-hook\")
  configure_file(\"${_cuwrap_hook_in}\" \"\${root}/nix-support/setup-hook\" @ONLY)")
