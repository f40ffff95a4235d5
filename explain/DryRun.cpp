#include "DryRun.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace cuwrap::explain {

ShellCommand splitShellWords(llvm::StringRef line) {
  ShellCommand cmd;
  std::string word;
  bool inWord = false, quotedWord = false, redirectNext = false;
  auto finish = [&] {
    if (!inWord)
      return;
    if (redirectNext && !cmd.redirections.empty()) {
      cmd.redirections.back() += word;
      redirectNext = false;
    } else {
      cmd.words.push_back(word);
    }
    word.clear();
    inWord = quotedWord = false;
  };
  size_t i = 0, n = line.size();
  while (i < n) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      finish();
      ++i;
      continue;
    }
    if ((c == '>' || c == '<') && !quotedWord &&
        llvm::all_of(word, [](char d) { return llvm::isDigit(d); })) {
      // `2>&1`, `> file`, `>>file`: the operator, then its target word
      // unless the operator names a descriptor itself.
      std::string op = word + c;
      word.clear();
      inWord = false;
      ++i;
      if (i < n && line[i] == c)
        op += line[i++];
      bool dup = i < n && line[i] == '&';
      if (dup) {
        op += line[i++];
        while (i < n && (llvm::isDigit(line[i]) || line[i] == '-'))
          op += line[i++];
      }
      cmd.redirections.push_back(dup ? op : op + " ");
      redirectNext = !dup;
      continue;
    }
    inWord = true;
    if (c == '\\') {
      if (i + 1 < n)
        word += line[i + 1];
      i += 2;
    } else if (c == '\'') {
      quotedWord = true;
      size_t end = line.find('\'', i + 1);
      if (end == llvm::StringRef::npos)
        end = n;
      word += line.slice(i + 1, end).str();
      i = end + 1;
    } else if (c == '"') {
      quotedWord = true;
      ++i;
      while (i < n && line[i] != '"') {
        if (line[i] == '\\' && i + 1 < n &&
            llvm::StringRef("\"\\$`\n").contains(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else {
          word += line[i++];
        }
      }
      ++i;
    } else if (c == '`') {
      // A command substitution stays one piece of text.
      size_t end = line.find('`', i + 1);
      if (end == llvm::StringRef::npos)
        end = n - 1;
      word += line.slice(i, end + 1).str();
      i = end + 1;
    } else {
      word += c;
      ++i;
    }
  }
  finish();
  return cmd;
}

static bool isEnvLine(llvm::StringRef text) {
  size_t eq = text.find('=');
  if (eq == 0 || eq == llvm::StringRef::npos)
    return false;
  // nvcc.profile's keys: INCLUDES, _SPACE_, compiler-bindir.
  return llvm::all_of(text.take_front(eq), [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '-';
  });
}

const StepSet HostCompilerTools = {StepTool::HostCpp, StepTool::DeviceCpp,
                                   StepTool::HostCompile,
                                   StepTool::LinkStubCompile, StepTool::HostLink};

bool isHostCompilerTool(StepTool tool) { return HostCompilerTools.contains(tool); }

const char *stepToolName(StepTool t) {
  switch (t) {
  case StepTool::HostCpp: return "host-cpp";
  case StepTool::DeviceCpp: return "device-cpp";
  case StepTool::Cudafe: return "cudafe++";
  case StepTool::Cicc: return "cicc";
  case StepTool::Ptxas: return "ptxas";
  case StepTool::Fatbinary: return "fatbinary";
  case StepTool::HostCompile: return "host-compile";
  case StepTool::Nvlink: return "nvlink";
  case StepTool::LinkStubCompile: return "link-stub-compile";
  case StepTool::HostLink: return "host-link";
  case StepTool::Archiver: return "archiver";
  case StepTool::Bin2c: return "bin2c";
  case StepTool::Cleanup: return "cleanup";
  case StepTool::Linker: return "linker";
  case StepTool::Other: return "other";
  }
  return "?";
}

