# Lays out cuwrap's personalities (nvcc, ld, ...): files named after the tool
# they stand in for, all the one cuwrap binary.
#
# They are hard links (copies where a hard link cannot be made), not
# symlinks: ccache decides the compiler type from the name of the file the
# compiler path resolves to through symlinks, so a symlink nvcc -> cuwrap
# is "other" to it and an `--options-file` compile is uncacheable
# (docs/wiring.md, "Compiler caches"). cuwrap finds its prefix from
# /proc/self/exe, which names the hard link it was started through
# (lib/Config.cpp, Paths::fromSelf knows both layouts), and recognises
# itself by inode (lib/ToolLookup.cpp), so:
#
#   build tree  build/wrappers/<name>              hard link of build/bin/cuwrap
#   install     <prefix>/libexec/cuwrap/bin/<name> hard link (or copy) of bin/cuwrap
#
# libexec/cuwrap/bin is the directory to put on PATH or to name with -B
# (docs/design.md, "Layout of an install").
#
# cuwrap_personalities(TARGET <tgt> NAMES <name>...)
#   One call lays out every name; the list may come from anywhere (a
#   registry of personalities, for one).
function(cuwrap_personalities)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TARGET" "NAMES")
  set(wrapper_dir ${CMAKE_BINARY_DIR}/wrappers)
  set(commands COMMAND ${CMAKE_COMMAND} -E make_directory ${wrapper_dir})
  foreach(p IN LISTS arg_NAMES)
    # The linker writes a new file (a new inode) on every relink: the links
    # are made again after each one, replacing the old ones (or the
    # symlinks of an older build tree).
    list(APPEND commands
      COMMAND ${CMAKE_COMMAND} -E rm -f ${wrapper_dir}/${p}
      COMMAND ${CMAKE_COMMAND} -E create_hardlink
              $<TARGET_FILE:${arg_TARGET}> ${wrapper_dir}/${p})
  endforeach()
  add_custom_command(TARGET ${arg_TARGET} POST_BUILD ${commands}
    COMMENT "Linking personalities into ${wrapper_dir}")

  # Runs after install(TARGETS) of the binary (install rules run in the
  # order they are declared). CMAKE_INSTALL_PREFIX is read at install time,
  # so `cmake --install build --prefix P` lays them out under P.
  install(CODE "
    set(names \"${arg_NAMES}\")
    set(root \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
    file(MAKE_DIRECTORY \"\${root}/libexec/cuwrap/bin\")
    foreach(p IN LISTS names)
      message(STATUS \"Installing: \${root}/libexec/cuwrap/bin/\${p} (personality)\")
      file(REMOVE \"\${root}/libexec/cuwrap/bin/\${p}\")
      file(CREATE_LINK \"\${root}/bin/$<TARGET_FILE_NAME:${arg_TARGET}>\"
           \"\${root}/libexec/cuwrap/bin/\${p}\" COPY_ON_ERROR)
    endforeach()")
endfunction()
