#include <cufft.h>

__global__ void scale(cufftComplex *x, float s) { x[threadIdx.x].x *= s; }

int main() {
  cufftHandle plan;
  return cufftCreate(&plan) == CUFFT_SUCCESS ? 0 : 1;
}
