#include "HostCompiler.h"
#include "NvccRules.h"
#include "PlanError.h"

#include <fmt/format.h>

namespace cuwrap::nvcc {

namespace {
struct Request {
  std::string value;
  std::string origin;
  std::vector<unsigned> span; // empty for $NVCC_CCBIN
  bool inArgv = false;
};

void warnIfCDriver(llvm::StringRef value, llvm::StringRef what,
                   PlanBuilder &builder) {
  if (isCDriver(value))
    builder.warn(fmt::format(
        "{} '{}' is a C driver: nvcc links with it and the C++ runtime is "
        "missing from the link (name the C++ driver, e.g. g++, or its "
        "directory)",
        what.str(), value.str()));
}
} // namespace

// Invariant 2 of docs/design.md: every nvcc run uses one host compiler, the
// configured backend compiler. Builds ask for their own in many places
// (CMake's CUDAHOSTCXX becomes -ccbin, setup hooks put --compiler-bindir in
// NVCC_APPEND_FLAGS, Nixpkgs sets NVCC_CCBIN) and nvcc keeps the last value
// with "incompatible redefinition" on stderr, which build systems read.
//
// Queries (--version, --help, --list-gpu-arch) run no host compiler, so the
// rule leaves them untouched, under `check` too: refusing `nvcc --version`
// would only break tool detection.
llvm::Error hostCompilerRule(const Invocation &inv, const RuleContext &ctx,
                             PlanBuilder &builder) {
  const Setting<std::string> &cfg = ctx.config.hostCxx;
  if (inv.phase == Phase::Query || cfg.value.empty())
    return llvm::Error::success();

  // In the order nvcc reads them; $NVCC_CCBIN is a default any -ccbin beats.
  std::vector<Request> requests;
  if (inv.ccbinVariable)
    requests.push_back(
        Request{*inv.ccbinVariable, "$NVCC_CCBIN", {}, false});
  for (const llvm::opt::Arg *a : inv.args()) {
    if (ParsedArgs::id(*a) != OPT_compiler_bindir)
      continue;
    std::vector<unsigned> span = inv.parsed.span(*a);
    const Word &w = inv.cmd.words[span.front()];
    requests.push_back(Request{a->getValue(), w.origin.str(), span,
                               w.origin.kind == Origin::Kind::Argv});
  }
  const std::string &want = cfg.value;
  auto same = [&](const Request &r) {
    return sameHostCompiler(r.value, want, ctx);
  };
  warnIfCDriver(want, fmt::format("the configured host compiler (from {})",
                                  cfg.source),
                builder);

  auto addConfigured = [&](llvm::StringRef why) {
    builder.append({"-ccbin", want}, why);
  };

  switch (ctx.config.hostPolicy.value) {
  case HostPolicy::Default:
    if (requests.empty())
      addConfigured(fmt::format("no host compiler was asked for; the "
                                "configured one (from {}) is used",
                                cfg.source));
    else
      warnIfCDriver(requests.back().value,
                    fmt::format("the host compiler asked for by {}",
                                requests.back().origin),
                    builder);
    return llvm::Error::success();

  case HostPolicy::Check:
    for (const Request &r : requests)
      if (!same(r))
        return llvm::make_error<PolicyError>(fmt::format(
            "host compiler policy 'check': {} asks for host compiler '{}', "
            "but the configured host compiler is '{}' (from {})",
            r.origin, r.value, want, cfg.source));
    if (requests.empty())
      addConfigured(fmt::format("no host compiler was asked for; the "
                                "configured one (from {}) is used",
                                cfg.source));
    return llvm::Error::success();

  case HostPolicy::Override:
    break;
  }

  // A request already on the command line for the configured compiler can
  // stay as the user wrote it; every word that differs goes, since nvcc
  // warns about any second spelling, even of the same compiler.
  const Request *kept = nullptr;
  for (const Request &r : requests)
    if (r.inArgv && same(r)) {
      kept = &r;
      break;
    }
  std::string effective = kept ? kept->value : want;
  for (const Request &r : requests) {
    if (&r == kept || r.value == effective)
      continue;
    std::string reason =
        same(r) ? fmt::format("a second spelling of the configured host "
                              "compiler '{}' (from {}); nvcc would warn about "
                              "an incompatible redefinition",
                              want, cfg.source)
                : fmt::format("asks for host compiler '{}'; policy override "
                              "uses the configured '{}' (from {})",
                              r.value, want, cfg.source);
    if (r.span.empty())
      builder.removeVariable("NVCC_CCBIN", r.value, reason);
    else
      builder.remove(r.span, reason);
  }
  if (!kept)
    addConfigured(fmt::format("the configured host compiler (from {}), policy "
                              "override",
                              cfg.source));
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
