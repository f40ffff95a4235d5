// Real transcripts of `nvcc --dryrun` (CUDA 13.0.88) and `g++ -###` /
// `clang++ -###` (Debian gcc 12.2, clang 14), captured on the project's
// machine: what the explain analysers read, so that their tests need no
// CUDA. Only the PATH values nvcc echoes are shortened (they held the
// capturing shell's PATH). Each comment gives the command.
#pragma once

namespace transcripts {

// cd saxpy/ && nvcc --dryrun -c saxpy.cu -o saxpy.o -O3 -I/inc -Xcompiler -Wall -Xlinker -rpath,/x -ccbin /usr/bin/g++ -Xfatbin=-compress-all
inline constexpr const char *NvccCompile = R"transcript(#$ _NVVM_BRANCH_=nvvm
#$ _SPACE_= 
#$ _CUDART_=cudart
#$ _HERE_=/usr/local/cuda/bin
#$ _THERE_=/usr/local/cuda/bin
#$ _TARGET_SIZE_=
#$ _TARGET_DIR_=
#$ _TARGET_DIR_=targets/x86_64-linux
#$ TOP=/usr/local/cuda/bin/..
#$ CICC_PATH=/usr/local/cuda/bin/../nvvm/bin
#$ NVVMIR_LIBRARY_DIR=/usr/local/cuda/bin/../nvvm/libdevice
#$ LD_LIBRARY_PATH=/usr/local/cuda/bin/../lib:
#$ PATH=/usr/local/cuda/bin/../nvvm/bin:/usr/local/cuda/bin:/usr/bin:/bin
#$ INCLUDES="-I/usr/local/cuda/bin/../targets/x86_64-linux/include"  
#$ SYSTEM_INCLUDES="-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"  
#$ LIBRARIES=  "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib"
#$ CUDAFE_FLAGS=
#$ PTXAS_FLAGS=
#$ "/usr/bin"/g++ -D__CUDA_ARCH_LIST__=750 -E -x c++ -D__CUDACC__ -D__NVCC__  -Wall -O3 -I"/inc" "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"    -D__CUDACC_VER_MAJOR__=13 -D__CUDACC_VER_MINOR__=0 -D__CUDACC_VER_BUILD__=88 -D__CUDA_API_VER_MAJOR__=13 -D__CUDA_API_VER_MINOR__=0 -D__NVCC_DIAG_PRAGMA_SUPPORT__=1 -D__CUDACC_DEVICE_ATOMIC_BUILTINS__=1 -include "cuda_runtime.h" -m64 "saxpy.cu" -o "/tmp/tmpxft_000036d9_00000000-5_saxpy.cpp4.ii" 
#$ cudafe++ --c++17 --static-host-stub --device-hidden-visibility --gnu_version=120200 --display_error_number --orig_src_file_name "saxpy.cu" --orig_src_path_name "/tmp/sv/saxpy.cu" --allow_managed  --m64 --parse_templates --gen_c_file_name "/tmp/tmpxft_000036d9_00000000-6_saxpy.cudafe1.cpp" --stub_file_name "tmpxft_000036d9_00000000-6_saxpy.cudafe1.stub.c" --gen_module_id_file --module_id_file_name "/tmp/tmpxft_000036d9_00000000-4_saxpy.module_id" "/tmp/tmpxft_000036d9_00000000-5_saxpy.cpp4.ii" 
#$ "/usr/bin"/g++ -D__CUDA_ARCH__=750 -D__CUDA_ARCH_LIST__=750 -E -x c++  -DCUDA_DOUBLE_MATH_FUNCTIONS -D__CUDACC__ -D__NVCC__  -Wall -O3 -I"/inc" "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"    -D__CUDACC_VER_MAJOR__=13 -D__CUDACC_VER_MINOR__=0 -D__CUDACC_VER_BUILD__=88 -D__CUDA_API_VER_MAJOR__=13 -D__CUDA_API_VER_MINOR__=0 -D__NVCC_DIAG_PRAGMA_SUPPORT__=1 -D__CUDACC_DEVICE_ATOMIC_BUILTINS__=1 -include "cuda_runtime.h" -m64 "saxpy.cu" -o "/tmp/tmpxft_000036d9_00000000-7_saxpy.cpp1.ii" 
#$ "$CICC_PATH/cicc" --c++17 --static-host-stub --device-hidden-visibility --gnu_version=120200 --display_error_number --orig_src_file_name "saxpy.cu" --orig_src_path_name "/tmp/sv/saxpy.cu" --allow_managed   -arch compute_75 -m64 --no-version-ident -ftz=0 -prec_div=1 -prec_sqrt=1 -fmad=1 --include_file_name "tmpxft_000036d9_00000000-3_saxpy.fatbin.c" -tused --module_id_file_name "/tmp/tmpxft_000036d9_00000000-4_saxpy.module_id" --gen_c_file_name "/tmp/tmpxft_000036d9_00000000-6_saxpy.cudafe1.c" --stub_file_name "/tmp/tmpxft_000036d9_00000000-6_saxpy.cudafe1.stub.c" --gen_device_file_name "/tmp/tmpxft_000036d9_00000000-6_saxpy.cudafe1.gpu"  "/tmp/tmpxft_000036d9_00000000-7_saxpy.cpp1.ii" -o "/tmp/tmpxft_000036d9_00000000-6_saxpy.ptx"
#$ ptxas -arch=sm_75 -m64  "/tmp/tmpxft_000036d9_00000000-6_saxpy.ptx"  -o "/tmp/tmpxft_000036d9_00000000-8_saxpy.sm_75.cubin" 
#$ fatbinary -64 -compress-all --cicc-cmdline="-ftz=0 -prec_div=1 -prec_sqrt=1 -fmad=1 " "--image3=kind=elf,sm=75,file=/tmp/tmpxft_000036d9_00000000-8_saxpy.sm_75.cubin" "--image3=kind=ptx,sm=75,file=/tmp/tmpxft_000036d9_00000000-6_saxpy.ptx" --embedded-fatbin="/tmp/tmpxft_000036d9_00000000-3_saxpy.fatbin.c" 
#$ rm /tmp/tmpxft_000036d9_00000000-3_saxpy.fatbin
#$ "/usr/bin"/g++ -D__CUDA_ARCH__=750 -D__CUDA_ARCH_LIST__=750 -c -x c++  -DCUDA_DOUBLE_MATH_FUNCTIONS -Wall -O3 -Wno-psabi -I"/inc" "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"   -m64 "/tmp/tmpxft_000036d9_00000000-6_saxpy.cudafe1.cpp" -o "saxpy.o" 
)transcript";

