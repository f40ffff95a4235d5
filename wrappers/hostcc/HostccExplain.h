// The compiler driver's explain analyser (HostccExplain.cpp).
#pragma once

#include "Explainer.h"

namespace cuwrap::hostcc {

const explain::Explainer &explainer();

// What `gcc -###` or `clang -###` printed: one command a line, indented by
// a space, its words quoted as a shell reads them ("..." with \" \\ \$);
// NAME=value lines (COLLECT_GCC_OPTIONS, COMPILER_PATH, ...) as the
// environment; the banner (version, target, configuration) left out, and
// anything else (errors) as messages. Sub-steps are named by the tool they
// run: host-compile (cc1, cc1plus, clang -cc1), as, linker (collect2 or
// ld), or their program.
explain::DryRun parseListing(llvm::StringRef text);

} // namespace cuwrap::hostcc
