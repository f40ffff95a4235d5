#include "PlanError.h"

namespace cuwrap {

char PolicyError::ID = 0;

PlanFailure describePlanError(llvm::Error e) {
  int status = e.isA<PolicyError>() ? 1 : 127;
  return PlanFailure{llvm::toString(std::move(e)), status};
}

} // namespace cuwrap