// cd rdc/ && nvcc --dryrun -shared -dlink main.o axpy.o -o dl.o -Xnvlink -rpath,/opt/x -arch=sm_75 -ccbin /usr/bin/g++
inline constexpr const char *NvccDeviceLink = R"transcript(#$ _NVVM_BRANCH_=nvvm
#$ _SPACE_= 
#$ _CUDART_=cudart
#$ _HERE_=/usr/local/cuda/bin
#$ _THERE_=/usr/local/cuda/bin
#$ _TARGET_SIZE_=
#$ _TARGET_DIR_=
#$ _TARGET_DIR_=targets/x86_64-linux
#$ TOP=/usr/local/cuda/bin/..
#$ CICC_PATH=/usr/local/cuda/bin/../nvvm/bin
#$ NVVMIR_LIBRARY_DIR=/usr/local/cuda/bin/../nvvm/libdevice
#$ LD_LIBRARY_PATH=/usr/local/cuda/bin/../lib:
#$ PATH=/usr/local/cuda/bin/../nvvm/bin:/usr/local/cuda/bin:/usr/bin:/bin
#$ INCLUDES="-I/usr/local/cuda/bin/../targets/x86_64-linux/include"  
#$ SYSTEM_INCLUDES="-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"  
#$ LIBRARIES=  "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib"
#$ CUDAFE_FLAGS=
#$ PTXAS_FLAGS=
#$ nvlink -rpath /opt/x -m64  --shared --arch=sm_75 --register-link-binaries="/tmp/tmpxft_000036dc_00000000-3_dl.reg.c"    "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib" -cpu-arch=X86_64 "main.o" "axpy.o"  -lcudadevrt  -o "/tmp/tmpxft_000036dc_00000000-5_dl.sm_75.cubin" --host-ccbin "/usr/bin/g++"
#$ fatbinary -64 --cmdline="--compile-only  " -link "--image3=kind=elf,sm=75,file=/tmp/tmpxft_000036dc_00000000-5_dl.sm_75.cubin" --embedded-fatbin="/tmp/tmpxft_000036dc_00000000-4_dl.fatbin.c" 
#$ rm /tmp/tmpxft_000036dc_00000000-4_dl.fatbin
#$ "/usr/bin"/g++ -D__CUDA_ARCH_LIST__=750 -c -x c++ -fPIC -DFATBINFILE="\"/tmp/tmpxft_000036dc_00000000-4_dl.fatbin.c\"" -DREGISTERLINKBINARYFILE="\"/tmp/tmpxft_000036dc_00000000-3_dl.reg.c\""  -I. -D__NV_EXTRA_INITIALIZATION= -D__NV_EXTRA_FINALIZATION= -D__CUDA_INCLUDE_COMPILER_INTERNAL_HEADERS__  -Wno-psabi "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"    -D__CUDACC_VER_MAJOR__=13 -D__CUDACC_VER_MINOR__=0 -D__CUDACC_VER_BUILD__=88 -D__CUDA_API_VER_MAJOR__=13 -D__CUDA_API_VER_MINOR__=0 -D__NVCC_DIAG_PRAGMA_SUPPORT__=1 -D__CUDACC_DEVICE_ATOMIC_BUILTINS__=1 -m64 "/usr/local/cuda/bin/crt/link.stub" -o "dl.o" 
)transcript";

