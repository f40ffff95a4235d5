# CMake with CUDA_SEPARABLE_COMPILATION and response files for includes
/usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler --options-file includes_CUDA.rsp -MD -MT CMakeFiles/saxpy.dir/saxpy.cu.o -MF CMakeFiles/saxpy.dir/saxpy.cu.o.d -x cu -rdc=true -c /src/saxpy.cu -o CMakeFiles/saxpy.dir/saxpy.cu.o
