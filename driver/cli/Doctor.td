// `cuwrap doctor`
include "Common.td"
