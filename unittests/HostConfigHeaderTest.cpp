#include "HostConfigHeader.h"

#include <gtest/gtest.h>

using namespace cuwrap;

// The shape of CUDA's crt/host_config.h: nested #if on compiler macros.
static const char *Header = R"(
#if defined(__GNUC__)
/* a comment
   spanning lines */
#if __GNUC__ > 15
#error -- unsupported GNU version! gcc versions later than 15 are not supported!
#elif __GNUC__ < 6 || (__GNUC__ == 6 && __GNUC_MINOR__ < 1)
#error -- too old
#endif
#endif
)";

TEST(HostConfigHeader, ReachesTheErrorForATooNewGcc) {
  Macros m{{"__GNUC__", "99"}, {"__GNUC_MINOR__", "0"}};
  auto errs = reachedErrors(Header, m);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].line, 6u);
  EXPECT_NE(errs[0].message.find("later than 15"), std::string::npos);
  EXPECT_EQ(errs[0].condition, "__GNUC__ > 15");
}

TEST(HostConfigHeader, ASupportedGccReachesNothing) {
  Macros m{{"__GNUC__", "12"}, {"__GNUC_MINOR__", "2"}};
  EXPECT_TRUE(reachedErrors(Header, m).empty());
  Macros old{{"__GNUC__", "6"}, {"__GNUC_MINOR__", "0"}};
  EXPECT_EQ(reachedErrors(Header, old).size(), 1u);
  EXPECT_TRUE(reachedErrors(Header, Macros{}).empty()); // not GNU at all
}
