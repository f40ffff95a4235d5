// What `nvcc -dlink` makes, without CUDA: the linked cubins in .nv_fatbin,
// a wrapper of version 2, each module's __cudaRegisterLinkedBinary_
// defined and its __fatbinwrap_ referenced.
// Build: c++ -c '-DMODS=m1,m2' '-DIMAGES=image 2,80,0x11' dlink.S
#include "fatbin.inc"
  .section .nv_fatbin,"a"
  fatbin
  .section .nvFatBinSegment,"aw"
  .p2align 3
  .long 0x466243B1, 2
  .quad fatbinData, 0
  .data
.irp m, MODS
  .globl __cudaRegisterLinkedBinary_\m
__cudaRegisterLinkedBinary_\m:
  .quad __fatbinwrap_\m
.endr
