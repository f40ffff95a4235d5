// `cuwrap explain -- ld ARGS`: a linker runs as one step, so every argument
// reaches it as written; what is worth saying is where each came from, what
// cuwrap's rules changed, and the RUNPATH hazards of the line.
#include "LdExplain.h"

#include "Analysis.h"
#include "LdInvocation.h"

#include "llvm/ADT/StringExtras.h"

namespace cuwrap::ld {

using namespace explain;

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
    bool links = planned.kind == Kind::Executable || planned.kind == Kind::Shared;
    hostLinkHazards(r, rpathsOf(in.plan.args, false), in.config, links,
                    "this link", /*linkerItself=*/true);
    return r;
  }
};

} // namespace

const explain::Explainer &explainer() {
  static const LdExplainer e;
  return e;
}

} // namespace cuwrap::ld
