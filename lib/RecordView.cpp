#include "RecordView.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>


namespace cuwrap {

std::string describeEdit(const Edit &e) {
  std::string out = actionName(e.action);
  if (!e.removed.empty())
    out += " " + shellJoin(e.removed);
  if (!e.removed.empty() && !e.added.empty())
    out += " ->";
  if (!e.added.empty())
    out += " " + shellJoin(e.added);
  return out + fmt::format(" [{}]: {}", e.where(), e.reason);
}

// "env NAME=VALUE -u NAME " for the plan's environment edits, or nothing.
static std::string envPrefix(const Record &r) {
  std::string out;
  for (const EnvEdit &e : r.env)
    out += e.op == EnvEdit::Op::Set
               ? fmt::format("{}={} ", e.name, shellQuote(e.value))
               : fmt::format("-u {} ", e.name);
  if (!r.env.empty())
    out = "env " + out;
  return out;
}

// The launcher's words, then the program.
static std::string programText(const Record &r) {
  std::string out;
  for (const std::string &l : r.launcher)
    out += shellQuote(l) + " ";
  return out + shellQuote(r.program);
}

static std::string commandLine(const Record &r) {
  std::string out = envPrefix(r);
  out += programText(r);
  for (const std::string &a : r.argv)
    out += " " + shellQuote(a);
  return out;
}

static std::string fileLines(const GeneratedFile &f) {
  llvm::SmallVector<llvm::StringRef, 8> lines;
  llvm::StringRef(f.content).rtrim('\n').split(lines, '\n');
  std::vector<std::string> ls(lines.begin(), lines.end());
  return shellJoin(ls);
}

std::string planText(const Record &r) {
  std::string out = commandLine(r) + "\n";
  for (const Edit &e : r.edits)
    out += fmt::format("# {}: {}\n", e.rule, describeEdit(e));
  for (const EnvEdit &e : r.env)
    out += fmt::format("# {}: {} {} : {}\n", e.rule,
                       e.op == EnvEdit::Op::Set ? "set" : "unset", e.name,
                       e.reason);
  for (const GeneratedFile &f : r.files)
    out += fmt::format("# file {} (replaces {}): {}\n", f.placeholder,
                       shellQuote(f.replaces), fileLines(f));
  for (const std::string &w : r.warnings)
    out += "# warning: " + w + "\n";
  return out;
}

namespace {
struct Palette {
  bool on;
  std::string wrap(llvm::StringRef code, llvm::StringRef s) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code.str(), s.str()) : s.str();
  }
  std::string bold(llvm::StringRef s) const { return wrap("1", s); }
  std::string removed(llvm::StringRef s) const { return wrap("31", s); }
  std::string added(llvm::StringRef s) const { return wrap("32", s); }
  std::string warn(llvm::StringRef s) const { return wrap("33", s); }
  std::string rule(llvm::StringRef s) const { return wrap("36", s); }
};

// A command longer than this is not shown twice: the after line shows the
// words that changed, with the runs of words left as they were elided.
constexpr size_t LongCommand = 240;
// Elided: a run of at least this many unchanged words.
constexpr size_t ElideRun = 4;

// Which words of `after` were in `before`, in order: a longest common
// subsequence, so that words a rule removed or added stand out. Cheap
// enough for the commands people read; beyond that, the common prefix and
// suffix. `cut[j]`: words of `before` were dropped just before after[j]
// (or at the end, cut[m]).
std::vector<bool> keptWords(llvm::ArrayRef<std::string> before,
                            llvm::ArrayRef<std::string> after,
                            std::vector<bool> &cut) {
  size_t n = before.size(), m = after.size();
  std::vector<bool> kept(m, false);
  cut.assign(m + 1, false);
  if (n * m > 4'000'000) {
    size_t p = 0;
    while (p < n && p < m && before[p] == after[p])
      kept[p] = true, ++p;
    size_t i = n, j = m;
    for (; i > p && j > p && before[i - 1] == after[j - 1]; --i, --j)
      kept[j - 1] = true;
    cut[j] = i > p;
    return kept;
  }
  std::vector<std::vector<uint32_t>> l(n + 1, std::vector<uint32_t>(m + 1));
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      l[i][j] = before[i] == after[j] ? l[i + 1][j + 1] + 1
                                      : std::max(l[i + 1][j], l[i][j + 1]);
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (before[i] == after[j]) {
      kept[j] = true;
      ++i, ++j;
    } else if (l[i + 1][j] >= l[i][j + 1]) {
      cut[j] = true;
      ++i;
    } else {
      ++j;
    }
  }
  cut[j] = cut[j] || i < n;
  return kept;
}

