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

// A stubs entry the user gave: compat and driver in its place, nothing
// twice, an option with nothing left to bring goes (docs/runpath.md).
TEST(RunpathPolicy, StubsReplacedInPlaceWithoutDuplicates) {
  RunpathConfig cfg;
  cfg.driverDir = "/drv";
  cfg.compatDir = "/compat";
  std::vector<std::vector<std::string>> options = {
      {"/a", "/cuda/lib/stubs", "/b"}, {"/cuda/lib64/stubs"}, {"/c"}};
  auto r = replaceStubs(cfg, options);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].option, 0u);
  EXPECT_EQ(r[0].dirs,
            (std::vector<std::string>{"/a", "/compat", "/drv", "/b"}));
  EXPECT_EQ(r[0].stubs, (std::vector<std::string>{"/cuda/lib/stubs"}));
  EXPECT_EQ(r[1].option, 1u);
  EXPECT_TRUE(r[1].dirs.empty());
  EXPECT_TRUE(r[1].added.empty());

  // The user names the driver directory after the stubs entry: only
  // compat comes in its place.
  options = {{"/cuda/lib/stubs"}, {"/drv"}};
  r = replaceStubs(cfg, options);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].dirs, (std::vector<std::string>{"/compat"}));
  EXPECT_TRUE(replaceStubs(cfg, {{"/a"}, {"/b"}}).empty());
}

TEST(RunpathPolicy, RpathOptionsKeepTheirPlaces) {
  auto o = rpathOptionsInLinkerWords(
      {"--as-needed", "-rpath", "/a:/b", "--rpath=/c", "-R", "/d", "-rpath"});
  ASSERT_EQ(o.size(), 3u);
  EXPECT_EQ(o[0].flag, 1u);
  EXPECT_EQ(o[0].word, 2u);
  EXPECT_EQ(o[0].value, "/a:/b");
  EXPECT_EQ(o[1].flag, 3u);
  EXPECT_EQ(o[1].word, 3u);
  EXPECT_EQ(o[1].offset, 8u);
  EXPECT_EQ(o[2].word, 5u);
  EXPECT_EQ(rpathsInLinkerWords({"-rpath", "/a:/b"}),
            (std::vector<std::string>{"/a", "/b"}));
}
