#include "NvccRules.h"
#include "HostShellWord.h"
#include "LinkFacts.h"

#include "llvm/ADT/StringExtras.h"

#include <map>

#include <fmt/format.h>

namespace cuwrap::nvcc {

// An nvcc word that holds linker words: -Xlinker's value (nvcc splits it
// at commas, except inside double quotes, which it keeps for the shell, and
// `\,`; docs/nvcc.md) or gcc's -Wl,a,b (split at every comma). Each
// linker word is kept as written and as the linker gets it, so that one can
// be replaced and the others written back exactly.
struct Holder {
  std::vector<unsigned> span; // the argument's words
  unsigned word = 0;          // the word holding the value
  size_t offset = 0;          // where the value starts in it
  bool wl = false;
  std::vector<std::string> raw, cooked;
};

static void splitXlinker(llvm::StringRef value, Holder &h) {
  h.raw.emplace_back();
  h.cooked.emplace_back();
  bool quoted = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '"') {
      quoted = !quoted;
      h.raw.back() += c;
    } else if (c == '\\' && i + 1 < value.size() && value[i + 1] == ',') {
      h.raw.back() += "\\,";
      h.cooked.back() += value[++i];
    } else if (c == ',' && !quoted) {
      h.raw.emplace_back();
      h.cooked.emplace_back();
    } else {
      h.raw.back() += c;
      h.cooked.back() += c;
    }
  }
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

