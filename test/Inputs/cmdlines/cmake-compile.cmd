# CMake 3.25 + Ninja: compile of a CUDA source (examples/saxpy)
/usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler   --generate-code=arch=compute_75,code=[compute_75,sm_75] -MD -MT CMakeFiles/saxpy.dir/saxpy.cu.o -MF CMakeFiles/saxpy.dir/saxpy.cu.o.d -x cu -c /src/examples/saxpy/saxpy.cu -o CMakeFiles/saxpy.dir/saxpy.cu.o
