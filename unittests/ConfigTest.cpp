// Settings are parsed once into their types, each with the layer that set
// it; a bad value is one error naming the setting and the layer.
#include "Config.h"

#include <gtest/gtest.h>

using namespace cuwrap;

static llvm::Expected<Config> load(std::vector<std::string> env) {
  env.push_back("CUWRAP_CONFIG="); // no file
  return loadConfig(Environment(std::move(env)), Paths{});
}

TEST(Config, TypedValuesWithTheirSources) {
  auto c = load({"CUWRAP_HOST_POLICY=check", "CUWRAP_COMPRESS_FATBIN=0",
                 "CUWRAP_LOG=fd:7", "CUWRAP_RPATH_PREFIXES=/a::/b",
                 "CUWRAP_LOG_FORMAT=text"});
  ASSERT_TRUE(bool(c)) << llvm::toString(c.takeError());
  EXPECT_EQ(c->hostPolicy.value, HostPolicy::Check);
  EXPECT_EQ(c->hostPolicy.source, "$CUWRAP_HOST_POLICY");
  EXPECT_FALSE(c->compressFatbin.value);
  ASSERT_TRUE(c->log.value.has_value());
  EXPECT_EQ(c->log.value->kind, LogSetting::Kind::Fd);
  EXPECT_EQ(c->log.value->fd, 7);
  EXPECT_EQ(c->rpathPrefixes.value, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(c->logFormat.value, LogFormat::Text);
  EXPECT_EQ(c->driverDir.value, "/run/opengl-driver/lib");
  EXPECT_EQ(c->driverDir.source, "default");
}

TEST(Config, BadValuesNameTheSetting) {
  auto policy = load({"CUWRAP_HOST_POLICY=sometimes"});
  ASSERT_FALSE(bool(policy));
  EXPECT_EQ(llvm::toString(policy.takeError()),
            "$CUWRAP_HOST_POLICY: host_policy must be one of override, "
            "default, check, not 'sometimes'");
  for (const char *bad : {"fd:2x", "fd:", "fd:-1", "fd:99999999999999999999"}) {
    auto log = load({std::string("CUWRAP_LOG=") + bad});
    ASSERT_FALSE(bool(log)) << bad;
    std::string msg = llvm::toString(log.takeError());
    EXPECT_NE(msg.find("$CUWRAP_LOG: log '"), std::string::npos) << msg;
    EXPECT_NE(msg.find("names no file descriptor"), std::string::npos) << msg;
  }
}

TEST(Config, NixSwitchesKeepTheirMeaning) {
  auto c = load({"NIX_CUDA_DONT_COMPRESS_FATBINS=1", "NIX_STORE=/nix/store"});
  ASSERT_TRUE(bool(c));
  EXPECT_FALSE(c->compressFatbin.value);
  EXPECT_EQ(c->compressFatbin.source, "$NIX_CUDA_DONT_COMPRESS_FATBINS");
  EXPECT_EQ(c->rpathPrefixes.value, (std::vector<std::string>{"/nix/store"}));
  // An explicit setting beats Nixpkgs' switch.
  auto on = load({"NIX_CUDA_DONT_COMPRESS_FATBINS=1", "CUWRAP_COMPRESS_FATBIN=1"});
  ASSERT_TRUE(bool(on));
  EXPECT_TRUE(on->compressFatbin.value);
}
