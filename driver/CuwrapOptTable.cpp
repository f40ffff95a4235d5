#include "CuwrapOptTable.h"

namespace cuwrap::cli {
#define CUWRAP_OPTIONS_INC "CuwrapOptions.inc"
#include "OptTableImpl.inc"
} // namespace cuwrap::cli
