#include "CommandLine.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/StringSaver.h"

#include <fmt/format.h>

namespace cuwrap {

CommandLine::CommandLine() { sources.push_back(Source{}); }

void CommandLine::appendArgv(llvm::ArrayRef<std::string> args) {
  for (size_t i = 0; i < args.size(); ++i)
    words.push_back(Word{args[i], {Origin::Kind::Argv, "", unsigned(i + 1)}, 0});
}

std::vector<std::pair<std::string, unsigned>>
splitNvccWords(llvm::StringRef text) {
  std::vector<std::pair<std::string, unsigned>> out;
  unsigned line = 1, wordLine = 1;
  std::string cur;
  bool inWord = false, inQuote = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (c == '"') {
      if (!inWord)
        wordLine = line;
      inQuote = !inQuote;
      inWord = true;
    } else if (space && !inQuote) {
      if (inWord)
        out.emplace_back(std::move(cur), wordLine);
      cur.clear();
      inWord = false;
    } else {
      if (!inWord)
        wordLine = line;
      cur += c;
      inWord = true;
    }
    if (c == '\n')
      ++line;
  }
  if (inWord)
    out.emplace_back(std::move(cur), wordLine);
  return out;
}

bool quoteNvccWord(llvm::StringRef word, std::string &out) {
  if (word.contains('"'))
    return false;
  if (!word.empty() && word.find_first_of(" \t\r\n") == llvm::StringRef::npos)
    out += word;
  else
    out += "\"" + word.str() + "\"";
  return true;
}

void CommandLine::appendVariable(llvm::StringRef name, llvm::StringRef value) {
  int src = sources.size();
  sources.push_back(Source{Source::Kind::EnvVar, name.str()});
  unsigned n = 0;
  for (auto &w : splitNvccWords(value))
    words.push_back(
        Word{std::move(w.first), {Origin::Kind::EnvVar, name.str(), ++n}, src});
}

static std::vector<std::pair<std::string, unsigned>>
splitResponseFile(llvm::StringRef text) {
  // Response files come from CMake, Ninja and GCC-style tools: GNU quoting,
  // read by LLVM's own tokenizer with line ends marked for the origins.
  llvm::BumpPtrAllocator alloc;
  llvm::StringSaver saver(alloc);
  llvm::SmallVector<const char *, 64> toks;
  llvm::cl::TokenizeGNUCommandLine(text, saver, toks, /*MarkEOLs=*/true);
  std::vector<std::pair<std::string, unsigned>> out;
  unsigned line = 1;
  for (const char *t : toks) {
    if (!t)
      ++line;
    else
      out.emplace_back(t, line);
  }
  return out;
}

void CommandLine::insertFile(Source::Kind kind, llvm::StringRef path,
                             int referrer, unsigned element,
                             size_t valueOffset, size_t insertAt) {
  // A file that (indirectly) names itself would be read forever.
  unsigned depth = 0;
  for (int s = words[referrer].source; s > 0 && sources[s].referrer >= 0;
       s = words[sources[s].referrer].source) {
    if (sources[s].name == path || ++depth > 32) {
      warnings.push_back(fmt::format("{} includes itself; not read again", path));
      return;
    }
  }
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf) {
    warnings.push_back(fmt::format("cannot read {} '{}': {}",
                                   kind == Source::Kind::OptionsFile
                                       ? "options file"
                                       : "response file",
                                   path, buf.getError().message()));
    return;
  }
  int src = sources.size();
  sources.push_back(Source{kind, path.str(), referrer, element, valueOffset});
  auto toks = kind == Source::Kind::OptionsFile
                  ? splitNvccWords((*buf)->getBuffer())
                  : splitResponseFile((*buf)->getBuffer());
  auto originKind = kind == Source::Kind::OptionsFile
                        ? Origin::Kind::OptionsFile
                        : Origin::Kind::ResponseFile;
  std::vector<Word> added;
  for (auto &t : toks)
    added.push_back(
        Word{std::move(t.first), {originKind, path.str(), t.second}, src});
  for (Source &s : sources)
    if (s.referrer >= int(insertAt))
      s.referrer += added.size();
  words.insert(words.begin() + insertAt, added.begin(), added.end());
}

std::vector<const char *> CommandLine::cstrs() const {
  std::vector<const char *> out;
  out.reserve(words.size());
  for (const Word &w : words)
    out.push_back(w.text.c_str());
  return out;
}

std::vector<unsigned> CommandLine::wordsOf(int source) const {
  std::vector<unsigned> out;
  for (unsigned i = 0; i < words.size(); ++i)
    if (words[i].source == source)
      out.push_back(i);
  return out;
}

} // namespace cuwrap
