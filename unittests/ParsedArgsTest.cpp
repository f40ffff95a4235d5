// How files are found and read while parsing: one pass, each list the
// tool reads on its own parsed on its own, no silent limits.
#include "LdOptTable.h"
#include "NvccOptTable.h"
#include "ParsedArgs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace cuwrap;

namespace {
struct TempDir {
  llvm::SmallString<128> path;
  TempDir() { EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("cuwrap-ut", path)); }
  ~TempDir() { llvm::sys::fs::remove_directories(path); }
  std::string file(llvm::StringRef name, llvm::StringRef content) const {
    llvm::SmallString<128> p = path;
    llvm::sys::path::append(p, name);
    std::error_code ec;
    llvm::raw_fd_ostream os(p, ec);
    os << content;
    return std::string(p);
  }
};

std::vector<std::string> options(const ParsedArgs &p) {
  std::vector<std::string> out;
  for (const ParsedOption &o : p.describe(0)) {
    std::string s = o.option;
    for (auto &v : o.values)
      s += " " + v;
    out.push_back(s);
  }
  return out;
}

const FileOptions NvccFiles{nvcc::OPT_INPUT, nvcc::OPT_options_file,
                            FileOptions::AtFiles::Inputs};
} // namespace

// Issue 12: after 257 files the rest passed through unread.
TEST(ParsedArgs, ThreeHundredResponseFilesAreAllRead) {
  TempDir d;
  std::vector<std::string> argv{"-c", "x.cu"};
  for (int i = 0; i < 300; ++i)
    argv.push_back("@" + d.file(fmt::format("f{}.rsp", i), fmt::format("-DF{}", i)));
  CommandLine cmd;
  cmd.appendArgv(argv);
  ParsedArgs p;
  p.parse(cmd, nvcc::optTable(), NvccFiles);
  EXPECT_TRUE(cmd.warnings.empty());
  ASSERT_EQ(cmd.sources.size(), 301u);
  EXPECT_EQ(cmd.words.back().text, "-DF299");
  EXPECT_EQ(p.list().getAllArgValues(nvcc::OPT_define_macro).size(), 300u);
}

// Issue 12: an empty word after an @file was taken for its name.
TEST(ParsedArgs, AnEmptyWordIsAnInputNotAFileName) {
  TempDir d;
  std::string rsp = d.file("a.rsp", "-DA");
  CommandLine cmd;
  cmd.appendArgv({"@" + rsp, "", "-c"});
  ParsedArgs p;
  p.parse(cmd, nvcc::optTable(), NvccFiles);
  EXPECT_TRUE(cmd.warnings.empty()) << cmd.warnings.front();
  EXPECT_EQ(options(p), (std::vector<std::string>{"<input> @" + rsp,
                                                  "define-macro A", "<input> ",
                                                  "compile"}));
}

// Issue 12: a depth cap of 32 reported deep chains as "includes itself".
TEST(ParsedArgs, ADeepChainIsNotACycle) {
  TempDir d;
  const int depth = 2000;
  for (int i = 0; i < depth; ++i)
    d.file(fmt::format("o{}.optf", i),
           i + 1 < depth ? fmt::format("-DD{} -optf {}/o{}.optf", i, d.path.str().str(), i + 1)
                         : std::string("-DLAST"));
  CommandLine cmd;
  cmd.appendArgv({"-optf", d.path.str().str() + "/o0.optf", "-c"});
  ParsedArgs p;
  p.parse(cmd, nvcc::optTable(), NvccFiles);
  for (const std::string &w : cmd.warnings)
    EXPECT_EQ(w.find("includes itself"), std::string::npos) << w;
  // nvcc itself stops at the 16th nested file: said once.
  ASSERT_EQ(cmd.warnings.size(), 1u);
  EXPECT_NE(cmd.warnings[0].find("Too many options file opened"), std::string::npos);
  EXPECT_EQ(cmd.words.back().text, "-c");
  EXPECT_EQ(p.list().getAllArgValues(nvcc::OPT_define_macro).back(), "LAST");

  // A real cycle, through another name of the same file.
  std::string loop = d.file("loop.optf", "-DL -optf " + d.path.str().str() + "/./loop.optf");
  CommandLine cyc;
  cyc.appendArgv({"-optf", loop});
  ParsedArgs q;
  q.parse(cyc, nvcc::optTable(), NvccFiles);
  ASSERT_EQ(cyc.warnings.size(), 1u);
  EXPECT_NE(cyc.warnings[0].find("includes itself"), std::string::npos);
}

