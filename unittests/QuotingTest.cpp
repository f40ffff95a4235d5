// The three word syntaxes against what the real readers were measured to
// do (docs/quoting.md: nvcc 13.0 --dryrun, libiberty's expandargv as gcc
// 12 and GNU ld 2.40 use it), and each writer against its reader.
#include "Quoting.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/StringSaver.h"

#include <gtest/gtest.h>

#include <random>

using namespace cuwrap::quoting;

namespace {
using Words = std::vector<std::string>;

// The words, or "error: <message>".
Words texts(const ReadResult &r) {
  if (r.error)
    return {"error: " + *r.error};
  Words out;
  for (const ReadWord &w : r.words)
    out.push_back(w.text);
  return out;
}

struct Case {
  std::string text;
  Words words;
};

std::string show(const std::string &s) {
  std::string out;
  for (unsigned char c : s)
    out += c >= 32 && c < 127 ? std::string(1, c) : "\\x" + llvm::utohexstr(c);
  return out;
}
} // namespace

// Each row was measured: the words nvcc printed as `-o` values and link
// inputs of `nvcc --dryrun`, or its "Don't know what to do with '...'".
TEST(NvccOptionsFile, ReadsAsNvccDoes) {
  const Case cases[] = {
      {"a\\ b.o", {"a b.o"}},
      {"a\\b.o", {"ab.o"}},
      {"\"a\\\\b.o\"", {"a\\b.o"}},
      {"a\"b c\"d.o", {"ab cd.o"}},
      {"\"\"", {""}},
      {"\"\" x.o", {"", "x.o"}},
      {"\"\"\"\"", {""}},
      {"'a b.o'", {"'a", "b.o'"}},
      {"\"a b.o", {"error: Stray '\"' character"}},
      {"a.o \"", {"error: Stray '\"' character"}},
      {"a#b.o #c.o", {"a#b.o", "#c.o"}},
      {"a\tb.o", {"a", "b.o"}},
      {"a\rb.o", {"a", "b.o"}},
      {"a\fb.o", {"a\fb.o"}},
      {"a\vb.o", {"a\vb.o"}},
      {"a\\\\b.o", {"a\\b.o"}},
      {"a.o\\", {"error: Stray '' character"}},
      {"a.o\\\n", {"a.o\n"}},
      {"a\\\nb.o", {"a\nb.o"}},
      {"\"a\nb.o\"", {"a\nb.o"}},
      {"a\\\rb.o", {"a\rb.o"}},
      {"\"a\\ b.o\"", {"a b.o"}},
      {"\"a\\b.o\"", {"ab.o"}},
      {"a\"\"b.o", {"ab.o"}},
      {"a\\'b.o", {"a'b.o"}},
      {"\xff\xfe.o", {"\xff\xfe.o"}},
      {"\xef\xbb\xbf" "a.o", {"\xef\xbb\xbf" "a.o"}},
      {std::string("a\0b.o c.o", 9), {"a"}},
      {std::string("a.o \0", 5), {"a.o"}},
      {"x.o\n\n  ", {"x.o"}},
      // A `"` survives only right after a `\` (after unescaping).
      {"a\\\"b.o", {"ab.o"}},
      {"\"a\\\"b.o\"", {"ab.o"}},
      {"a\\\"b c.o", {"ab", "c.o"}},
      {"\\\"", {""}},
      {"\"a\\\"", {"error: Stray '\"' character"}},
      {"\"a\\\\\" x", {"a\\\"", "x"}},
      {"a\\\\\\\"b", {"a\\\"b"}},
      {"a\\\\\"b c\"", {"a\\\"b c"}},
      {"\"x\\\\\"y", {"x\\\"y"}},
      {"x\\\\", {"x\\"}},
      {"\\\\\\\\\\\"", {"\\\\\""}},
      {"\\\\\"", {"error: Stray '\"' character"}},
      {"a\\b\\\"c", {"abc"}},
      {"", {}},
  };
  for (const Case &c : cases)
    EXPECT_EQ(texts(readNvccOptionsFile(c.text)), c.words) << show(c.text);
}

TEST(NvccOptionsFile, WordsKeepTheirLine) {
  ReadResult r = readNvccOptionsFile("-a\n\n\"-b\nc\" -d\\\n-e\n");
  ASSERT_EQ(r.words.size(), 3u);
  EXPECT_EQ(r.words[0].line, 1u);
  EXPECT_EQ(r.words[1].line, 3u);
  EXPECT_EQ(r.words[2].line, 4u);
  EXPECT_EQ(r.words[2].text, "-d\n-e");
}

