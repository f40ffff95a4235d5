#include "NvccOptTable.h"

namespace cuwrap::nvcc {
#define CUWRAP_OPTIONS_INC "NvccOptions.inc"
#include "OptTableImpl.inc"
} // namespace cuwrap::nvcc
