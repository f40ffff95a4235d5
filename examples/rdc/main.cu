// Two-file separable-compilation example: the kernel calls axpy() from axpy.cu.
#include <cstdio>
#include <cuda_runtime.h>

extern __device__ float axpy(float a, float x, float y);

__global__ void kernel(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = axpy(a, x[i], y[i]);
}

int main() {
  const int n = 1024;
  float *x, *y;
  if (cudaMallocManaged(&x, n * sizeof(float)) != cudaSuccess) {
    std::fprintf(stderr, "rdc: no CUDA device\n");
    return 1;
  }
  cudaMallocManaged(&y, n * sizeof(float));
  for (int i = 0; i < n; ++i) {
    x[i] = 1.0f;
    y[i] = 2.0f;
  }
  kernel<<<(n + 255) / 256, 256>>>(n, 2.0f, x, y);
  cudaDeviceSynchronize();
  std::printf("rdc: y[0] = %g\n", y[0]);
  return y[0] == 4.0f ? 0 : 1;
}
