// What `nvcc -dc` leaves in an object, without CUDA: relocatable device
// code in __nv_relfatbin, a wrapper of version 1 in .nvFatBinSegment, the
// module's __fatbinwrap_ defined and its __cudaRegisterLinkedBinary_
// referenced. Build: c++ -c -DMOD=m1 '-DIMAGES=image 2,80,0x11' rdc.S
// (-DMAIN also defines main). Names as nvcc makes them: _<hash>_<n>_<file>_cu_<hash>.
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#include "fatbin.inc"
  .section __nv_relfatbin,"a"
  fatbin
  .section .nvFatBinSegment,"aw"
  .p2align 3
  .long 0x466243B1, 1
  .quad fatbinData, 0
  .data
  .globl XCAT(__fatbinwrap_, MOD)
XCAT(__fatbinwrap_, MOD):
  .quad XCAT(__cudaRegisterLinkedBinary_, MOD)
#ifdef MAIN
  .text
  .globl main
main:
  .quad 0
#endif
