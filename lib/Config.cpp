#include "Config.h"
#include "BoundedJSON.h"
#include "ConfigDefaults.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

#include <climits>
#include <cstring>

namespace cuwrap {

namespace {

llvm::Error error(const std::string &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

// How one type of setting is read from text (a variable, a JSON string) and
// shown again. `key` names the setting in messages.
template <typename T> struct Codec;

template <> struct Codec<std::string> {
  static llvm::Expected<std::string> parse(llvm::StringRef s, const char *) {
    return s.str();
  }
  static std::string show(const std::string &s) { return s; }
};

template <typename E>
llvm::Expected<E> oneOf(llvm::StringRef s, const char *key,
                        std::initializer_list<std::pair<const char *, E>> names) {
  for (const auto &[name, value] : names)
    if (s == name)
      return value;
  std::vector<const char *> allowed;
  for (const auto &n : names)
    allowed.push_back(n.first);
  return error(fmt::format("{} must be one of {}, not '{}'", key,
                           fmt::join(allowed, ", "), s.str()));
}

template <> struct Codec<bool> {
  static llvm::Expected<bool> parse(llvm::StringRef s, const char *key) {
    return oneOf<bool>(s, key, {{"0", false}, {"1", true}});
  }
  static std::string show(bool b) { return b ? "1" : "0"; }
};

template <> struct Codec<HostPolicy> {
  static llvm::Expected<HostPolicy> parse(llvm::StringRef s, const char *key) {
    return oneOf<HostPolicy>(s, key,
                             {{"override", HostPolicy::Override},
                              {"default", HostPolicy::Default},
                              {"check", HostPolicy::Check}});
  }
  static std::string show(HostPolicy p) { return hostPolicyName(p); }
};

template <> struct Codec<LogFormat> {
  static llvm::Expected<LogFormat> parse(llvm::StringRef s, const char *key) {
    return oneOf<LogFormat>(s, key,
                            {{"json", LogFormat::Json}, {"text", LogFormat::Text}});
  }
  static std::string show(LogFormat f) {
    return f == LogFormat::Text ? "text" : "json";
  }
};

// A `:`-separated list of directories; empty elements are dropped, as in
// PATH-like variables.
template <> struct Codec<std::vector<std::string>> {
  static llvm::Expected<std::vector<std::string>> parse(llvm::StringRef s,
                                                        const char *) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    s.split(parts, ':', -1, /*KeepEmpty=*/false);
    return std::vector<std::string>(parts.begin(), parts.end());
  }
  static std::string show(const std::vector<std::string> &v) {
    return fmt::format("{}", fmt::join(v, ":"));
  }
};

// "" leaves the setting unset (NIX_DEBUG decides); "fd:N" must be a
// descriptor number, never taken for a file named "fd:2x" in the build
// directory.
template <> struct Codec<std::optional<LogSetting>> {
  static llvm::Expected<std::optional<LogSetting>> parse(llvm::StringRef s,
                                                         const char *key) {
    if (s.empty())
      return std::nullopt;
    LogSetting l;
    if (s == "0" || s == "off" || s == "false") {
      l.kind = LogSetting::Kind::Off;
    } else if (s == "1" || s == "on" || s == "true") {
      l.kind = LogSetting::Kind::DefaultPath;
    } else if (s == "stderr") {
      l.kind = LogSetting::Kind::Fd;
      l.fd = 2;
    } else if (llvm::StringRef n = s; n.consume_front("fd:")) {
      unsigned long long fd;
      if (n.empty() || !llvm::all_of(n, llvm::isDigit) ||
          n.getAsInteger(10, fd) || fd > INT_MAX)
        return error(fmt::format("{} '{}' names no file descriptor: fd:N takes "
                                 "a number from 0 to {}",
                                 key, s.str(), INT_MAX));
      l.kind = LogSetting::Kind::Fd;
      l.fd = int(fd);
    } else {
      l.kind = LogSetting::Kind::File;
      l.path = s.str();
    }
    return l;
  }
  static std::string show(const std::optional<LogSetting> &l) {
    if (!l)
      return "";
    switch (l->kind) {
    case LogSetting::Kind::Off:
      return "off";
    case LogSetting::Kind::DefaultPath:
      return "on";
    case LogSetting::Kind::Fd:
      return l->fd == 2 ? "stderr" : fmt::format("fd:{}", l->fd);
    case LogSetting::Kind::File:
      return l->path;
    }
    return "";
  }
};

// Words split at blanks, without quoting (a word holding a blank needs the
// file's list form).
template <> struct Codec<Launcher> {
  static llvm::Expected<Launcher> parse(llvm::StringRef s, const char *) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    llvm::SplitString(s, parts, " \t\n");
    return Launcher{std::vector<std::string>(parts.begin(), parts.end())};
  }
  static std::string show(const Launcher &l) {
    return fmt::format("{}", fmt::join(l.words, " "));
  }
};

template <> struct Codec<Substitutions> {
  static llvm::Expected<Substitutions> parse(llvm::StringRef, const char *key) {
    return error(fmt::format("{} is set in the config file only", key));
  }
  static std::string show(const Substitutions &subs) {
    std::vector<std::string> parts;
    for (const auto &[from, to] : subs)
      parts.push_back(from + " -> " + to);
    return fmt::format("{}", fmt::join(parts, ", "));
  }
};

// One public setting: its names (the README's table) and how to set and
// show it, whatever its type.
struct Key {
  const char *json;
  const char *var; // empty: set in the file only
  llvm::Error (*fromText)(Config &, const Key &, llvm::StringRef,
                          const std::string &);
  llvm::Error (*fromJSON)(Config &, const Key &, const llvm::json::Value &,
                          const std::string &);
  std::string (*show)(const Config &);
  const std::string &(*source)(const Config &);
};

template <typename T, Setting<T> Config::*M>
llvm::Error setText(Config &c, const Key &k, llvm::StringRef text,
                    const std::string &src) {
  auto v = Codec<T>::parse(text, k.json);
  if (!v)
    return v.takeError();
  c.*M = Setting<T>{std::move(*v), src};
  return llvm::Error::success();
}

// Strings take the setting's text form, booleans read as "1"/"0", null
// unsets; lists may also be JSON arrays.
template <typename T, Setting<T> Config::*M>
llvm::Error setJSON(Config &c, const Key &k, const llvm::json::Value &v,
                    const std::string &src) {
  if (auto s = v.getAsString())
    return setText<T, M>(c, k, *s, src);
  if (auto b = v.getAsBoolean())
    return setText<T, M>(c, k, *b ? "1" : "0", src);
  if (v.kind() == llvm::json::Value::Null)
    return setText<T, M>(c, k, "", src);
  if constexpr (std::is_same_v<T, std::vector<std::string>> ||
                std::is_same_v<T, Launcher>) {
    if (const llvm::json::Array *a = v.getAsArray()) {
      std::vector<std::string> out;
      for (const llvm::json::Value &e : *a) {
        auto s = e.getAsString();
        if (!s)
          return error(fmt::format("{} must be a string or a list of strings",
                                   k.json));
        out.push_back(s->str());
      }
      if constexpr (std::is_same_v<T, Launcher>)
        c.*M = Setting<T>{Launcher{std::move(out)}, src};
      else
        c.*M = Setting<T>{std::move(out), src};
      return llvm::Error::success();
    }
  }
  if constexpr (std::is_same_v<T, Substitutions>) {
    if (const llvm::json::Object *o = v.getAsObject()) {
      Substitutions subs;
      for (const auto &kv : *o) {
        auto to = kv.second.getAsString();
        if (!to)
          return error(fmt::format("{}.{} must be a string", k.json,
                                   kv.first.str()));
        subs.emplace_back(kv.first.str(), to->str());
      }
      c.*M = Setting<T>{std::move(subs), src};
      return llvm::Error::success();
    }
    return error(fmt::format("{} must be an object mapping a directory to its "
                             "replacement",
                             k.json));
  }
  return error(fmt::format("{} must be a string", k.json));
}

template <typename T, Setting<T> Config::*M>
std::string show(const Config &c) {
  return Codec<T>::show((c.*M).value);
}
template <typename T, Setting<T> Config::*M>
const std::string &sourceOf(const Config &c) {
  return (c.*M).source;
}

#define CUWRAP_KEY(TYPE, MEMBER, JSON, VAR)                                    \
  Key {                                                                        \
    JSON, VAR, &setText<TYPE, &Config::MEMBER>,                                \
        &setJSON<TYPE, &Config::MEMBER>, &show<TYPE, &Config::MEMBER>,         \
        &sourceOf<TYPE, &Config::MEMBER>                                       \
  }

// The README's table of public names, in its order.
const Key Keys[] = {
    CUWRAP_KEY(std::string, nvcc, "nvcc", "CUWRAP_NVCC"),
    CUWRAP_KEY(std::string, ld, "ld", "CUWRAP_LD"),
    CUWRAP_KEY(std::string, hostCxx, "host_cxx", "CUWRAP_HOST_CXX"),
    CUWRAP_KEY(HostPolicy, hostPolicy, "host_policy", "CUWRAP_HOST_POLICY"),
    CUWRAP_KEY(std::string, cudartDir, "cudart_dir", "CUWRAP_CUDART_DIR"),
    CUWRAP_KEY(std::string, driverDir, "driver_dir", "CUWRAP_DRIVER_DIR"),
    CUWRAP_KEY(std::string, compatDir, "compat_dir", "CUWRAP_COMPAT_DIR"),
    CUWRAP_KEY(std::vector<std::string>, rpathPrefixes, "rpath_prefixes",
               "CUWRAP_RPATH_PREFIXES"),
    CUWRAP_KEY(Substitutions, runpathSubstitutions, "runpath_substitutions", ""),
    CUWRAP_KEY(bool, compressFatbin, "compress_fatbin", "CUWRAP_COMPRESS_FATBIN"),
    CUWRAP_KEY(std::optional<LogSetting>, log, "log", "CUWRAP_LOG"),
    CUWRAP_KEY(LogFormat, logFormat, "log_format", "CUWRAP_LOG_FORMAT"),
    CUWRAP_KEY(bool, strictRunpath, "strict_runpath", "CUWRAP_STRICT_RUNPATH"),
    CUWRAP_KEY(Launcher, launcher, "launcher", "CUWRAP_LAUNCHER"),
};
#undef CUWRAP_KEY

llvm::Error fileError(llvm::StringRef file, const llvm::Twine &what) {
  return error(("config file " + file + ": " + what).str());
}

llvm::Error readFile(Config &cfg, llvm::StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf)
    return fileError(path, "cannot read: " + buf.getError().message());
  auto parsed = parseJSON((*buf)->getBuffer());
  if (!parsed)
    return fileError(path, llvm::toString(parsed.takeError()));
  const llvm::json::Object *obj = parsed->getAsObject();
  if (!obj)
    return fileError(path, "the top level must be an object");
  std::string src = fmt::format("file {}", path.str());
  for (const auto &kv : *obj) {
    const Key *key = nullptr;
    for (const Key &k : Keys)
      if (kv.first == k.json)
        key = &k;
    if (!key)
      return fileError(path, "unknown key '" + kv.first.str() + "'");
    if (auto e = key->fromJSON(cfg, *key, kv.second, src))
      return fileError(path, llvm::toString(std::move(e)));
  }
  return llvm::Error::success();
}
} // namespace

