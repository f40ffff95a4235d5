# Makefile: final link through nvcc
nvcc -o app main.o kernels.o -lcublas,cufft -L/usr/local/cuda/lib64 -Xlinker -rpath,/opt/lib