// nvcc --dryrun saxpy.o -o app -Xlinker -rpath,/usr/local/cuda/lib64/stubs -L/lib1 -lfoo -ccbin /usr/bin/g++
inline constexpr const char *NvccLink = R"transcript(#$ _NVVM_BRANCH_=nvvm
#$ _SPACE_= 
#$ _CUDART_=cudart
#$ _HERE_=/usr/local/cuda/bin
#$ _THERE_=/usr/local/cuda/bin
#$ _TARGET_SIZE_=
#$ _TARGET_DIR_=
#$ _TARGET_DIR_=targets/x86_64-linux
#$ TOP=/usr/local/cuda/bin/..
#$ CICC_PATH=/usr/local/cuda/bin/../nvvm/bin
#$ NVVMIR_LIBRARY_DIR=/usr/local/cuda/bin/../nvvm/libdevice
#$ LD_LIBRARY_PATH=/usr/local/cuda/bin/../lib:
#$ PATH=/usr/local/cuda/bin/../nvvm/bin:/usr/local/cuda/bin:/usr/bin:/bin
#$ INCLUDES="-I/usr/local/cuda/bin/../targets/x86_64-linux/include"  
#$ SYSTEM_INCLUDES="-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"  
#$ LIBRARIES=  "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib"
#$ CUDAFE_FLAGS=
#$ PTXAS_FLAGS=
#$ nvlink -m64 --arch=sm_75 --register-link-binaries="/tmp/tmpxft_000036df_00000000-3_app_dlink.reg.c"  -L"/lib1" -lfoo   "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib" -cpu-arch=X86_64 "saxpy.o"  -lcudadevrt  -o "/tmp/tmpxft_000036df_00000000-5_app_dlink.sm_75.cubin" --host-ccbin "/usr/bin/g++"
#$ fatbinary -64 -link "--image3=kind=elf,sm=75,file=/tmp/tmpxft_000036df_00000000-5_app_dlink.sm_75.cubin" --embedded-fatbin="/tmp/tmpxft_000036df_00000000-4_app_dlink.fatbin.c" 
#$ rm /tmp/tmpxft_000036df_00000000-4_app_dlink.fatbin
#$ "/usr/bin"/g++ -D__CUDA_ARCH_LIST__=750 -c -x c++ -DFATBINFILE="\"/tmp/tmpxft_000036df_00000000-4_app_dlink.fatbin.c\"" -DREGISTERLINKBINARYFILE="\"/tmp/tmpxft_000036df_00000000-3_app_dlink.reg.c\""  -I. -D__NV_EXTRA_INITIALIZATION= -D__NV_EXTRA_FINALIZATION= -D__CUDA_INCLUDE_COMPILER_INTERNAL_HEADERS__  -Wno-psabi "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"    -D__CUDACC_VER_MAJOR__=13 -D__CUDACC_VER_MINOR__=0 -D__CUDACC_VER_BUILD__=88 -D__CUDA_API_VER_MAJOR__=13 -D__CUDA_API_VER_MINOR__=0 -D__NVCC_DIAG_PRAGMA_SUPPORT__=1 -D__CUDACC_DEVICE_ATOMIC_BUILTINS__=1 -m64 "/usr/local/cuda/bin/crt/link.stub" -o "/tmp/tmpxft_000036df_00000000-6_app_dlink.o" 
#$ "/usr/bin"/g++ -D__CUDA_ARCH_LIST__=750 -m64 -Wl,--start-group "/tmp/tmpxft_000036df_00000000-6_app_dlink.o" "saxpy.o" -Xlinker -rpath -Xlinker /usr/local/cuda/lib64/stubs -L"/lib1" -lfoo   "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib"  -lcudadevrt  -lcudart_static  -lrt -lpthread  -ldl  -Wl,--end-group -o "app" 
)transcript";

