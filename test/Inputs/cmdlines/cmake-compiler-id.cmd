# CMake compiler identification (CMakeDetermineCompilerId, Id flags: --keep;--keep-dir;tmp -v)
/usr/local/cuda/bin/nvcc --keep --keep-dir tmp -v CMakeCUDACompilerId.cu
