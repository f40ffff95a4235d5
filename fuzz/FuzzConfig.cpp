// Fuzz target: the settings as loadConfig reads them, from a config file
// and CUWRAP_* variables. The input is the file's text, then optionally
// \0 and variable assignments (NAME=VALUE), one per line. Every setting is
// either read into its type or refused with an error; a loaded config
// shows every row.
#include "Config.h"
#include "LogSink.h"

#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>

using namespace cuwrap;

namespace {
std::string configFile;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  char tmpl[] = "/tmp/cuwrap-fuzz-config.XXXXXX";
  if (!::mkdtemp(tmpl))
    std::abort();
  configFile = std::string(tmpl) + "/cuwrap.json";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef in(reinterpret_cast<const char *>(data), size);
  auto [json, vars] = in.split('\0');
  int fd = ::open(configFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    std::abort();
  if (::write(fd, json.data(), json.size()) != ssize_t(json.size()))
    std::abort();
  ::close(fd);

  std::vector<std::string> entries{"CUWRAP_CONFIG=" + configFile};
  llvm::SmallVector<llvm::StringRef, 8> lines;
  vars.split(lines, '\n', -1, false);
  for (llvm::StringRef l : lines)
    if (l.contains('=') && !l.startswith("CUWRAP_CONFIG="))
      entries.push_back(l.str());
  Environment env(entries);
  Paths paths;
  auto cfg = loadConfig(env, paths);
  if (!cfg) {
    llvm::consumeError(cfg.takeError());
    return 0;
  }
  // Every setting shown as `cuwrap config` shows it, and where the log
  // would go (never written).
  (void)cfg->rows();
  (void)logTarget(*cfg, env);
  return 0;
}
