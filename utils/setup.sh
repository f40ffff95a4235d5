#!/usr/bin/env bash
# Installs the Debian packages cuwrap needs to build, test, demo and
# benchmark. As root it installs what is missing; otherwise it prints the
# exact apt-get line and stops, since it cannot install on its own.
# Real CUDA is expected at /usr/local/cuda (or on PATH) and is never
# installed here: tests that need it are skipped without it.
set -euo pipefail

# llvm-14-dev: LLVM's CMake config, static Support/Option libraries,
#   llvm-tblgen; its CMake config calls find_package(ZLIB, LibXml2,
#   Terminfo, FFI), which llvm-14-dev pulls in as dependencies. zlib1g-dev
#   and libncurses-dev are also listed because the static link of
#   libLLVMSupport.a needs libz.a and libtinfo.a themselves.
# llvm-14-tools: lit, FileCheck, split-file (the test suite).
# file: utils/demo.sh shows what was built.
# libgtest-dev: the unit tests of the pure core (unittests/).
# clang-14: a second host compiler that tests ask cuwrap to override.
# bsdutils: `script`, which gives the log viewer test a terminal.
# nix-bin: a real Nix for the Nix package's checks and a real nix-build.
# ccache, sccache: real compiler caches that the tests compose with.
# graphviz: `dot`, which renders `cuwrap explain --dot` in the tests.
# libfuzzer-14-dev, libclang-rt-14-dev: the fuzz target and sanitizer builds.
# libiberty-dev: GNU's own @file reader, which the @file tests compare with.
# lld: links the wrapper with its hot path first (CUWRAP_ORDER_HOT,
#   docs/performance.md); without it the default linker is used.
# valgrind: utils/hot-symbols.sh traces the hot path to order it.
packages=(cmake ninja-build g++ python3 llvm-14-dev llvm-14-tools libfmt-dev
          libboost-dev libboost-filesystem-dev libncurses-dev zlib1g-dev
          libxml2-dev libffi-dev libgtest-dev clang-14 bsdutils file
          nix-bin ccache sccache graphviz libfuzzer-14-dev libclang-rt-14-dev
          libiberty-dev lld valgrind)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [[ $(id -u) -ne 0 ]]; then
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "setup: run as root:" >&2
  echo "${cmd[*]}"
  exit 1
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh container has no package lists: update only when needed.
if ! "${cmd[@]}"; then
  apt-get update
  "${cmd[@]}"
fi
