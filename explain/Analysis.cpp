#include "Analysis.h"

#include "RunpathPolicy.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

namespace cuwrap::explain {

namespace {
std::string keyOf(llvm::ArrayRef<std::string> words) {
  return llvm::join(words, std::string(1, '\x1f'));
}

const Edit *editRemoving(const std::vector<Edit> &edits,
                         llvm::ArrayRef<std::string> words) {
  for (const std::string &w : llvm::reverse(words))
    for (const Edit &e : edits)
      if (llvm::is_contained(e.removed, w))
        return &e;
  return nullptr;
}
} // namespace

void Report::addHazard(std::string kind, std::string message, std::string fix) {
  for (const Hazard &h : hazards)
    if (h.kind == kind && h.message == message)
      return;
  hazards.push_back({std::move(kind), std::move(message), std::move(fix), {}});
}

WordIndex::WordIndex(llvm::ArrayRef<std::string> argv) : Argv(argv) {
  for (size_t i = 0; i < argv.size(); ++i)
    At[argv[i]].push_back(i);
}

bool WordIndex::containsRun(llvm::ArrayRef<std::string> run) const {
  if (run.empty())
    return false;
  auto it = At.find(run.front());
  if (it == At.end())
    return false;
  for (size_t i : it->second)
    if (i + run.size() <= Argv.size() &&
        std::equal(run.begin(), run.end(), Argv.begin() + i))
      return true;
  return false;
}

std::vector<std::string> spanTexts(const ToolCall &call,
                                   const llvm::opt::Arg &a) {
  std::vector<std::string> out;
  for (unsigned w : call.parsed.span(a))
    out.push_back(call.cmd.words[w].text);
  return out;
}

ArgumentOrigins::ArgumentOrigins(const ToolCall &original,
                                 const std::vector<Edit> &edits)
    : Edits(edits) {
  for (const llvm::opt::Arg *a : original.args()) {
    unsigned first = original.parsed.span(*a).front();
    ByKey.emplace(keyOf(spanTexts(original, *a)),
                  original.cmd.words[first].origin.str());
  }
}

std::string ArgumentOrigins::take(llvm::ArrayRef<std::string> words) {
  auto it = ByKey.find(keyOf(words));
  if (it != ByKey.end()) {
    std::string o = it->second;
    ByKey.erase(it);
    return o;
  }
  // The last word is the one that names the edit: the first is often an
  // option name (-Xlinker, -ccbin) that several rules add.
  for (const std::string &w : llvm::reverse(words))
    for (const Edit &e : Edits)
      if (llvm::is_contained(e.added, w))
        return fmt::format("cuwrap ({})", e.rule);
  return "cuwrap";
}

std::vector<std::pair<ArgumentReport, const Edit *>>
ArgumentOrigins::leftovers() const {
  std::vector<std::pair<ArgumentReport, const Edit *>> out;
  for (const auto &[key, origin] : ByKey) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    llvm::StringRef(key).split(parts, '\x1f');
    ArgumentReport ar;
    for (auto p : parts)
      ar.words.push_back(p.str());
    ar.origin = origin;
    const Edit *e = editRemoving(Edits, ar.words);
    if (e)
      ar.droppedReason =
          fmt::format("removed by cuwrap ({}): {}", e->rule, e->reason);
    out.emplace_back(std::move(ar), e);
  }
  return out;
}

std::vector<std::string> rpathsOf(llvm::ArrayRef<std::string> argv,
                                  bool compilerDriver) {
  std::vector<std::string> words;
  if (compilerDriver) {
    for (size_t i = 0; i < argv.size(); ++i) {
      llvm::StringRef w = argv[i];
      if (w.startswith("-Wl,")) {
        llvm::SmallVector<llvm::StringRef, 4> parts;
        w.drop_front(4).split(parts, ',');
        for (auto p : parts)
          words.push_back(p.str());
      } else if (w == "-Xlinker" && i + 1 < argv.size()) {
        words.push_back(argv[++i]);
      }
    }
  } else {
    words = argv.vec();
  }
  return rpathsInLinkerWords(words);
}

bool isHostLinkerOnly(llvm::StringRef w) {
  static const char *const HostLinkerOnly[] = {
      "-rpath", "-rpath-link", "--rpath", "-soname", "--enable-new-dtags",
      "--disable-new-dtags", "--as-needed", "--no-as-needed", "--start-group",
      "--end-group", "-Bstatic", "-Bdynamic", "--dynamic-linker", "-z"};
  for (const char *o : HostLinkerOnly)
    if (w == o || (w.startswith(o) && w.drop_front(strlen(o)).startswith("=")))
      return true;
  return w.startswith("-Wl,");
}

std::string shellTrouble(llvm::StringRef v) {
  std::vector<std::string> what;
  if (v.find_first_of(" \t\n") != llvm::StringRef::npos)
    what.push_back("a blank splits it into several words");
  if (v.contains('$'))
    what.push_back("'$' expands a variable");
  if (v.contains('`'))
    what.push_back("a backquote runs a command");
  if (v.find_first_of("\"'") != llvm::StringRef::npos)
    what.push_back("the shell removes its quotes");
  if (v.contains('\\'))
    what.push_back("the shell eats its backslashes");
  return llvm::join(what, ", ");
}

static std::string fixFor(LinkRoute route, const std::string &driver) {
  switch (route) {
  case LinkRoute::Linker:
    return fmt::format("add -rpath {} to this link", driver);
  case LinkRoute::Nvcc:
    return fmt::format("add -Xlinker -rpath,{} to the link (or put cuwrap's "
                       "ld wrapper first on PATH)",
                       driver);
  case LinkRoute::CompilerDriver:
    return fmt::format("add -Wl,-rpath,{} to the link, or let the driver run "
                       "cuwrap's ld (-B<cuwrap's wrappers directory>/, as "
                       "cuwrap's CMake toolchain file does), which adds it",
                       driver);
  }
  return "";
}

void hostLinkHazards(Report &r, llvm::ArrayRef<std::string> rpaths,
                     const Config &config, bool finalLink,
                     llvm::StringRef where, LinkRoute route) {
  for (const std::string &p : rpaths)
    if (isStubsDir(p) || llvm::StringRef(p).contains("/stubs/"))
      r.addHazard("stubs-runpath",
                  fmt::format("{} puts the stubs directory {} into RUNPATH: "
                              "the program would load the stub libcuda.so and "
                              "fail with \"CUDA driver is a stub library\"",
                              where.str(), p),
                  "link against the stubs with -L only; never -rpath a stubs "
                  "directory");
  const std::string &driver = config.driverDir.value;
  if (finalLink && !driver.empty() && !llvm::is_contained(rpaths, driver))
    r.addHazard("missing-driver-runpath",
                fmt::format("{} passes no -rpath {}: the program cannot find "
                            "libcuda.so.1 at run time (static cudart dlopens "
                            "it too) unless a later step adds it",
                            where.str(), driver),
                fixFor(route, driver));
}

} // namespace cuwrap::explain
