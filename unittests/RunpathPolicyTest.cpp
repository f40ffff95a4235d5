#include "RunpathPolicy.h"

#include <gtest/gtest.h>

using namespace cuwrap;

static std::vector<std::string> dirs(const std::vector<RunpathEntry> &es) {
  std::vector<std::string> out;
  for (auto &e : es)
    out.push_back(e.dir);
  return out;
}

TEST(RunpathPolicy, CompatBeforeDriverNoStubsNoDuplicates) {
  RunpathConfig cfg;
  cfg.driverDir = "/run/opengl-driver/lib";
  cfg.compatDir = "/compat/lib";
  cfg.cudartDir = "/cuda/lib";
  cfg.prefixes = {"/cuda", "/nix/store"};
  LinkFacts f;
  f.linksCuda = true;
  f.cudartShared = true;
  f.userRpaths = {"/mine", "/run/opengl-driver/lib"};
  f.sharedLibDirs = {"/cuda/lib/stubs", "/cuda/lib", "/nix/store/x-foo/lib",
                     "/usr/lib"};
  EXPECT_EQ(dirs(runpathEntries(cfg, f)),
            (std::vector<std::string>{"/compat/lib", "/cuda/lib",
                                      "/nix/store/x-foo/lib"}));
}

TEST(RunpathPolicy, NothingWithoutCuda) {
  RunpathConfig cfg;
  cfg.driverDir = "/run/opengl-driver/lib";
  LinkFacts f;
  EXPECT_TRUE(runpathEntries(cfg, f).empty());
  EXPECT_TRUE(isStubsDir("/cuda/lib64/stubs"));
  EXPECT_TRUE(isStubsDir("/cuda/lib64/stubs/"));
  EXPECT_FALSE(isStubsDir("/cuda/stubsfoo"));
  EXPECT_TRUE(isUnder("/nix/store/a", "/nix/store"));
  EXPECT_FALSE(isUnder("/nix/storex/a", "/nix/store"));
}
