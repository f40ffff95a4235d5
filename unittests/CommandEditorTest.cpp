#include "CommandEditor.h"
#include "Exec.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

using namespace cuwrap;

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

namespace {
std::string writeTemp(llvm::StringRef content, llvm::StringRef suffix) {
  llvm::SmallString<128> path;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("cuwrap-ut", suffix, path));
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  os << content;
  return std::string(path);
}
std::string readFd(llvm::StringRef devFd) {
  auto buf = llvm::MemoryBuffer::getFile(devFd, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false,
                                         /*IsVolatile=*/true);
  return buf ? (*buf)->getBuffer().str() : "<unreadable>";
}
} // namespace

// Issue 12: `-o a\ b.o` in an options file reached nvcc as `a<newline>b.o`
// after a rewrite. The rewritten file now reads back the same words.
TEST(CommandEditor, ARewrittenOptionsFileReadsBackTheSameWords) {
  std::string path = writeTemp("-o a\\ b.o -ccbin clang++ \"-DQ=x\\\\\" a\\\\\\\"b\n", "optf");
  CommandLine cmd;
  cmd.appendArgv({"-optf", path});
  cmd.insertFile(Source::Kind::OptionsFile, path, 1, 0, 0, 2);
  ASSERT_EQ(cmd.words.size(), 8u);
  EXPECT_EQ(cmd.words[3].text, "a b.o");
  // Observed: a closing quote right after `\\` stays in the word.
  EXPECT_EQ(cmd.words[6].text, "-DQ=x\\\"");
  EXPECT_EQ(cmd.words[7].text, "a\\\"b");
  CommandEditor ed(cmd, true);
  ed.remove({4, 5}, "host-compiler", "test");
  Plan plan;
  ed.render(plan);
  ASSERT_EQ(plan.files.size(), 1u);
  auto back = quoting::readNvccOptionsFile(plan.files[0].content);
  ASSERT_FALSE(back.error);
  std::vector<std::string> words;
  for (auto &w : back.words)
    words.push_back(w.text);
  EXPECT_EQ(words, (std::vector<std::string>{"-o", "a b.o", "-DQ=x\\\"", "a\\\"b"}));
  llvm::sys::fs::remove(path);
}

// Issue 12: `a"b c".o` in NVCC_APPEND_FLAGS became `"ab c.o"` when the
// variable was rewritten. The variable keeps its words verbatim.
TEST(CommandEditor, ARewrittenVariableKeepsItsWordsVerbatim) {
  CommandLine cmd;
  cmd.appendArgv({"-c", "x.cu"});
  cmd.appendVariable("NVCC_APPEND_FLAGS", "-o a\"b c\".o -ccbin clang++ x\\y");
  ASSERT_EQ(cmd.words.size(), 7u);
  CommandEditor ed(cmd, true);
  ed.remove({4, 5}, "host-compiler", "test");
  Plan plan;
  ed.render(plan);
  ASSERT_EQ(plan.env.size(), 1u);
  EXPECT_EQ(plan.env[0].value, "-o a\"b c\".o x\\y");
}

// A word the variable cannot hold (no escapes: a space outside a group)
// is not changed to fit: the variable's words move onto argv, at the end
// nvcc reads them in (it reads PREPEND, argv and APPEND as one list).
TEST(CommandEditor, WordsAVariableCannotHoldMoveOntoArgv) {
  CommandLine cmd;
  cmd.appendVariable("NVCC_PREPEND_FLAGS", "-DP");
  cmd.appendArgv({"-c", "x.cu"});
  cmd.appendVariable("NVCC_APPEND_FLAGS", "-Xcompiler -Wall -DA");
  CommandEditor ed(cmd, true);
  ed.replace({4}, {"-Wall -Wextra"}, "test", "test");
  ed.append({"-ccbin", "g++"}, "test", "test");
  Plan plan;
  ed.render(plan);
  EXPECT_EQ(plan.args, (std::vector<std::string>{"-c", "x.cu", "-ccbin", "g++",
                                                 "-Xcompiler", "-Wall -Wextra",
                                                 "-DA"}));
  ASSERT_EQ(plan.env.size(), 1u);
  EXPECT_EQ(plan.env[0].op, EnvEdit::Op::Unset);
  EXPECT_EQ(plan.env[0].name, "NVCC_APPEND_FLAGS");
  ASSERT_FALSE(plan.warnings.empty());
}

// Issue 12: a user word holding cuwrap's placeholder text stays as
// written; only the places cuwrap put a file name get one.
TEST(CommandEditor, AUserWordThatLooksLikeAPlaceholderStays) {
  std::string path = writeTemp("-DA -ccbin clang++\n", "optf");
  CommandLine cmd;
  cmd.appendArgv({"-D<generated-1>", "-optf", path, "<generated-1>"});
  cmd.insertFile(Source::Kind::OptionsFile, path, 2, 0, 0, 3);
  CommandEditor ed(cmd, true);
  ed.remove({4, 5}, "host-compiler", "test");
  Plan plan;
  ed.render(plan);
  ASSERT_EQ(plan.args.size(), 4u);
  ASSERT_FALSE(llvm::Error(materializeFiles(plan)));
  EXPECT_EQ(plan.args[0], "-D<generated-1>");
  EXPECT_EQ(plan.args[3], "<generated-1>");
  EXPECT_EQ(llvm::StringRef(plan.args[2]).startswith("/dev/fd/"), true);
  EXPECT_EQ(readFd(plan.args[2]), "-DA\n");
  llvm::sys::fs::remove(path);
}

