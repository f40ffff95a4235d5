#include "HostccOptTable.h"

namespace cuwrap::hostcc {
#define CUWRAP_OPTIONS_INC "HostccOptions.inc"
#include "OptTableImpl.inc"
} // namespace cuwrap::hostcc
