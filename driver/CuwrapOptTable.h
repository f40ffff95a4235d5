// cuwrap's own option table, generated from CuwrapOptions.td.
#pragma once

#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"

namespace cuwrap::cli {

enum ID : unsigned {
  OPT_INVALID = 0,
#define OPTION(PREFIX, NAME, ID, KIND, GROUP, ALIAS, ALIASARGS, FLAGS, PARAM,  \
               HELPTEXT, METAVAR, VALUES)                                      \
  OPT_##ID,
#include "CuwrapOptions.inc"
  LastOption
#undef OPTION
};

const llvm::opt::OptTable &optTable();

} // namespace cuwrap::cli
