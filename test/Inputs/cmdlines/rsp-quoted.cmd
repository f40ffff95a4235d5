# an @file with quoted words: a path with a space, a macro holding double quotes
nvcc -c kernel.cu @quoted.rsp -o kernel.o
