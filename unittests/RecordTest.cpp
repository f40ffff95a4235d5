// The record's JSON schema (lib/Record.cpp): what the wrapper writes reads
// back as the same typed Record, bytes that are not UTF-8 included; version
// 1 records (origins as text) still read; broken ones say where.
#include "Record.h"
#include "RecordView.h"

#include <gtest/gtest.h>

using namespace cuwrap;

namespace {

const std::string Latin1 = "caf\xe9"; // not UTF-8

Record sample() {
  Record r;
  r.context = RecordContext{"2026-01-02T03:04:05.678Z", "/build/" + Latin1, 42};
  r.personality = "nvcc";
  r.phase = "compile";
  r.modifiers = {"dryrun"};
  r.output = Latin1 + ".o";
  r.original = {
      {"-c", {Origin::Kind::Argv, "", 1}},
      {Latin1 + ".cu", {Origin::Kind::Argv, "", 2}},
      {"-O2", {Origin::Kind::EnvVar, "NVCC_APPEND_FLAGS", 1}},
      {"-DX", {Origin::Kind::OptionsFile, "dir/" + Latin1 + ".optf", 3}},
      {"-Irsp", {Origin::Kind::ResponseFile, "a.rsp", 1}},
  };
  r.parsed = std::vector<ParsedOption>{{"compile", {}, {0}},
                                       {"<input>", {Latin1 + ".cu"}, {1}}};
  r.program = "/cuda/bin/nvcc";
  r.argv = {"-c", Latin1 + ".cu", "-ccbin", "/usr/bin/g++"};
  r.env = {{EnvEdit::Op::Set, "PATH", "/w:" + Latin1, "child-path", "why"},
           {EnvEdit::Op::Unset, "INCLUDES", "", "outer-nvcc-env", "why"}};
  r.files = {{"/dev/fd/3", "-DX\n" + Latin1 + "\n", Latin1 + ".rsp"}};
  r.edits = {
      {"host-compiler", Edit::Action::Add, {}, {"-ccbin", "/usr/bin/g++"},
       std::nullopt, Edit::Placement::End, "the configured one"},
      {"host-compiler", Edit::Action::Env, {"NVCC_CCBIN=clang++"}, {},
       Origin{Origin::Kind::EnvVar, "NVCC_CCBIN", 0}, Edit::Placement::At,
       "a competing host compiler"},
      {"wl-to-xlinker", Edit::Action::Replace, {"-Wl,-rpath," + Latin1},
       {"-Xlinker", "-rpath", "-Xlinker", Latin1},
       Origin{Origin::Kind::Argv, "", 3}, Edit::Placement::Before,
       "replaces -Wl,-rpath," + Latin1},
  };
  r.warnings = {"something " + Latin1};
  return r;
}

void expectSame(const Record &a, const Record &b) {
  EXPECT_EQ(recordJSON(a), recordJSON(b));
  ASSERT_EQ(a.original.size(), b.original.size());
  for (size_t i = 0; i < a.original.size(); ++i) {
    EXPECT_EQ(a.original[i].text, b.original[i].text);
    EXPECT_EQ(a.original[i].origin, b.original[i].origin);
  }
  ASSERT_EQ(a.edits.size(), b.edits.size());
  for (size_t i = 0; i < a.edits.size(); ++i) {
    EXPECT_EQ(a.edits[i].where(), b.edits[i].where());
    EXPECT_EQ(a.edits[i].action, b.edits[i].action);
    EXPECT_EQ(a.edits[i].added, b.edits[i].added);
    EXPECT_EQ(a.edits[i].reason, b.edits[i].reason);
  }
  EXPECT_EQ(a.argv, b.argv);
  EXPECT_EQ(a.files[0].content, b.files[0].content);
  EXPECT_EQ(a.env[0].value, b.env[0].value);
  EXPECT_EQ(a.context->cwd, b.context->cwd);
}

} // namespace

TEST(Record, RoundTripKeepsEveryByte) {
  Record r = sample();
  std::string line = recordJSON(r);
  // One line of valid JSON, no byte of the Latin-1 text replaced.
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.find("\xef\xbf\xbd"), std::string::npos); // U+FFFD
  EXPECT_NE(line.find("{\"bytes\":\"636166e9\"}"), std::string::npos);
  auto back = parseRecord(line);
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  expectSame(r, *back);
}

