// The linker's explain analyser (LdExplain.cpp).
#pragma once

#include "Analysis.h"
#include "Explainer.h"

namespace cuwrap::ld {

struct Invocation;

const explain::Explainer &explainer();

// The inputs of a linker call in order, -l libraries looked up in the -L
// directories the way GNU ld does (lib<name>.so before lib<name>.a unless
// -Bstatic/-static; -l:<file> by name), --whole-archive regions marked.
std::vector<explain::devcode::LinkInput> linkInputsOf(const Invocation &inv,
                                                      llvm::StringRef cwd);

// The hazards of a link line, whichever route ran it (ld itself, or the ld
// a compiler driver runs): its RUNPATH, and the device code of its inputs
// read from `cwd` (empty: not read). `where` names the line in messages,
// `route` who runs it (the fixes say how to change it there).
explain::Report analyzeLinkLine(const Invocation &planned, const Config &config,
                                llvm::ArrayRef<std::string> args,
                                llvm::StringRef where, llvm::StringRef cwd,
                                explain::Report r,
                                explain::LinkRoute route =
                                    explain::LinkRoute::Linker);

} // namespace cuwrap::ld
