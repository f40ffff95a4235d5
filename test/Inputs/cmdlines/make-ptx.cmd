# Makefile: PTX for runtime compilation
nvcc -ptx -arch=compute_80 -lineinfo src/kernels.cu -o kernels.ptx