// nvcc --dryrun -c saxpy.cu -std=c++14 -rdc=true -std=c++17 -ccbin /usr/bin/g++
inline constexpr const char *NvccRedefined = R"transcript(nvcc warning : incompatible redefinition for option 'std', the last value of this option was used
#$ _NVVM_BRANCH_=nvvm
#$ _SPACE_= 
#$ _CUDART_=cudart
#$ _HERE_=/usr/local/cuda/bin
#$ _THERE_=/usr/local/cuda/bin
#$ _TARGET_SIZE_=
#$ _TARGET_DIR_=
#$ _TARGET_DIR_=targets/x86_64-linux
#$ TOP=/usr/local/cuda/bin/..
#$ CICC_PATH=/usr/local/cuda/bin/../nvvm/bin
#$ NVVMIR_LIBRARY_DIR=/usr/local/cuda/bin/../nvvm/libdevice
#$ LD_LIBRARY_PATH=/usr/local/cuda/bin/../lib:
#$ PATH=/usr/local/cuda/bin/../nvvm/bin:/usr/local/cuda/bin:/usr/bin:/bin
#$ INCLUDES="-I/usr/local/cuda/bin/../targets/x86_64-linux/include"  
#$ SYSTEM_INCLUDES="-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"  
#$ LIBRARIES=  "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib/stubs" "-L/usr/local/cuda/bin/../targets/x86_64-linux/lib"
#$ CUDAFE_FLAGS=
#$ PTXAS_FLAGS=
#$ "/usr/bin"/g++ -std=c++17 -D__CUDA_ARCH_LIST__=750 -E -x c++ -D__CUDACC__ -D__NVCC__ -D__CUDACC_RDC__  "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"    -D__CUDACC_VER_MAJOR__=13 -D__CUDACC_VER_MINOR__=0 -D__CUDACC_VER_BUILD__=88 -D__CUDA_API_VER_MAJOR__=13 -D__CUDA_API_VER_MINOR__=0 -D__NVCC_DIAG_PRAGMA_SUPPORT__=1 -D__CUDACC_DEVICE_ATOMIC_BUILTINS__=1 -include "cuda_runtime.h" -m64 "saxpy.cu" -o "/tmp/tmpxft_000036e2_00000000-5_saxpy.cpp4.ii" 
#$ cudafe++ --c++17 --device-hidden-visibility --gnu_version=120200 --display_error_number --orig_src_file_name "saxpy.cu" --orig_src_path_name "/tmp/sv/saxpy.cu" --allow_managed  --device-c  --m64 --parse_templates --gen_c_file_name "/tmp/tmpxft_000036e2_00000000-6_saxpy.cudafe1.cpp" --stub_file_name "tmpxft_000036e2_00000000-6_saxpy.cudafe1.stub.c" --gen_module_id_file --module_id_file_name "/tmp/tmpxft_000036e2_00000000-4_saxpy.module_id" "/tmp/tmpxft_000036e2_00000000-5_saxpy.cpp4.ii" 
#$ "/usr/bin"/g++ -std=c++17 -D__CUDA_ARCH__=750 -D__CUDA_ARCH_LIST__=750 -E -x c++  -DCUDA_DOUBLE_MATH_FUNCTIONS -D__CUDACC__ -D__NVCC__ -D__CUDACC_RDC__  "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"    -D__CUDACC_VER_MAJOR__=13 -D__CUDACC_VER_MINOR__=0 -D__CUDACC_VER_BUILD__=88 -D__CUDA_API_VER_MAJOR__=13 -D__CUDA_API_VER_MINOR__=0 -D__NVCC_DIAG_PRAGMA_SUPPORT__=1 -D__CUDACC_DEVICE_ATOMIC_BUILTINS__=1 -include "cuda_runtime.h" -m64 "saxpy.cu" -o "/tmp/tmpxft_000036e2_00000000-7_saxpy.cpp1.ii" 
#$ "$CICC_PATH/cicc" --c++17 --device-hidden-visibility --gnu_version=120200 --display_error_number --orig_src_file_name "saxpy.cu" --orig_src_path_name "/tmp/sv/saxpy.cu" --allow_managed  --device-c   -arch compute_75 -m64 --no-version-ident -ftz=0 -prec_div=1 -prec_sqrt=1 -fmad=1 --include_file_name "tmpxft_000036e2_00000000-3_saxpy.fatbin.c" -tused --module_id_file_name "/tmp/tmpxft_000036e2_00000000-4_saxpy.module_id" --gen_c_file_name "/tmp/tmpxft_000036e2_00000000-6_saxpy.cudafe1.c" --stub_file_name "/tmp/tmpxft_000036e2_00000000-6_saxpy.cudafe1.stub.c" --gen_device_file_name "/tmp/tmpxft_000036e2_00000000-6_saxpy.cudafe1.gpu"  "/tmp/tmpxft_000036e2_00000000-7_saxpy.cpp1.ii" -o "/tmp/tmpxft_000036e2_00000000-6_saxpy.ptx"
#$ ptxas -arch=sm_75 -m64 --compile-only  "/tmp/tmpxft_000036e2_00000000-6_saxpy.ptx"  -o "/tmp/tmpxft_000036e2_00000000-8_saxpy.sm_75.cubin" 
#$ fatbinary -64 --cmdline="--compile-only  " --cicc-cmdline="-ftz=0 -prec_div=1 -prec_sqrt=1 -fmad=1 " "--image3=kind=elf,sm=75,file=/tmp/tmpxft_000036e2_00000000-8_saxpy.sm_75.cubin" "--image3=kind=ptx,sm=75,file=/tmp/tmpxft_000036e2_00000000-6_saxpy.ptx" --embedded-fatbin="/tmp/tmpxft_000036e2_00000000-3_saxpy.fatbin.c"  --device-c
#$ rm /tmp/tmpxft_000036e2_00000000-3_saxpy.fatbin
#$ "/usr/bin"/g++ -std=c++17 -D__CUDA_ARCH__=750 -D__CUDA_ARCH_LIST__=750 -c -x c++  -DCUDA_DOUBLE_MATH_FUNCTIONS -Wno-psabi "-I/usr/local/cuda/bin/../targets/x86_64-linux/include"   "-isystem" "/usr/local/cuda/bin/../targets/x86_64-linux/include/cccl"   -m64 "/tmp/tmpxft_000036e2_00000000-6_saxpy.cudafe1.cpp" -o "saxpy.o" 
)transcript";

