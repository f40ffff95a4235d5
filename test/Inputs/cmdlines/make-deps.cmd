# hand-written Makefile: dependency file
nvcc -MM -MT obj/kernel.o -Iinclude src/kernel.cu -o obj/kernel.d
