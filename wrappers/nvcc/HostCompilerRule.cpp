#include "HostCompiler.h"
#include "NvccRules.h"
#include "PlanError.h"

#include <fmt/format.h>

namespace cuwrap::nvcc {

namespace {
const char *RuleName = "host-compiler";

struct Request {
  std::string value;
  std::string origin;
  std::vector<unsigned> span; // empty for $NVCC_CCBIN
  bool inArgv = false;
};

void warnIfCDriver(llvm::StringRef value, llvm::StringRef what, Plan &plan) {
  if (isCDriver(value))
    plan.warnings.push_back(fmt::format(
        "{} '{}' is a C driver: nvcc links with it and the C++ runtime is "
        "missing from the link (name the C++ driver, e.g. g++, or its "
        "directory)",
        what.str(), value.str()));
}
} // namespace

// Invariant 2 of design.md: every nvcc run uses one host compiler, the
// configured backend compiler. Builds ask for their own in many places
// (CMake's CUDAHOSTCXX becomes -ccbin, setup hooks put --compiler-bindir in
// NVCC_APPEND_FLAGS, Nixpkgs sets NVCC_CCBIN) and nvcc keeps the last value
// with "incompatible redefinition" on stderr, which build systems read.
//
// Queries (--version, --help, --list-gpu-arch) run no host compiler, so the
// rule leaves them untouched, under `check` too: refusing `nvcc --version`
// would only break tool detection.
llvm::Error hostCompilerRule(const Invocation &inv, const RuleContext &ctx,
                             CommandEditor &editor, Plan &plan) {
  const Setting &cfg = ctx.config.hostCxx;
  if (inv.phase == Phase::Query || !cfg.isSet())
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
    return sameHostCompiler(r.value, want, ctx.env);
  };
  warnIfCDriver(want, fmt::format("the configured host compiler (from {})",
                                  cfg.source),
                plan);

  auto addConfigured = [&](llvm::StringRef why) {
    editor.append({"-ccbin", want}, RuleName, why);
  };

  switch (ctx.config.policy()) {
  case HostPolicy::Default:
    if (requests.empty())
      addConfigured(fmt::format("no host compiler was asked for; the "
                                "configured one (from {}) is used",
                                cfg.source));
    else
      warnIfCDriver(requests.back().value,
                    fmt::format("the host compiler asked for by {}",
                                requests.back().origin),
                    plan);
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
    if (r.span.empty()) {
      plan.env.push_back(EnvEdit{EnvEdit::Op::Unset, "NVCC_CCBIN", "",
                                 RuleName, "a competing host compiler"});
      editor.note(Edit{RuleName, "env", {"NVCC_CCBIN=" + r.value}, {},
                       r.origin, reason});
    } else {
      editor.remove(r.span, RuleName, reason);
    }
  }
  if (!kept)
    addConfigured(fmt::format("the configured host compiler (from {}), policy "
                              "override",
                              cfg.source));
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
