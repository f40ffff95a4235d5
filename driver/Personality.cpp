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
  } else {
    call.ld = ld::parse(personality, args);
    auto plan = ld::makePlan(*call.ld, ctx);
    if (!plan)
      return plan.takeError();
    call.plan = std::move(*plan);
    call.summary = ld::summarize(*call.ld);
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
