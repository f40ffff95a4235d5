# Kokkos nvcc_wrapper style: a .cpp compiled as CUDA
nvcc -x cu -std=c++17 --expt-extended-lambda --expt-relaxed-constexpr -Xcudafe --diag_suppress=esa_on_defaulted_function_ignored -Xcompiler -fopenmp -arch=sm_80 -c foo.cpp -o foo.o
