#include "Config.h"
#include "ConfigDefaults.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace cuwrap {

namespace {
struct Key {
  const char *json;
  const char *var;
  Setting Config::*member;
};
// design.md's table of public names.
const Key Keys[] = {
    {"nvcc", "CUWRAP_NVCC", &Config::nvcc},
    {"ld", "CUWRAP_LD", &Config::ld},
    {"host_cxx", "CUWRAP_HOST_CXX", &Config::hostCxx},
    {"host_policy", "CUWRAP_HOST_POLICY", &Config::hostPolicy},
    {"cudart_dir", "CUWRAP_CUDART_DIR", &Config::cudartDir},
    {"driver_dir", "CUWRAP_DRIVER_DIR", &Config::driverDir},
    {"compat_dir", "CUWRAP_COMPAT_DIR", &Config::compatDir},
    {"rpath_prefixes", "CUWRAP_RPATH_PREFIXES", &Config::rpathPrefixes},
    {"compress_fatbin", "CUWRAP_COMPRESS_FATBIN", &Config::compressFatbin},
    {"log", "CUWRAP_LOG", &Config::log},
    {"log_format", "CUWRAP_LOG_FORMAT", &Config::logFormat},
    {"strict_runpath", "CUWRAP_STRICT_RUNPATH", &Config::strictRunpath},
};

llvm::Error fileError(llvm::StringRef file, const llvm::Twine &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "config file " + file + ": " + what);
}

llvm::Error checkValue(llvm::StringRef key, llvm::StringRef value,
                       llvm::StringRef where) {
  auto oneOf = [&](std::initializer_list<llvm::StringRef> allowed) -> llvm::Error {
    for (auto a : allowed)
      if (value == a)
        return llvm::Error::success();
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("{}: {} must be one of {}, not '{}'", where.str(), key.str(),
                    fmt::join(allowed, ", "), value.str()));
  };
  if (key == "host_policy")
    return oneOf({"override", "default", "check"});
  if (key == "log_format")
    return oneOf({"json", "text"});
  if (key == "compress_fatbin" || key == "strict_runpath")
    return oneOf({"0", "1"});
  return llvm::Error::success();
}

llvm::Error readFile(Config &cfg, llvm::StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf)
    return fileError(path, "cannot read: " + buf.getError().message());
  auto parsed = llvm::json::parse((*buf)->getBuffer());
  if (!parsed)
    return fileError(path, llvm::toString(parsed.takeError()));
  const llvm::json::Object *obj = parsed->getAsObject();
  if (!obj)
    return fileError(path, "the top level must be an object");
  std::string src = fmt::format("file {}", path.str());
  for (const auto &kv : *obj) {
    llvm::StringRef name = kv.first;
    if (name == "runpath_substitutions") {
      const llvm::json::Object *subs = kv.second.getAsObject();
      if (!subs)
        return fileError(path, "runpath_substitutions must be an object "
                               "mapping a directory to its replacement");
      cfg.runpathSubstitutions.clear();
      for (const auto &s : *subs) {
        auto to = s.second.getAsString();
        if (!to)
          return fileError(path, "runpath_substitutions." + s.first.str() +
                                     " must be a string");
        cfg.runpathSubstitutions.emplace_back(s.first.str(), to->str());
      }
      cfg.substitutionsSource = src;
      continue;
    }
    const Key *key = nullptr;
    for (const Key &k : Keys)
      if (name == k.json)
        key = &k;
    if (!key)
      return fileError(path, "unknown key '" + name + "'");
    std::string value;
    if (auto s = kv.second.getAsString())
      value = s->str();
    else if (auto b = kv.second.getAsBoolean())
      value = *b ? "1" : "0";
    else if (kv.second.kind() == llvm::json::Value::Null)
      value.clear();
    else
      return fileError(path, name + " must be a string");
    if (auto e = checkValue(name, value, "config file " + path.str()))
      return e;
    cfg.*(key->member) = Setting{value, src};
  }
  return llvm::Error::success();
}
} // namespace

HostPolicy Config::policy() const {
  if (hostPolicy.value == "default")
    return HostPolicy::Default;
  if (hostPolicy.value == "check")
    return HostPolicy::Check;
  return HostPolicy::Override;
}

std::vector<std::tuple<const char *, const char *, const Setting *>>
Config::table() const {
  std::vector<std::tuple<const char *, const char *, const Setting *>> out;
  for (const Key &k : Keys)
    out.emplace_back(k.json, k.var, &(this->*(k.member)));
  return out;
}

Paths Paths::fromSelf(llvm::StringRef selfExe) {
  Paths p;
  p.self = selfExe.str();
  llvm::StringRef bin = llvm::sys::path::parent_path(selfExe);
  p.prefix = llvm::sys::path::parent_path(bin).str();
  // Installed: <prefix>/libexec/cuwrap/bin; build tree: <prefix>/wrappers.
  llvm::SmallString<256> libexec(p.prefix);
  llvm::sys::path::append(libexec, "libexec", "cuwrap", "bin");
  if (llvm::sys::fs::is_directory(libexec))
    p.wrapperDir = libexec.str().str();
  else
    p.wrapperDir = p.prefix + "/wrappers";
  return p;
}

llvm::Expected<Config> loadConfig(const Environment &env, const Paths &paths) {
  Config cfg;
  cfg.nvcc = {CUWRAP_DEFAULT_NVCC};
  cfg.hostCxx = {CUWRAP_DEFAULT_HOST_CXX};
  cfg.hostPolicy = {"override"};
  cfg.cudartDir = {CUWRAP_DEFAULT_CUDART_DIR};
  cfg.driverDir = {"/run/opengl-driver/lib"};
  cfg.compatDir = {CUWRAP_DEFAULT_COMPAT_DIR};
  cfg.compressFatbin = {"1"};
  cfg.logFormat = {"json"};
  cfg.strictRunpath = {"0"};
  if (auto store = env.getNonEmpty("NIX_STORE"))
    cfg.rpathPrefixes = {store->str(), "$NIX_STORE"};
  else if (!cfg.cudartDir.value.empty())
    cfg.rpathPrefixes = {
        llvm::sys::path::parent_path(cfg.cudartDir.value).str()};

  if (auto named = env.getNonEmpty("CUWRAP_CONFIG")) {
    cfg.file = named->str();
    cfg.fileSource = "$CUWRAP_CONFIG";
  } else {
    llvm::SmallString<256> f(paths.prefix);
    llvm::sys::path::append(f, "etc", "cuwrap.json");
    if (!paths.prefix.empty() && llvm::sys::fs::exists(f)) {
      cfg.file = f.str().str();
      cfg.fileSource = "next to the binary";
    }
  }
  if (!cfg.file.empty())
    if (auto e = readFile(cfg, cfg.file))
      return std::move(e);

  for (const Key &k : Keys) {
    if (auto v = env.get(k.var)) {
      if (auto e = checkValue(k.json, *v, fmt::format("${}", k.var)))
        return std::move(e);
      cfg.*(k.member) = Setting{v->str(), fmt::format("${}", k.var)};
    }
  }
  // Nixpkgs' switch for the same thing keeps its meaning.
  if (cfg.compressFatbin.source == "default" &&
      env.getNonEmpty("NIX_CUDA_DONT_COMPRESS_FATBINS"))
    cfg.compressFatbin = {"0", "$NIX_CUDA_DONT_COMPRESS_FATBINS"};
  return cfg;
}

} // namespace cuwrap