TEST(NvccVariable, ReadsAsNvccDoes) {
  const Case cases[] = {
      {"a\\ b.o", {"a\\", "b.o"}},
      {"a\\b.o", {"a\\b.o"}},
      {"\"a\\\\b.o\"", {"\"a\\\\b.o\""}},
      {"a\"b c\"d.o", {"a\"b c\"d.o"}},
      {"\"\"", {"\"\""}},
      {"\"\" x.o", {"\"\"", "x.o"}},
      {"'a b.o'", {"'a", "b.o'"}},
      {"\"a b.o", {"error: Stray '\"' character"}},
      {"a#b.o", {"a#b.o"}},
      {"a\tb.o", {"a", "b.o"}},
      {"a\rb.o", {"a\rb.o"}},
      {"a\fb.o", {"a\fb.o"}},
      {"a\vb.o", {"a\vb.o"}},
      {"a\nb.o c.o", {"a\nb.o", "c.o"}},
      {"x.o\n\n  ", {"x.o\n\n"}},
      {"  x.o  ", {"x.o"}},
      {"\tx.o\t", {"x.o"}},
      {"\"a\tb.o\"", {"\"a\tb.o\""}},
      {"a.o\\", {"a.o\\"}},
      {"\xff\xfe.o", {"\xff\xfe.o"}},
      // A `"` outside a group always opens one; inside, a `"` after a `\`
      // does not close it.
      {"a\\\"b.o", {"error: Stray '\"' character"}},
      {"\"a\\\"b.o\"", {"\"a\\\"b.o\""}},
      {"\"a\\\" b.o\"", {"\"a\\\" b.o\""}},
      {"\"a\\\\\" x.o", {"error: Stray '\"' character"}},
      {"\"a\\\"", {"error: Stray '\"' character"}},
      {"a\\\\\"b c\".o", {"a\\\\\"b c\".o"}},
      {"\"a b\"c\"d e\".o", {"\"a b\"c\"d e\".o"}},
      {"", {}},
  };
  for (const Case &c : cases)
    EXPECT_EQ(texts(readNvccVariable(c.text)), c.words) << show(c.text);
}

// Measured with a C program calling libiberty's expandargv (the code gcc
// and GNU ld run for @file), checked against `gcc -### @file`.
TEST(GnuResponseFile, ReadsAsLibibertyDoes) {
  const Case cases[] = {
      {"a\\ b", {"a b"}},
      {"'a b'", {"a b"}},
      {"\"a b\"", {"a b"}},
      {"'a\\\\b'", {"a\\b"}},
      {"'a\\'b'", {"a'b"}},
      {"\"a\\\"b\"", {"a\"b"}},
      {"\"\"", {""}},
      {"''", {""}},
      {"a \"\" b", {"a", "", "b"}},
      {"a\fb", {"a", "b"}},
      {"a\vb", {"a", "b"}},
      {"a\rb", {"a", "b"}},
      {"a\\", {"a"}},
      {"a \\", {"a", ""}},
      {"\\", {""}},
      {"a'b c'd", {"ab cd"}},
      {"'unterminated x", {"unterminated x"}},
      {"\"unterminated x", {"unterminated x"}},
      {std::string("a\0b c", 5), {"a"}},
      {"# c", {"#", "c"}},
      {"", {}},
      {"  \n ", {}},
      {"a\\\nb", {"a\nb"}},
      {"'a\nb'", {"a\nb"}},
      {"\xff\xfe", {"\xff\xfe"}},
      {"\"a'b\"", {"a'b"}},
      {"'a\"b'", {"a\"b"}},
      {"a\\\\b", {"a\\b"}},
      {"\\'", {"'"}},
      {"x ''", {"x", ""}},
      {"'' x", {"", "x"}},
      {"a\\\fb", {"a\fb"}},
  };
  for (const Case &c : cases)
    EXPECT_EQ(texts(readGnuResponseFile(c.text)), c.words) << show(c.text);
}

