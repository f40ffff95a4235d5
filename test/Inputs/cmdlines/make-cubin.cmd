# Makefile: cubin with ptxas options
nvcc -cubin -arch=sm_80 -Xptxas -v,-O3 --maxrregcount=64 kernel.cu -o kernel.cubin
