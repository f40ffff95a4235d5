#include "LogSink.h"
#include "Record.h"
#include "ShellQuote.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cuwrap {

LogTarget logTarget(const Config &cfg, const Environment &env) {
  LogTarget t;
  if (cfg.log.isSet()) {
    t.named = true;
    t.why = cfg.log.source;
    llvm::StringRef v = cfg.log.value;
    unsigned fd = 0;
    if (v == "stderr") {
      t.kind = LogTarget::Kind::Fd;
      t.fd = 2;
    } else if (v.consume_front("fd:") && !v.getAsInteger(10, fd)) {
      t.kind = LogTarget::Kind::Fd;
      t.fd = fd;
    } else if (cfg.log.value == "0" || cfg.log.value == "off") {
      t.kind = LogTarget::Kind::Off;
    } else {
      t.kind = LogTarget::Kind::File;
      t.path = cfg.log.value;
    }
    return t;
  }
  unsigned level = 0;
  auto debug = env.getNonEmpty("NIX_DEBUG");
  if (!debug || debug->getAsInteger(10, level) || level < 1)
    return t;
  t.kind = LogTarget::Kind::File;
  t.why = "$NIX_DEBUG";
  if (auto top = env.getNonEmpty("NIX_BUILD_TOP"))
    t.path = top->str() + "/cuwrap.log";
  else
    t.path = fmt::format("{}/cuwrap-{}.log",
                         env.getNonEmpty("TMPDIR").value_or("/tmp").str(),
                         ::getuid());
  return t;
}

std::string formatRecord(const llvm::json::Object &record, bool text) {
  if (!text)
    return llvm::formatv("{0}", llvm::json::Value(llvm::json::Object(record)))
               .str() + "\n";
  // One block per record, the command before and after, then the edits.
  auto str = [&](llvm::StringRef key) {
    auto *v = record.get(key);
    return v ? textOf(*v) : std::string();
  };
  std::string out = fmt::format("== {} {} pid {} in {} at {}\n",
                                str("personality"), str("phase"),
                                record.getInteger("pid").getValueOr(0),
                                shellQuote(str("cwd")), str("time"));
  auto join = [](const llvm::json::Array *a, llvm::StringRef field) {
    std::string line;
    for (const auto &v : a ? *a : llvm::json::Array()) {
      const llvm::json::Value *w = &v;
      if (auto *o = v.getAsObject())
        w = o->get(field);
      if (w)
        line += " " + shellQuote(textOf(*w));
    }
    return line;
  };
  out += "before:" + join(record.getArray("original"), "arg") + "\n";
  out += "after:  " + shellQuote(str("program")) +
         join(record.getArray("argv"), "") + "\n";
  if (auto *edits = record.getArray("edits"))
    for (const auto &e : *edits)
      if (auto *o = e.getAsObject()) {
        auto removed = join(o->getArray("removed"), "");
        auto added = join(o->getArray("added"), "");
        out += fmt::format("edit {} {}:{}{}{} [{}] {}\n",
                           o->getString("rule").getValueOr("").str(),
                           o->getString("action").getValueOr("").str(), removed,
                           !removed.empty() && !added.empty() ? " ->" : "",
                           added, o->get("origin") ? textOf(*o->get("origin")) : "",
                           o->getString("reason").getValueOr("").str());
      }
  return out;
}

std::optional<std::string> writeRecord(const LogTarget &t, llvm::StringRef text) {
  int fd = t.fd;
  if (t.kind == LogTarget::Kind::Off)
    return std::nullopt;
  if (t.kind == LogTarget::Kind::File)
    fd = ::open(t.path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  if (ok) {
    ssize_t n = ::write(fd, text.data(), text.size());
    ok = n == ssize_t(text.size());
  }
  int err = errno;
  if (t.kind == LogTarget::Kind::File && fd >= 0)
    ::close(fd);
  if (ok || !t.named)
    return std::nullopt;
  return fmt::format("cannot write the log to {} ({}): {}",
                     t.kind == LogTarget::Kind::File ? t.path
                                                     : fmt::format("fd {}", t.fd),
                     t.why, strerror(err));
}

} // namespace cuwrap