// nvcc --dryrun -c saxpy.cu --bogus -Xlinker -rpath,/x (status 1)
inline constexpr const char *NvccUnknownOption = R"transcript(nvcc fatal   : Unknown option '--bogus'
)transcript";

// g++ -### -o app main.o axpy.o -L/x -lfoo -Wl,-rpath,/opt/x
inline constexpr const char *GxxLink = R"transcript(Using built-in specs.
COLLECT_GCC=g++
COLLECT_LTO_WRAPPER=/usr/lib/gcc/x86_64-linux-gnu/12/lto-wrapper
OFFLOAD_TARGET_NAMES=nvptx-none:amdgcn-amdhsa
OFFLOAD_TARGET_DEFAULT=1
Target: x86_64-linux-gnu
Configured with: ../src/configure -v --with-pkgversion='Debian 12.2.0-14+deb12u1' --with-bugurl=file:///usr/share/doc/gcc-12/README.Bugs --enable-languages=c,ada,c++,go,d,fortran,objc,obj-c++,m2 --prefix=/usr --with-gcc-major-version-only --program-suffix=-12 --program-prefix=x86_64-linux-gnu- --enable-shared --enable-linker-build-id --libexecdir=/usr/lib --without-included-gettext --enable-threads=posix --libdir=/usr/lib --enable-nls --enable-clocale=gnu --enable-libstdcxx-debug --enable-libstdcxx-time=yes --with-default-libstdcxx-abi=new --enable-gnu-unique-object --disable-vtable-verify --enable-plugin --enable-default-pie --with-system-zlib --enable-libphobos-checking=release --with-target-system-zlib=auto --enable-objc-gc=auto --enable-multiarch --disable-werror --enable-cet --with-arch-32=i686 --with-abi=m64 --with-multilib-list=m32,m64,mx32 --enable-multilib --with-tune=generic --enable-offload-targets=nvptx-none=/build/reproducible-path/gcc-12-12.2.0/debian/tmp-nvptx/usr,amdgcn-amdhsa=/build/reproducible-path/gcc-12-12.2.0/debian/tmp-gcn/usr --enable-offload-defaulted --without-cuda-driver --enable-checking=release --build=x86_64-linux-gnu --host=x86_64-linux-gnu --target=x86_64-linux-gnu
Thread model: posix
Supported LTO compression algorithms: zlib zstd
gcc version 12.2.0 (Debian 12.2.0-14+deb12u1) 
COMPILER_PATH=/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/:/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/
LIBRARY_PATH=/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu/:/usr/lib/gcc/x86_64-linux-gnu/12/../../../../lib/:/lib/x86_64-linux-gnu/:/lib/../lib/:/usr/lib/x86_64-linux-gnu/:/usr/lib/../lib/:/usr/local/cuda/lib64/stubs/:/usr/lib/gcc/x86_64-linux-gnu/12/../../../:/lib/:/usr/lib/
COLLECT_GCC_OPTIONS='-o' 'app' '-L/x' '-shared-libgcc' '-mtune=generic' '-march=x86-64' '-dumpdir' 'app.'
 /usr/lib/gcc/x86_64-linux-gnu/12/collect2 -plugin /usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so "-plugin-opt=/usr/lib/gcc/x86_64-linux-gnu/12/lto-wrapper" "-plugin-opt=-fresolution=/tmp/cchWYc6k.res" "-plugin-opt=-pass-through=-lgcc_s" "-plugin-opt=-pass-through=-lgcc" "-plugin-opt=-pass-through=-lc" "-plugin-opt=-pass-through=-lgcc_s" "-plugin-opt=-pass-through=-lgcc" --build-id --eh-frame-hdr -m elf_x86_64 "--hash-style=gnu" --as-needed -dynamic-linker /lib64/ld-linux-x86-64.so.2 -pie -o app /usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu/Scrt1.o /usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu/crti.o /usr/lib/gcc/x86_64-linux-gnu/12/crtbeginS.o -L/x -L/usr/lib/gcc/x86_64-linux-gnu/12 -L/usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu -L/usr/lib/gcc/x86_64-linux-gnu/12/../../../../lib -L/lib/x86_64-linux-gnu -L/lib/../lib -L/usr/lib/x86_64-linux-gnu -L/usr/lib/../lib -L/usr/local/cuda/lib64/stubs -L/usr/lib/gcc/x86_64-linux-gnu/12/../../.. main.o axpy.o -lfoo -rpath /opt/x "-lstdc++" -lm -lgcc_s -lgcc -lc -lgcc_s -lgcc /usr/lib/gcc/x86_64-linux-gnu/12/crtendS.o /usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu/crtn.o
