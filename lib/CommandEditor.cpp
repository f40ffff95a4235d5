#include "CommandEditor.h"

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

// Replaces element `element` of the comma list that starts at `offset`.
static std::string replaceListElement(const std::string &text, size_t offset,
                                      unsigned element,
                                      const std::string &with) {
  size_t begin = offset;
  for (unsigned i = 0; i < element; ++i) {
    size_t comma = text.find(',', begin);
    if (comma == std::string::npos)
      return text;
    begin = comma + 1;
  }
  size_t end = text.find(',', begin);
  if (end == std::string::npos)
    end = text.size();
  return text.substr(0, begin) + with + text.substr(end);
}

void CommandEditor::render(Plan &plan) const {
  const auto &sources = Cmd.sources;
  // What a word that names a rewritten file becomes.
  std::map<unsigned, std::vector<std::string>> referrerText;
  std::vector<Edit> translations;
  unsigned generated = 0;

  // Children come after their parents in `sources`, so walking backwards
  // renders a nested file before the file that names it.
  for (int s = sources.size() - 1; s >= 0; --s) {
    const Source &src = sources[s];
    std::vector<std::string> out;
    bool changed = false;
    for (unsigned w : Cmd.wordsOf(s)) {
      const WordState &st = State[w];
      changed |= st.removed || st.replacement || !st.before.empty() ||
                 !st.after.empty();
      out.insert(out.end(), st.before.begin(), st.before.end());
      if (st.removed) {
      } else if (st.replacement) {
        out.insert(out.end(), st.replacement->begin(), st.replacement->end());
      } else if (auto it = referrerText.find(w); it != referrerText.end()) {
        changed = true;
        out.insert(out.end(), it->second.begin(), it->second.end());
      } else {
        out.push_back(Cmd.words[w].text);
      }
      out.insert(out.end(), st.after.begin(), st.after.end());
    }

    auto nvccText = [&](std::string &text) {
      for (const std::string &word : out) {
        if (!text.empty())
          text += src.kind == Source::Kind::EnvVar ? " " : "\n";
        if (!quoteNvccWord(word, text))
          return false;
      }
      return true;
    };

    switch (src.kind) {
    case Source::Kind::Argv:
      out.insert(out.end(), Appended.begin(), Appended.end());
      plan.args = std::move(out);
      break;
    case Source::Kind::EnvVar: {
      if (!changed)
        break;
      std::string text;
      if (!nvccText(text))
        plan.warnings.push_back(fmt::format(
            "${}: a word holds a double quote, which nvcc's syntax cannot "
            "express; the variable was written without it",
            src.name));
      plan.env.push_back(out.empty()
                             ? EnvEdit{EnvEdit::Op::Unset, src.name, "",
                                       std::string(rule::Rewrite),
                                       "every word was removed"}
                             : EnvEdit{EnvEdit::Op::Set, src.name, text,
                                       std::string(rule::Rewrite),
                                       "words were edited"});
      break;
    }
    case Source::Kind::OptionsFile: {
      if (!changed)
        break;
      std::string text;
      if (!nvccText(text))
        plan.warnings.push_back(fmt::format(
            "options file {}: a word holds a double quote, which nvcc's "
            "syntax cannot express",
            src.name));
      std::string ph = fmt::format("<generated-{}>", ++generated);
      plan.files.push_back(GeneratedFile{ph, text + "\n", src.name});
      auto it = referrerText.find(src.referrer);
      std::string cur = it != referrerText.end() ? it->second.front()
                                                 : Cmd.words[src.referrer].text;
      referrerText[src.referrer] = {
          replaceListElement(cur, src.valueOffset, src.element, ph)};
      break;
    }
    case Source::Kind::ResponseFile: {
      const Source &parent = sources[Cmd.words[src.referrer].source];
      bool intoNvccFile = TranslateResponseFiles &&
                          parent.kind != Source::Kind::ResponseFile;
      std::string text;
      if (!TranslateResponseFiles && !changed)
        break;
      if (intoNvccFile && nvccText(text)) {
        std::string ph = fmt::format("<generated-{}>", ++generated);
        plan.files.push_back(GeneratedFile{ph, text + "\n", src.name});
        referrerText[src.referrer] = {"-optf", ph};
        translations.push_back(Edit{
            std::string(rule::ResponseFile), Edit::Action::Translate,
            {Cmd.words[src.referrer].text}, {"-optf", ph},
            Cmd.words[src.referrer].origin, Edit::Placement::At,
            "nvcc does not read @file response files (CMake and Ninja write "
            "them); its words are handed over as an nvcc options file"});
      } else {
        // Nested response files are flattened into the file that names
        // them; a word nvcc's syntax cannot express goes onto argv itself.
        referrerText[src.referrer] = out;
        if (TranslateResponseFiles && parent.kind != Source::Kind::ResponseFile)
          translations.push_back(Edit{
              std::string(rule::ResponseFile), Edit::Action::Translate,
              {Cmd.words[src.referrer].text}, out,
              Cmd.words[src.referrer].origin, Edit::Placement::At,
              "a word holds a double quote, which nvcc's options-file syntax "
              "cannot express: the words are passed on the command line"});
      }
      break;
    }
    }
  }
  plan.edits = Edits;
  plan.edits.insert(plan.edits.begin(), translations.rbegin(),
                    translations.rend());
}

} // namespace cuwrap
