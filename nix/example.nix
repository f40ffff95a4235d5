# A CUDA package built through cuwrap: put cuwrap in nativeBuildInputs and
# nothing else changes. Its setup hook (docs/wiring.md) puts cuwrap's nvcc
# first on PATH, which CMake then finds as the CUDA compiler, and sends the
# host compiler's links through cuwrap's ld (cc-wrapper would otherwise take
# its bintools' ld directly), so saxpy and libsaxpy.so get the driver
# RUNPATH at link time. Build with NIX_DEBUG = 1 and the build log shows
# every nvcc and ld call, before and after, once the build phase is over
# (or when it fails).
#
#   nix-build -E 'with import <nixpkgs> { config = { allowUnfree = true; cudaSupport = true; }; };
#     callPackage ./nix/example.nix { cuwrap = callPackage ./nix/package.nix { }; }'
{
  cmake,
  ninja,
  cudaPackages,
  cuwrap,
}:

cudaPackages.backendStdenv.mkDerivation {
  pname = "saxpy-through-cuwrap";
  version = "0.1.0";

  src = ../examples/saxpy;

  nativeBuildInputs = [
    cuwrap
    cmake
    ninja
    cudaPackages.cuda_nvcc
  ];
  buildInputs = [ cudaPackages.cuda_cudart ];

  cmakeFlags = [
    "-DCMAKE_CUDA_ARCHITECTURES=75"
    "-DSAXPY_LIBRARY=ON"
    # Outside Nix the same routing comes from cuwrap's toolchain file:
    # "-DCMAKE_TOOLCHAIN_FILE=${cuwrap}/share/cuwrap/cuwrap-toolchain.cmake"
  ];

  # Uncomment to see the log of nvcc and ld calls in the build log.
  # NIX_DEBUG = 1;

  # examples/saxpy has no install rules.
  installPhase = ''
    runHook preInstall
    install -Dm755 saxpy "$out/bin/saxpy"
    install -Dm755 libsaxpy.so "$out/lib/libsaxpy.so"
    runHook postInstall
  '';
}
