# preprocess only, line markers off
nvcc -E -Xcompiler -P -DMODE=2 kernel.cu -o kernel.i
