// explain --from-log reads a logged call's words from its record: a
// response or options file's words in its place (gcc's @/tmp/cc* is gone
// after the link; CMake's options files are relative to the build), and
// follows the chain through them.
#include "FromLog.h"

#include "llvm/Support/VirtualFileSystem.h"

#include <gtest/gtest.h>

using namespace cuwrap;
using namespace cuwrap::explain;

namespace {

RecordWord argv(std::string text, unsigned i) {
  return {std::move(text), Origin{Origin::Kind::Argv, "", i}};
}
RecordWord rsp(std::string text, std::string file, unsigned line) {
  return {std::move(text), Origin{Origin::Kind::ResponseFile, file, line}};
}
RecordWord optf(std::string text, std::string file, unsigned line) {
  return {std::move(text), Origin{Origin::Kind::OptionsFile, file, line}};
}

std::string show(const std::vector<RecordWord> &words) {
  std::string out;
  for (const RecordWord &w : words)
    out += w.text + " [" + w.origin.str() + "]\n";
  return out;
}

} // namespace

TEST(FromLogWords, ResponseFilesInTheirPlaceNestedToo) {
  LogRecord rec;
  rec.record.original = {
      argv("@/tmp/ccA", 1),      rsp("-o", "/tmp/ccA", 1),
      rsp("app", "/tmp/ccA", 2), rsp("a.o", "/tmp/ccA", 3),
      rsp("@objs", "/tmp/ccA", 4), rsp("b.o", "objs", 1),
      rsp("-lfoo", "/tmp/ccA", 5), argv("@missing", 2)};
  // The @file that could not be read stays a word: ld reports it.
  EXPECT_EQ(show(wordsAsRead(rec.record.original)),
            "-o [response file /tmp/ccA:1]\n"
            "app [response file /tmp/ccA:2]\n"
            "a.o [response file /tmp/ccA:3]\n"
            "b.o [response file objs:1]\n"
            "-lfoo [response file /tmp/ccA:5]\n"
            "@missing [argv[2]]\n");
  // What ran: the same @file, and the runpath rule's words after it.
  EXPECT_EQ(show(plannedWords(rec, {"@/tmp/ccA", "@missing", "-rpath", "/x"})),
            "-o [response file /tmp/ccA:1]\n"
            "app [response file /tmp/ccA:2]\n"
            "a.o [response file /tmp/ccA:3]\n"
            "b.o [response file objs:1]\n"
            "-lfoo [response file /tmp/ccA:5]\n"
            "@missing [argv[2]]\n"
            "-rpath [argv[3]]\n"
            "/x [argv[4]]\n");
}

TEST(FromLogWords, NvccOptionsFilesEverySpelling) {
  LogRecord rec;
  rec.record.original = {
      argv("-dlink", 1),        argv("--options-file", 2),
      argv("CMakeFiles/objs", 3), optf("a.o", "CMakeFiles/objs", 1),
      optf("b.o", "CMakeFiles/objs", 1), argv("-optf=libs.rsp", 4),
      optf("-lcudadevrt", "libs.rsp", 1), argv("-o", 5), argv("dl.o", 6)};
  EXPECT_EQ(show(wordsAsRead(rec.record.original)),
            "-dlink [argv[1]]\n"
            "a.o [options file CMakeFiles/objs:1]\n"
            "b.o [options file CMakeFiles/objs:1]\n"
            "-lcudadevrt [options file libs.rsp:1]\n"
            "-o [argv[5]]\n"
            "dl.o [argv[6]]\n");
  // A generated file (/dev/fd/N, made again by the caller) is read by the
  // parse; the user's files come from the record.
  EXPECT_EQ(show(plannedWords(rec, {"-dlink", "--options-file",
                                    "CMakeFiles/objs", "-optf=libs.rsp", "-o",
                                    "dl.o", "-optf", "/dev/fd/5"})),
            "-dlink [argv[1]]\n"
            "a.o [options file CMakeFiles/objs:1]\n"
            "b.o [options file CMakeFiles/objs:1]\n"
            "-lcudadevrt [options file libs.rsp:1]\n"
            "-o [argv[5]]\n"
            "dl.o [argv[6]]\n"
            "-optf [argv[7]]\n"
            "/dev/fd/5 [argv[8]]\n");
}

TEST(FromLogWords, TheChainGoesThroughVanishedResponseFiles) {
  // nvcc -dc a.cu, nvcc -dlink from an options file, and the ld that gcc
  // ran with everything in @/tmp/ccZ (long gone).
  const char *log =
      R"({"personality":"nvcc","phase":"device-compile","cwd":"/b","output":"a.o","original":[{"arg":"-dc","origin":"argv[1]"},{"arg":"/s/a.cu","origin":"argv[2]"},{"arg":"-o","origin":"argv[3]"},{"arg":"a.o","origin":"argv[4]"}],"program":"/cuda/bin/nvcc","argv":["-dc","/s/a.cu","-o","a.o"]})"
      "\n"
      R"({"personality":"nvcc","phase":"compile","cwd":"/b","output":"other.o","original":[{"arg":"-c","origin":"argv[1]"},{"arg":"/s/other.cu","origin":"argv[2]"}],"program":"/cuda/bin/nvcc","argv":["-c","/s/other.cu"]})"
      "\n"
      R"({"personality":"nvcc","phase":"device-link","cwd":"/b","output":"dl.o","original":[{"arg":"-dlink","origin":"argv[1]"},{"arg":"--options-file","origin":"argv[2]"},{"arg":"objs","origin":"argv[3]"},{"arg":"a.o","origin":{"kind":"options-file","file":"objs","line":1}},{"arg":"-o","origin":"argv[4]"},{"arg":"dl.o","origin":"argv[5]"}],"program":"/cuda/bin/nvcc","argv":["-dlink","--options-file","objs","-o","dl.o"]})"
      "\n"
      R"({"personality":"ld","phase":"executable","cwd":"/b","original":[{"arg":"@/tmp/ccZ","origin":"argv[1]"},{"arg":"-o","origin":{"kind":"response-file","file":"/tmp/ccZ","line":1}},{"arg":"app","origin":{"kind":"response-file","file":"/tmp/ccZ","line":2}},{"arg":"a.o","origin":{"kind":"response-file","file":"/tmp/ccZ","line":3}},{"arg":"dl.o","origin":{"kind":"response-file","file":"/tmp/ccZ","line":4}}],"program":"/usr/bin/ld","argv":["@/tmp/ccZ"]})"
      "\n";
  Config config;
  Environment env;
  Paths paths;
  auto fs = llvm::vfs::getRealFileSystem();
  RuleContext ctx(config, env, paths, *fs);
  auto records = readLog(log, ctx);
  ASSERT_TRUE(bool(records)) << llvm::toString(records.takeError());
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[3].output, "/b/app");
  EXPECT_EQ((*records)[3].inputs,
            (std::vector<std::string>{"/b/a.o", "/b/dl.o"}));
  EXPECT_EQ((*records)[2].inputs, std::vector<std::string>{"/b/a.o"});
  std::vector<unsigned> lines;
  for (const LogRecord *r : followChain(*records, "/b/app"))
    lines.push_back(r->line);
  EXPECT_EQ(lines, (std::vector<unsigned>{1, 3, 4}));
}
