#include "Environment.h"

#include <gtest/gtest.h>

using namespace cuwrap;

TEST(Environment, LastEditWinsAndOrderIsKept) {
  Environment env({"A=1", "PATH=/bin", "B=2"});
  Environment out = env.apply({{EnvEdit::Op::Set, "PATH", "/w:/bin"},
                               {EnvEdit::Op::Unset, "A"},
                               {EnvEdit::Op::Set, "NEW", "x"},
                               {EnvEdit::Op::Set, "NEW", "y"}});
  EXPECT_EQ(out.entries(),
            (std::vector<std::string>{"PATH=/w:/bin", "B=2", "NEW=y"}));
}

TEST(Environment, GetNeedsTheWholeName) {
  Environment env({"NVCC_CCBIN_X=1", "NVCC_CCBIN=", "X=a=b"});
  EXPECT_EQ(env.get("NVCC_CCBIN"), std::optional<llvm::StringRef>(""));
  EXPECT_FALSE(env.getNonEmpty("NVCC_CCBIN"));
  EXPECT_EQ(*env.get("X"), "a=b");
  EXPECT_FALSE(env.get("NVCC"));
}