COLLECT_GCC_OPTIONS='-o' 'app' '-L/x' '-shared-libgcc' '-mtune=generic' '-march=x86-64' '-dumpdir' 'app.'
)transcript";

// g++ -### -c m.cpp -o m.o -DFOO=1 -I /inc -Wl,-z,now
inline constexpr const char *GxxCompile = R"transcript(Using built-in specs.
COLLECT_GCC=g++
OFFLOAD_TARGET_NAMES=nvptx-none:amdgcn-amdhsa
OFFLOAD_TARGET_DEFAULT=1
Target: x86_64-linux-gnu
Configured with: ../src/configure -v --with-pkgversion='Debian 12.2.0-14+deb12u1' --with-bugurl=file:///usr/share/doc/gcc-12/README.Bugs --enable-languages=c,ada,c++,go,d,fortran,objc,obj-c++,m2 --prefix=/usr --with-gcc-major-version-only --program-suffix=-12 --program-prefix=x86_64-linux-gnu- --enable-shared --enable-linker-build-id --libexecdir=/usr/lib --without-included-gettext --enable-threads=posix --libdir=/usr/lib --enable-nls --enable-clocale=gnu --enable-libstdcxx-debug --enable-libstdcxx-time=yes --with-default-libstdcxx-abi=new --enable-gnu-unique-object --disable-vtable-verify --enable-plugin --enable-default-pie --with-system-zlib --enable-libphobos-checking=release --with-target-system-zlib=auto --enable-objc-gc=auto --enable-multiarch --disable-werror --enable-cet --with-arch-32=i686 --with-abi=m64 --with-multilib-list=m32,m64,mx32 --enable-multilib --with-tune=generic --enable-offload-targets=nvptx-none=/build/reproducible-path/gcc-12-12.2.0/debian/tmp-nvptx/usr,amdgcn-amdhsa=/build/reproducible-path/gcc-12-12.2.0/debian/tmp-gcn/usr --enable-offload-defaulted --without-cuda-driver --enable-checking=release --build=x86_64-linux-gnu --host=x86_64-linux-gnu --target=x86_64-linux-gnu
Thread model: posix
Supported LTO compression algorithms: zlib zstd
gcc version 12.2.0 (Debian 12.2.0-14+deb12u1) 
COLLECT_GCC_OPTIONS='-c' '-o' 'm.o' '-D' 'FOO=1' '-I' '/inc' '-shared-libgcc' '-mtune=generic' '-march=x86-64'
 /usr/lib/gcc/x86_64-linux-gnu/12/cc1plus -quiet -I /inc -imultiarch x86_64-linux-gnu -D_GNU_SOURCE -D "FOO=1" m.cpp -quiet -dumpbase m.cpp -dumpbase-ext .cpp "-mtune=generic" "-march=x86-64" -fasynchronous-unwind-tables -o /tmp/cctE9QCb.s
