#include "Quoting.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace cuwrap::quoting {

namespace {
// Builds an output text from a word, moving marks from offsets in the word
// to offsets in the output as the characters they point at are written.
struct MarkedWriter {
  std::string &out;
  std::vector<Mark> *marks;
  size_t next = 0; // marks before this one are placed already

  MarkedWriter(std::string &out, std::vector<Mark> *marks)
      : out(out), marks(marks) {
    if (marks)
      std::sort(marks->begin(), marks->end(),
                [](const Mark &a, const Mark &b) { return a.offset < b.offset; });
  }
  // Called before writing the character at `wordOffset` (or at the end).
  void at(size_t wordOffset) {
    while (marks && next < marks->size() && (*marks)[next].offset == wordOffset)
      (*marks)[next++].offset = out.size();
  }
};

bool isNvccFileSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool isNvccVariableSpace(char c) { return c == ' ' || c == '\t'; }
bool isGnuSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}
// The reader stops at the first NUL (nvcc and libiberty both hold the file
// in a C string).
llvm::StringRef uptoNul(llvm::StringRef text) {
  return text.substr(0, text.find('\0'));
}
} // namespace

// ---- nvcc options files ---------------------------------------------------

// The second step of nvcc's reading, on one word as split: `\c` is c, and
// a `"` is dropped unless the character before it (after unescaping) is a
// `\`. Observed: `a\"` reads `a`, `"a\\"` reads `a\"`, `a\\"b c"` reads
// `a\"b c` (docs/quoting.md).
static std::string unescapeNvccWord(llvm::StringRef raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\\' && i + 1 < raw.size())
      c = raw[++i];
    if (c == '"' && (out.empty() || out.back() != '\\'))
      continue;
    out += c;
  }
  return out;
}

ReadResult readNvccOptionsFile(llvm::StringRef text) {
  text = uptoNul(text);
  ReadResult r;
  std::string raw;
  bool inWord = false, quoted = false;
  unsigned line = 1, wordLine = 1;
  auto start = [&] {
    if (!inWord)
      wordLine = line;
    inWord = true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 == text.size()) {
        // nvcc escapes the string's terminating NUL and reports it.
        r.error = "Stray '' character";
        return r;
      }
      start();
      raw += c;
      raw += text[++i];
      if (text[i] == '\n')
        ++line;
      continue;
    }
    if (c == '"') {
      start();
      quoted = !quoted;
      raw += c;
    } else if (isNvccFileSpace(c) && !quoted) {
      if (inWord)
        r.words.push_back({unescapeNvccWord(raw), wordLine});
      raw.clear();
      inWord = false;
    } else {
      start();
      raw += c;
    }
    if (c == '\n')
      ++line;
  }
  if (quoted) {
    r.error = "Stray '\"' character";
    return r;
  }
  if (inWord)
    r.words.push_back({unescapeNvccWord(raw), wordLine});
  return r;
}

bool nvccOptionsFileCanHold(llvm::StringRef word) {
  if (word.contains('\0'))
    return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (word[i] == '"' && (i == 0 || word[i - 1] != '\\'))
      return false;
  return true;
}

void appendNvccOptionsFileWord(std::string &out, llvm::StringRef word,
                               std::vector<Mark> *marks) {
  MarkedWriter w(out, marks);
  if (word.empty()) {
    w.at(0);
    out += "\"\"";
    return;
  }
  bool space = llvm::any_of(word, isNvccFileSpace);
  // A word with spaces reads best in quotes, but a closing quote right
  // after a `\` would stay in the word: escape the spaces instead then.
  bool wrap = space && word.back() != '\\';
  if (wrap)
    out += '"';
  for (size_t i = 0; i < word.size(); ++i) {
    w.at(i);
    char c = word[i];
    if (c == '\\' || c == '"' || (!wrap && isNvccFileSpace(c)))
      out += '\\';
    out += c;
  }
  w.at(word.size());
  if (wrap)
    out += '"';
}

// ---- NVCC_*_FLAGS ---------------------------------------------------------

ReadResult readNvccVariable(llvm::StringRef text) {
  ReadResult r;
  std::string cur;
  bool inWord = false, quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      // Observed: `"a\"b"` is one word, `"a\\" x` is fatal: the quote is
      // closed by a `"` whose previous character is not `\`, whatever
      // comes before that.
      if (c == '"' && text[i - 1] != '\\')
        quoted = false;
      cur += c;
    } else if (c == '"') {
      quoted = true;
      inWord = true;
      cur += c;
    } else if (isNvccVariableSpace(c)) {
      if (inWord)
        r.words.push_back({std::move(cur), 1});
      cur.clear();
      inWord = false;
    } else {
      inWord = true;
      cur += c;
    }
  }
  if (quoted) {
    r.error = "Stray '\"' character";
    return r;
  }
  if (inWord)
    r.words.push_back({std::move(cur), 1});
  return r;
}

bool nvccVariableCanHold(llvm::StringRef word) {
  if (word.empty() || word.contains('\0'))
    return false;
  ReadResult r = readNvccVariable(word);
  return !r.error && r.words.size() == 1 && r.words[0].text == word;
}

std::optional<std::string>
writeNvccVariable(llvm::ArrayRef<std::string> words) {
  std::string out;
  for (const std::string &w : words) {
    if (!nvccVariableCanHold(w))
      return std::nullopt;
    if (!out.empty())
      out += ' ';
    out += w;
  }
  return out;
}

// ---- GNU @file ------------------------------------------------------------

// libiberty's buildargv, step by step (libiberty/argv.c), as expandargv
// calls it: a text of whitespace only holds no word.
ReadResult readGnuResponseFile(llvm::StringRef text) {
  text = uptoNul(text);
  ReadResult r;
  if (llvm::all_of(text, isGnuSpace))
    return r;
  size_t i = 0;
  unsigned line = 1;
  auto skipSpace = [&] {
    while (i < text.size() && isGnuSpace(text[i])) {
      if (text[i] == '\n')
        ++line;
      ++i;
    }
  };
  do {
    skipSpace();
    ReadWord w;
    w.line = line;
    bool squote = false, dquote = false, bsquote = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (isGnuSpace(c) && !squote && !dquote && !bsquote)
        break;
      if (c == '\n')
        ++line;
      if (bsquote) {
        bsquote = false;
        w.text += c;
      } else if (c == '\\') {
        bsquote = true;
      } else if (squote) {
        if (c == '\'')
          squote = false;
        else
          w.text += c;
      } else if (dquote) {
        if (c == '"')
          dquote = false;
        else
          w.text += c;
      } else if (c == '\'') {
        squote = true;
      } else if (c == '"') {
        dquote = true;
      } else {
        w.text += c;
      }
    }
    r.words.push_back(std::move(w));
    skipSpace();
  } while (i < text.size());
  return r;
}

static bool gnuBare(char c) {
  return llvm::isAlnum(c) || llvm::StringRef("-_./=,:+@%^~").contains(c);
}

void appendGnuResponseFileWord(std::string &out, llvm::StringRef word,
                               std::vector<Mark> *marks) {
  MarkedWriter w(out, marks);
  bool bare = !word.empty() && llvm::all_of(word, gnuBare);
  if (!bare)
    out += '\'';
  for (size_t i = 0; i < word.size(); ++i) {
    w.at(i);
    // Inside single quotes libiberty (and LLVM's tokenizer) still take
    // `\` as an escape: only `\` and `'` need one.
    if (word[i] == '\\' || word[i] == '\'')
      out += '\\';
    out += word[i];
  }
  w.at(word.size());
  if (!bare)
    out += '\'';
}

} // namespace cuwrap::quoting
