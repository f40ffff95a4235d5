// Device code called across translation units: needs -rdc=true.
__device__ float axpy(float a, float x, float y) { return a * x + y; }
