// Graphviz DOT text. What Graphviz does with the bytes of a quoted label,
// observed with `dot -Tsvg` (graphviz 2.42): `\"` is a quote, `\\` a
// backslash, `\N` the node's name, `\l` a left-justified line end, an
// unknown escape such as `\x` loses its backslash, `&amp;` is an entity
// (so a literal "&amp;" must be written "&amp;amp;"), and one byte that
// is not UTF-8 gives "Warning: Invalid 2-byte UTF8 found in input ...
// treated as Latin-1" for the whole graph.
#include "Dot.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <fmt/format.h>
#include <map>

namespace cuwrap::explain::dot {

const char *kindName(NodeKind k) {
  switch (k) {
  case NodeKind::Source: return "source";
  case NodeKind::Step: return "step";
  case NodeKind::Intermediate: return "intermediate";
  case NodeKind::Object: return "object";
  case NodeKind::Output: return "output";
  case NodeKind::Hazard: return "hazard";
  case NodeKind::Note: return "note";
  }
  return "?";
}

std::string escape(llvm::StringRef text) {
  std::string out;
  const auto *p = reinterpret_cast<const llvm::UTF8 *>(text.data());
  const auto *end = p + text.size();
  while (p < end) {
    unsigned char c = *p;
    if (c >= 0x80) {
      unsigned n = llvm::getNumBytesForUTF8(c);
      if (n <= size_t(end - p) && llvm::isLegalUTF8Sequence(p, p + n)) {
        out.append(reinterpret_cast<const char *>(p), n);
        p += n;
      } else {
        out += fmt::format("\\\\x{:02X}", unsigned(c));
        ++p;
      }
      continue;
    }
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '&': out += "&amp;"; break;
    case '\n': out += "\\l"; break;
    default:
      if (c < 0x20 || c == 0x7f)
        out += fmt::format("\\\\x{:02X}", unsigned(c));
      else
        out += char(c);
    }
    ++p;
  }
  return out;
}

namespace {

struct Style {
  const char *shape, *fill, *extra;
};

Style styleOf(NodeKind k) {
  switch (k) {
  case NodeKind::Source: return {"note", "lightyellow", ""};
  case NodeKind::Step: return {"box", "lightblue", ", style=\"rounded,filled\""};
  case NodeKind::Intermediate: return {"ellipse", "white", ""};
  case NodeKind::Object: return {"box3d", "lightgrey", ""};
  case NodeKind::Output: return {"doubleoctagon", "palegreen", ""};
  case NodeKind::Hazard: return {"box", "mistyrose", ""};
  case NodeKind::Note: return {"plaintext", "white", ""};
  }
  return {"box", "white", ""};
}

// A label ends its last line too, so that every line is left-justified.
std::string label(llvm::StringRef text) {
  return escape(text) + (text.endswith("\n") ? "" : "\\l");
}

} // namespace

std::string render(const Graph &g) {
  std::string out = fmt::format("digraph \"{}\" {{\n", escape(g.title));
  out += "  rankdir=LR;\n"
         "  node [fontname=\"monospace\", fontsize=10, style=filled];\n"
         "  edge [fontname=\"monospace\", fontsize=9];\n";
  std::map<std::string, std::string> ids;
  auto declare = [&](const Node &n, llvm::StringRef indent) {
    std::string id = fmt::format("n{}", ids.size());
    ids.emplace(n.id, id);
    Style s = styleOf(n.kind);
    bool red = n.hazard || n.kind == NodeKind::Hazard;
    out += fmt::format("{}{} [label=\"{}\", shape={}, fillcolor=\"{}\"{}{}];\n",
                       indent.str(), id, label(n.label), s.shape, s.fill,
                       s.extra,
                       red ? ", color=red, fontcolor=red, penwidth=2" : "");
  };
  auto inCluster = [&](const Node &n) {
    return llvm::any_of(g.clusters,
                        [&](const Cluster &c) { return c.id == n.cluster; });
  };
  for (const Node &n : g.nodes)
    if (!ids.count(n.id) && !inCluster(n))
      declare(n, "  ");
  unsigned k = 0;
  for (const Cluster &c : g.clusters) {
    out += fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n"
                       "    style=\"rounded,dashed\";\n"
                       "    fontname=\"monospace\";\n",
                       k++, label(c.label));
    for (const Node &n : g.nodes)
      if (!ids.count(n.id) && n.cluster == c.id)
        declare(n, "    ");
    out += "  }\n";
  }
  for (const Edge &e : g.edges)
    for (const std::string *end : {&e.from, &e.to})
      if (!ids.count(*end))
        declare(Node{*end, NodeKind::Note, *end, false}, "  ");
  for (const Edge &e : g.edges) {
    std::vector<std::string> attrs;
    if (!e.flags.empty())
      attrs.push_back(fmt::format("label=\"{}\"", label(llvm::join(e.flags, "\n"))));
    if (e.hazard)
      attrs.push_back("color=red, fontcolor=red");
    if (e.dashed)
      attrs.push_back("style=dashed");
    out += fmt::format("  {} -> {}{};\n", ids[e.from], ids[e.to],
                       attrs.empty() ? "" : " [" + llvm::join(attrs, ", ") + "]");
  }
  out += "}\n";
  return out;
}

} // namespace cuwrap::explain::dot