COLLECT_GCC_OPTIONS='-c' '-o' 'm.o' '-D' 'FOO=1' '-I' '/inc' '-shared-libgcc' '-mtune=generic' '-march=x86-64'
 as -I /inc --64 -o m.o /tmp/cctE9QCb.s
COMPILER_PATH=/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/:/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/
LIBRARY_PATH=/usr/lib/gcc/x86_64-linux-gnu/12/:/usr/lib/gcc/x86_64-linux-gnu/12/../../../x86_64-linux-gnu/:/usr/lib/gcc/x86_64-linux-gnu/12/../../../../lib/:/lib/x86_64-linux-gnu/:/lib/../lib/:/usr/lib/x86_64-linux-gnu/:/usr/lib/../lib/:/usr/local/cuda/lib64/stubs/:/usr/lib/gcc/x86_64-linux-gnu/12/../../../:/lib/:/usr/lib/
COLLECT_GCC_OPTIONS='-c' '-o' 'm.o' '-D' 'FOO=1' '-I' '/inc' '-shared-libgcc' '-mtune=generic' '-march=x86-64' '-dumpdir' 'm.'
)transcript";

// clang++ -### -o app main.o -Wl,-rpath,/usr/local/cuda/lib64/stubs
inline constexpr const char *ClangxxLink = R"transcript(Debian clang version 14.0.6
Target: x86_64-pc-linux-gnu
Thread model: posix
InstalledDir: /usr/bin
 "/usr/bin/ld" "-pie" "--hash-style=both" "--build-id" "--eh-frame-hdr" "-m" "elf_x86_64" "-dynamic-linker" "/lib64/ld-linux-x86-64.so.2" "-o" "app" "/lib/x86_64-linux-gnu/Scrt1.o" "/lib/x86_64-linux-gnu/crti.o" "/usr/bin/../lib/gcc/x86_64-linux-gnu/12/crtbeginS.o" "-L/usr/bin/../lib/gcc/x86_64-linux-gnu/12" "-L/usr/bin/../lib/gcc/x86_64-linux-gnu/12/../../../../lib64" "-L/lib/x86_64-linux-gnu" "-L/lib/../lib64" "-L/usr/lib/x86_64-linux-gnu" "-L/usr/lib/../lib64" "-L/lib" "-L/usr/lib" "-L/usr/local/cuda/lib64/stubs" "main.o" "-rpath" "/usr/local/cuda/lib64/stubs" "-lstdc++" "-lm" "-lgcc_s" "-lgcc" "-lc" "-lgcc_s" "-lgcc" "/usr/bin/../lib/gcc/x86_64-linux-gnu/12/crtendS.o" "/lib/x86_64-linux-gnu/crtn.o"
)transcript";

