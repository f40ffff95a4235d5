# hand-written Makefile: compile
nvcc -O3 -arch=sm_86 -Xcompiler -Wall,-Wextra -Iinclude -c src/kernel.cu -o obj/kernel.o
