// saxpy: y = a*x + y on the GPU, the demo program built through cuwrap.
#include <cmath>
#include <cstdio>
#include <cuda_runtime.h>

__global__ void saxpy(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}

int main() {
  const int n = 1 << 20;
  float *x, *y;
  cudaError_t err = cudaMallocManaged(&x, n * sizeof(float));
  if (err != cudaSuccess) {
    std::fprintf(stderr, "saxpy: %s\n", cudaGetErrorString(err));
    return 1;
  }
  cudaMallocManaged(&y, n * sizeof(float));
  for (int i = 0; i < n; ++i) {
    x[i] = 1.0f;
    y[i] = 2.0f;
  }
  saxpy<<<(n + 255) / 256, 256>>>(n, 2.0f, x, y);
  err = cudaDeviceSynchronize();
  if (err != cudaSuccess) {
    std::fprintf(stderr, "saxpy: %s\n", cudaGetErrorString(err));
    return 1;
  }
  float maxError = 0.0f;
  for (int i = 0; i < n; ++i)
    maxError = std::fmax(maxError, std::fabs(y[i] - 4.0f));
  std::printf("saxpy: max error %g\n", maxError);
  cudaFree(x);
  cudaFree(y);
  return maxError == 0.0f ? 0 : 1;
}
