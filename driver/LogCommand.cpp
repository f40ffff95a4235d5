// `cuwrap log [FILE]`: the human view of the JSON Lines records the
// wrappers wrote, for a packager reading a failed build. Reads the place the
// wrappers write to unless told otherwise, so that in a Nix build with
// NIX_DEBUG=1 a bare `cuwrap log` shows that build's calls.
#include "Commands.h"
#include "LogOptTable.h"
#include "BoundedJSON.h"
#include "Diagnostics.h"
#include "LogSink.h"
#include "Registry.h"
#include "RecordView.h"

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

} // namespace

int logCommand(const CommandArgs &a) {
  const auto &opts = a.opts;
  const Environment &env = a.session.env();
  if (a.positional.size() > 1)
    return commandError(a.command, "usage: cuwrap log [OPTIONS] [FILE]",
                        UsageError);

  bool color = false;
  std::string when = opts.getLastArgValue(cli::Log::OPT_color_eq, "auto").str();
  if (when == "always")
    color = true;
  else if (when == "auto")
    // https://no-color.org: a non-empty NO_COLOR turns colour off.
    color = ::isatty(STDOUT_FILENO) && !env.getNonEmpty("NO_COLOR");
  else if (when != "never")
    return commandError(a.command,
                        "--color must be auto, always or never, not '" + when +
                            "'",
                        UsageError);

  Filters f;
  auto value = [&](unsigned id) -> std::optional<std::string> {
    if (const llvm::opt::Arg *arg = opts.getLastArg(id))
      return std::string(arg->getValue());
    return std::nullopt;
  };
  f.personality = value(cli::Log::OPT_personality_eq);
  f.phase = value(cli::Log::OPT_phase_eq);
  f.output = value(cli::Log::OPT_output_eq);
  f.grep = value(cli::Log::OPT_grep_eq);
  // Records come from the installed personalities only: the others (the
  // host compilers) are read by plan and explain, never logged.
  if (f.personality && !personalityFor(*f.personality, /*installedOnly=*/true))
    return commandError(a.command,
                        fmt::format("--personality: '{}' is none of {}",
                                    *f.personality,
                                    personalityNames(/*installedOnly=*/true)),
                        UsageError);
  if (f.phase) {
    std::vector<std::string> known;
    for (const Personality *p : personalities())
      for (llvm::StringRef ph : p->phaseNames())
        if (p->installed() && !llvm::is_contained(known, ph.str()))
          known.push_back(ph.str());
    if (!llvm::is_contained(known, *f.phase))
      return commandError(a.command,
                          fmt::format("--phase: '{}' is no phase cuwrap "
                                      "records (one of {})",
                                      *f.phase, fmt::join(known, ", ")),
                          UsageError);
  }
  llvm::SmallString<256> cwd;
  if (!llvm::sys::fs::current_path(cwd))
    f.cwd = cwd.str().str();
  bool json = opts.hasArg(cli::Log::OPT_json);
  bool facts = opts.hasArg(cli::Log::OPT_facts);

  std::string file;
  if (!a.positional.empty()) {
    file = a.positional.front();
  } else {
    int status = 0;
    const Config *cfg = requireConfig(a, status);
    if (!cfg)
      return status;
    LogTarget t = logTarget(*cfg, env);
    if (t.kind == LogTarget::Kind::Fd)
      return commandError(a.command,
                          fmt::format("the log goes to fd {} ({}), not a "
                                      "file: name the file to read",
                                      t.fd, t.why),
                          UsageError);
    file = t.kind == LogTarget::Kind::File ? t.path : defaultLogPath(env);
    if (t.kind == LogTarget::Kind::Off && !llvm::sys::fs::exists(file))
      return commandError(
          a.command,
          fmt::format("logging is off and there is no log at {}: turn it on "
                      "for the build with CUWRAP_LOG=FILE (or =1 for that "
                      "place), the config file's \"log\", or NIX_DEBUG=1; "
                      "or name a log to read",
                      file));
  }

  auto buf = llvm::MemoryBuffer::getFileOrSTDIN(file, /*IsText=*/true);
  if (!buf)
    return commandError(a.command, "cannot read " + file + ": " +
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
    auto parsed = parseJSON(line);
    if (!parsed) {
      printDiagnostic(fmt::format("cuwrap log: {}:{}: skipped: not JSON ({})\n",
                                  name, lineNo,
                                  llvm::toString(parsed.takeError())));
      continue;
    }
    Record rec;
    llvm::json::Path::Root root("record");
    if (!fromJSON(*parsed, rec, root)) {
      printDiagnostic(fmt::format(
          "cuwrap log: {}:{}: skipped: not a cuwrap record ({})\n", name,
          lineNo, llvm::toString(root.getError())));
      continue;
    }
    std::string recCwd = rec.context ? rec.context->cwd : "";
    if (!f.personalityMatches(rec.personality) ||
        (f.phase && rec.phase != *f.phase) ||
        !f.outputMatches(rec.output, recCwd))
      continue;
    if (f.grep &&
        renderRecord(rec, /*color=*/false).find(*f.grep) == std::string::npos)
      continue;
    if (json)
      fmt::print("{}\n", line.str());
    else if (facts)
      fmt::print("{}", factsText(rec));
    else
      fmt::print("{}{}", first ? "" : "\n", renderRecord(rec, color));
    first = false;
  }
  return 0;
}

} // namespace cuwrap
