# a generator writing flags into a GNU-style @file (Ninja rspfile)
/usr/local/cuda/bin/nvcc @flags.rsp -x cu -c /src/app.cu -o CMakeFiles/app.dir/app.cu.o
