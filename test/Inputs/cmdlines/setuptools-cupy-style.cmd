# CuPy-style: many -gencode, --std, -Xcompiler with a comma list
nvcc -D_FORCE_INLINES=1 --std=c++14 -gencode=arch=compute_60,code=sm_60 -gencode=arch=compute_70,code=sm_70 -gencode=arch=compute_80,code=[sm_80,compute_80] -O2 --compiler-options=-fPIC,-fvisibility=hidden -c cupy/cuda/cupy_thrust.cu -o build/cupy_thrust.o
