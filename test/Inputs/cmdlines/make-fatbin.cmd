# Makefile: fatbin for two architectures
nvcc -fatbin -gencode arch=compute_70,code=sm_70 -gencode arch=compute_80,code=sm_80 kernels.cu -o kernels.fatbin