TEST(Record, StreamAndTreeAgree) {
  Record r = sample();
  // The pretty-printed tree lists keys in the streamed order.
  std::string tree = llvm::formatv("{0}", toJSON(r)).str();
  EXPECT_EQ(tree, recordJSON(r));
}

TEST(Record, OriginsAreObjects) {
  Record r = sample();
  std::string line = recordJSON(r);
  EXPECT_NE(line.find("{\"index\":1,\"kind\":\"argv\"}"), std::string::npos);
  EXPECT_NE(line.find("{\"kind\":\"env\",\"variable\":\"NVCC_APPEND_FLAGS\","
                      "\"word\":1}"),
            std::string::npos);
  EXPECT_NE(line.find("\"kind\":\"options-file\",\"line\":3"), std::string::npos);
  EXPECT_NE(line.find("\"placement\":\"end\""), std::string::npos);
}

TEST(Record, VersionOneStillReads) {
  const char *v1 =
      R"({"argv":["-c","a.cu"],"edits":[{"action":"add","added":["-ccbin","g++"],)"
      R"("origin":"end of argv","reason":"r","removed":[],"rule":"host-compiler"},)"
      R"({"action":"add","added":["-x"],"origin":"before argv[2]","reason":"r",)"
      R"("removed":[],"rule":"r2"}],"original":[{"arg":"-c","origin":"argv[1]"},)"
      R"({"arg":"-O2","origin":"$NVCC_APPEND_FLAGS word 1"},)"
      R"({"arg":"-DX","origin":"options file f.optf:4"}],)"
      R"("personality":"nvcc","phase":"compile","program":"/n","version":1})";
  auto r = parseRecord(v1);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->version, 1);
  EXPECT_EQ(r->original[0].origin, (Origin{Origin::Kind::Argv, "", 1}));
  EXPECT_EQ(r->original[1].origin,
            (Origin{Origin::Kind::EnvVar, "NVCC_APPEND_FLAGS", 1}));
  EXPECT_EQ(r->original[2].origin,
            (Origin{Origin::Kind::OptionsFile, "f.optf", 4}));
  EXPECT_EQ(r->edits[0].where(), "end of argv");
  EXPECT_EQ(r->edits[1].where(), "before argv[2]");
  EXPECT_EQ(r->edits[1].placement, Edit::Placement::Before);
}

TEST(Record, ErrorsSayWhere) {
  auto missing = parseRecord(R"({"phase":"compile"})");
  ASSERT_FALSE(bool(missing));
  EXPECT_EQ(llvm::toString(missing.takeError()),
            "missing value at record.personality");
  auto badOrigin = parseRecord(
      R"({"personality":"ld","original":[{"arg":"x","origin":{"kind":"moon"}}]})");
  ASSERT_FALSE(bool(badOrigin));
  EXPECT_EQ(llvm::toString(badOrigin.takeError()),
            "unknown value at record.original[0].origin.kind");
  auto badBytes = parseRecord(R"({"personality":"ld","argv":[{"bytes":"zz"}]})");
  ASSERT_FALSE(bool(badBytes));
  EXPECT_EQ(llvm::toString(badBytes.takeError()),
            "expected hexadecimal digits at record.argv[0].bytes");
}

TEST(Record, DeepNestingIsAnErrorNotACrash) {
  std::string deep = std::string(50000, '[') + std::string(50000, ']');
  auto r = parseRecord(deep);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("nested more than"),
            std::string::npos);
}

TEST(Record, FactsViewNamesOrigins) {
  std::string facts = factsText(sample());
  EXPECT_NE(facts.find("arg <input> = bytes:636166e92e6375 <- "
                       "bytes:636166e92e6375 @ argv[2]"),
            std::string::npos)
      << facts;
  EXPECT_NE(facts.find("edit: host-compiler env NVCC_CCBIN=clang++ ->  "
                       "[$NVCC_CCBIN]"),
            std::string::npos)
      << facts;
}
