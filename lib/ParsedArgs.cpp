#include "ParsedArgs.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>

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

namespace {
using llvm::opt::Arg;
using FileId = std::pair<uint64_t, uint64_t>;

// OptTable::ParseOneArg reads its words from an ArgList: this one shows it
// some of the words (a list being read, or one word), by their stable
// copies, and keeps what it makes (an alias's canonical spelling) there
// too, so that the arguments it returns stay valid as more words come.
class WordView final : public llvm::opt::ArgList {
public:
  WordView(const std::vector<const char *> &text, llvm::ArrayRef<unsigned> words,
           std::deque<std::string> &store)
      : Text(text), Words(words), Store(store) {}
  const char *getArgString(unsigned i) const override { return Text[Words[i]]; }
  unsigned getNumInputArgStrings() const override { return Words.size(); }
  const char *MakeArgStringRef(llvm::StringRef s) const override {
    return Store.emplace_back(s.str()).c_str();
  }

private:
  const std::vector<const char *> &Text;
  llvm::ArrayRef<unsigned> Words;
  std::deque<std::string> &Store;
};

// A word waiting to be read, or the end of the GNU @file it came from.
struct Pending {
  Word word;
  size_t initial = SIZE_MAX; // its index before files were read (argv, variables)
  int owner = -1;            // the spliced @file it comes from
  bool endOfFile = false;
  FileId id{};
};

// What the tool reads on its own: the command line (nvcc: with
// NVCC_PREPEND_FLAGS and NVCC_APPEND_FLAGS), an nvcc options file, or the
// list of files an -optf names.
struct Frame {
  bool isList = false;
  // A list of words.
  std::vector<Pending> pending;  // back() is read next
  std::vector<unsigned> stream;  // words read so far, as parsed
  size_t pos = 0;                // the next argument starts here
  unsigned depth = 0;            // options files around it
  bool hasId = false;
  FileId id{};
  // A list of files.
  std::vector<std::string> names;
  size_t next = 0;
  unsigned referrer = 0;
  size_t offset = 0;
};

struct Recorded {
  llvm::SmallVector<unsigned, 2> words;
  std::unique_ptr<Arg> arg;
};
} // namespace

