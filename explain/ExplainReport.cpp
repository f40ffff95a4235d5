// How an explain Report is shown: text for people, JSON with stable keys.
#include "Explain.h"

#include "Record.h"
#include "ShellQuote.h"

#include <fmt/format.h>

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
                           {"tool", s.tool},
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
    hazards.push_back(Object{{"kind", h.kind}, {"message", jsonText(h.message)},
                             {"fix", jsonText(h.fix)}});
  o["hazards"] = std::move(hazards);
  if (!r.linkInputs.inputs.empty())
    o["link_inputs"] = devcode::toJSON(r.linkInputs);
  o["edits"] = editsJson(r.edits);
  o["messages"] = jsonTexts(r.run.messages);
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
  if (r.personality == "nvcc") {
    if (r.dryRun && r.run.steps.empty() && r.dryRunStatus != 0) {
      out += fmt::format("sub-steps: nvcc --dryrun failed (status {}) before "
                         "printing any; routing predicted from nvcc's rules\n",
                         r.dryRunStatus);
      for (const std::string &m : r.run.messages)
        out += fmt::format("  nvcc says: {}\n", m);
    } else if (r.dryRun) {
      out += fmt::format("sub-steps (nvcc --dryrun, status {}):\n", r.dryRunStatus);
      for (const SubStep &s : r.run.steps)
        out += fmt::format("  [{}] {}: {}\n", s.index, s.tool, shellJoin(s.argv));
      for (const std::string &m : r.run.messages)
        out += fmt::format("  nvcc says: {}\n", m);
    } else if (!r.noDryRun.empty()) {
      out += fmt::format("sub-steps: predicted from nvcc's routing rules (no "
                         "dry run: {})\n",
                         r.noDryRun);
    } else {
      out += "sub-steps: predicted from nvcc's routing rules (no dry run)\n";
    }
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

} // namespace cuwrap::explain
