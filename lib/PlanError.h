// Why a plan could not be made, and how the wrapper should exit for it. A
// missing tool is 127 (what a shell says for a command it cannot run); a
// configured policy refusing the command (host_policy=check) is an ordinary
// failure of the build step, 1, like a compiler rejecting its input.
#pragma once

#include "llvm/Support/Error.h"

#include <string>

namespace cuwrap {

class PolicyError : public llvm::ErrorInfo<PolicyError> {
public:
  static char ID;
  explicit PolicyError(std::string msg) : Msg(std::move(msg)) {}
  void log(llvm::raw_ostream &os) const override { os << Msg; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  std::string Msg;
};

struct PlanFailure {
  std::string message;
  int status; // 1 for a policy refusal, 127 otherwise
};
PlanFailure describePlanError(llvm::Error e);

} // namespace cuwrap
