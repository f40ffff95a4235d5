#include "LdOptTable.h"

namespace cuwrap::ld {
#define CUWRAP_OPTIONS_INC "LdOptions.inc"
#include "OptTableImpl.inc"
} // namespace cuwrap::ld
