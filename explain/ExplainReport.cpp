// How an explain Report is shown: text for people, JSON with stable keys.
#include "Report.h"

#include "Dot.h"
#include "JsonText.h"
#include "Record.h"
#include "RecordView.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace cuwrap::explain {

llvm::json::Object toJSON(const Report &r) {
  using llvm::json::Array;
  using llvm::json::Object;
  Object o;
  o["personality"] = r.personality;
  o["phase"] = r.phase;
  o["program"] = jsonText(r.program);
  o["argv"] = jsonTexts(r.args);
  o["dryrun"] = r.dryRun;
  if (r.dryRun)
    o["dryrun_status"] = r.dryRunStatus;
  if (!r.noDryRun.empty())
    o["no_dryrun"] = r.noDryRun;
  Object env;
  for (const auto &[k, v] : r.run.env)
    env[k] = jsonText(v);
  o["nvcc_env"] = std::move(env);
  Array steps;
  for (const SubStep &s : r.run.steps)
    steps.push_back(Object{{"step", int64_t(s.index)},
                           {"tool", stepName(s)},
                           {"argv", jsonTexts(s.argv)},
                           {"redirections", jsonTexts(s.redirections)}});
  o["steps"] = std::move(steps);
  Array args;
  for (const ArgumentReport &a : r.arguments) {
    Array reached;
    for (const Reach &re : a.reached)
      reached.push_back(Object{{"step", int64_t(re.step)},
                               {"tool", re.tool},
                               {"as", jsonText(re.as)}});
    Object ao{{"arg", jsonText(llvm::join(a.words, " "))},
              {"words", jsonTexts(a.words)},
              {"origin", jsonText(a.origin)},
              {"reached", std::move(reached)}};
    ao["dropped_reason"] = a.droppedReason.empty()
                               ? llvm::json::Value(nullptr)
                               : llvm::json::Value(a.droppedReason);
    args.push_back(std::move(ao));
  }
  o["arguments"] = std::move(args);
  Array hazards;
  for (const Hazard &h : r.hazards)
  {
    Object ho{{"kind", h.kind}, {"message", jsonText(h.message)},
              {"fix", jsonText(h.fix)}};
    if (!h.subjects.empty())
      ho["subjects"] = jsonTexts(h.subjects);
    hazards.push_back(std::move(ho));
  }
  o["hazards"] = std::move(hazards);
  if (!r.linkInputs.inputs.empty())
    o["link_inputs"] = devcode::toJSON(r.linkInputs);
  o["edits"] = editsToJSON(r.edits);
  o["messages"] = jsonTexts(r.run.messages);
  if (!r.notes.empty())
    o["notes"] = jsonTexts(r.notes);
  return o;
}

