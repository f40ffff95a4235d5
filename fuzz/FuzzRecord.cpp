// Fuzz target: one line of a log, as `cuwrap log` and `explain --from-log`
// read it (JSON with its depth checked, then the record schema). A record
// that reads is written again, and what is written reads back as the same
// record; the text views render it.
#include "Record.h"
#include "RecordView.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace cuwrap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef line(reinterpret_cast<const char *>(data), size);
  auto rec = parseRecord(line);
  if (!rec) {
    llvm::consumeError(rec.takeError());
    return 0;
  }
  std::string once = recordJSON(*rec);
  auto back = parseRecord(once);
  if (!back) {
    std::fprintf(stderr, "a record cuwrap wrote does not read back: %s\n%s\n",
                 llvm::toString(back.takeError()).c_str(), once.c_str());
    std::abort();
  }
  std::string twice = recordJSON(*back);
  if (twice != once) {
    std::fprintf(stderr, "a record changed on its way through the log:\n%s\n%s\n",
                 once.c_str(), twice.c_str());
    std::abort();
  }
  (void)renderRecord(*rec, true);
  (void)factsText(*rec);
  (void)planText(*rec);
  return 0;
}
