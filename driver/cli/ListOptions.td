// `cuwrap list-options TOOL`
include "Common.td"
