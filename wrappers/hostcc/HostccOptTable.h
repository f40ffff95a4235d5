// The gcc/clang driver's option table (the part cuwrap needs), generated
// from HostccOptions.td.
#pragma once

#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"

namespace cuwrap::hostcc {

enum ID : unsigned {
  OPT_INVALID = 0,
#define OPTION(PREFIX, NAME, ID, KIND, GROUP, ALIAS, ALIASARGS, FLAGS, PARAM,  \
               HELPTEXT, METAVAR, VALUES)                                      \
  OPT_##ID,
#include "HostccOptions.inc"
  LastOption
#undef OPTION
};

const llvm::opt::OptTable &optTable();

} // namespace cuwrap::hostcc