const char *hostPolicyName(HostPolicy p) {
  switch (p) {
  case HostPolicy::Override:
    return "override";
  case HostPolicy::Default:
    return "default";
  case HostPolicy::Check:
    return "check";
  }
  return "?";
}

std::string compiledInSettings() {
  auto v = [](const char *s) { return *s ? std::string(s) : "(none)"; };
  return fmt::format("nvcc={} host_cxx={} cudart_dir={} compat_dir={}",
                     v(CUWRAP_DEFAULT_NVCC), v(CUWRAP_DEFAULT_HOST_CXX),
                     v(CUWRAP_DEFAULT_CUDART_DIR), v(CUWRAP_DEFAULT_COMPAT_DIR));
}

std::vector<Config::Row> Config::rows() const {
  std::vector<Row> out;
  for (const Key &k : Keys)
    out.push_back(Row{k.json, k.var, k.show(*this), k.source(*this)});
  return out;
}

Paths Paths::fromSelf(llvm::StringRef selfExe) {
  Paths p;
  p.self = selfExe.str();
  llvm::StringRef bin = llvm::sys::path::parent_path(selfExe);
  // The personalities are hard links of the binary (so that ccache sees a
  // file named nvcc; docs/wiring.md), and /proc/self/exe names the link:
  // <prefix>/libexec/cuwrap/bin/nvcc is three directories below the prefix,
  // <prefix>/bin/cuwrap and <build>/wrappers/nvcc one.
  if (bin.endswith("/libexec/cuwrap/bin")) {
    p.prefix = bin.drop_back(strlen("/libexec/cuwrap/bin")).str();
    p.wrapperDir = bin.str();
    return p;
  }
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
  cfg.nvcc.value = CUWRAP_DEFAULT_NVCC;
  cfg.hostCxx.value = CUWRAP_DEFAULT_HOST_CXX;
  cfg.cudartDir.value = CUWRAP_DEFAULT_CUDART_DIR;
  cfg.driverDir.value = "/run/opengl-driver/lib";
  cfg.compatDir.value = CUWRAP_DEFAULT_COMPAT_DIR;
  // Nixpkgs' ld-wrapper adds a RUNPATH entry for libraries in the store;
  // outside Nix the toolkit's own tree is what a CUDA link pulls from.
  if (auto store = env.getNonEmpty("NIX_STORE"))
    cfg.rpathPrefixes = {{store->str()}, "$NIX_STORE"};
  else if (!cfg.cudartDir.value.empty())
    cfg.rpathPrefixes.value = {
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
    if (!*k.var)
      continue;
    if (auto v = env.get(k.var)) {
      std::string src = fmt::format("${}", k.var);
      if (auto e = k.fromText(cfg, k, *v, src))
        return error(fmt::format("{}: {}", src, llvm::toString(std::move(e))));
    }
  }
  // Nixpkgs' switch for the same thing keeps its meaning.
  if (cfg.compressFatbin.source == "default" &&
      env.getNonEmpty("NIX_CUDA_DONT_COMPRESS_FATBINS"))
    cfg.compressFatbin = {false, "$NIX_CUDA_DONT_COMPRESS_FATBINS"};
  return cfg;
}

} // namespace cuwrap
