// A small graph of a build (sources, sub-steps, intermediate files,
// objects, outputs, hazards) and its Graphviz DOT text. Pure: the caller
// builds the graph from what it knows; render() only writes it.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace cuwrap::explain::dot {

enum class NodeKind {
  Source,       // a file the user gave: .cu, .cpp
  Step,         // a tool that ran (or would run): cicc, nvlink, ld
  Intermediate, // a file one step writes and a later one reads
  Object,       // an object or archive given to a link
  Output,       // what the call writes
  Hazard,       // a hazard, drawn in red
  Note,         // anything else: the command line
};
const char *kindName(NodeKind k);

struct Node {
  std::string id;     // unique in the graph; any bytes (never written out)
  NodeKind kind = NodeKind::Note;
  std::string label;  // any bytes; '\n' starts a new line
  bool hazard = false; // drawn in red
  std::string cluster = {}; // the id of the Cluster it is drawn in, or none
};

// A box around the nodes of one call (Graphviz's "cluster" subgraphs).
struct Cluster {
  std::string id;
  std::string label;
};

struct Edge {
  std::string from, to;       // node ids; an unknown id gets a plain node
  std::vector<std::string> flags; // the edge's label, one line each
  bool hazard = false;
  bool dashed = false;
};

struct Graph {
  std::string title;
  std::vector<Cluster> clusters; // in the order they are drawn
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// `text` as the inside of a DOT quoted label that Graphviz shows as the
// same bytes: `"` and `\` escaped (Graphviz reads `\N`, `\l`... in labels),
// `&` as `&amp;` (it reads entities), newlines as left-justified line ends,
// other control bytes and bytes that are not UTF-8 shown as `\xNN` (one
// invalid byte makes Graphviz read the whole graph as Latin-1).
std::string escape(llvm::StringRef text);

std::string render(const Graph &g);

} // namespace cuwrap::explain::dot
