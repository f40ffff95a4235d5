# CMake device link step (CUDA_SEPARABLE_COMPILATION ON)
/usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler --generate-code=arch=compute_75,code=[compute_75,sm_75]  -Xcompiler=-fPIC -Wno-deprecated-gpu-targets -shared -dlink CMakeFiles/saxpy.dir/saxpy.cu.o -o CMakeFiles/saxpy.dir/cmake_device_link.o  -lcudadevrt -lcudart
