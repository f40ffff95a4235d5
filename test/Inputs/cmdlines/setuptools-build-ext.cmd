# a custom setuptools build_ext that compiles .cu files with nvcc
nvcc -c src/foo.cu -o build/temp.linux-x86_64-3.11/src/foo.o -Xcompiler -fPIC -O3 -arch=sm_70 -I/usr/include/python3.11 -I/usr/lib/python3/dist-packages/numpy/core/include
