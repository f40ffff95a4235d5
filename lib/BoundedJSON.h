// llvm::json::parse, with the nesting depth checked first: LLVM's parser
// recurses once per level, so a config file or log line nested 50,000 deep
// would overflow the stack (a segfault instead of an error). Every cuwrap
// reader of JSON (config files, log records) goes through here.
#pragma once

#include "llvm/Support/JSON.h"

namespace cuwrap {

// Far deeper than any record or config cuwrap writes (4 levels) and far
// shallower than what exhausts an 8 MiB stack.
constexpr unsigned MaxJSONDepth = 256;

llvm::Expected<llvm::json::Value> parseJSON(llvm::StringRef text,
                                            unsigned maxDepth = MaxJSONDepth);

} // namespace cuwrap