std::string toText(const Report &r) {
  std::string out;
  out += fmt::format("{} {} call: {}", r.personality, r.phase, shellQuote(r.program));
  for (const std::string &a : r.args)
    out += " " + shellQuote(a);
  out += "\n";
  for (const Edit &e : r.edits)
    out += fmt::format("  cuwrap ({}): {}\n", e.rule, describeEdit(e));
  for (const EnvEdit &e : r.envEdits)
    out += fmt::format("  cuwrap ({}): {} {}: {}\n", e.rule,
                       e.op == EnvEdit::Op::Set ? "set" : "unset", e.name, e.reason);
  if (r.edits.empty() && r.envEdits.empty())
    out += "  (cuwrap's rules changed nothing)\n";
  if (r.listsSubSteps) {
    std::string predicted =
        r.predicts ? fmt::format("routing predicted from {}'s rules", r.speaker)
                   : std::string("nothing to route by");
    if (r.dryRun && r.run.steps.empty() && r.dryRunStatus != 0) {
      out += fmt::format("sub-steps: {} failed (status {}) before printing "
                         "any; {}\n",
                         r.lister, r.dryRunStatus, predicted);
      for (const std::string &m : r.run.messages)
        out += fmt::format("  {} says: {}\n", r.speaker, m);
    } else if (r.dryRun) {
      out += fmt::format("sub-steps ({}, status {}):\n", r.lister,
                         r.dryRunStatus);
      for (const SubStep &s : r.run.steps)
        out += fmt::format("  [{}] {}: {}\n", s.index, stepName(s),
                           shellJoin(s.argv));
      for (const std::string &m : r.run.messages)
        out += fmt::format("  {} says: {}\n", r.speaker, m);
    } else {
      out += r.predicts ? fmt::format("sub-steps: predicted from {}'s "
                                      "routing rules (no dry run",
                                      r.speaker)
                        : fmt::format("sub-steps: none listed (no {}",
                                      r.lister);
      out += r.noDryRun.empty() ? ")\n" : ": " + r.noDryRun + ")\n";
    }
    for (const std::string &n : r.notes)
      out += fmt::format("  note: {}\n", n);
  }
  out += "arguments:\n";
  for (const ArgumentReport &a : r.arguments) {
    out += fmt::format("  {} [{}]\n", shellJoin(a.words), a.origin);
    for (const Reach &re : a.reached)
      out += re.step ? fmt::format("    -> [{}] {} as: {}\n", re.step, re.tool, re.as)
                     : fmt::format("    -> {} as: {}\n", re.tool, re.as);
    if (!a.droppedReason.empty())
      out += fmt::format("    -> none: {}\n", a.droppedReason);
  }
  out += devcode::toText(r.linkInputs);
  if (r.hazards.empty()) {
    out += "hazards: none\n";
  } else {
    out += "hazards:\n";
    for (const Hazard &h : r.hazards)
      out += fmt::format("  {}: {}\n    fix: {}\n", h.kind, h.message, h.fix);
  }
  return out;
}

std::string absolutePath(llvm::StringRef path, llvm::StringRef cwd) {
  llvm::SmallString<256> p;
  if (llvm::sys::path::is_absolute(path))
    p = path;
  else {
    p = cwd;
    llvm::sys::path::append(p, path);
  }
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return p.str().str();
}

namespace {

// Graphviz does not wrap labels: long hazard texts are wrapped here.
std::string wrap(llvm::StringRef text, size_t width = 72) {
  std::string out;
  size_t col = 0;
  llvm::SmallVector<llvm::StringRef, 32> words;
  text.split(words, ' ', -1, false);
  for (llvm::StringRef w : words) {
    if (col && col + 1 + w.size() > width) {
      out += "\n";
      col = 0;
    } else if (col) {
      out += ' ';
      ++col;
    }
    out += w.str();
    col += w.size();
  }
  return out;
}

// A user's input: one word that is no option (nvcc's and ld's parsers give
// inputs as single words; option values come with their option).
// (`@file` is the response file itself: its words are listed one by one.)
bool isInputArg(const ArgumentReport &a) {
  return a.words.size() == 1 && !a.words[0].empty() && a.words[0][0] != '-' &&
         a.words[0][0] != '@' && !llvm::StringRef(a.origin).startswith("cuwrap");
}

bool isOutputArg(const ArgumentReport &a) {
  llvm::StringRef w = a.words.empty() ? "" : llvm::StringRef(a.words[0]);
  return w == "-o" || w == "--output-file" || w == "--output" ||
         w.startswith("--output-file=") || w.startswith("--output=") ||
         (w.startswith("-o") && w.size() > 2 && a.words.size() == 1);
}

// The last -o of the call, however spelled.
std::string outputOf(llvm::ArrayRef<ArgumentReport> args) {
  std::string out;
  for (const ArgumentReport &a : args) {
    if (!isOutputArg(a) || !a.droppedReason.empty())
      continue;
    llvm::StringRef w = a.words[0];
    if (a.words.size() == 2)
      out = a.words[1];
    else if (w.startswith("--"))
      out = w.split('=').second.str();
    else
      out = w.drop_front(2).str();
  }
  return out;
}

// The path-like parts of a sub-step's word: `--image3=kind=elf,sm=75,file=/tmp/x.cubin`
// gives /tmp/x.cubin.
std::vector<std::string> pathsIn(llvm::StringRef word) {
  std::vector<std::string> out;
  llvm::SmallVector<llvm::StringRef, 8> parts;
  word.split(parts, ',');
  for (llvm::StringRef p : parts) {
    p = p.rsplit('=').second.empty() ? p : p.rsplit('=').second;
    p = p.trim('"');
    if (!p.empty() && p[0] != '-' && (p.contains('/') || p.contains('.')))
      out.push_back(p.str());
  }
  return out;
}

} // namespace

