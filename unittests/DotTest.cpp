// The DOT renderer: escaping, node kinds, edge labels, hazards in red.
// (test/explain/dot.test renders real output with Graphviz.)
#include "Dot.h"

#include <gtest/gtest.h>

using namespace cuwrap::explain::dot;

TEST(DotEscape, QuotesBackslashesEntitiesNewlines) {
  EXPECT_EQ(escape("plain -O3 x.cu"), "plain -O3 x.cu");
  EXPECT_EQ(escape("say \"hi\""), "say \\\"hi\\\"");
  // A backslash stays one: \N would otherwise become the node's name.
  EXPECT_EQ(escape("a\\Nb\\"), "a\\\\Nb\\\\");
  EXPECT_EQ(escape("&amp; <b>"), "&amp;amp; <b>");
  EXPECT_EQ(escape("one\ntwo"), "one\\ltwo");
}

TEST(DotEscape, ControlAndNonUtf8BytesShownAsHex) {
  EXPECT_EQ(escape(llvm::StringRef("a\0b", 3)), "a\\\\x00b");
  EXPECT_EQ(escape("tab\there"), "tab\\\\x09here");
  EXPECT_EQ(escape("\x7f"), "\\\\x7F");
  // Valid UTF-8 passes through, one stray byte does not.
  EXPECT_EQ(escape("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(escape("\xe2\x82\xac 1"), "\xe2\x82\xac 1");
  EXPECT_EQ(escape("\xff\xfe"), "\\\\xFF\\\\xFE");
  EXPECT_EQ(escape("\xc3("), "\\\\xC3(");
  EXPECT_EQ(escape("trunc\xe2\x82"), "trunc\\\\xE2\\\\x82");
  // Overlong encodings and surrogates are not UTF-8.
  EXPECT_EQ(escape("\xc0\xaf"), "\\\\xC0\\\\xAF");
  EXPECT_EQ(escape("\xed\xa0\x80"), "\\\\xED\\\\xA0\\\\x80");
}

TEST(DotRender, NodesEdgesAndHazards) {
  Graph g;
  g.title = "nvcc \"link\"";
  g.nodes.push_back({"a.cu", NodeKind::Source, "a.cu"});
  g.nodes.push_back({"cicc", NodeKind::Step, "[3] cicc\ncicc"});
  g.nodes.push_back({"h", NodeKind::Hazard, "missing-device-link\nfix: nvcc -dlink"});
  g.nodes.push_back({"a.o", NodeKind::Object, "a.o", true});
  g.edges.push_back({"a.cu", "cicc", {"-O3", "-DX=\"1\""}, false, false});
  g.edges.push_back({"h", "a.o", {}, true, true});
  g.edges.push_back({"cicc", "unknown node", {}, false, false});
  std::string out = render(g);
  EXPECT_EQ(out,
            "digraph \"nvcc \\\"link\\\"\" {\n"
            "  rankdir=LR;\n"
            "  node [fontname=\"monospace\", fontsize=10, style=filled];\n"
            "  edge [fontname=\"monospace\", fontsize=9];\n"
            "  n0 [label=\"a.cu\\l\", shape=note, fillcolor=\"lightyellow\"];\n"
            "  n1 [label=\"[3] cicc\\lcicc\\l\", shape=box, fillcolor=\"lightblue\", "
            "style=\"rounded,filled\"];\n"
            "  n2 [label=\"missing-device-link\\lfix: nvcc -dlink\\l\", "
            "shape=box, fillcolor=\"mistyrose\", color=red, fontcolor=red, "
            "penwidth=2];\n"
            "  n3 [label=\"a.o\\l\", shape=box3d, fillcolor=\"lightgrey\", "
            "color=red, fontcolor=red, penwidth=2];\n"
            "  n4 [label=\"unknown node\\l\", shape=plaintext, fillcolor=\"white\"];\n"
            "  n0 -> n1 [label=\"-O3\\l-DX=\\\"1\\\"\\l\"];\n"
            "  n2 -> n3 [color=red, fontcolor=red, style=dashed];\n"
            "  n1 -> n4;\n"
            "}\n");
}

TEST(DotRender, DuplicateIdsDeclaredOnce) {
  Graph g;
  g.nodes.push_back({"x", NodeKind::Step, "first"});
  g.nodes.push_back({"x", NodeKind::Step, "second"});
  std::string out = render(g);
  EXPECT_NE(out.find("first"), std::string::npos);
  EXPECT_EQ(out.find("second"), std::string::npos);
}
