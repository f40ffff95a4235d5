// `cuwrap config`: every effective setting and the layer that set it.
#include "Commands.h"
#include "ConfigOptTable.h"
#include "HostCompiler.h"
#include "RuleContext.h"
#include "ToolLookup.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

#include <fmt/format.h>

namespace cuwrap {

// A file as ccache's default compiler check sees it: its size and mtime.
static std::string identity(const std::string &path) {
  llvm::sys::fs::file_status st;
  if (path.empty() || llvm::sys::fs::status(path, st))
    return fmt::format("{} (not found)", path);
  return fmt::format(
      "{} size {} mtime {}", path, st.getSize(),
      st.getLastModificationTime().time_since_epoch().count());
}

// `--compiler-check`: one line per thing that decides what a wrapped nvcc
// call runs, and so what it writes. A cache in front of cuwrap (ccache as
// CMAKE_CUDA_COMPILER_LAUNCHER) sees cuwrap's nvcc as the compiler and
// keys on its mtime and the arguments cuwrap was given, never on the
// settings that change the command: `compiler_check` set to this command
// puts them in its key (docs/wiring.md, "Compiler caches"). The log
// settings and the launcher change no output and stay out, so turning the
// log on (NIX_DEBUG) keeps every hit.
static int compilerCheck(const Config &cfg, const Session &session) {
  RuleContext ctx(session, cfg);
  std::string out = fmt::format("cuwrap {}\nbinary {}\n", CUWRAP_VERSION,
                                identity(session.paths().self));
  for (const Config::Row &row : cfg.rows()) {
    llvm::StringRef key = row.key;
    if (key == "log" || key == "log_format" || key == "launcher")
      continue;
    out += fmt::format("setting {} = {}\n", row.key, row.value);
  }
  auto nvcc = findTool("nvcc", cfg.nvcc.value, cfg.nvcc.source, "CUWRAP_NVCC",
                       ctx, "nvcc.profile");
  out += "nvcc " + (nvcc ? identity(*nvcc) : llvm::toString(nvcc.takeError())) +
         "\n";
  // The file the host-compiler rule hands nvcc (a directory's g++, a
  // symlink's target), as doctor reads it too.
  if (!cfg.hostCxx.value.empty()) {
    std::string cxx = nvcc::resolveHostCompiler(cfg.hostCxx.value, ctx);
    out += "host_cxx " +
           (cxx.empty() ? fmt::format("{} (not found)", cfg.hostCxx.value)
                        : identity(cxx)) +
           "\n";
  }
  fmt::print("{}", out);
  return 0;
}

int configCommand(const CommandArgs &a) {
  int status = 0;
  const Config *cfg = requireConfig(a, status);
  if (!cfg)
    return status;
  if (!a.positional.empty())
    return commandError(a.command, "takes no arguments (see cuwrap config --help)",
                        UsageError);
  const Paths &paths = a.session.paths();
  if (a.opts.hasArg(cli::Config::OPT_compiler_check))
    return compilerCheck(*cfg, a.session);
  if (a.opts.hasArg(cli::Config::OPT_json)) {
    llvm::json::Object settings;
    for (const Config::Row &row : cfg->rows()) {
      llvm::json::Object o{{"value", row.value}, {"source", row.source}};
      if (*row.variable)
        o["variable"] = row.variable;
      settings[row.key] = std::move(o);
    }
    // The substitutions as the object the file gives them as.
    llvm::json::Object subs;
    for (auto &[from, to] : cfg->runpathSubstitutions.value)
      subs[from] = to;
    settings["runpath_substitutions"] =
        llvm::json::Object{{"value", std::move(subs)},
                           {"source", cfg->runpathSubstitutions.source}};
    llvm::json::Object out{{"settings", std::move(settings)},
                           {"config_file", cfg->file},
                           {"self", paths.self},
                           {"wrapper_dir", paths.wrapperDir}};
    fmt::print("{}\n",
               llvm::formatv("{0:2}", llvm::json::Value(std::move(out))).str());
    return 0;
  }
  fmt::print("config file: {}\n",
             cfg->file.empty()
                 ? std::string("none")
                 : fmt::format("{} ({})", cfg->file, cfg->fileSource));
  fmt::print("binary: {}\nwrappers: {}\n", paths.self, paths.wrapperDir);
  for (const Config::Row &row : cfg->rows()) {
    if (!*row.variable) // shown below, one line each
      continue;
    fmt::print("{:<16} = {:<40} ({})\n", row.key,
               row.value.empty() ? "(unset)" : row.value, row.source);
  }
  for (auto &[from, to] : cfg->runpathSubstitutions.value)
    fmt::print("runpath_substitutions: {} -> {} ({})\n", from, to,
               cfg->runpathSubstitutions.source);
  return 0;
}

} // namespace cuwrap
