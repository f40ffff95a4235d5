# Makefile with separate compilation: device link before a g++ link
nvcc -dlink -arch=sm_75 a.o b.o -o dlink.o -Xnvlink --suppress-stack-size-warning
