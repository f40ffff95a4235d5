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
  rec.original.emplace_back("-c", "argv[1]");
  unsigned n = 0;
  for (const auto &w : quoting::readNvccVariable(value).words)
    rec.original.emplace_back(w.text,
                              "$NVCC_APPEND_FLAGS word " + std::to_string(++n));
  ASSERT_EQ(n, 6u);
  Environment env = explain::loggedEnvironment(
      rec, Environment({"PATH=/bin", "NVCC_APPEND_FLAGS=-DNOT_LOGGED"}));
  auto rebuilt = env.get("NVCC_APPEND_FLAGS");
  ASSERT_TRUE(rebuilt);
  std::vector<std::string> words, want;
  for (const auto &w : quoting::readNvccVariable(*rebuilt).words)
    words.push_back(w.text);
  for (size_t i = 1; i < rec.original.size(); ++i)
    want.push_back(rec.original[i].first);
  EXPECT_EQ(words, want);
  EXPECT_FALSE(env.get("NVCC_PREPEND_FLAGS"));
}
