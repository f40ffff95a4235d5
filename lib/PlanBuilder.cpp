#include "PlanBuilder.h"

namespace cuwrap {

void PlanBuilder::setEnv(llvm::StringRef name, llvm::StringRef value,
                         llvm::StringRef reason) {
  Env.push_back(EnvEdit{EnvEdit::Op::Set, name.str(), value.str(), Rule,
                        reason.str()});
}

void PlanBuilder::unsetEnv(llvm::StringRef name, llvm::StringRef reason) {
  Env.push_back(EnvEdit{EnvEdit::Op::Unset, name.str(), "", Rule, reason.str()});
}

void PlanBuilder::removeVariable(llvm::StringRef name, llvm::StringRef value,
                                 llvm::StringRef reason) {
  unsetEnv(name, reason);
  Editor.note(Edit{Rule, Edit::Action::Env, {name.str() + "=" + value.str()}, {},
                   Origin{Origin::Kind::EnvVar, name.str(), 0},
                   Edit::Placement::At, reason.str()});
}

Plan PlanBuilder::finish(std::string program) const {
  Plan plan;
  plan.program = std::move(program);
  plan.env = Env;
  plan.warnings = Warnings;
  plan.checkRunpath = CheckRunpath;
  // The editor adds the variables and files it had to write again.
  Editor.render(plan);
  return plan;
}

} // namespace cuwrap
