#include "NvccRules.h"
#include "LinkFacts.h"

#include <fmt/format.h>

namespace cuwrap::nvcc {

// nvcc splits -Xlinker values at commas, except inside double quotes,
// which it keeps for the shell (docs/nvcc.md).
static std::vector<std::string> linkerWords(llvm::StringRef value) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '"')
      quoted = !quoted;
    else if (c == '\\' && i + 1 < value.size() && value[i + 1] == ',')
      out.back() += value[++i];
    else if (c == ',' && !quoted)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// nvcc pastes -Xlinker values unquoted into the `/bin/sh -c` string that
// runs the host link: a space would split the path and `$` would expand.
// Double quotes keep a value whole, commas included (observed with nvcc
// 13.0 --dryrun). Characters that stay special inside double quotes are
// refused rather than guessed at.
static std::optional<std::string> shellSafe(llvm::StringRef dir) {
  bool plain = true;
  for (char c : dir) {
    if (c == '"' || c == '`' || c == '$' || c == '\\' || c == '\n')
      return std::nullopt;
    if (!(isalnum(static_cast<unsigned char>(c)) ||
          llvm::StringRef("/._-+=:@%").contains(c)))
      plain = false;
  }
  return plain ? dir.str() : fmt::format("\"{}\"", dir.str());
}

// nvcc's final link (and only it: -Xlinker values are dropped for -c, -dc,
// -dlink and -lib, and nvlink rejects -rpath) gets the RUNPATH entries the
// ld personality would give the same link, so that both routes agree.
llvm::Error runpathRule(const Invocation &inv, const RuleContext &ctx,
                        PlanBuilder &builder) {
  if (inv.phase != Phase::Link)
    return llvm::Error::success();
  if (auto v = ctx.env.getNonEmpty("NIX_DONT_SET_RPATH"); v && *v != "0")
    return llvm::Error::success();
  const auto &args = inv.args();

  using Item = LinkLine::Item;
  LinkLine line;
  std::vector<std::string> linker;
  for (const llvm::opt::Arg *a : args) {
    unsigned id = ParsedArgs::id(*a);
    if (id == OPT_linker_options)
      for (auto &w : linkerWords(a->getValue()))
        linker.push_back(w);
    else if (id == OPT_UNKNOWN) {
      // gcc's -Wl,a,b: the same linker words, whether wl-to-xlinker turns
      // it into -Xlinker or -forward-unknown-to-host-linker hands it to the
      // host compiler; gcc splits it at every comma.
      llvm::StringRef text = inv.cmd.words[inv.parsed.span(*a).front()].text;
      if (text.consume_front("-Wl,")) {
        llvm::SmallVector<llvm::StringRef, 4> elems;
        text.split(elems, ',', -1, /*KeepEmpty=*/false);
        for (llvm::StringRef e : elems)
          linker.push_back(e.str());
      }
    } else if (id == OPT_library_path)
      for (auto &d : splitList(a->getValue()))
        line.items.push_back({Item::Kind::LibraryDir, d});
    else if (id == OPT_library)
      for (auto &l : splitList(a->getValue()))
        line.items.push_back({Item::Kind::Library, l});
    else if (id == OPT_INPUT)
      line.items.push_back({Item::Kind::Input, a->getValue()});
  }
  line.userRpaths = rpathsInLinkerWords(linker);

  // nvcc's profile adds -L<cuda>/lib/stubs and -L<cuda>/lib after the
  // user's, and links cudart itself unless told `-cudart none`.
  std::string cudart = args.getLastArgValue(OPT_cudart, "static").lower();
  if (!ctx.config.cudartDir.value.empty()) {
    line.items.push_back(
        {Item::Kind::LibraryDir, ctx.config.cudartDir.value + "/stubs"});
    line.items.push_back({Item::Kind::LibraryDir, ctx.config.cudartDir.value});
  }
  line.linksCudart = cudart != "none";
  if (cudart == "shared") {
    line.cudartShared = true;
    line.items.push_back({Item::Kind::Library, "cudart"});
  }

  LinkFacts facts = gatherLinkFacts(line, ctx.config, ctx.fs);
  auto entries =
      runpathEntries(RunpathConfig::from(ctx.config), facts,
                     [&](llvm::StringRef d) { return canonicalDir(ctx.fs, d); });
  for (const RunpathEntry &e : entries) {
    auto word = shellSafe(e.dir);
    if (!word) {
      builder.warn(fmt::format(
          "RUNPATH entry '{}' not added: nvcc passes -Xlinker values through "
          "/bin/sh and the path holds a character the shell would change",
          e.dir));
      continue;
    }
    builder.append({"-Xlinker", "-rpath," + *word}, e.reason);
  }
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