// cuwrap used LLVM's TokenizeGNUCommandLine for @files: it differs from
// libiberty here (an empty word, \f and \v, a trailing backslash), which
// changed words on the way to nvcc.
TEST(GnuResponseFile, DiffersFromLlvmsTokenizerWhereLibibertyDoes) {
  auto llvmWords = [](llvm::StringRef text) {
    llvm::BumpPtrAllocator alloc;
    llvm::StringSaver saver(alloc);
    llvm::SmallVector<const char *, 8> toks;
    llvm::cl::TokenizeGNUCommandLine(text, saver, toks);
    Words out;
    for (const char *t : toks)
      out.push_back(t);
    return out;
  };
  for (std::string text : std::vector<std::string>{"a \"\" b", "a\fb", "a\vb", "a\\"})
    EXPECT_NE(llvmWords(text), texts(readGnuResponseFile(text))) << show(text);
  // Where both agree, the writer's output is read the same by both (lld
  // reads @files with LLVM's tokenizer).
  for (std::string word : {"a b", "it's", "a\\b", "\"q\"", "tab\there", "\xff"}) {
    std::string text;
    appendGnuResponseFileWord(text, word);
    EXPECT_EQ(llvmWords(text), Words{word}) << show(text);
  }
}

namespace {
// Short words over the characters that matter to some reader.
std::vector<std::string> generatedWords(unsigned count, unsigned seed) {
  const std::string alphabet = std::string("a -\t\n\r\"'\\#\f\v,@<>\xff", 17);
  std::mt19937 rng(seed);
  std::vector<std::string> out = {"", "\\", "\"", "\\\"", "a\\", " ", "''"};
  while (out.size() < count) {
    std::string w;
    for (unsigned n = rng() % 7; n > 0; --n)
      w += alphabet[rng() % alphabet.size()];
    out.push_back(w);
  }
  return out;
}
} // namespace

TEST(NvccOptionsFile, WriterRoundTrips) {
  auto words = generatedWords(20000, 1);
  Words held;
  std::string file;
  for (const std::string &w : words) {
    std::string text;
    bool unescapedQuote = false;
    for (size_t i = 0; i < w.size(); ++i)
      unescapedQuote |= w[i] == '"' && (i == 0 || w[i - 1] != '\\');
    EXPECT_EQ(nvccOptionsFileCanHold(w), !unescapedQuote) << show(w);
    if (!nvccOptionsFileCanHold(w))
      continue;
    appendNvccOptionsFileWord(text, w);
    EXPECT_EQ(texts(readNvccOptionsFile(text)), Words{w})
        << show(w) << " written " << show(text);
    appendNvccOptionsFileWord(file, w);
    file += '\n';
    held.push_back(w);
  }
  EXPECT_EQ(texts(readNvccOptionsFile(file)), held);
}

TEST(NvccVariable, WriterRoundTripsWhatItCanHold) {
  auto words = generatedWords(20000, 2);
  Words held;
  for (const std::string &w : words) {
    ReadResult r = readNvccVariable(w);
    bool readsBack = !r.error && r.words.size() == 1 && r.words[0].text == w;
    EXPECT_EQ(nvccVariableCanHold(w), readsBack) << show(w);
    if (readsBack)
      held.push_back(w);
  }
  auto text = writeNvccVariable(held);
  ASSERT_TRUE(text);
  EXPECT_EQ(texts(readNvccVariable(*text)), held);
  EXPECT_FALSE(writeNvccVariable({"ok", "a b"}));
  EXPECT_FALSE(writeNvccVariable({""}));
  EXPECT_EQ(*writeNvccVariable({"\"a b\"", "a\"b c\".o", "x\\"}),
            "\"a b\" a\"b c\".o x\\");
}

TEST(GnuResponseFile, WriterRoundTrips) {
  auto words = generatedWords(20000, 3);
  std::string file;
  for (const std::string &w : words) {
    std::string text;
    appendGnuResponseFileWord(text, w);
    EXPECT_EQ(texts(readGnuResponseFile(text)), Words{w}) << show(w);
    appendGnuResponseFileWord(file, w);
    file += '\n';
  }
  EXPECT_EQ(texts(readGnuResponseFile(file)), words);
}

TEST(Writers, MarksFollowTheTextTheyPointAt) {
  const std::string ph = "<generated-1>";
  for (std::string word : {"-optf=a b," + ph, ph + "\\x\"", "'" + ph + "'"}) {
    size_t at = word.find(ph);
    std::string out = "prefix ";
    std::vector<Mark> marks{{at, 7}};
    if (nvccOptionsFileCanHold(word)) {
      appendNvccOptionsFileWord(out, word, &marks);
      EXPECT_EQ(out.substr(marks[0].offset, ph.size()), ph) << out;
    }
    out = "prefix ";
    marks = {{at, 7}};
    appendGnuResponseFileWord(out, word, &marks);
    EXPECT_EQ(out.substr(marks[0].offset, ph.size()), ph) << out;
    EXPECT_EQ(marks[0].id, 7u);
  }
}
