#include "CommandEditor.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace cuwrap;

TEST(NvccWords, QuotesGroupAndEverythingElseIsLiteral) {
  auto w = splitNvccWords("-DA=\"x y\" 'a b' \\n #c\n\"\"");
  std::vector<std::string> texts;
  for (auto &p : w)
    texts.push_back(p.first);
  EXPECT_EQ(texts, (std::vector<std::string>{"-DA=x y", "'a", "b'", "\\n", "#c", ""}));
  EXPECT_EQ(w.back().second, 2u); // line of the last word
}

TEST(NvccWords, QuotingRoundTrips) {
  for (std::string word : {"plain", "with space", "", "tab\there", "a'b"}) {
    std::string text;
    ASSERT_TRUE(quoteNvccWord(word, text));
    auto back = splitNvccWords(text);
    ASSERT_EQ(back.size(), 1u) << text;
    EXPECT_EQ(back[0].first, word);
  }
  std::string text;
  EXPECT_FALSE(quoteNvccWord("a\"b", text)); // nvcc cannot express it
}

TEST(CommandEditor, UntouchedWordsStayAsWritten) {
  CommandLine cmd;
  cmd.appendVariable("NVCC_PREPEND_FLAGS", "-O2 \"-DX=a b\"");
  cmd.appendArgv({"-c", "x.cu", "-ccbin", "clang++"});
  CommandEditor ed(cmd, true);
  ed.remove({4, 5}, "host-compiler", "test");
  ed.append({"-ccbin", "g++"}, "host-compiler", "test");
  Plan plan;
  ed.render(plan);
  EXPECT_EQ(plan.args, (std::vector<std::string>{"-c", "x.cu", "-ccbin", "g++"}));
  EXPECT_TRUE(plan.env.empty()); // the variable was not edited
  ASSERT_EQ(plan.edits.size(), 2u);
  EXPECT_EQ(plan.edits[0].where(), "argv[3]");
}

TEST(CommandEditor, AnEditedVariableIsRewrittenInNvccQuoting) {
  CommandLine cmd;
  cmd.appendVariable("NVCC_APPEND_FLAGS", "\"-DX=a b\" -ccbin=clang++");
  CommandEditor ed(cmd, true);
  ed.remove({1}, "host-compiler", "test");
  Plan plan;
  ed.render(plan);
  ASSERT_EQ(plan.env.size(), 1u);
  EXPECT_EQ(plan.env[0].name, "NVCC_APPEND_FLAGS");
  EXPECT_EQ(plan.env[0].value, "\"-DX=a b\"");
}

TEST(CommandEditor, AnEditedOptionsFileBecomesAGeneratedCopy) {
  llvm::SmallString<128> path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("cuwrap-ut", "optf", path));
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    os << "-O3 -ccbin clang++\n";
  }
  CommandLine cmd;
  cmd.appendArgv({"-optf", std::string(path) + ",other"});
  cmd.insertFile(Source::Kind::OptionsFile, path, 1, 0, 0, 2);
  ASSERT_EQ(cmd.words.size(), 5u);
  CommandEditor ed(cmd, true);
  ed.remove({3, 4}, "host-compiler", "test");
  Plan plan;
  ed.render(plan);
  ASSERT_EQ(plan.files.size(), 1u);
  EXPECT_EQ(plan.files[0].content, "-O3\n");
  EXPECT_EQ(plan.args, (std::vector<std::string>{"-optf", "<generated-1>,other"}));
  llvm::sys::fs::remove(path);
}
