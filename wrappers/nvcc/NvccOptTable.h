// nvcc's option table, generated from NvccOptions.td.
#pragma once

#include "llvm/Option/OptTable.h"
#include "llvm/Option/Option.h"

namespace cuwrap::nvcc {

enum OptionFlag : unsigned {
  // The first bits belong to llvm::opt::DriverFlag.
  ListValue = 1u << 4,
  PathValue = 1u << 5,
  Undocumented = 1u << 6,
  SingleValue = 1u << 7,
};

enum ID : unsigned {
  OPT_INVALID = 0,
#define OPTION(PREFIX, NAME, ID, KIND, GROUP, ALIAS, ALIASARGS, FLAGS, PARAM,  \
               HELPTEXT, METAVAR, VALUES)                                      \
  OPT_##ID,
#include "NvccOptions.inc"
  LastOption
#undef OPTION
};

const llvm::opt::OptTable &optTable();

} // namespace cuwrap::nvcc
