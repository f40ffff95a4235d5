# CMake compiler identification with CMAKE_CUDA_HOST_COMPILER set
/usr/local/cuda/bin/nvcc -ccbin=/usr/bin/g++-12 --keep --keep-dir tmp -v CMakeCUDACompilerId.cu
