# TensorFlow-style kernel compile
nvcc -x cu -Xcompiler -fPIC -DGOOGLE_CUDA=1 -DEIGEN_USE_GPU --expt-relaxed-constexpr -DNDEBUG -O2 -I/usr/lib/python3/dist-packages/tensorflow/include -c kernel.cu.cc -o kernel.cu.o
