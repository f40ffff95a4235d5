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
  return llvm::all_of(text.take_front(eq), [](char c) {
    return llvm::isAlnum(c) || c == '_';
  });
}

bool isHostCompilerTool(llvm::StringRef tool) {
  return tool == "host-cpp" || tool == "device-cpp" || tool == "host-compile" ||
         tool == "link-stub-compile" || tool == "host-link";
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

std::string classifyStep(const std::vector<std::string> &argv) {
  if (argv.empty())
    return "empty";
  llvm::StringRef first = argv[0];
  if (first.contains("print-prog-name=ar"))
    return "archiver";
  llvm::StringRef base = llvm::sys::path::filename(first.trim('`'));
  if (base == "cudafe++" || base == "cicc" || base == "ptxas" ||
      base == "fatbinary" || base == "nvlink" || base == "bin2c" ||
      base == "nvdisasm" || base == "cuobjdump")
    return base.str();
  if (base == "rm")
    return "cleanup";
  if (base == "ar" || base.endswith("-ar"))
    return "archiver";
  if (isCompilerDriverName(base)) {
    bool preprocess = false, compile = false, device = false, stub = false;
    for (llvm::StringRef a : llvm::makeArrayRef(argv).drop_front()) {
      preprocess |= a == "-E";
      compile |= a == "-c";
      device |= a.startswith("-D__CUDA_ARCH__=");
      stub |= a.endswith("crt/link.stub");
    }
    if (preprocess)
      return device ? "device-cpp" : "host-cpp";
    if (compile)
      return stub ? "link-stub-compile" : "host-compile";
    return "host-link";
  }
  return base.str();
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
    step.tool = classifyStep(cmd.words);
    step.argv = std::move(cmd.words);
    step.redirections = std::move(cmd.redirections);
    step.line = text.str();
    run.steps.push_back(std::move(step));
  }
  return run;
}

} // namespace cuwrap::explain