// Observed: an option ending an options file lacks its value even when
// argv goes on ("argument expected after '-o'"); nvcc reads the file as a
// list of its own. `-o` ending argv takes its value from NVCC_APPEND_FLAGS.
TEST(ParsedArgs, AnOptionsFileIsAListOfItsOwn) {
  TempDir d;
  std::string f = d.file("dang.optf", "-DA -o");
  CommandLine cmd;
  cmd.appendArgv({"-optf", f, "x.out", "-o"});
  cmd.appendVariable("NVCC_APPEND_FLAGS", "y.out -DB");
  ParsedArgs p;
  p.parse(cmd, nvcc::optTable(), NvccFiles);
  EXPECT_EQ(options(p), (std::vector<std::string>{"options-file " + f,
                                                  "define-macro A",
                                                  "<input> x.out",
                                                  "output-file y.out",
                                                  "define-macro B"}));
  ASSERT_EQ(p.danglingWords().size(), 1u);
  EXPECT_EQ(cmd.words[p.danglingWords()[0]].text, "-o");
  EXPECT_EQ(cmd.words[p.danglingWords()[0]].origin.kind, Origin::Kind::OptionsFile);
  // Words cuwrap appends go before the argv `-o`, not between it and y.out.
  ASSERT_GE(cmd.appendBefore, 0);
  EXPECT_EQ(cmd.words[cmd.appendBefore].text, "-o");
  EXPECT_EQ(cmd.words[cmd.appendBefore].origin.kind, Origin::Kind::Argv);
}

TEST(ParsedArgs, AnOptionLackingItsValueAtTheEndKeepsLackingIt) {
  CommandLine cmd;
  cmd.appendArgv({"-c", "x.cu", "-ccbin"});
  ParsedArgs p;
  p.parse(cmd, nvcc::optTable(), NvccFiles);
  ASSERT_EQ(p.danglingWords(), std::vector<unsigned>{2});
  EXPECT_EQ(p.danglingWarnings(cmd),
            std::vector<std::string>{"'-ccbin' (argv[3]) lacks its value"});
  EXPECT_EQ(cmd.appendBefore, 2);
}

// GNU tools splice an @file's words in place before parsing options, so
// one named where a value goes gives the value (libiberty's expandargv
// expands every argv word starting with @).
TEST(ParsedArgs, GnuResponseFilesAreSplicedAnywhere) {
  TempDir d;
  std::string out = d.file("out.rsp", "'a b.out' -L/x");
  CommandLine cmd;
  cmd.appendArgv({"-o", "@" + out, "x.o"});
  ParsedArgs p;
  p.parse(cmd, ld::optTable(), {ld::OPT_INPUT});
  EXPECT_EQ(options(p), (std::vector<std::string>{"o a b.out",
                                                  "<input> @" + out,
                                                  "L /x",
                                                  "<input> x.o"}));
  const llvm::opt::Arg *o = p.list().getLastArg(ld::OPT_output);
  ASSERT_TRUE(o);
  EXPECT_EQ(p.span(*o), (std::vector<unsigned>{0, 2}));
  // nvcc: only where an input goes (`-Xlinker @f` is for the host linker).
  CommandLine n;
  n.appendArgv({"-Xlinker", "@" + out, "@" + out});
  ParsedArgs q;
  q.parse(n, nvcc::optTable(), NvccFiles);
  EXPECT_EQ(options(q), (std::vector<std::string>{"linker-options @" + out,
                                                  "<input> @" + out,
                                                  "<input> a b.out",
                                                  "library-path /x"}));
}

// A response file that ends inside an argument cannot become an nvcc
// options file (nvcc would read the argument cut short).
TEST(ParsedArgs, AResponseFileEndingInsideAnArgumentIsMarked) {
  TempDir d;
  std::string cut = d.file("cut.rsp", "-DA -o");
  std::string whole = d.file("whole.rsp", "-DB");
  CommandLine cmd;
  cmd.appendArgv({"@" + cut, "x.o", "@" + whole});
  ParsedArgs p;
  p.parse(cmd, nvcc::optTable(), NvccFiles);
  ASSERT_EQ(cmd.sources.size(), 3u);
  EXPECT_TRUE(cmd.sources[1].straddles);
  EXPECT_FALSE(cmd.sources[2].straddles);
  EXPECT_TRUE(p.danglingWords().empty());
}

// Endless files: a bounded read and a warning naming the file.
TEST(ParsedArgs, EndlessFilesAreReadBoundedly) {
  CommandLine cmd;
  cmd.appendArgv({"-optf", "/dev/zero", "-c"});
  ParsedArgs p;
  ReadLimits small;
  small.bytes = 1 << 20;
  p.parse(cmd, nvcc::optTable(), NvccFiles, small);
  ASSERT_EQ(cmd.warnings.size(), 1u);
  EXPECT_NE(cmd.warnings[0].find("/dev/zero"), std::string::npos);
  EXPECT_EQ(cmd.sources.size(), 1u);
  // GNU tools read /dev/zero as empty (they take its size): so does cuwrap.
  CommandLine ld;
  ld.appendArgv({"@/dev/zero", "x.o"});
  ParsedArgs q;
  q.parse(ld, ld::optTable(), {ld::OPT_INPUT});
  EXPECT_TRUE(ld.warnings.empty());
  EXPECT_EQ(ld.sources.size(), 2u);
}
