# Makefile: static library of device code
nvcc -lib -arch=sm_75 a.o b.o -o libkernels.a
