#include "Personality.h"
#include "ToolLookup.h"

namespace cuwrap {

std::vector<llvm::StringRef> Personality::aliases() const {
  llvm::SmallVector<llvm::StringRef, 4> parts;
  llvm::StringRef(Info.aliases).split(parts, ';', -1, /*KeepEmpty=*/false);
  return {parts.begin(), parts.end()};
}

bool Personality::answersTo(llvm::StringRef name) const {
  return name == Info.name || llvm::is_contained(aliases(), name);
}

llvm::Expected<PlannedCall> planCall(const Personality &p,
                                     llvm::StringRef invokedAs,
                                     llvm::ArrayRef<std::string> args,
                                     const RuleContext &ctx) {
  PlannedCall out;
  out.personality = &p;
  out.invokedAs = invokedAs.str();
  out.call = p.parse(invokedAs, args, ctx);
  RealTool tool = p.realTool(invokedAs, ctx.config);
  static const Setting<std::string> none;
  const Setting<std::string> &configured = tool.configured ? *tool.configured : none;
  auto program = findTool(tool.lookup, configured.value, configured.source,
                          tool.variable, ctx, tool.needsBeside);
  if (!program)
    return program.takeError();
  PlanBuilder builder(out.call->cmd, p.translatesResponseFiles());
  if (auto e = p.applyRules(*out.call, ctx, builder))
    return std::move(e);
  out.plan = builder.finish(*program);
  const Setting<Launcher> &launcher = ctx.config.launcher;
  if (!launcher.value.words.empty() && p.takesLauncher(*out.call)) {
    auto first = findLauncher(launcher.value.words.front(), launcher.source, ctx);
    if (!first)
      return first.takeError();
    out.plan.launcher = launcher.value.words;
    out.plan.launcher.front() = *first;
  }
  return std::move(out);
}

} // namespace cuwrap
