#include "CommandEditor.h"
#include "Quoting.h"

#include "llvm/ADT/StringExtras.h"

#include "RuleNames.h"

#include <fmt/format.h>

#include <map>

namespace cuwrap {

CommandEditor::CommandEditor(const CommandLine &cmd, bool translate)
    : Cmd(cmd), TranslateResponseFiles(translate), State(cmd.words.size()) {}

std::vector<std::string>
CommandEditor::texts(llvm::ArrayRef<unsigned> span) const {
  std::vector<std::string> out;
  for (unsigned w : span)
    out.push_back(Cmd.words[w].text);
  return out;
}

void CommandEditor::remove(llvm::ArrayRef<unsigned> span, llvm::StringRef rule,
                           llvm::StringRef reason) {
  for (unsigned w : span)
    State[w].removed = true;
  Edits.push_back(Edit{rule.str(), Edit::Action::Remove, texts(span), {},
                       Cmd.words[span.front()].origin, Edit::Placement::At,
                       reason.str()});
}

void CommandEditor::replace(llvm::ArrayRef<unsigned> span,
                            std::vector<std::string> with,
                            llvm::StringRef rule, llvm::StringRef reason) {
  for (unsigned w : span.drop_front())
    State[w].removed = true;
  State[span.front()].replacement = with;
  Edits.push_back(Edit{rule.str(), Edit::Action::Replace, texts(span),
                       std::move(with), Cmd.words[span.front()].origin,
                       Edit::Placement::At, reason.str()});
}

void CommandEditor::insertBefore(unsigned word, std::vector<std::string> add,
                                 llvm::StringRef rule, llvm::StringRef reason) {
  auto &before = State[word].before;
  before.insert(before.end(), add.begin(), add.end());
  Edits.push_back(Edit{rule.str(), Edit::Action::Add, {}, std::move(add),
                       Cmd.words[word].origin, Edit::Placement::Before,
                       reason.str()});
}

void CommandEditor::append(std::vector<std::string> add, llvm::StringRef rule,
                           llvm::StringRef reason) {
  Appended.insert(Appended.end(), add.begin(), add.end());
  Edits.push_back(Edit{rule.str(), Edit::Action::Add, {}, std::move(add),
                       std::nullopt, Edit::Placement::End, reason.str()});
}

namespace {
// A word on its way out, with the places in it where a generated file's
// name goes (Mark::id is the file's index).
struct OutWord {
  std::string text;
  std::vector<quoting::Mark> marks;
  bool start = false; // an argument starts here
};

std::vector<OutWord> plain(llvm::ArrayRef<std::string> words) {
  std::vector<OutWord> out;
  for (size_t i = 0; i < words.size(); ++i)
    out.push_back(OutWord{words[i], {}, i == 0});
  return out;
}

std::vector<std::string> textsOf(llvm::ArrayRef<OutWord> words) {
  std::vector<std::string> out;
  for (const OutWord &w : words)
    out.push_back(w.text);
  return out;
}

// Replaces element `element` of the comma list that starts at `offset`
// with the placeholder of file `id`. Elements split as nvcc splits them:
// `\,` does not end one.
void replaceListElement(OutWord &w, size_t offset, unsigned element,
                        const std::string &placeholder, size_t id) {
  auto nextComma = [&](size_t from) {
    for (size_t i = from; i < w.text.size(); ++i) {
      if (w.text[i] == '\\' && i + 1 < w.text.size() && w.text[i + 1] == ',')
        ++i;
      else if (w.text[i] == ',')
        return i;
    }
    return std::string::npos;
  };
  size_t begin = offset;
  for (unsigned i = 0; i < element; ++i) {
    size_t comma = nextComma(begin);
    if (comma == std::string::npos)
      return;
    begin = comma + 1;
  }
  size_t end = nextComma(begin);
  if (end == std::string::npos)
    end = w.text.size();
  w.text = w.text.substr(0, begin) + placeholder + w.text.substr(end);
  long delta = long(placeholder.size()) - long(end - begin);
  for (quoting::Mark &m : w.marks)
    if (m.offset >= end)
      m.offset += delta;
  w.marks.push_back({begin, id});
}
} // namespace

void CommandEditor::render(Plan &plan) const {
  const auto &sources = Cmd.sources;
  std::vector<std::vector<unsigned>> bySource(sources.size());
  for (unsigned w = 0; w < Cmd.words.size(); ++w)
    bySource[Cmd.words[w].source].push_back(w);

  // What a word that names a rewritten file becomes.
  std::map<unsigned, std::vector<OutWord>> referrerText;
  // Words of a variable that cannot hold them, moved onto argv.
  std::vector<OutWord> movedBefore, movedAfter;
  std::vector<Edit> translations;
  struct EditMark {
    size_t translation, word;
    quoting::Mark mark;
  };
  std::vector<EditMark> editMarks;

  auto newFile = [&](std::string content, const std::vector<quoting::Mark> &marks,
                     const std::string &replaces) {
    size_t id = plan.files.size();
    plan.files.push_back(GeneratedFile{fmt::format("<generated-{}>", id + 1),
                                       std::move(content), replaces});
    for (const quoting::Mark &m : marks)
      plan.fileUses.push_back(
          FileUse{FileUse::In::File, id, 0, m.offset, m.id});
    return id;
  };
  auto fileWord = [&](llvm::StringRef prefix, size_t id) {
    return OutWord{prefix.str() + plan.files[id].placeholder,
                   {{prefix.size(), id}}};
  };
  auto translation = [&](Edit e, llvm::ArrayRef<OutWord> added) {
    e.added = textsOf(added);
    for (size_t i = 0; i < added.size(); ++i)
      for (const quoting::Mark &m : added[i].marks)
        editMarks.push_back({translations.size(), i, m});
    translations.push_back(std::move(e));
  };
  // Writes words as an nvcc options file, or fails if one cannot be held.
  auto nvccFile = [](llvm::ArrayRef<OutWord> words, std::string &text,
                     std::vector<quoting::Mark> &marks) {
    for (const OutWord &w : words)
      if (!quoting::nvccOptionsFileCanHold(w.text))
        return false;
    for (const OutWord &w : words) {
      std::vector<quoting::Mark> m = w.marks;
      quoting::appendNvccOptionsFileWord(text, w.text, &m);
      marks.insert(marks.end(), m.begin(), m.end());
      text += '\n';
    }
    if (words.empty())
      text = "\n"; // a file of one empty line, as cuwrap always wrote one
    return true;
  };

  // Children come after their parents in `sources`, so walking backwards
  // renders a nested file before the file that names it.
  for (int s = sources.size() - 1; s >= 0; --s) {
    const Source &src = sources[s];
    std::vector<OutWord> out;
    bool changed = false;
    for (unsigned w : bySource[s]) {
      const WordState &st = State[w];
      const Word &word = Cmd.words[w];
      changed |= st.removed || st.replacement || !st.before.empty() ||
                 !st.after.empty();
      if (s == 0 && int(w) == Cmd.appendBefore) {
        auto a = plain(Appended);
        out.insert(out.end(), a.begin(), a.end());
      }
      for (OutWord &b : plain(st.before))
        out.push_back(std::move(b));
      if (st.removed) {
      } else if (st.replacement) {
        auto r = plain(*st.replacement);
        if (!r.empty())
          r.front().start = word.startsArgument;
        out.insert(out.end(), r.begin(), r.end());
      } else if (auto it = referrerText.find(w); it != referrerText.end()) {
        changed = true;
        auto r = it->second;
        if (!r.empty())
          r.front().start = word.startsArgument;
        out.insert(out.end(), r.begin(), r.end());
      } else {
        out.push_back(OutWord{word.text, {}, word.startsArgument});
      }
      for (OutWord &a : plain(st.after))
        out.push_back(std::move(a));
    }

    switch (src.kind) {
    case Source::Kind::Argv: {
      if (Cmd.appendBefore == -1) {
        auto a = plain(Appended);
        out.insert(out.end(), a.begin(), a.end());
      } else if (Cmd.appendBefore == -2 && !Appended.empty()) {
        plan.warnings.push_back(fmt::format(
            "not added: {} (the command line ends inside an argument that "
            "starts in $NVCC_PREPEND_FLAGS; added words would become its "
            "value)",
            llvm::join(Appended, " ")));
      }
      out.insert(out.begin(), movedBefore.begin(), movedBefore.end());
      out.insert(out.end(), movedAfter.begin(), movedAfter.end());
      plan.args.clear();
      plan.argumentStarts.clear();
      for (size_t i = 0; i < out.size(); ++i) {
        for (const quoting::Mark &m : out[i].marks)
          plan.fileUses.push_back(
              FileUse{FileUse::In::Arg, i, 0, m.offset, m.id});
        plan.args.push_back(std::move(out[i].text));
        plan.argumentStarts.push_back(out[i].start);
      }
      // The end of argv is between arguments unless words added there
      // had to go before an argument that continues after it.
      plan.argumentStarts.push_back(Cmd.appendBefore == -1);
      break;
    }
    case Source::Kind::EnvVar: {
      if (!changed)
        break;
      if (out.empty()) {
        plan.env.push_back(EnvEdit{EnvEdit::Op::Unset, src.name, "",
                                   std::string(rule::Rewrite),
                                   "every word was removed"});
        break;
      }
      if (llvm::all_of(out, [](const OutWord &w) {
            return quoting::nvccVariableCanHold(w.text);
          })) {
        std::string value;
        std::vector<quoting::Mark> marks;
        for (const OutWord &w : out) {
          if (!value.empty())
            value += ' ';
          for (quoting::Mark m : w.marks)
            marks.push_back({value.size() + m.offset, m.id});
          value += w.text;
        }
        for (const quoting::Mark &m : marks)
          plan.fileUses.push_back(
              FileUse{FileUse::In::Env, plan.env.size(), 0, m.offset, m.id});
        plan.env.push_back(EnvEdit{EnvEdit::Op::Set, src.name, value,
                                   std::string(rule::Rewrite),
                                   "words were edited"});
        break;
      }
      // The variable has no escapes: a word with a space or tab outside a
      // "..." group, or an odd quote, cannot be written into it. nvcc
      // reads the variables and argv as one list, so the same words at
      // the same end of argv are read the same.
      plan.warnings.push_back(fmt::format(
          "${}: a word cannot be written in the variable's syntax; its "
          "words are passed on the command line instead",
          src.name));
      plan.env.push_back(EnvEdit{EnvEdit::Op::Unset, src.name, "",
                                 std::string(rule::Quoting),
                                 "its words moved onto the command line"});
      translation(Edit{std::string(rule::Quoting), Edit::Action::Translate,
                       {}, {}, Origin{Origin::Kind::EnvVar, src.name, 0},
                       Edit::Placement::At,
                       "a word cannot be written in the variable's syntax "
                       "(no escapes): its words are passed on the command "
                       "line, where nvcc reads them in the same place"},
                  out);
      auto &moved = src.beforeArgv ? movedBefore : movedAfter;
      moved.insert(moved.end(), out.begin(), out.end());
      break;
    }
    case Source::Kind::OptionsFile: {
      if (!changed && !src.readOnce)
        break;
      std::string text;
      std::vector<quoting::Mark> marks;
      if (!changed) {
        // Read once (a pipe): nvcc would find it empty. It gets the bytes
        // cuwrap read, unchanged.
        text = src.copy;
      } else if (!nvccFile(out, text, marks)) {
        plan.warnings.push_back(fmt::format(
            "options file {}: a word holds a '\"' that nvcc's options-file "
            "syntax cannot express; the file is passed as written, without "
            "cuwrap's changes to it",
            src.name));
        if (!src.readOnce)
          break;
        text = src.copy;
        marks.clear();
      }
      size_t id = newFile(std::move(text), marks, src.name);
      auto it = referrerText.find(src.referrer);
      OutWord cur = it != referrerText.end()
                        ? it->second.front()
                        : OutWord{Cmd.words[src.referrer].text};
      replaceListElement(cur, src.valueOffset, src.element,
                         plan.files[id].placeholder, id);
      if (src.readOnce && !changed)
        translation(Edit{std::string(rule::ReadOnce), Edit::Action::Translate,
                         {src.name}, {}, Cmd.words[src.referrer].origin,
                         Edit::Placement::At,
                         "a pipe or device can be read only once, and "
                         "cuwrap read it: nvcc reads an exact copy of it"},
                    {fileWord("", id)});
      referrerText[src.referrer] = {cur};
      break;
    }
    case Source::Kind::ResponseFile: {
      const Source &parent = sources[Cmd.words[src.referrer].source];
      if (!TranslateResponseFiles) {
        // GNU tools read the file themselves: a changed one is written
        // anew in their syntax.
        if (!changed)
          break;
        std::string text;
        std::vector<quoting::Mark> marks;
        for (const OutWord &w : out) {
          std::vector<quoting::Mark> m = w.marks;
          quoting::appendGnuResponseFileWord(text, w.text, &m);
          marks.insert(marks.end(), m.begin(), m.end());
          text += '\n';
        }
        size_t id = newFile(std::move(text), marks, src.name);
        referrerText[src.referrer] = {fileWord("@", id)};
        break;
      }
      if (parent.kind == Source::Kind::ResponseFile) {
        // Nested response files are flattened into the file naming them.
        referrerText[src.referrer] = out;
        break;
      }
      std::string text;
      std::vector<quoting::Mark> marks;
      const std::string &atWord = Cmd.words[src.referrer].text;
      const Origin &origin = Cmd.words[src.referrer].origin;
      if (!src.straddles && nvccFile(out, text, marks)) {
        size_t id = newFile(std::move(text), marks, src.name);
        std::vector<OutWord> with{OutWord{"-optf"}, fileWord("", id)};
        referrerText[src.referrer] = with;
        translation(Edit{std::string(rule::ResponseFile),
                         Edit::Action::Translate, {atWord}, {}, origin,
                         Edit::Placement::At,
                         "nvcc does not read @file response files (CMake and "
                         "Ninja write them); its words are handed over as an "
                         "nvcc options file"},
                    with);
      } else {
        referrerText[src.referrer] = out;
        translation(
            Edit{std::string(rule::ResponseFile), Edit::Action::Translate,
                 {atWord}, {}, origin, Edit::Placement::At,
                 src.straddles
                     ? "an argument runs past the end of the file, which "
                       "nvcc would not join to it in an options file: the "
                       "words are passed in its place"
                     : "a word holds a '\"' that nvcc's options-file syntax "
                       "cannot express: the words are passed in its place"},
            out);
      }
      break;
    }
    }
  }
  plan.edits = Edits;
  plan.edits.insert(plan.edits.begin(), translations.rbegin(),
                    translations.rend());
  for (const EditMark &m : editMarks)
    plan.fileUses.push_back(FileUse{FileUse::In::Edit,
                                    translations.size() - 1 - m.translation,
                                    m.word, m.mark.offset, m.mark.id});
}

} // namespace cuwrap