// The after command with each run of unchanged words shortened to a count.
std::string condensedAfter(const Record &rec,
                           llvm::ArrayRef<std::string> before) {
  std::vector<bool> cut;
  std::vector<bool> kept = keptWords(before, rec.argv, cut);
  std::string out = programText(rec);
  for (size_t j = 0; j < rec.argv.size();) {
    // A run of kept words ends where the user's words were removed.
    size_t run = 0;
    while (j + run < rec.argv.size() && kept[j + run] &&
           (run == 0 || !cut[j + run]))
      ++run;
    if (run >= ElideRun) {
      out += fmt::format(" [{} words as before]", run);
      j += run;
    } else if (run > 0) {
      for (size_t k = 0; k < run; ++k)
        out += " " + shellQuote(rec.argv[j + k]);
      j += run;
    } else {
      out += " " + shellQuote(rec.argv[j++]);
    }
  }
  return out;
}
} // namespace

std::string renderRecord(const Record &rec, bool color) {
  Palette p{color};
  std::string out;
  std::string head = "== " + rec.personality;
  if (!rec.phase.empty())
    head += " " + rec.phase;
  if (!rec.output.empty())
    head += " -> " + shellQuote(rec.output);
  std::string where;
  if (rec.context) {
    if (!rec.context->cwd.empty())
      where += "   in " + shellQuote(rec.context->cwd);
    if (rec.context->pid)
      where += fmt::format("  pid {}", rec.context->pid);
    if (!rec.context->time.empty())
      where += "  at " + rec.context->time;
  }
  std::string modifiers =
      rec.modifiers.empty() ? "" : "   modifiers: " + shellJoin(rec.modifiers);

  // Nothing changed: one line for the call, one for what ran.
  if (rec.edits.empty() && rec.env.empty() && rec.files.empty()) {
    out += p.bold(head) + (rec.launcher.empty()
                               ? "  (no edits: ran as written)\n"
                               : "  (no edits: ran as written, through the "
                                 "launcher)\n");
    out += "   " + commandLine(rec) + "\n";
    for (const std::string &w : rec.warnings)
      out += "   " + p.warn("warning: " + w) + "\n";
    return out;
  }

  out += p.bold(head) + "\n";
  if (!where.empty())
    out += where + "\n";
  if (!modifiers.empty())
    out += modifiers + "\n";

  // Before: the command as the build wrote it, then the words nvcc or ld
  // also reads from variables and files, grouped by where they came from.
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const RecordWord &w : rec.original) {
    std::string src = w.origin.place();
    if (groups.empty() || groups.back().first != src)
      groups.push_back({src, {}});
    groups.back().second.push_back(w.text);
  }
  std::string before = shellQuote(rec.personality);
  for (auto &[src, ws] : groups)
    if (src.empty())
      before += " " + shellJoin(ws);
  std::string after = commandLine(rec);
  out += "   before: " + before + "\n";
  for (auto &[src, ws] : groups)
    if (!src.empty())
      out += fmt::format("           from {}: {}\n", src, shellJoin(ws));
  if (before.size() > LongCommand || after.size() > LongCommand) {
    std::vector<std::string> argvWords;
    for (const RecordWord &w : rec.original)
      if (w.origin.kind == Origin::Kind::Argv)
        argvWords.push_back(w.text);
    out += "   after:  " + envPrefix(rec) + condensedAfter(rec, argvWords) +
           "\n";
  } else {
    out += "   after:  " + after + "\n";
  }

  // The diff: each change with the rule that made it and why.
  for (const Edit &e : rec.edits) {
    std::string origin = e.where();
    out += fmt::format("   {} {}{}: {}\n", p.rule(e.rule), actionName(e.action),
                       origin.empty() ? "" : " [" + origin + "]",
                       e.reason);
    if (!e.removed.empty())
      out += "     " + p.removed("- " + shellJoin(e.removed)) + "\n";
    if (!e.added.empty())
      out += "     " + p.added("+ " + shellJoin(e.added)) + "\n";
  }
  for (const EnvEdit &e : rec.env) {
    bool set = e.op == EnvEdit::Op::Set;
    out += fmt::format("   {} {} ${}: {}\n", p.rule(e.rule),
                       set ? "set" : "unset", e.name, e.reason);
    out += "     " +
           (set ? p.added("+ " + e.name + "=" + shellQuote(e.value))
                : p.removed("- " + e.name)) +
           "\n";
  }
  for (const GeneratedFile &f : rec.files)
    out += fmt::format("   file {} (replaces {}): {}\n", f.placeholder,
                       shellQuote(f.replaces), fileLines(f));
  for (const std::string &w : rec.warnings)
    out += "   " + p.warn("warning: " + w) + "\n";
  return out;
}

