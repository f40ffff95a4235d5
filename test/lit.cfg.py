# lit configuration for cuwrap. Two tiers: tests against the recording fake
# toolkit in Inputs/ (always run), and tests against the real CUDA toolkit
# (REQUIRES: cuda).
import os
import lit.formats

config.name = "cuwrap"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test"]
# Unit/ is a suite of its own (GoogleTest format), run beside this one.
config.excludes = ["Inputs", "Unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cuwrap_obj_root, "test")

# A clean environment: nothing from the developer's shell may change a plan.
for var in list(config.environment):
    if var.startswith(("CUWRAP_", "NVCC_", "NIX_")):
        del config.environment[var]
for var in ("HOME", "TMPDIR", "LANG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, "/usr/local/bin", "/usr/bin", "/bin"])
# No config file from an install beside the binary.
config.environment["CUWRAP_CONFIG"] = os.path.join(
    config.test_source_root, "Inputs", "empty-config.json")

inputs = os.path.join(config.test_source_root, "Inputs")
bindir = os.path.join(config.cuwrap_obj_root, "bin")
wrappers = os.path.join(config.cuwrap_obj_root, "wrappers")
config.substitutions += [
    ("%cuwrap", os.path.join(bindir, "cuwrap")),
    ("%wrappers", wrappers),
    ("%inputs", inputs),
    ("%fake-nvcc", os.path.join(inputs, "fake-cuda", "bin", "nvcc")),
    ("%fake-cuda", os.path.join(inputs, "fake-cuda")),
    ("%fake-ld", os.path.join(inputs, "fake-bin", "ld")),
    ("%src", config.cuwrap_src_root),
    ("%host-cxx", config.default_host_cxx),
    ("%python", "python3"),
]

real_nvcc = config.default_nvcc
if real_nvcc and os.path.exists(real_nvcc):
    config.available_features.add("cuda")
    config.substitutions.append(("%real-nvcc", real_nvcc))
    config.substitutions.append(("%cuda", os.path.dirname(os.path.dirname(real_nvcc))))
