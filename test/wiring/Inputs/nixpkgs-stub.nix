# Just enough of nixpkgs' interface for nix/package.nix to evaluate without
# nixpkgs (none is available offline): store paths are fake, functions do
# what nixpkgs' do for these arguments. Returns the package's attributes.
{ package, withCompat ? false }:
let
  drv = name: extra: {
    outPath = "/nix/store/00000000000000000000000000000000-${name}";
    inherit name;
    meta = { };
  } // extra;
  lib = {
    getBin = p: p.bin or p;
    getLib = p: p.lib or p;
    optionalAttrs = cond: attrs: if cond then attrs else { };
    meta.availableOn = platform: pkg: true;
    cleanSourceWith = { src, filter }: src;
    hasPrefix = pre: s: builtins.substring 0 (builtins.stringLength pre) s == pre;
    cmakeBool = n: v: "-D${n}:BOOL=${if v then "TRUE" else "FALSE"}";
    cmakeFeature = n: v: "-D${n}:STRING=${v}";
    platforms.linux = [ "x86_64-linux" ];
  };
  stdenv = {
    hostPlatform = { };
    mkDerivation = f: let attrs = f (attrs // { finalPackage = drv "cuwrap" { }; }); in attrs;
  };
  cudaPackages = {
    backendStdenv.cc = drv "gcc-wrapper-13" { targetPrefix = ""; };
    cuda_nvcc = drv "cuda_nvcc" { bin = drv "cuda_nvcc-bin" { }; };
    cuda_cudart = drv "cuda_cudart" { lib = drv "cuda_cudart-lib" { }; };
  } // lib.optionalAttrs withCompat { cuda_compat = drv "cuda_compat" { }; };
in
import package {
  inherit lib stdenv cudaPackages;
  cmake = drv "cmake" { };
  ninja = drv "ninja" { };
  llvmPackages_14.llvm = drv "llvm" { };
  fmt = drv "fmt" { };
  boost = drv "boost" { override = args: drv "boost-static" { }; };
  gtest = drv "gtest" { };
  libffi = drv "libffi" { };
  libxml2 = drv "libxml2" { };
  ncurses = drv "ncurses" { };
  zlib = drv "zlib" { };
  addDriverRunpath.driverLink = "/run/opengl-driver";
}
