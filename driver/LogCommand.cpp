// `cuwrap log [FILE]`: the human view of the JSON Lines records the
// wrappers wrote, for a packager reading a failed build. Reads the place the
// wrappers write to unless told otherwise, so that in a Nix build with
// NIX_DEBUG=1 a bare `cuwrap log` shows that build's calls.
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "LogSink.h"
#include "Personality.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/FileSystem.h"

#include <fmt/format.h>

#include <unistd.h>

namespace cuwrap {

namespace {
struct Filters {
  std::optional<std::string> personality, phase, output, grep;
  std::string cwd; // to compare --output with outputs relative to a record's cwd

  bool personalityMatches(llvm::StringRef p) const {
    if (!personality)
      return true;
    // `ld` stands for every linker personality (ld.bfd, ld.gold, ld.lld).
    return p == *personality ||
           (*personality == "ld" && p.startswith("ld."));
  }

  // The record's output as written, or the same file seen from here: the
  // record's output resolved against its cwd against FILE resolved against
  // ours; a bare name also matches any output of that name.
  bool outputMatches(llvm::StringRef out, llvm::StringRef recCwd) const {
    if (!output)
      return true;
    if (out.empty())
      return false;
    if (out == *output)
      return true;
    auto absolute = [](llvm::StringRef base, llvm::StringRef p) {
      llvm::SmallString<256> s(p);
      if (!llvm::sys::path::is_absolute(s)) {
        s = base;
        llvm::sys::path::append(s, p);
      }
      llvm::sys::path::remove_dots(s, /*remove_dot_dot=*/true);
      return std::string(s.str());
    };
    if (absolute(recCwd, out) == absolute(cwd, *output))
      return true;
    return output->find('/') == std::string::npos &&
           llvm::sys::path::filename(out) == *output;
  }
};

std::string str(const llvm::json::Object &o, llvm::StringRef key) {
  const llvm::json::Value *v = o.get(key);
  return v ? textOf(*v) : std::string();
}
} // namespace

int logCommand(const CommandArgs &a) {
  const auto &opts = a.opts;
  if (a.positional.size() > 1)
    return commandError("log", "usage: cuwrap log [OPTIONS] [FILE]", 2);

  bool color = false;
  std::string when = opts.getLastArgValue(cli::OPT_log_color_eq, "auto").str();
  if (when == "always")
    color = true;
  else if (when == "auto")
    // https://no-color.org: a non-empty NO_COLOR turns colour off.
    color = ::isatty(STDOUT_FILENO) && !a.env.getNonEmpty("NO_COLOR");
  else if (when != "never")
    return commandError("log", "--color must be auto, always or never, not '" +
                                   when + "'",
                        2);

  Filters f;
  auto value = [&](unsigned id) -> std::optional<std::string> {
    if (const llvm::opt::Arg *arg = opts.getLastArg(id))
      return std::string(arg->getValue());
    return std::nullopt;
  };
  f.personality = value(cli::OPT_log_personality_eq);
  f.phase = value(cli::OPT_log_phase_eq);
  f.output = value(cli::OPT_log_output_eq);
  f.grep = value(cli::OPT_log_grep_eq);
  llvm::SmallString<256> cwd;
  if (!llvm::sys::fs::current_path(cwd))
    f.cwd = cwd.str().str();
  bool json = opts.hasArg(cli::OPT_json);

  std::string file;
  if (!a.positional.empty()) {
    file = a.positional.front();
  } else {
    Paths paths = Paths::fromSelf(selfExecutable());
    auto cfg = loadConfig(a.env, paths);
    if (!cfg)
      return commandError("log", llvm::toString(cfg.takeError()));
    LogTarget t = logTarget(*cfg, a.env);
    if (t.kind == LogTarget::Kind::Fd)
      return commandError("log", fmt::format("the log goes to fd {} ({}), not "
                                             "a file: name the file to read",
                                             t.fd, t.why),
                          2);
    file = t.kind == LogTarget::Kind::File ? t.path : defaultLogPath(a.env);
  }

  auto buf = llvm::MemoryBuffer::getFileOrSTDIN(file, /*IsText=*/true);
  if (!buf)
    return commandError("log", "cannot read " + file + ": " +
                                   buf.getError().message());
  std::string name = file == "-" ? "<stdin>" : file;

  llvm::StringRef rest = (*buf)->getBuffer();
  unsigned lineNo = 0;
  bool first = true;
  while (!rest.empty()) {
    llvm::StringRef line;
    std::tie(line, rest) = rest.split('\n');
    ++lineNo;
    if (line.trim().empty())
      continue;
    // A bad line (a torn write from elsewhere, a text-format record, an
    // editor's leftovers) is reported and skipped: the rest of the log is
    // still worth reading.
    auto parsed = llvm::json::parse(line);
    if (!parsed) {
      fmt::print(stderr, "cuwrap log: {}:{}: skipped: not JSON ({})\n", name,
                 lineNo, llvm::toString(parsed.takeError()));
      continue;
    }
    const llvm::json::Object *rec = parsed->getAsObject();
    if (!rec || !rec->getString("personality")) {
      fmt::print(stderr,
                 "cuwrap log: {}:{}: skipped: not a cuwrap record (no "
                 "\"personality\")\n",
                 name, lineNo);
      continue;
    }
    if (!f.personalityMatches(str(*rec, "personality")) ||
        (f.phase && str(*rec, "phase") != *f.phase) ||
        !f.outputMatches(str(*rec, "output"), str(*rec, "cwd")))
      continue;
    if (f.grep && renderRecord(*rec, /*color=*/false).find(*f.grep) ==
                      std::string::npos)
      continue;
    if (json) {
      fmt::print("{}\n", line.str());
    } else {
      fmt::print("{}{}", first ? "" : "\n", renderRecord(*rec, color));
    }
    first = false;
  }
  return 0;
}

} // namespace cuwrap