// A word as the facts view writes it: shell-quoted, except that a word
// holding single quotes (and otherwise only safe characters) is
// double-quoted, which reads better in a CHECK line than '"'"'; text that
// is not UTF-8 is "bytes:<hex>".
static std::string factQuote(llvm::StringRef s) {
  if (!isUTF8(s))
    return "bytes:" + llvm::toHex(s, /*LowerCase=*/true);
  if (s.contains('\'')) {
    bool plain = llvm::all_of(s, [](unsigned char c) {
      return c == '\'' || isalnum(c) || llvm::StringRef("_@%+=:,./-").contains(c) ||
             c >= 0x80;
    });
    if (plain)
      return "\"" + s.str() + "\"";
  }
  return shellQuote(s);
}

static std::string factJoin(llvm::ArrayRef<std::string> words) {
  std::string out;
  for (const std::string &w : words)
    out += (out.empty() ? "" : " ") + factQuote(w);
  return out;
}

std::string factsText(const Record &rec) {
  std::string out;
  out += "phase: " + rec.phase + "\n";
  out += "modifiers: " +
         (rec.modifiers.empty() ? std::string("-") : factJoin(rec.modifiers)) +
         "\n";
  if (rec.parsed)
    for (const ParsedOption &p : *rec.parsed) {
      std::vector<std::string> words;
      std::string origin = "?";
      for (unsigned w : p.words)
        if (w < rec.original.size())
          words.push_back(rec.original[w].text);
      if (!p.words.empty() && p.words.front() < rec.original.size())
        origin = rec.original[p.words.front()].origin.str();
      out += fmt::format("arg {} = {} <- {} @ {}\n", p.option,
                         p.values.empty() ? "-" : factJoin(p.values),
                         factJoin(words), origin);
    }
  if (!rec.launcher.empty())
    out += "launcher: " + factJoin(rec.launcher) + "\n";
  out += "argv: " + factJoin(rec.argv) + "\n";
  for (const Edit &e : rec.edits)
    out += fmt::format("edit: {} {} {} -> {} [{}]\n", e.rule,
                       actionName(e.action), factJoin(e.removed),
                       factJoin(e.added), e.where());
  for (const GeneratedFile &f : rec.files) {
    out += fmt::format("file {} replaces {}:\n", f.placeholder,
                       factQuote(f.replaces));
    llvm::SmallVector<llvm::StringRef, 8> lines;
    llvm::StringRef(f.content).split(lines, '\n');
    if (!lines.empty() && lines.back().empty())
      lines.pop_back();
    for (llvm::StringRef l : lines)
      out += "  | " + l.str() + "\n";
  }
  for (const EnvEdit &e : rec.env)
    out += fmt::format("env: {} {} {}\n", e.op == EnvEdit::Op::Set ? "set" : "unset",
                       e.name, factQuote(e.value));
  for (const std::string &w : rec.warnings)
    out += "warning: " + w + "\n";
  return out;
}

} // namespace cuwrap
