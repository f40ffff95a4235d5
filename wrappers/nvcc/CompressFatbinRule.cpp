#include "NvccRules.h"

#include <fmt/format.h>

namespace cuwrap::nvcc {

// Nixpkgs' nvcc wrapper prepends -Xfatbin=-compress-all: uncompressed fat
// binaries make CUDA libraries several times larger (and past the 2 GiB
// relocation limit for big ones). Only calls that run fatbinary get it: a
// query or a preprocess has no device code, and -ptx/-cubin stop before it.
llvm::Error compressFatbinRule(const Invocation &inv, const RuleContext &ctx,
                               PlanBuilder &builder) {
  const Setting<bool> &on = ctx.config.compressFatbin;
  if (!on.value)
    return llvm::Error::success();
  switch (inv.phase) {
  case Phase::Query:
  case Phase::Preprocess:
    return llvm::Error::success();
  case Phase::DeviceOutput:
    if (!inv.args().hasArg(OPT_fatbin))
      return llvm::Error::success();
    break;
  default:
    break;
  }
  // The user's own choice about compression stands.
  if (inv.args().hasArg(OPT_no_compress, OPT_compress_mode))
    return llvm::Error::success();
  for (const llvm::opt::Arg *a : inv.args().filtered(OPT_fatbin_options))
    for (const std::string &e : splitList(a->getValue()))
      if (e == "-compress-all" || e == "--compress-all" ||
          e == "-compress=false" || e == "--compress=false")
        return llvm::Error::success();
  builder.append({"-Xfatbin=-compress-all"},
                 fmt::format("compress device code in fat binaries, as "
                            "Nixpkgs does (compress_fatbin from {})",
                            on.source));
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
