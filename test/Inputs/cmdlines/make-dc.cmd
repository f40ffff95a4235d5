# Makefile with separate compilation: device compile
nvcc -dc -arch=sm_75 -Xcompiler -fPIC --std=c++17 -G -g a.cu -o a.o
