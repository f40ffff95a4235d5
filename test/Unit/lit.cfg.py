# The GoogleTest unit tests of the pure core (unittests/): lit runs each
# test case on its own and counts it, as LLVM's test/Unit does.
import os
import lit.formats

config.name = "cuwrap-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = os.path.join(config.cuwrap_obj_root, "unittests")
config.test_exec_root = config.test_source_root
# The unit tests read no environment, but give them a clean one all the same.
for var in list(config.environment):
    if var.startswith(("CUWRAP_", "NVCC_", "NIX_")):
        del config.environment[var]
