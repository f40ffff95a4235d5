// `cuwrap config`: every effective setting and the layer that set it.
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "Personality.h"

#include "llvm/Support/JSON.h"

#include <fmt/format.h>

namespace cuwrap {

int configCommand(const CommandArgs &a) {
  Paths paths = Paths::fromSelf(selfExecutable());
  auto cfg = loadConfig(a.env, paths);
  if (!cfg)
    return commandError("config", llvm::toString(cfg.takeError()));
  std::string file = cfg->file.empty()
                         ? "none"
                         : fmt::format("{} ({})", cfg->file, cfg->fileSource);
  if (a.opts.hasArg(cli::OPT_json)) {
    llvm::json::Object settings;
    for (auto [key, var, s] : cfg->table())
      settings[key] = llvm::json::Object{
          {"value", s->value}, {"source", s->source}, {"variable", var}};
    llvm::json::Object subs;
    for (auto &[from, to] : cfg->runpathSubstitutions)
      subs[from] = to;
    settings["runpath_substitutions"] = llvm::json::Object{
        {"value", std::move(subs)}, {"source", cfg->substitutionsSource}};
    llvm::json::Object out{{"settings", std::move(settings)},
                           {"config_file", cfg->file},
                           {"self", paths.self},
                           {"wrapper_dir", paths.wrapperDir}};
    fmt::print("{}\n", llvm::formatv("{0:2}", llvm::json::Value(std::move(out))).str());
    return 0;
  }
  fmt::print("config file: {}\n", file);
  fmt::print("binary: {}\nwrappers: {}\n", paths.self, paths.wrapperDir);
  for (auto [key, var, s] : cfg->table())
    fmt::print("{:<16} = {:<40} ({})\n", key, s->value.empty() ? "(unset)" : s->value,
               s->source);
  for (auto &[from, to] : cfg->runpathSubstitutions)
    fmt::print("runpath_substitutions: {} -> {} ({})\n", from, to,
               cfg->substitutionsSource);
  return 0;
}

} // namespace cuwrap
