// `cuwrap doctor`: the checks a packager wants before a long build, one line
// each (ok / warn / FAIL), exit 1 on any FAIL. Not on the hot path: this is
// the one place cuwrap runs the host compiler, to learn what it is.
#include "ChildSignals.h"
#include "Commands.h"
#include "HostCompiler.h"
#include "HostConfigHeader.h"
#include "LogSink.h"
#include "RuleContext.h"
#include "ToolLookup.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <boost/process.hpp>
#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

namespace cuwrap {

namespace {
namespace bp = boost::process;

struct Report {
  int failures = 0;
  void ok(const std::string &s) { fmt::print("ok: {}\n", s); }
  void warn(const std::string &s) { fmt::print("warn: {}\n", s); }
  void fail(const std::string &s) {
    fmt::print("FAIL: {}\n", s);
    ++failures;
  }
};

// Runs `exe args...` (stdin from /dev/null, stderr dropped) and returns its
// stdout, or nothing with `error` saying why.
std::optional<std::string> runCapture(const std::string &exe,
                                      const std::vector<std::string> &args,
                                      std::string &error) {
  restoreDefaultChildSignal();
  try {
    bp::ipstream out;
    bp::child c(bp::exe = exe, bp::args = args, bp::std_in < bp::null,
                bp::std_out > out, bp::std_err > bp::null);
    std::string text, line;
    while (std::getline(out, line))
      text += line + "\n";
    c.wait();
    if (c.exit_code() != 0) {
      error = fmt::format("exited with status {}", c.exit_code());
      return std::nullopt;
    }
    return text;
  } catch (const std::exception &e) {
    error = e.what();
    return std::nullopt;
  }
}

std::optional<Macros> predefinedMacros(const std::string &cxx,
                                       std::string &error) {
  auto out = runCapture(cxx, {"-dM", "-E", "-x", "c++", "/dev/null"}, error);
  if (!out)
    return std::nullopt;
  Macros m;
  llvm::SmallVector<llvm::StringRef, 256> lines;
  llvm::StringRef(*out).split(lines, '\n');
  for (llvm::StringRef l : lines) {
    if (!l.consume_front("#define "))
      continue;
    auto [name, value] = l.split(' ');
    m[name] = value.str();
  }
  return m;
}

// The first `name` on PATH, as a shell (and gcc's collect2) would find it.
std::string onPath(llvm::StringRef name, const RuleContext &ctx) {
  return searchPath(name, ctx, [&](llvm::StringRef cand) {
    return isExecutable(ctx.fs, cand);
  });
}

// The real linker, and what it is.
void checkLinker(const Config &cfg, const RuleContext &ctx, Report &r) {
  auto ld = findTool("ld", cfg.ld.value, cfg.ld.source, "CUWRAP_LD", ctx);
  if (!ld) {
    r.fail(llvm::toString(ld.takeError()));
    return;
  }
  std::string error;
  auto out = runCapture(*ld, {"--version"}, error);
  if (!out) {
    r.fail(fmt::format("real ld {} ({}) did not run ({})", *ld, cfg.ld.source,
                       error));
    return;
  }
  r.ok(fmt::format("real ld {} ({}) is {}", *ld, cfg.ld.source,
                   llvm::StringRef(*out).split('\n').first.str()));
}

// Whether a build's calls reach the personalities: `nvcc` by name on PATH,
// and the `ld` a host-compiler link runs (CMake links CUDA programs through
// the host compiler, and gcc finds ld through its -B directories, then
// PATH: docs/wiring.md). Warnings, since doctor may run outside the build's
// environment; each says what to do.
void checkWiring(const RuleContext &ctx,
                 const std::string &driver, Report &r) {
  const std::string &self = ctx.paths.self;
  const std::string &wrappers = ctx.paths.wrapperDir;
  // Installed and in the build tree alike: <prefix>/share/cuwrap.
  std::string toolchain =
      ctx.paths.prefix + "/share/cuwrap/cuwrap-toolchain.cmake";
  std::string nvcc = onPath("nvcc", ctx);
  if (!nvcc.empty() && sameFile(ctx.fs, nvcc, self))
    r.ok(fmt::format("nvcc on PATH is cuwrap's ({})", nvcc));
  else
    r.warn(fmt::format(
        "nvcc on PATH is {}, not cuwrap's: builds that run nvcc by name "
        "bypass cuwrap; put {} first on PATH, or use the toolchain file {} "
        "(CMake) or the setup hook (Nix)",
        nvcc.empty() ? std::string("missing") : nvcc, wrappers, toolchain));
  if (driver.empty())
    return;
  std::string error;
  auto out = runCapture(driver, {"-print-prog-name=ld"}, error);
  if (!out) {
    r.warn(fmt::format("cannot tell which ld {} links with ({})", driver,
                       error));
    return;
  }
  std::string ld = llvm::StringRef(*out).trim().str();
  // gcc answers a bare "ld" when none of its own directories or -B
  // directories has one: collect2 then takes the first on PATH.
  std::string found = ld.find('/') == std::string::npos ? onPath(ld, ctx) : ld;
  if (!found.empty() && sameFile(ctx.fs, found, self))
    r.ok(fmt::format("links through {} reach cuwrap's ld ({})", driver, found));
  else
    r.warn(fmt::format(
        "links through {} run {}, not cuwrap's ld: CMake links CUDA programs "
        "through the host compiler, so they would get no driver RUNPATH; "
        "give the link -B{}/ (the toolchain file {} does), put {} first on "
        "PATH (gcc only), or use the setup hook (Nix)",
        driver, found.empty() ? ld : found, wrappers, toolchain, wrappers));
}

std::string version(const Macros &m, const char *major, const char *minor,
                    const char *patch) {
  auto get = [&](const char *k) {
    auto it = m.find(k);
    return it == m.end() ? std::string("?") : it->second;
  };
  return fmt::format("{}.{}.{}", get(major), get(minor), get(patch));
}

// The part of nvcc's message before its advice on -allow-unsupported-compiler.
std::string shortError(llvm::StringRef msg) {
  msg.consume_front("--");
  size_t cut = msg.find(" The nvcc flag");
  return msg.take_front(cut).trim().str();
}

// Returns the host compiler driver, or empty when there is none.
std::string checkHostCompiler(const Config &cfg, const RuleContext &ctx,
                              const std::string &nvccPath, Report &r) {
  const Setting<std::string> &cxx = cfg.hostCxx;
  if (cxx.value.empty()) {
    r.fail("no host C++ compiler configured (host_cxx / CUWRAP_HOST_CXX)");
    return "";
  }
  std::string exe = nvcc::resolveHostCompiler(cxx.value, ctx);
  if (exe.empty()) {
    r.fail(fmt::format("host compiler '{}' (from {}) not found", cxx.value,
                       cxx.source));
    return "";
  }
  if (nvcc::isCDriver(cxx.value))
    r.warn(fmt::format("host compiler '{}' is a C driver: nvcc's host link "
                       "needs the C++ driver (g++, clang++)",
                       cxx.value));
  // nvcc runs the driver by the name it was given; so does doctor.
  std::string run = llvm::sys::fs::is_directory(cxx.value)
                        ? cxx.value + "/g++"
                        : (cxx.value.find('/') == std::string::npos
                               ? exe
                               : cxx.value);
  std::string error;
  auto macros = predefinedMacros(run, error);
  if (!macros) {
    r.fail(fmt::format("host compiler '{}' did not run ({})", run, error));
    return run;
  }
  std::string what;
  if (macros->count("__clang__"))
    what = "clang " + version(*macros, "__clang_major__", "__clang_minor__",
                              "__clang_patchlevel__");
  else if (macros->count("__GNUC__"))
    what = "GNU " + version(*macros, "__GNUC__", "__GNUC_MINOR__",
                            "__GNUC_PATCHLEVEL__");
  else
    what = "a compiler that is neither GNU nor clang";
  r.ok(fmt::format("host compiler {} (from {}) is {}", run, cxx.source, what));

  if (nvccPath.empty())
    return run;
  llvm::StringRef bin = llvm::sys::path::parent_path(nvccPath);
  std::string header;
  for (const char *rel : {"../include/crt/host_config.h",
                          "../targets/x86_64-linux/include/crt/host_config.h"}) {
    llvm::SmallString<256> p(bin);
    llvm::sys::path::append(p, rel);
    if (llvm::sys::fs::exists(p)) {
      header = p.str().str();
      break;
    }
  }
  if (header.empty()) {
    r.warn(fmt::format("no crt/host_config.h in the toolkit of {}: cannot "
                       "tell whether nvcc accepts {}",
                       nvccPath, what));
    return run;
  }
  auto buf = llvm::MemoryBuffer::getFile(header);
  if (!buf) {
    r.warn(fmt::format("cannot read {}: {}", header, buf.getError().message()));
    return run;
  }
  // What nvcc defines for its host preprocessing of a .cu file.
  Macros m = *macros;
  m["__CUDACC__"] = "1";
  m["__NVCC__"] = "1";
  m["__CUDA_INCLUDE_COMPILER_INTERNAL_HEADERS__"] = "1";
  auto errors = reachedErrors((*buf)->getBuffer(), m);
  if (errors.empty()) {
    r.ok(fmt::format("nvcc accepts {}: no version check in {} refuses it",
                     what, header));
    return run;
  }
  for (const Reached &e : errors)
    r.fail(fmt::format("nvcc will refuse host compiler {} ({}): {}:{}: {} "
                       "(condition: {})",
                       run, what, header, e.line, shortError(e.message),
                       e.condition));
  return run;
}

// A first nvcc on PATH is often a shim (`#!/bin/sh exec .../nvcc "$@"`):
// it runs, but the toolkit beside it (nvcc.profile, crt/host_config.h,
// lib64) is not where cuwrap would look, so say what to configure.
std::string scriptHint(const std::string &path) {
  auto buf = llvm::MemoryBuffer::getFileSlice(path, 2, 0);
  if (!buf || (*buf)->getBuffer() != "#!")
    return "";
  return fmt::format("; {} is a script, not nvcc: configure the real nvcc "
                     "it runs (nvcc / CUWRAP_NVCC)",
                     path);
}

void checkLogSink(const Config &cfg, const Environment &env, Report &r) {
  LogTarget t = logTarget(cfg, env);
  switch (t.kind) {
  case LogTarget::Kind::Off:
    r.ok("logging is off (set CUWRAP_LOG or NIX_DEBUG>=1 to record calls)");
    return;
  case LogTarget::Kind::Fd: {
    int fl = ::fcntl(t.fd, F_GETFL);
    if (fl == -1 || (fl & O_ACCMODE) == O_RDONLY)
      r.fail(fmt::format("log sink fd:{} ({}) is not open for writing", t.fd,
                         t.why));
    else
      r.ok(fmt::format("log sink fd:{} is writable ({})", t.fd, t.why));
    return;
  }
  case LogTarget::Kind::File: {
    std::string probe = llvm::sys::fs::exists(t.path)
                            ? t.path
                            : llvm::sys::path::parent_path(t.path).str();
    if (probe.empty())
      probe = ".";
    if (::access(probe.c_str(), W_OK) == 0)
      r.ok(fmt::format("log sink {} is writable ({})", t.path, t.why));
    else
      r.fail(fmt::format("log sink {} ({}) is not writable", t.path, t.why));
    return;
  }
  }
}
} // namespace

int doctorCommand(const CommandArgs &a) {
  int status = 0;
  const Config *cfg = requireConfig(a, status);
  if (!cfg)
    return status;
  RuleContext ctx(a.session, *cfg);
  Report r;

  std::string nvccPath;
  auto nvcc = findTool("nvcc", cfg->nvcc.value, cfg->nvcc.source,
                       "CUWRAP_NVCC", ctx, "nvcc.profile");
  if (!nvcc) {
    r.fail(llvm::toString(nvcc.takeError()));
  } else {
    nvccPath = *nvcc;
    r.ok(fmt::format("real nvcc {} ({})", nvccPath, cfg->nvcc.source));
    llvm::SmallString<256> profile(llvm::sys::path::parent_path(nvccPath));
    llvm::sys::path::append(profile, "nvcc.profile");
    if (llvm::sys::fs::exists(profile))
      r.ok(fmt::format("{} present", profile.str().str()));
    else
      r.fail(fmt::format("{} missing: nvcc finds its include and library "
                         "paths there{}",
                         profile.str().str(), scriptHint(nvccPath)));
  }

  std::string driver = checkHostCompiler(*cfg, ctx, nvccPath, r);
  checkLinker(*cfg, ctx, r);
  checkWiring(ctx, driver, r);

  // On a build machine (a Nix sandbox) the driver directory is often absent;
  // the RUNPATH still has to name it for the machine the program runs on.
  if (llvm::sys::fs::is_directory(cfg->driverDir.value))
    r.ok(fmt::format("driver directory {} exists", cfg->driverDir.value));
  else
    r.warn(fmt::format("driver directory {} ({}) does not exist here; "
                       "programs look for libcuda.so.1 there at run time",
                       cfg->driverDir.value, cfg->driverDir.source));
  if (cfg->compatDir.value.empty())
    r.ok("no cuda_compat directory configured");
  else if (llvm::sys::fs::is_directory(cfg->compatDir.value))
    r.ok(fmt::format("compat directory {} exists", cfg->compatDir.value));
  else
    r.fail(fmt::format("compat directory {} ({}) does not exist",
                       cfg->compatDir.value, cfg->compatDir.source));

  checkLogSink(*cfg, a.session.env(), r);
  if (r.failures)
    fmt::print("{} check(s) failed\n", r.failures);
  return r.failures ? 1 : 0;
}

} // namespace cuwrap
