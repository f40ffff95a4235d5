# CMake/CUDA_ARCHITECTURES=all-major style probing
nvcc --list-gpu-arch
