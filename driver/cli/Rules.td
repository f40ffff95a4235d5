// `cuwrap rules [TOOL]`
include "Common.td"