// g++ -### -c m.cpp --bogus (status 1)
inline constexpr const char *GxxUnknownOption = R"transcript(Using built-in specs.
COLLECT_GCC=g++
OFFLOAD_TARGET_NAMES=nvptx-none:amdgcn-amdhsa
OFFLOAD_TARGET_DEFAULT=1
g++: error: unrecognized command-line option ‘--bogus’
Target: x86_64-linux-gnu
Configured with: ../src/configure -v --with-pkgversion='Debian 12.2.0-14+deb12u1' --with-bugurl=file:///usr/share/doc/gcc-12/README.Bugs --enable-languages=c,ada,c++,go,d,fortran,objc,obj-c++,m2 --prefix=/usr --with-gcc-major-version-only --program-suffix=-12 --program-prefix=x86_64-linux-gnu- --enable-shared --enable-linker-build-id --libexecdir=/usr/lib --without-included-gettext --enable-threads=posix --libdir=/usr/lib --enable-nls --enable-clocale=gnu --enable-libstdcxx-debug --enable-libstdcxx-time=yes --with-default-libstdcxx-abi=new --enable-gnu-unique-object --disable-vtable-verify --enable-plugin --enable-default-pie --with-system-zlib --enable-libphobos-checking=release --with-target-system-zlib=auto --enable-objc-gc=auto --enable-multiarch --disable-werror --enable-cet --with-arch-32=i686 --with-abi=m64 --with-multilib-list=m32,m64,mx32 --enable-multilib --with-tune=generic --enable-offload-targets=nvptx-none=/build/reproducible-path/gcc-12-12.2.0/debian/tmp-nvptx/usr,amdgcn-amdhsa=/build/reproducible-path/gcc-12-12.2.0/debian/tmp-gcn/usr --enable-offload-defaulted --without-cuda-driver --enable-checking=release --build=x86_64-linux-gnu --host=x86_64-linux-gnu --target=x86_64-linux-gnu
Thread model: posix
Supported LTO compression algorithms: zlib zstd
gcc version 12.2.0 (Debian 12.2.0-14+deb12u1) 
)transcript";

} // namespace transcripts
