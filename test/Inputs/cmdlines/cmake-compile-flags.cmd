# CMake Release build with include dirs, definitions and C++17
/usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler -DSAXPY_VERSION=2 -I/src/include -isystem /opt/eigen/include -O3 -DNDEBUG -std=c++17 "--generate-code=arch=compute_80,code=[compute_80,sm_80]" -Xcompiler=-fPIC -MD -MT CMakeFiles/k.dir/k.cu.o -MF CMakeFiles/k.dir/k.cu.o.d -x cu -c /src/k.cu -o CMakeFiles/k.dir/k.cu.o