std::vector<StepTool> StepSet::tools() const {
  std::vector<StepTool> out;
  for (unsigned i = 0; i < NumStepTools; ++i)
    if (Bits & (1u << i))
      out.push_back(StepTool(i));
  return out;
}

std::string stepName(const SubStep &s) {
  return s.tool == StepTool::Other ? s.program : stepToolName(s.tool);
}

static bool isCompilerDriverName(llvm::StringRef base) {
  // gcc, g++, x86_64-linux-gnu-g++-12, clang++, c++, cc, icpx, ...
  for (llvm::StringRef stem : {"gcc", "g++", "clang", "clang++", "c++", "cc",
                               "icpx", "icx", "nvc++"}) {
    if (base == stem || base.endswith("-" + stem.str()) ||
        base.startswith(stem.str() + "-"))
      return true;
    size_t at = base.find(stem);
    if (at != llvm::StringRef::npos && stem.size() > 2 &&
        (at == 0 || base[at - 1] == '-'))
      return true;
  }
  return false;
}

StepTool classifyStep(const std::vector<std::string> &argv) {
  if (argv.empty())
    return StepTool::Other;
  llvm::StringRef first = argv[0];
  if (first.contains("print-prog-name=ar"))
    return StepTool::Archiver;
  llvm::StringRef base = llvm::sys::path::filename(first.trim('`'));
  static const std::pair<llvm::StringRef, StepTool> Named[] = {
      {"cudafe++", StepTool::Cudafe},   {"cicc", StepTool::Cicc},
      {"ptxas", StepTool::Ptxas},       {"fatbinary", StepTool::Fatbinary},
      {"nvlink", StepTool::Nvlink},     {"bin2c", StepTool::Bin2c},
      {"rm", StepTool::Cleanup},        {"ar", StepTool::Archiver},
      {"ld", StepTool::Linker},         {"ld.bfd", StepTool::Linker},
      {"ld.gold", StepTool::Linker},    {"ld.lld", StepTool::Linker},
      {"collect2", StepTool::Linker},
  };
  for (const auto &[name, tool] : Named)
    if (base == name)
      return tool;
  if (base.endswith("-ar"))
    return StepTool::Archiver;
  if (isCompilerDriverName(base)) {
    bool preprocess = false, compile = false, device = false, stub = false;
    for (llvm::StringRef a : llvm::makeArrayRef(argv).drop_front()) {
      preprocess |= a == "-E";
      compile |= a == "-c";
      device |= a.startswith("-D__CUDA_ARCH__=");
      stub |= a.endswith("crt/link.stub");
    }
    if (preprocess)
      return device ? StepTool::DeviceCpp : StepTool::HostCpp;
    if (compile)
      return stub ? StepTool::LinkStubCompile : StepTool::HostCompile;
    return StepTool::HostLink;
  }
  return StepTool::Other;
}

DryRun parseDryRun(llvm::StringRef output) {
  DryRun run;
  llvm::SmallVector<llvm::StringRef, 64> lines;
  output.split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef line : lines) {
    line = line.rtrim("\r");
    if (!line.startswith("#$ ")) {
      run.messages.push_back(line.str());
      continue;
    }
    llvm::StringRef text = line.drop_front(3);
    if (isEnvLine(text)) {
      auto [name, value] = text.split('=');
      run.env.emplace_back(name.str(), value.trim().str());
      continue;
    }
    ShellCommand cmd = splitShellWords(text);
    if (cmd.words.empty())
      continue;
    SubStep step;
    step.index = run.steps.size() + 1;
    // `-- Filter Dependencies -- > x.d`: nvcc writes -MD's file itself.
    if (text.startswith("-- ")) {
      step.program = "dependency-filter";
    } else {
      step.tool = classifyStep(cmd.words);
      step.program = llvm::sys::path::filename(
                         llvm::StringRef(cmd.words.front()).trim('`'))
                         .str();
    }
    step.argv = std::move(cmd.words);
    step.redirections = std::move(cmd.redirections);
    step.line = text.str();
    run.steps.push_back(std::move(step));
  }
  return run;
}

} // namespace cuwrap::explain