void ParsedArgs::parse(CommandLine &cmd, const llvm::opt::OptTable &table,
                       FileOptions files, ReadLimits limits) {
  // One pass over everything the tool reads, files expanded where they are
  // named, as a stack of lists: each word is read once and each argument
  // parsed once (the earlier re-parse per file was quadratic: 12.9 s for
  // 50,000 words and 250 @files).
  std::vector<Word> flat;   // the words in the order the tool reads them
  std::vector<const char *> text; // per word: its copy in Texts, which
                                  // does not move as words are added
  std::vector<int> ownerOf; // per word: the spliced @file it comes from
  std::vector<Recorded> recorded;
  std::map<FileId, int> active; // files being read: a cycle otherwise
  unsigned gnuFiles = 0;
  bool warnedDepth = false;
  // The command line's arguments, as positions in its stream.
  std::vector<std::pair<size_t, size_t>> rootArgs;
  size_t appendPoint = SIZE_MAX, rootDangling = SIZE_MAX;
  std::vector<unsigned> rootStream;

  std::vector<Frame> stack(1);
  for (size_t i = cmd.words.size(); i-- > 0;)
    stack[0].pending.push_back(Pending{std::move(cmd.words[i]), i});
  cmd.words.clear();

  auto splice = [&](Frame &f, unsigned referrer) {
    std::string path = flat[referrer].text.substr(1);
    auto fw = readFileWords(FileSyntax::GnuResponse, path, limits, cmd.warnings);
    if (!fw)
      return false;
    if (active.count(fw->id)) {
      cmd.warnings.push_back(fmt::format(
          "{} includes itself; not read again{}", path,
          files.atFiles == FileOptions::AtFiles::Everywhere
              ? " (GNU tools stop with \"too many @-files encountered\")"
              : ""));
      return false;
    }
    // libiberty stops expanding after 2000 files (observed with
    // expandargv: "too many @-files encountered").
    if (++gnuFiles == 2001 && files.atFiles == FileOptions::AtFiles::Everywhere)
      cmd.warnings.push_back(
          "more than 2000 @files: GNU tools stop with \"too many @-files "
          "encountered\"");
    int src = cmd.sources.size();
    cmd.sources.push_back(
        Source{Source::Kind::ResponseFile, path, int(referrer), 0, 1});
    flat[referrer].expanded = true;
    ++active[fw->id];
    Pending end;
    end.endOfFile = true;
    end.id = fw->id;
    f.pending.push_back(std::move(end));
    for (auto it = fw->words.rbegin(); it != fw->words.rend(); ++it)
      f.pending.push_back(Pending{
          Word{std::move(it->text),
               {Origin::Kind::ResponseFile, path, it->line}, src},
          SIZE_MAX, src});
    return true;
  };

  // Moves the next word into `flat` and the frame's stream.
  auto pull = [&](Frame &f, bool root) {
    while (!f.pending.empty()) {
      Pending p = std::move(f.pending.back());
      f.pending.pop_back();
      if (p.endOfFile) {
        if (--active[p.id] == 0)
          active.erase(p.id);
        continue;
      }
      if (root && appendPoint == SIZE_MAX && p.initial != SIZE_MAX &&
          p.initial >= cmd.argvEnd)
        appendPoint = f.stream.size();
      unsigned idx = flat.size();
      flat.push_back(std::move(p.word));
      ownerOf.push_back(p.owner);
      text.push_back(Texts.emplace_back(flat.back().text).c_str());
      if (files.atFiles == FileOptions::AtFiles::Everywhere &&
          llvm::StringRef(flat[idx].text).startswith("@") && splice(f, idx)) {
        // GNU: the file's words take the @file's place; the word itself
        // is shown as an input of its own.
        unsigned one[] = {idx}, at = 0;
        WordView view(text, one, Texts);
        recorded.push_back(Recorded{{idx}, table.ParseOneArg(view, at)});
        continue;
      }
      f.stream.push_back(idx);
      return true;
    }
    return false;
  };

  // Parses one argument of frame k; false when the frame is read.
  auto step = [&](size_t k) {
    bool root = k == 0;
    Frame &f = stack[k];
    if (f.stream.size() == f.pos && !pull(f, root))
      return false;
    size_t i = f.pos;
    unsigned idx = i;
    std::unique_ptr<Arg> a;
    for (;;) {
      WordView view(text, f.stream, Texts);
      idx = i;
      if ((a = table.ParseOneArg(view, idx)))
        break;
      // Its value is not read yet: only as many words are read as the
      // argument takes, so that a file named next is read after it.
      if (!pull(f, root)) {
        Dangling.push_back(f.stream[i]);
        if (root)
          rootDangling = i;
        f.pos = f.stream.size();
        return true;
      }
    }
    Recorded rec;
    for (size_t w = i; w < idx; ++w)
      rec.words.push_back(f.stream[w]);
    if (root)
      rootArgs.emplace_back(i, idx);
    f.pos = idx;
    unsigned opt = id(*a);
    llvm::StringRef value = a->getNumValues() ? a->getValue() : "";
    rec.arg = std::move(a);
    recorded.push_back(std::move(rec));
    if (files.atFiles == FileOptions::AtFiles::Inputs &&
        opt == files.inputID && idx == i + 1 && value.startswith("@")) {
      splice(f, f.stream[i]);
    } else if (files.optionsFileID && opt == files.optionsFileID) {
      unsigned word = f.stream[idx - 1];
      size_t offset = idx - i > 1 ? 0 : flat[word].text.size() - value.size();
      flat[word].expanded = true;
      Frame list;
      list.isList = true;
      list.names = splitList(value);
      list.referrer = word;
      list.offset = offset;
      list.depth = f.depth + 1;
      stack.push_back(std::move(list)); // f is gone from here on
    }
    return true;
  };

  while (!stack.empty()) {
    size_t k = stack.size() - 1;
    if (!stack[k].isList) {
      if (!step(k)) {
        if (k == 0)
          rootStream = std::move(stack[0].stream);
        if (stack[k].hasId && --active[stack[k].id] == 0)
          active.erase(stack[k].id);
        stack.pop_back();
      }
      continue;
    }
    Frame &l = stack[k];
    if (l.next == l.names.size()) {
      stack.pop_back();
      continue;
    }
    unsigned e = l.next++;
    std::string name = l.names[e];
    unsigned referrer = l.referrer, depth = l.depth;
    size_t offset = l.offset;
    auto fw = readFileWords(FileSyntax::NvccOptions, name, limits, cmd.warnings);
    if (!fw)
      continue;
    if (active.count(fw->id)) {
      cmd.warnings.push_back(
          fmt::format("{} includes itself; not read again", name));
      continue;
    }
    // Observed: nvcc 13.0 opens 15 nested options files and stops at the
    // 16th. cuwrap reads on (a chain is not a cycle) and says so.
    if (depth > 15 && !warnedDepth) {
      warnedDepth = true;
      cmd.warnings.push_back(fmt::format(
          "options file {} is nested {} deep: nvcc stops with \"Too many "
          "options file opened\"",
          name, depth));
    }
    int src = cmd.sources.size();
    Source s{Source::Kind::OptionsFile, name, int(referrer), e, offset};
    s.readOnce = fw->readOnce;
    s.copy = std::move(fw->copy);
    cmd.sources.push_back(std::move(s));
    Frame u;
    u.depth = depth;
    u.hasId = true;
    u.id = fw->id;
    ++active[fw->id];
    for (auto it = fw->words.rbegin(); it != fw->words.rend(); ++it)
      u.pending.push_back(Pending{
          Word{std::move(it->text), {Origin::Kind::OptionsFile, name, it->line},
               src}});
    stack.push_back(std::move(u));
  }

  // nvcc: an @file must hold whole arguments to become an options file.
  for (const Recorded &r : recorded) {
    bool same = llvm::all_of(r.words, [&](unsigned w) {
      return ownerOf[w] == ownerOf[r.words.front()];
    });
    if (same)
      continue;
    // Every file that holds some of the argument's words but not all.
    std::map<int, unsigned> holds;
    for (unsigned w : r.words)
      for (int s = ownerOf[w]; s >= 0; s = ownerOf[cmd.sources[s].referrer])
        ++holds[s];
    for (auto [s, n] : holds)
      if (n != r.words.size())
        cmd.sources[s].straddles = true;
  }

  cmd.words = std::move(flat);
  // Words cuwrap adds at the end of argv must not become part of an
  // argument there: the end of argv is the command line's position of the
  // first word after argv (NVCC_APPEND_FLAGS), or its end.
  size_t end = appendPoint == SIZE_MAX ? rootStream.size() : appendPoint;
  std::optional<size_t> inside;
  for (auto [b, e] : rootArgs)
    if (b < end && end < e)
      inside = b;
  if (rootDangling < end)
    inside = rootDangling;
  if (inside) {
    // Before that argument, if it starts in argv, or in an @file named in
    // argv (before the @file then, which is an argument of its own).
    std::vector<size_t> rootPos(cmd.words.size(), SIZE_MAX);
    for (size_t i = 0; i < rootStream.size(); ++i)
      rootPos[rootStream[i]] = i;
    std::vector<bool> starts(rootStream.size() + 1, false);
    for (auto [b, e] : rootArgs)
      starts[b] = true;
    unsigned w = rootStream[*inside];
    while (cmd.words[w].source > 0 &&
           cmd.sources[cmd.words[w].source].kind == Source::Kind::ResponseFile)
      w = cmd.sources[cmd.words[w].source].referrer;
    bool ok = cmd.words[w].origin.kind == Origin::Kind::Argv &&
              rootPos[w] != SIZE_MAX && (rootPos[w] == *inside || starts[rootPos[w]]);
    cmd.appendBefore = ok ? int(w) : -2;
  }

  // The argument list, in the order the tool reads the words.
  Args = llvm::opt::InputArgList(text.data(), text.data() + text.size());
  std::stable_sort(recorded.begin(), recorded.end(),
                   [](const Recorded &a, const Recorded &b) {
                     return a.words.front() < b.words.front();
                   });
  for (Recorded &r : recorded) {
    if (!r.arg)
      continue;
    cmd.words[r.words.front()].startsArgument = true;
    SpanOf[r.arg.get()] = Spans.size();
    Spans.push_back(std::move(r.words));
    Args.append(r.arg.release());
  }
}

std::vector<unsigned> ParsedArgs::span(const llvm::opt::Arg &a) const {
  auto it = SpanOf.find(&a);
  if (it == SpanOf.end())
    return {};
  const auto &s = Spans[it->second];
  return std::vector<unsigned>(s.begin(), s.end());
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

std::vector<std::string>
ParsedArgs::danglingWarnings(const CommandLine &cmd) const {
  std::vector<std::string> out;
  for (unsigned w : Dangling)
    out.push_back(fmt::format("'{}' ({}) lacks its value", cmd.words[w].text,
                              cmd.words[w].origin.str()));
  return out;
}

} // namespace cuwrap