// The user's -rpath options that named a stubs directory, rewritten in
// their words. Each holder whose linker words changed is written again:
// the untouched words as they were written (quoted as host-quoting quotes
// them), a changed one quoted for the shell where it needs it; a holder
// left with no linker word goes.
static void replaceStubsEntries(const Invocation &inv, const LinkFacts &facts,
                                const LinkLine &line,
                                std::vector<Holder> &holders,
                                bool wlTranslated, PlanBuilder &builder) {
  if (facts.stubsReplaced.empty())
    return;
  struct Change {
    std::vector<std::optional<std::string>> text; // new cooked text
    std::vector<bool> gone;
    std::vector<std::string> reasons;
  };
  std::map<unsigned, unsigned> holderOf; // value word -> holder
  for (unsigned h = 0; h < holders.size(); ++h)
    holderOf[holders[h].word] = h;
  std::map<unsigned, Change> changes; // by holder
  auto change = [&](unsigned word) -> Change & {
    unsigned h = holderOf.at(word);
    Change &c = changes[h];
    c.text.resize(holders[h].cooked.size());
    c.gone.resize(holders[h].cooked.size());
    return c;
  };
  for (const StubsReplacement &r : facts.stubsReplaced) {
    const LinkLine::Rpath &u = line.userRpaths[r.option];
    std::string reason = stubsReason(r);
    if (r.dirs.empty()) {
      Change &c = change(u.optionWord);
      c.gone[u.optionElement] = true;
      c.reasons.push_back(reason);
      Change &v = change(u.word);
      v.gone[u.element] = true;
      if (u.word != u.optionWord)
        v.reasons.push_back(reason);
      continue;
    }
    Change &c = change(u.word);
    c.text[u.element] =
        holders[holderOf.at(u.word)].cooked[u.element].substr(0, u.offset) +
        llvm::join(r.dirs, ":");
    c.reasons.push_back(reason);
  }
  for (auto &[h, c] : changes) {
    const Holder &hold = holders[h];
    const Word &w = inv.cmd.words[hold.word];
    bool argv = w.origin.kind == Origin::Kind::Argv;
    llvm::StringRef value = llvm::StringRef(w.text).drop_front(hold.offset);
    // host-quoting quotes every element of a plain value on argv; the
    // words written again here must keep that.
    bool plainValue = !value.contains('"') && !value.contains("\\,");
    std::vector<std::string> elems;
    bool ok = true;
    for (size_t e = 0; e < hold.cooked.size() && ok; ++e) {
      if (c.gone[e])
        continue;
      if (!c.text[e]) {
        // A -Wl word's elements are quoted by xlinkerForWl, if at all.
        auto q = argv && plainValue && !hold.wl ? shellSafeElement(hold.raw[e])
                                                : std::nullopt;
        elems.push_back(q ? *q : hold.raw[e]);
        continue;
      }
      // A -Wl, that nvcc forwards as written cannot take quotes; one that
      // becomes -Xlinker is quoted by xlinkerForWl, on argv.
      auto q = shellSafe(*c.text[e]);
      if (!q || (*q != *c.text[e] && (!argv || (hold.wl && !wlTranslated)))) {
        builder.warn(fmt::format(
            "'{}' ({}) keeps its stubs directory: its replacement holds a "
            "character that the shell nvcc runs would change, and cuwrap "
            "cannot quote it there",
            w.text, w.origin.str()));
        ok = false;
        break;
      }
      elems.push_back(hold.wl ? *c.text[e] : *q);
    }
    if (!ok)
      continue;
    std::string reason = llvm::join(c.reasons, "; ");
    if (elems.empty()) {
      builder.remove(hold.span, reason);
    } else if (!hold.wl) {
      builder.replace({hold.word},
                      {w.text.substr(0, hold.offset) + llvm::join(elems, ",")},
                      reason);
    } else if (wlTranslated) {
      builder.replace(hold.span, xlinkerForWl(elems, w.origin.kind), reason);
    } else {
      builder.replace(hold.span, {"-Wl," + llvm::join(elems, ",")}, reason);
    }
  }
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
  std::vector<Holder> holders;
  bool wlTranslated = !inv.forwardsUnknownToHostLinker();
  for (const llvm::opt::Arg *a : args) {
    unsigned id = ParsedArgs::id(*a);
    if (id == OPT_linker_options) {
      Holder h;
      h.span = inv.parsed.span(*a);
      std::tie(h.word, h.offset) = inv.parsed.valueLocation(*a);
      splitXlinker(a->getValue(), h);
      holders.push_back(std::move(h));
    } else if (id == OPT_UNKNOWN) {
      // gcc's -Wl,a,b: the same linker words, whether wl-to-xlinker turns
      // it into -Xlinker or -forward-unknown-to-host-linker hands it to the
      // host compiler; gcc splits it at every comma.
      Holder h;
      h.span = inv.parsed.span(*a);
      h.word = h.span.front();
      llvm::StringRef text = inv.cmd.words[h.word].text;
      if (!text.consume_front("-Wl,"))
        continue;
      h.offset = 4;
      h.wl = true;
      llvm::SmallVector<llvm::StringRef, 4> elems;
      text.split(elems, ',', -1, /*KeepEmpty=*/false);
      for (llvm::StringRef e : elems) {
        h.raw.push_back(e.str());
        h.cooked.push_back(e.str());
      }
      holders.push_back(std::move(h));
    } else if (id == OPT_library_path)
      for (auto &d : splitList(a->getValue()))
        line.items.push_back({Item::Kind::LibraryDir, d});
    else if (id == OPT_library)
      for (auto &l : splitList(a->getValue()))
        line.items.push_back({Item::Kind::Library, l});
    else if (id == OPT_INPUT)
      line.items.push_back({Item::Kind::Input, a->getValue()});
  }
  // The linker words in the order the linker gets them, each with its
  // holder and place there.
  std::vector<std::string> linker;
  std::vector<std::pair<unsigned, unsigned>> at;
  for (unsigned h = 0; h < holders.size(); ++h)
    for (unsigned e = 0; e < holders[h].cooked.size(); ++e) {
      linker.push_back(holders[h].cooked[e]);
      at.push_back({h, e});
    }
  for (const RpathOption &o : rpathOptionsInLinkerWords(linker))
    line.userRpaths.push_back({o.value, holders[at[o.word].first].word,
                               at[o.word].second, o.offset,
                               holders[at[o.flag].first].word,
                               at[o.flag].second});

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
  replaceStubsEntries(inv, facts, line, holders, wlTranslated, builder);
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
