#include "Personality.h"

#include "LdPlanner.h"
#include "NvccPlanner.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <ctime>
#include <fmt/format.h>
#include <unistd.h>

namespace cuwrap {

std::optional<std::string> personalityFor(llvm::StringRef programName) {
  llvm::StringRef base = llvm::sys::path::filename(programName);
  for (const char *p : {"nvcc", "ld", "ld.bfd", "ld.gold", "ld.lld"})
    if (base == p)
      return std::string(p);
  return std::nullopt;
}

// The file an nvcc call writes, for the record and `cuwrap log --output`:
// -o if given, else nvcc's own default for the phase (observed: a.out for a
// link, a_dlink.o for -dlink, <stem>.o next to the cwd for -c/-dc of one
// source). Empty when the call writes no file we can name.
static std::string nvccOutput(const nvcc::Invocation &inv) {
  const auto &args = inv.args();
  if (const llvm::opt::Arg *o = args.getLastArg(nvcc::OPT_output_file))
    return o->getValue();
  using nvcc::Phase;
  switch (inv.phase) {
  case Phase::Link:
    return "a.out";
  case Phase::DeviceLink:
    return "a_dlink.o";
  case Phase::Compile:
  case Phase::DeviceCompile: {
    auto inputs = args.getAllArgValues(nvcc::OPT_INPUT);
    if (inputs.size() == 1)
      return (llvm::sys::path::stem(inputs.front()) + ".o").str();
    return {};
  }
  default:
    return {};
  }
}

llvm::Expected<PlannedCall> planCall(llvm::StringRef personality,
                                     llvm::ArrayRef<std::string> args,
                                     const RuleContext &ctx) {
  PlannedCall call;
  call.personality = personality.str();
  if (personality == "nvcc") {
    call.nvcc = nvcc::parse(args, ctx.env);
    auto plan = nvcc::makePlan(*call.nvcc, ctx);
    if (!plan)
      return plan.takeError();
    call.plan = std::move(*plan);
    call.summary = nvcc::summarize(*call.nvcc);
    call.summary.output = nvccOutput(*call.nvcc);
  } else {
    call.ld = ld::parse(personality, args);
    auto plan = ld::makePlan(*call.ld, ctx);
    if (!plan)
      return plan.takeError();
    call.plan = std::move(*plan);
    call.summary = ld::summarize(*call.ld);
    call.summary.output = call.ld->output;
  }
  return std::move(call);
}

std::string selfExecutable() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, n) : std::string();
}

RecordContext recordContext() {
  RecordContext ctx;
  struct timespec ts;
  ::clock_gettime(CLOCK_REALTIME, &ts);
  struct tm tm;
  ::gmtime_r(&ts.tv_sec, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  ctx.time = fmt::format("{}.{:03}Z", buf, ts.tv_nsec / 1000000);
  llvm::SmallString<256> cwd;
  if (!llvm::sys::fs::current_path(cwd))
    ctx.cwd = cwd.str().str();
  ctx.pid = ::getpid();
  return ctx;
}

} // namespace cuwrap