namespace {

// One call's part of a graph: its steps, the command line and hazards are
// its own (ids under `prefix`, drawn in `cluster`); files are shared with
// the other calls, keyed by their absolute path when `cwd` is known, so
// that the object one call writes is the object the next one reads.
struct DotCall {
  std::string prefix, cwd, cluster;
  // Inputs from outside the build (the C runtime's objects, system
  // libraries) without device code, drawn as one node.
  bool groupSystemInputs = false;
};

// A file as the graph names it: absolute when the call's directory is
// known.
std::string absoluteIn(llvm::StringRef file, llvm::StringRef cwd) {
  return cwd.empty() ? file.str() : absolutePath(file, cwd);
}

bool isObjectName(llvm::StringRef f) {
  return f.endswith(".o") || f.endswith(".a") || f.endswith(".so") ||
         f.endswith(".obj");
}

class DotBuilder {
public:
  dot::Graph g;

  void node(std::string id, dot::NodeKind kind, std::string label,
            bool hazard = false, std::string cluster = "") {
    if (NodeIds.insert(id).second)
      g.nodes.push_back(
          {std::move(id), kind, std::move(label), hazard, std::move(cluster)});
  }
  // A file's node: the first call to name it labels it as it wrote it;
  // `hazard` marks it red whichever call finds the hazard.
  std::string file(const DotCall &c, llvm::StringRef name, dot::NodeKind kind,
                   bool hazard = false) {
    std::string id = "file:" + absoluteIn(name, c.cwd);
    // A call's temporaries are its own: drawn inside its box.
    node(id, kind, name.str(), hazard,
         kind == dot::NodeKind::Intermediate ? c.cluster : "");
    if (hazard)
      for (dot::Node &n : g.nodes)
        if (n.id == id)
          n.hazard = true;
    return id;
  }
  bool has(const std::string &id) const { return NodeIds.count(id) > 0; }
  void add(const Report &r, const DotCall &c);

private:
  std::set<std::string> NodeIds;
};

void DotBuilder::add(const Report &r, const DotCall &c) {
  std::set<std::string> implicated;
  for (const Hazard &h : r.hazards)
    implicated.insert(h.subjects.begin(), h.subjects.end());

  // Steps: the tool's sub-steps (or the tools predicted), the linker.
  std::map<unsigned, std::string> stepId;
  std::map<std::string, std::string> toolId; // predicted routing: by tool
  std::string linker;
  for (const SubStep &s : r.run.steps) {
    std::string id = fmt::format("{}step:{}", c.prefix, s.index);
    stepId[s.index] = id;
    if (s.tool == StepTool::Linker && linker.empty())
      linker = id;
    node(id, dot::NodeKind::Step,
         fmt::format("[{}] {}\n{}", s.index, stepName(s),
                     s.argv.empty() ? "" : s.argv.front()),
         false, c.cluster);
  }
  auto stepOf = [&](const Reach &re) {
    if (re.step && stepId.count(re.step))
      return stepId[re.step];
    std::string id = c.prefix + "tool:" + re.tool;
    if (!toolId.count(re.tool)) {
      toolId[re.tool] = id;
      node(id, dot::NodeKind::Step, re.tool + " (predicted)", false,
           c.cluster);
    }
    return id;
  };

  // The user's inputs and the output.
  std::string cmdId = c.prefix + "cmdline";
  node(cmdId, dot::NodeKind::Note,
       fmt::format("{} command line", r.personality), false, c.cluster);
  std::set<std::string> inputs;
  for (const ArgumentReport &a : r.arguments)
    if (isInputArg(a) && a.droppedReason.empty())
      inputs.insert(a.words[0]);
  std::string output = outputOf(r.arguments);

  // Files between a driver's sub-steps: the first step that names a file
  // writes it, the later ones read it (the driver runs them in order); the
  // user's inputs are only read. The link's inputs follow below.
  if (r.listsSubSteps) {
    // Values that name no data passed on: search directories, headers,
    // the source's name for diagnostics.
    static const std::set<llvm::StringRef> notData = {
        "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
        "-L", "--orig_src_path_name", "--orig_src_file_name", "-dumpdir",
        "-dumpbase", "-plugin", "-dynamic-linker", "-MF", "-MT", "-MQ"};
    std::map<std::string, std::vector<unsigned>> mentions;
    for (const SubStep &s : r.run.steps) {
      if (!linker.empty() && stepId[s.index] == linker)
        continue; // its inputs are the link's
      for (size_t i = 1; i < s.argv.size(); ++i) {
        if (notData.count(s.argv[i - 1]) ||
            llvm::StringRef(s.argv[i]).startswith("-plugin"))
          continue;
        for (std::string p : pathsIn(s.argv[i])) {
          // The user's input, made absolute by nvcc.
          for (const std::string &in : inputs)
            if (llvm::StringRef(p).endswith("/" + in))
              p = in;
          auto &m = mentions[p];
          if (m.empty() || m.back() != s.index)
            m.push_back(s.index);
        }
      }
    }
    // What the link reads from the other steps (gcc's as writes the
    // objects collect2 reads).
    if (!linker.empty())
      for (const SubStep &s : r.run.steps)
        if (stepId[s.index] == linker)
          for (size_t i = 1; i < s.argv.size(); ++i)
            if (mentions.count(s.argv[i]) && !inputs.count(s.argv[i]))
              mentions[s.argv[i]].push_back(s.index);
    for (const auto &[name, steps] : mentions) {
      bool isInput = inputs.count(name) > 0;
      if (!isInput && name != output && steps.size() < 2)
        continue; // an option's value, a directory: no data flows through it
      if (isInput && !linker.empty() && isObjectName(name))
        continue; // drawn with the link's inputs
      std::string id = file(c, name,
                            isInput ? (isObjectName(name) ? dot::NodeKind::Object
                                                          : dot::NodeKind::Source)
                            : name == output ? dot::NodeKind::Output
                                             : dot::NodeKind::Intermediate,
                            implicated.count(name) > 0);
      size_t first = 0;
      if (!isInput) {
        g.edges.push_back({stepId[steps.front()], id, {}, false, false});
        first = 1;
      }
      for (size_t i = first; i < steps.size(); ++i)
        g.edges.push_back({id, stepId[steps[i]], {}, false, false});
    }
  }

  // The link's inputs with what they carry, else the inputs as given.
  std::map<std::string, std::string> subjectNode;
  if (!linker.empty()) {
    std::vector<std::string> system;
    for (const devcode::InputFacts &in : r.linkInputs.inputs) {
      bool red = implicated.count(in.path) > 0;
      bool code = llvm::any_of(in.objects, [](const devcode::ObjectFacts &o) {
        return o.code != devcode::DeviceCode::None && o.linked;
      });
      llvm::StringRef path = in.path;
      if (c.groupSystemInputs && !red && !code &&
          llvm::sys::path::is_absolute(path) &&
          !path.startswith(c.cwd + "/")) {
        system.push_back(in.spelled.empty() ? in.path : in.spelled);
        inputs.erase(in.path);
        inputs.erase(in.spelled);
        continue;
      }
      std::vector<std::string> lines;
      for (const devcode::ObjectFacts &o : in.objects) {
        red |= implicated.count(o.name) > 0;
        if (o.code == devcode::DeviceCode::None || !o.linked)
          continue;
        std::vector<std::string> images;
        for (const devcode::FatbinImage &i : o.images)
          images.push_back(i.name());
        lines.push_back(fmt::format("{}{} {}",
                                    o.member.empty() ? "" : o.member + ": ",
                                    devcode::deviceCodeName(o.code),
                                    llvm::join(images, " ")));
      }
      std::string id = file(c, in.path, dot::NodeKind::Object, red);
      // How the link names it, and what it carries (the same whoever
      // reads it).
      std::string label =
          in.spelled.empty() ? in.path : in.spelled + "\n" + in.path;
      for (const std::string &l : lines)
        label += "\n" + l;
      for (dot::Node &n : g.nodes)
        if (n.id == id && n.label == in.path)
          n.label = label;
      subjectNode[in.path] = id;
      for (const devcode::ObjectFacts &o : in.objects)
        subjectNode[o.name] = id;
      inputs.erase(in.path);
      inputs.erase(in.spelled);
      g.edges.push_back({id, linker, {}, red, false});
    }
    if (!system.empty()) {
      std::string id = c.prefix + "system-inputs";
      node(id, dot::NodeKind::Object,
           fmt::format("{} inputs from outside the build, without device "
                       "code:\n{}",
                       system.size(), llvm::join(system, "\n")));
      g.edges.push_back({id, linker, {}, false, false});
    }
    for (const std::string &i : inputs)
      if (!r.listsSubSteps || isObjectName(i)) {
        std::string id = file(c, i, dot::NodeKind::Object);
        g.edges.push_back({id, linker, {}, false, false});
      }
    if (!output.empty()) {
      std::string id = file(c, output, dot::NodeKind::Output);
      g.edges.push_back({linker, id, {}, false, false});
    }
  }

  // The flags that reached each step, on an edge from the command line.
  std::map<std::string, std::vector<std::string>> flags;
  std::vector<std::string> stepOrder;
  for (const ArgumentReport &a : r.arguments) {
    if (isInputArg(a) || isOutputArg(a))
      continue;
    for (const Reach &re : a.reached) {
      std::string id = stepOf(re);
      if (!flags.count(id))
        stepOrder.push_back(id);
      flags[id].push_back(re.as);
    }
  }
  for (const std::string &id : stepOrder)
    g.edges.push_back({cmdId, id, flags[id], false, true});

  // Hazards: to the files they are about, else to the link or the command
  // line.
  unsigned n = 0;
  for (const Hazard &h : r.hazards) {
    std::string id = fmt::format("{}hazard:{}", c.prefix, n++);
    node(id, dot::NodeKind::Hazard,
         fmt::format("{}\n{}\nfix: {}", h.kind, wrap(h.message), wrap(h.fix)),
         false, c.cluster);
    std::set<std::string> targets;
    for (const std::string &s : h.subjects) {
      auto it = subjectNode.find(s);
      if (it != subjectNode.end())
        targets.insert(it->second);
      else if (has("file:" + absoluteIn(s, c.cwd)))
        targets.insert("file:" + absoluteIn(s, c.cwd));
    }
    if (targets.empty())
      targets.insert(linker.empty() ? cmdId : linker);
    for (const std::string &t : targets)
      g.edges.push_back({id, t, {}, true, true});
  }
}

} // namespace

std::string toDot(const Report &r, llvm::StringRef cwd) {
  DotBuilder b;
  b.g.title = fmt::format("{} {}", r.personality, r.phase);
  b.add(r, DotCall{"", cwd.str(), "", /*groupSystemInputs=*/!cwd.empty()});
  return dot::render(b.g);
}

std::string chainToDot(llvm::ArrayRef<ChainCall> calls, llvm::StringRef output) {
  DotBuilder b;
  b.g.title = fmt::format("{}", output.str());
  unsigned k = 0;
  for (const ChainCall &c : calls) {
    ++k;
    DotCall dc{fmt::format("c{}:", k), c.cwd, fmt::format("call{}", k),
               /*groupSystemInputs=*/true};
    b.g.clusters.push_back({dc.cluster, c.title});
    b.add(*c.report, dc);
  }
  // Between calls, what one wrote and another read is an object; the
  // chain's own output stays the output.
  std::string last = "file:" + output.str();
  for (dot::Node &n : b.g.nodes)
    if (n.kind == dot::NodeKind::Output && n.id != last)
      n.kind = dot::NodeKind::Object;
    else if (n.id == last)
      n.kind = dot::NodeKind::Output;
  return dot::render(b.g);
}

} // namespace cuwrap::explain
