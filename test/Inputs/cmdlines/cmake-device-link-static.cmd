# CMake device link of a static-runtime executable
/usr/local/cuda/bin/nvcc -forward-unknown-to-host-compiler -O3 -DNDEBUG "--generate-code=arch=compute_86,code=[compute_86,sm_86]" -Xcompiler=-fPIC -Wno-deprecated-gpu-targets -shared -dlink CMakeFiles/app.dir/a.cu.o CMakeFiles/app.dir/b.cu.o -o CMakeFiles/app.dir/cmake_device_link.o -lcudadevrt -lcudart_static -lrt -lpthread -ldl