// A response file translated for nvcc: the words libiberty reads are the
// words nvcc reads from the options file (issue 12: `'a\\b.o'` reached nvcc
// as `ab.o`); one with a `"` nvcc's files cannot hold goes onto argv.
TEST(CommandEditor, AResponseFileBecomesAnOptionsFileWithTheSameWords) {
  std::string rsp = writeTemp("-o 'a\\\\b.o' \"\" 'x y' -DZ=\\\"s\\\"\n", "rsp");
  CommandLine cmd;
  cmd.appendArgv({"-c", "@" + rsp});
  cmd.insertFile(Source::Kind::ResponseFile, rsp, 1, 0, 1, 2);
  ASSERT_EQ(cmd.words.size(), 7u);
  EXPECT_EQ(cmd.words[3].text, "a\\b.o");
  EXPECT_EQ(cmd.words[6].text, "-DZ=\"s\"");
  {
    CommandEditor ed(cmd, true);
    Plan plan;
    ed.render(plan);
    EXPECT_EQ(plan.args, (std::vector<std::string>{"-c", "-o", "a\\b.o", "",
                                                   "x y", "-DZ=\"s\""}));
  }
  CommandLine cmd2;
  cmd2.appendArgv({"-c", "@" + rsp});
  cmd2.insertFile(Source::Kind::ResponseFile, rsp, 1, 0, 1, 2);
  CommandEditor ed2(cmd2, true);
  ed2.remove({6}, "test", "test");
  Plan plan;
  ed2.render(plan);
  ASSERT_EQ(plan.files.size(), 1u);
  auto back = quoting::readNvccOptionsFile(plan.files[0].content);
  std::vector<std::string> words;
  for (auto &w : back.words)
    words.push_back(w.text);
  EXPECT_EQ(words, (std::vector<std::string>{"-o", "a\\b.o", "", "x y"}));
  EXPECT_EQ(plan.args, (std::vector<std::string>{"-c", "-optf", "<generated-1>"}));
  llvm::sys::fs::remove(rsp);
}

// E2BIG: whole arguments move into an options file, from the end of the
// line, and an argument that goes on after argv (`-o` whose value is in
// NVCC_APPEND_FLAGS) stays where it is.
TEST(Exec, ALineTooLongMovesWholeArgumentsIntoAFile) {
  struct rlimit old;
  ASSERT_EQ(getrlimit(RLIMIT_STACK, &old), 0);
  struct rlimit small = old;
  small.rlim_cur = 512 * 1024; // an argument limit of 128 KiB
  ASSERT_EQ(setrlimit(RLIMIT_STACK, &small), 0);
  ASSERT_EQ(execLimit(), 128u * 1024);
  Plan plan;
  plan.program = "/bin/true";
  for (int i = 0; i < 700; ++i) {
    plan.args.push_back("-Xcompiler");
    plan.args.push_back(fmt::format("-DV{}={}", i, std::string(200, 'x')));
    plan.argumentStarts.push_back(true);
    plan.argumentStarts.push_back(false);
  }
  plan.args.push_back("-o");
  plan.argumentStarts.push_back(true);
  plan.argumentStarts.push_back(false); // -o takes its value after argv
  std::vector<std::string> before = plan.args;
  ASSERT_FALSE(llvm::Error(materializeFiles(plan, Environment(), "nvcc")));
  setrlimit(RLIMIT_STACK, &old);

  EXPECT_LE(execSize(plan.program, plan.args,
                     execEnvironment(plan, Environment(), "nvcc").entries()),
            128u * 1024);
  ASSERT_EQ(plan.files.size(), 1u);
  ASSERT_EQ(plan.edits.size(), 1u);
  EXPECT_EQ(plan.edits[0].rule, "argument-limit");
  EXPECT_EQ(plan.args.back(), "-o");
  ASSERT_GE(plan.args.size(), 3u);
  EXPECT_EQ(plan.args[plan.args.size() - 3], "-optf");
  EXPECT_EQ(plan.args[plan.args.size() - 2], plan.files[0].placeholder);
  // The words, in order: those left on argv, then the file's, then -o.
  auto moved = quoting::readNvccOptionsFile(readFd(plan.files[0].placeholder));
  std::vector<std::string> after(plan.args.begin(), plan.args.end() - 3);
  EXPECT_EQ(after.size() % 2, 0u); // no argument was cut
  for (auto &w : moved.words)
    after.push_back(w.text);
  after.push_back("-o");
  EXPECT_EQ(after, before);
}

// ld reads @files itself (libiberty): one a rule edits is written anew in
// that syntax, and libiberty reads back the same words.
TEST(CommandEditor, AnEditedGnuResponseFileIsWrittenInGnuSyntax) {
  std::string rsp = writeTemp("x.o 'a b.o' \"\" -rpath /bad 'q\\\\z' \f\n", "rsp");
  CommandLine cmd;
  cmd.appendArgv({"-o", "app", "@" + rsp});
  cmd.insertFile(Source::Kind::ResponseFile, rsp, 2, 0, 1, 3);
  ASSERT_EQ(cmd.words.size(), 9u);
  CommandEditor ed(cmd, /*translateResponseFiles=*/false);
  ed.remove({6, 7}, "test", "test");
  Plan plan;
  ed.render(plan);
  ASSERT_EQ(plan.files.size(), 1u);
  EXPECT_EQ(plan.args, (std::vector<std::string>{"-o", "app", "@<generated-1>"}));
  std::vector<std::string> back;
  for (auto &w : quoting::readGnuResponseFile(plan.files[0].content).words)
    back.push_back(w.text);
  EXPECT_EQ(back, (std::vector<std::string>{"x.o", "a b.o", "", "q\\z"}));
  ASSERT_FALSE(llvm::Error(materializeFiles(plan)));
  EXPECT_EQ(plan.args[2], "@" + plan.files[0].placeholder);
  llvm::sys::fs::remove(rsp);
}
