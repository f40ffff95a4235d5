# compare-identification.py A B WRAPPERS: what CMake concluded about nvcc and the host
# compiler in build dir A (direct) and B (toolchain file).
import glob, re, sys

def read(build):
    vals = {}
    for f in glob.glob(f"{build}/CMakeFiles/*/CMake*Compiler.cmake"):
        for m in re.finditer(r'^set\((\w+) "(.*)"\)$', open(f).read(), re.M):
            vals[m.group(1)] = m.group(2)
    return vals

a, b, wrappers = read(sys.argv[1]), read(sys.argv[2]), sys.argv[3]
for var in ("CMAKE_CUDA_COMPILER_TOOLKIT_ROOT", "CMAKE_CUDA_COMPILER_LIBRARY_ROOT",
            "CMAKE_CUDA_HOST_LINK_LAUNCHER", "CMAKE_CUDA_IMPLICIT_INCLUDE_DIRECTORIES",
            "CMAKE_CUDA_HOST_IMPLICIT_LINK_DIRECTORIES",
            "CMAKE_CUDA_IMPLICIT_LINK_LIBRARIES",
            "CMAKE_CUDA_IMPLICIT_LINK_DIRECTORIES", "CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES"):
    va, vb = a.get(var), b.get(var)
    if va is None or vb is None:
        print(f"differs {var}: not found ({va!r}, {vb!r})")
    elif va == vb:
        print(f"same {var}")
    elif [d for d in vb.split(";") if d != wrappers] == va.split(";"):
        print(f"same but the wrapper directory {var}")
    else:
        print(f"differs {var}: {va!r} / {vb!r}")
