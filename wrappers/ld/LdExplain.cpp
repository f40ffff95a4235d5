// `cuwrap explain -- ld ARGS`: a linker runs as one step, so every argument
// reaches it as written; what is worth saying is where each came from, what
// cuwrap's rules changed, and the RUNPATH hazards of the line.
#include "LdExplain.h"

#include "Analysis.h"
#include "LdInvocation.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace cuwrap::ld {

using namespace explain;

std::vector<devcode::LinkInput> linkInputsOf(const Invocation &inv,
                                             llvm::StringRef cwd) {
  // GNU ld: every -L applies to every -l, wherever it stands.
  std::vector<std::string> dirs = inv.values(OPT_library_path);
  auto exists = [&](const std::string &dir, const std::string &name,
                    std::string &found) {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, name);
    llvm::SmallString<256> abs(p);
    if (!llvm::sys::path::is_absolute(abs) && !cwd.empty()) {
      abs = cwd;
      llvm::sys::path::append(abs, p);
    }
    if (!llvm::sys::fs::exists(abs))
      return false;
    found = std::string(p);
    return true;
  };
  std::vector<devcode::LinkInput> out;
  bool whole = false, staticOnly = inv.args().hasArg(OPT_static);
  for (const llvm::opt::Arg *a : inv.args()) {
    switch (ParsedArgs::id(*a)) {
    case OPT_INPUT:
      // `@file`: its words are parsed in its place already.
      if (!llvm::StringRef(a->getValue()).startswith("@"))
        out.push_back({a->getValue(), "", whole});
      break;
    case OPT_whole_archive: whole = true; break;
    case OPT_no_whole_archive: whole = false; break;
    case OPT_Bstatic: staticOnly = true; break;
    case OPT_Bdynamic: staticOnly = false; break;
    case OPT_library: {
      llvm::StringRef v = a->getValue();
      std::vector<std::string> names;
      if (v.startswith(":"))
        names.push_back(v.drop_front().str());
      else {
        if (!staticOnly)
          names.push_back(("lib" + v + ".so").str());
        names.push_back(("lib" + v + ".a").str());
      }
      devcode::LinkInput in{"", ("-l" + v).str(), whole};
      for (const std::string &d : dirs) {
        for (const std::string &n : names)
          if (exists(d, n, in.path))
            break;
        if (!in.path.empty())
          break;
      }
      out.push_back(std::move(in));
      break;
    }
    default:
      break;
    }
  }
  return out;
}

Report analyzeLinkLine(const Invocation &planned, const Config &config,
                       llvm::ArrayRef<std::string> args, llvm::StringRef where,
                       llvm::StringRef cwd, Report r, LinkRoute route) {
  bool links = planned.kind == Kind::Executable || planned.kind == Kind::Shared;
  hostLinkHazards(r, rpathsOf(args, false), config, links, where, route);
  // Device code in the inputs: only links that make a program or a shared
  // library need their relocatable device code device-linked (`ld -r` may
  // pass it on as it is).
  if (!cwd.empty() && (links || planned.kind == Kind::Static)) {
    r.linkInputs = devcode::analyzeLinkInputs(
        linkInputsOf(planned, cwd), cwd,
        planned.kind == Kind::Shared ? devcode::LinkKind::SharedLibrary
                                     : devcode::LinkKind::Program);
    r.hazards.insert(r.hazards.end(), r.linkInputs.hazards.begin(),
                     r.linkInputs.hazards.end());
  }
  return r;
}

namespace {

class LdExplainer final : public Explainer {
public:
  Report analyze(const ExplainInput &in) const override {
    const auto &planned = static_cast<const Invocation &>(in.planned);
    Report r;
    r.personality = in.invokedAs;
    r.phase = kindName(planned.kind);
    r.program = in.plan.program;
    r.args = in.plan.args;
    r.edits = in.plan.edits;
    r.envEdits = in.plan.env;
    SubStep step;
    step.index = 1;
    step.tool = StepTool::Linker;
    step.argv.push_back(in.plan.program);
    step.argv.insert(step.argv.end(), in.plan.args.begin(), in.plan.args.end());
    r.run.steps.push_back(step);

    ArgumentOrigins origins(in.original, in.plan.edits);
    for (const llvm::opt::Arg *a : planned.args()) {
      ArgumentReport ar;
      ar.words = spanTexts(planned, *a);
      ar.origin = origins.take(ar.words);
      ar.reached.push_back({1, "linker", llvm::join(ar.words, " ")});
      r.arguments.push_back(std::move(ar));
    }
    for (auto &[ar, removedBy] : origins.leftovers()) {
      if (!removedBy)
        ar.droppedReason = "not in the planned command";
      r.arguments.push_back(std::move(ar));
    }
    // The words ld reads: response files' words in their place (the
    // Makefile generator's links name everything in @files).
    std::vector<std::string> words;
    for (const Word &w : planned.cmd.words)
      if (!w.expanded)
        words.push_back(w.text);
    return analyzeLinkLine(planned, in.config, words, "this link", in.cwd,
                           std::move(r));
  }
};

} // namespace

const explain::Explainer &explainer() {
  static const LdExplainer e;
  return e;
}

} // namespace cuwrap::ld
