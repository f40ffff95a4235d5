// `cuwrap config`: every effective setting and the layer that set it.
#include "Commands.h"
#include "ConfigOptTable.h"

#include "llvm/Support/JSON.h"

#include <fmt/format.h>

namespace cuwrap {

int configCommand(const CommandArgs &a) {
  int status = 0;
  const Config *cfg = requireConfig(a, status);
  if (!cfg)
    return status;
  if (!a.positional.empty())
    return commandError(a.command, "takes no arguments (see cuwrap config --help)",
                        UsageError);
  const Paths &paths = a.session.paths();
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
