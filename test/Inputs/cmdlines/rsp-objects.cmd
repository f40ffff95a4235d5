# an @file listing objects for a device link
nvcc -dlink -arch=sm_75 @objects.rsp -o dlink.o
