#include "ParsedArgs.h"

namespace cuwrap {

std::vector<std::string> splitList(llvm::StringRef value) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == ',') {
      out.back() += ',';
      ++i;
    } else if (value[i] == ',') {
      out.emplace_back();
    } else {
      out.back() += value[i];
    }
  }
  return out;
}

void ParsedArgs::parseOnce(const CommandLine &cmd,
                           const llvm::opt::OptTable &table) {
  std::vector<const char *> ptrs = cmd.cstrs();
  unsigned missingIndex = 0, missingCount = 0;
  Args = table.ParseArgs(ptrs, missingIndex, missingCount);
  NumWords = ptrs.size();
  ParsedEnd = missingCount ? missingIndex : NumWords;
  ArgStarts.clear();
  for (const llvm::opt::Arg *a : Args)
    ArgStarts.push_back(a->getIndex());
}

std::vector<unsigned> ParsedArgs::span(const llvm::opt::Arg &a) const {
  unsigned begin = a.getIndex();
  auto it = std::upper_bound(ArgStarts.begin(), ArgStarts.end(), begin);
  unsigned end = it == ArgStarts.end() ? ParsedEnd : *it;
  std::vector<unsigned> out;
  for (unsigned i = begin; i < end; ++i)
    out.push_back(i);
  return out;
}

std::pair<unsigned, size_t>
ParsedArgs::valueLocation(const llvm::opt::Arg &a) const {
  auto sp = span(a);
  if (sp.size() > 1)
    return {sp.back(), 0};
  // A joined value ends its word. The argument's spelling cannot tell
  // where it starts: for an alias it is the unaliased option's
  // ("--options-file" for `-optf=a` or `--options-file=a`).
  llvm::StringRef word = Args.getArgString(sp.front());
  size_t valueSize = a.getNumValues() ? llvm::StringRef(a.getValue()).size() : 0;
  return {sp.front(), word.size() - valueSize};
}

std::vector<ParsedOption> ParsedArgs::describe(unsigned listFlag) const {
  std::vector<ParsedOption> out;
  for (const llvm::opt::Arg *a : Args) {
    llvm::opt::Option opt = a->getOption().getUnaliasedOption();
    ParsedOption p;
    if (opt.getKind() == llvm::opt::Option::InputClass)
      p.option = "<input>";
    else if (opt.getKind() == llvm::opt::Option::UnknownClass)
      p.option = "<unknown>";
    else
      p.option = opt.getName().str();
    for (const char *v : a->getValues()) {
      if (listFlag && opt.hasFlag(listFlag)) {
        auto elems = splitList(v);
        p.values.insert(p.values.end(), elems.begin(), elems.end());
      } else {
        p.values.push_back(v);
      }
    }
    p.words = span(*a);
    out.push_back(std::move(p));
  }
  return out;
}

void ParsedArgs::parse(CommandLine &cmd, const llvm::opt::OptTable &table,
                       FileOptions files) {
  // A file may name further files: read the first unread one, parse again.
  for (unsigned round = 0;; ++round) {
    parseOnce(cmd, table);
    const llvm::opt::Arg *next = nullptr;
    for (const llvm::opt::Arg *a : Args) {
      unsigned opt = id(*a);
      bool names = (files.optionsFileID && opt == files.optionsFileID) ||
                   (opt == files.inputID &&
                    llvm::StringRef(a->getValue()).startswith("@"));
      if (names && !cmd.words[valueLocation(*a).first].expanded) {
        next = a;
        break;
      }
    }
    if (!next || round > 256)
      return;
    auto [word, offset] = valueLocation(*next);
    cmd.words[word].expanded = true;
    size_t insertAt = span(*next).back() + 1;
    if (id(*next) == files.inputID) {
      cmd.insertFile(Source::Kind::ResponseFile,
                     llvm::StringRef(cmd.words[word].text).drop_front(), word,
                     0, 1, insertAt);
      continue;
    }
    auto names = splitList(llvm::StringRef(cmd.words[word].text).drop_front(offset));
    for (unsigned e = 0; e < names.size(); ++e) {
      size_t before = cmd.words.size();
      cmd.insertFile(Source::Kind::OptionsFile, names[e], word, e, offset,
                     insertAt);
      insertAt += cmd.words.size() - before;
    }
  }
}

} // namespace cuwrap
