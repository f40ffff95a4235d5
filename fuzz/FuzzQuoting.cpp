// Fuzz target: the three word syntaxes of lib/Quoting.h. Any text is read
// without a crash, and every word a reader gives back is written by its
// writer into text that the reader reads back as exactly those words (the
// property the rewrites rely on: docs/quoting.md; the writers' callers put
// a newline after each word, and so does this target). nvcc's comma lists
// (splitList) are read too.
#include "ParsedArgs.h"
#include "Quoting.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace cuwrap;
using namespace cuwrap::quoting;

namespace {
std::vector<std::string> texts(const ReadResult &r) {
  std::vector<std::string> out;
  for (const ReadWord &w : r.words)
    out.push_back(w.text);
  return out;
}

[[noreturn]] void mismatch(const char *syntax, const std::string &written) {
  std::fprintf(stderr, "%s: the written text does not read back as the same "
                       "words:\n%s\n",
               syntax, written.c_str());
  std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);

  // nvcc options files: the words that can be held round-trip.
  ReadResult opt = readNvccOptionsFile(text);
  if (!opt.error) {
    std::vector<std::string> held;
    std::string out;
    for (const std::string &w : texts(opt))
      if (nvccOptionsFileCanHold(w)) {
        appendNvccOptionsFileWord(out, w);
        out += '\n'; // callers separate the words (lib/Exec.cpp, CommandEditor)
        held.push_back(w);
      }
    ReadResult back = readNvccOptionsFile(out);
    if (back.error || texts(back) != held)
      mismatch("nvcc options file", out);
  }

  // NVCC_*_FLAGS: all or nothing.
  ReadResult var = readNvccVariable(text);
  if (!var.error) {
    std::vector<std::string> words = texts(var);
    if (auto out = writeNvccVariable(words)) {
      ReadResult back = readNvccVariable(*out);
      if (back.error || texts(back) != words)
        mismatch("nvcc variable", *out);
    }
  }
  // Words from elsewhere (an options file's) that the variable claims it
  // can hold, it must hold.
  if (!opt.error) {
    std::vector<std::string> holdable;
    for (const std::string &w : texts(opt))
      if (nvccVariableCanHold(w))
        holdable.push_back(w);
    auto out = writeNvccVariable(holdable);
    if (!out)
      mismatch("nvcc variable (refused words it can hold)", "");
    ReadResult back = readNvccVariable(*out);
    if (back.error || texts(back) != holdable)
      mismatch("nvcc variable", *out);
  }

  // GNU @files: every word can be held.
  ReadResult gnu = readGnuResponseFile(text);
  {
    std::string out;
    for (const std::string &w : texts(gnu)) {
      appendGnuResponseFileWord(out, w);
      out += '\n';
    }
    ReadResult back = readGnuResponseFile(out);
    if (texts(back) != texts(gnu))
      mismatch("GNU response file", out);
  }
  // The input's bytes as one word (NULs cannot be in an argv word).
  if (text.find('\0') == llvm::StringRef::npos) {
    std::string out;
    appendGnuResponseFileWord(out, text);
    ReadResult back = readGnuResponseFile(out);
    if (texts(back) != std::vector<std::string>{text.str()})
      mismatch("GNU response file (one word)", out);
    if (nvccOptionsFileCanHold(text)) {
      std::string o;
      appendNvccOptionsFileWord(o, text);
      ReadResult b = readNvccOptionsFile(o);
      if (b.error || texts(b) != std::vector<std::string>{text.str()})
        mismatch("nvcc options file (one word)", o);
    }
  }

  (void)splitList(text);
  return 0;
}
