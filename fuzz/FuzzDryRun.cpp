// Fuzz target: what `nvcc --dryrun` prints, as explain reads it: the
// environment lines and each sub-step split into words the way nvcc's
// /bin/sh would, and each step's tool.
#include "DryRun.h"

#include <cstdint>

using namespace cuwrap::explain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  DryRun d = parseDryRun(text);
  for (const SubStep &s : d.steps) {
    (void)classifyStep(s.argv);
    (void)stepName(s);
  }
  (void)splitShellWords(text);
  return 0;
}
