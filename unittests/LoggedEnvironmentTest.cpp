// explain --from-log runs a logged nvcc call again with the variables
// rebuilt from the words the record says came from them: nvcc must read
// the same words from them (issue 12: `a"b c".o` came back as "ab c.o").
#include "FromLog.h"
#include "Quoting.h"

#include <gtest/gtest.h>

using namespace cuwrap;

TEST(LoggedEnvironment, RebuildsTheVariablesWordForWord) {
  const std::string value = "-o a\"b c\".o x\\y \"-DX=a b\" \"t\tab\" '#'";
  explain::LogRecord rec;
  auto &original = rec.record.original;
  original.push_back({"-c", Origin{Origin::Kind::Argv, "", 1}});
  unsigned n = 0;
  for (const auto &w : quoting::readNvccVariable(value).words)
    original.push_back(
        {w.text, Origin{Origin::Kind::EnvVar, "NVCC_APPEND_FLAGS", ++n}});
  ASSERT_EQ(n, 6u);
  Environment env = explain::loggedEnvironment(
      rec, Environment({"PATH=/bin", "NVCC_APPEND_FLAGS=-DNOT_LOGGED"}));
  auto rebuilt = env.get("NVCC_APPEND_FLAGS");
  ASSERT_TRUE(rebuilt);
  std::vector<std::string> words, want;
  for (const auto &w : quoting::readNvccVariable(*rebuilt).words)
    words.push_back(w.text);
  for (size_t i = 1; i < original.size(); ++i)
    want.push_back(original[i].text);
  EXPECT_EQ(words, want);
  EXPECT_FALSE(env.get("NVCC_PREPEND_FLAGS"));
}
