# cuwrap for nixpkgs:  cuwrap = pkgs.callPackage ./nix/package.nix { };
#
# Builds cuwrap and fixes its settings at build time in $out/etc/cuwrap.json,
# the file next to the binary (docs/design.md, Configuration): the real nvcc, the
# backend stdenv's C++ compiler as nvcc's one host compiler, the driver
# directory, and cuda_compat's directory where it is available. A file, not
# environment variables: Python build wrappers that run CMake do not always
# pass their environment on.
#
# Installed: bin/cuwrap, libexec/cuwrap/bin/{nvcc,ld,...},
# share/cuwrap/cuwrap-toolchain.cmake and nix-support/setup-hook, which
# stdenv sources for every package that has cuwrap in nativeBuildInputs
# (nix/example.nix, docs/wiring.md).
{
  lib,
  stdenv,
  cmake,
  ninja,
  llvmPackages_14,
  fmt,
  boost,
  gtest,
  libffi,
  libxml2,
  ncurses,
  zlib,
  cudaPackages,
  addDriverRunpath,
}:

let
  inherit (cudaPackages) backendStdenv cuda_nvcc;

  # cuda_compat exists for Jetson only; nixpkgs' own CUDA runpath hooks put
  # ${cuda_compat}/compat first in RUNPATH when it is there.
  cudaCompat = cudaPackages.cuda_compat or null;
  haveCompat =
    cudaCompat != null
    && lib.meta.availableOn stdenv.hostPlatform cudaCompat
    && !(cudaCompat.meta.broken or false);

  # cudart comes in its own package; nvcc's directory has no lib64 beside it.
  cudart = cudaPackages.cuda_cudart or null;

  # The keys of docs/design.md's table. Everything else keeps its default
  # (rpath_prefixes: $NIX_STORE inside a build; log: NIX_DEBUG >= 1).
  settings = {
    nvcc = "${lib.getBin cuda_nvcc}/bin/nvcc";
    host_cxx = "${backendStdenv.cc}/bin/${backendStdenv.cc.targetPrefix}c++";
    host_policy = "override";
    # addDriverRunpath's hook prepends ${driverLink}/lib to each RUNPATH.
    driver_dir = "${addDriverRunpath.driverLink}/lib";
  }
  // lib.optionalAttrs (cudart != null) { cudart_dir = "${lib.getLib cudart}/lib"; }
  // lib.optionalAttrs haveCompat { compat_dir = "${cudaCompat}/compat"; };
in
stdenv.mkDerivation (finalAttrs: {
  pname = "cuwrap";
  version = "0.1.0";

  src = lib.cleanSourceWith {
    src = ../.;
    # Not the build trees of a developer's checkout.
    filter = path: type: !(lib.hasPrefix "build" (baseNameOf path) && type == "directory");
  };

  nativeBuildInputs = [
    cmake
    ninja
    llvmPackages_14.llvm # llvm-tblgen
  ];

  buildInputs = [
    llvmPackages_14.llvm # LLVMConfig.cmake and the static Support/Option/Object archives
    # LLVMConfig.cmake looks for these (find_package ZLIB, LibXml2, Terminfo, FFI).
    libffi
    libxml2
    ncurses
    zlib
    fmt
    # CMakeLists.txt links Boost.Filesystem statically.
    (boost.override { enableStatic = true; })
    gtest
  ];

  cmakeFlags = [
    # A fully static binary needs static glibc and libstdc++, which stdenv
    # does not provide; the LLVM and Boost archives are still linked in, so
    # the hot path stays one process without big shared libraries.
    (lib.cmakeBool "CUWRAP_STATIC" false)
    # The same values compiled in, for a binary run without its etc/.
    (lib.cmakeFeature "CUWRAP_DEFAULT_NVCC" settings.nvcc)
    (lib.cmakeFeature "CUWRAP_DEFAULT_HOST_CXX" settings.host_cxx)
    (lib.cmakeFeature "CUWRAP_DEFAULT_CUDART_DIR" (settings.cudart_dir or ""))
    (lib.cmakeFeature "CUWRAP_DEFAULT_COMPAT_DIR" (settings.compat_dir or ""))
  ];

  # The suite needs a CUDA toolkit, ccache and Nix outside the sandbox.
  doCheck = false;

  postInstall = ''
    mkdir -p "$out/etc"
    cat > "$out/etc/cuwrap.json" <<'EOF'
    ${builtins.toJSON settings}
    EOF
  '';

  passthru = {
    inherit settings;
    toolchainFile = "${finalAttrs.finalPackage}/share/cuwrap/cuwrap-toolchain.cmake";
  };

  meta = {
    description = "Front end for nvcc and ld in CUDA builds: one host compiler, driver RUNPATH, a log of every call";
    mainProgram = "cuwrap";
    platforms = lib.platforms.linux;
  };
})
