# Ninja link through nvcc with an @file of objects and libraries
nvcc -o app @link.rsp -lcudart
