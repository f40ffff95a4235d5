#include "HostConfigHeader.h"

#include "llvm/ADT/SmallVector.h"

#include <cctype>
#include <string>
#include <vector>

namespace cuwrap {

namespace {
// A preprocessor for conditionals only, enough to follow host_config.h's
// `#if` nest with the compiler's own macros and see which `#error` nvcc's
// host preprocessing would reach. Reading the limits from the toolkit's
// header (not a table in cuwrap) keeps doctor right for every CUDA release.
class CondEval {
public:
  explicit CondEval(Macros &m) : M(m) {}
  long long eval(llvm::StringRef expr) {
    S = expr;
    return orExpr();
  }

private:
  void skip() { S = S.ltrim(); }
  bool eat(llvm::StringRef tok) {
    skip();
    if (!S.startswith(tok))
      return false;
    S = S.drop_front(tok.size());
    return true;
  }
  llvm::StringRef ident() {
    skip();
    size_t n = 0;
    while (n < S.size() && (isalnum(S[n]) || S[n] == '_'))
      ++n;
    llvm::StringRef id = S.take_front(n);
    S = S.drop_front(n);
    return id;
  }
  static long long number(llvm::StringRef s) {
    s = s.trim().rtrim("uUlL");
    long long v = 0;
    if (s.getAsInteger(0, v))
      return 0;
    return v;
  }
  long long orExpr() {
    long long v = andExpr();
    while (eat("||"))
      v = andExpr() || v;
    return v;
  }
  long long andExpr() {
    long long v = cmpExpr();
    while (eat("&&"))
      v = cmpExpr() && v;
    return v;
  }
  long long cmpExpr() {
    long long v = unary();
    for (;;) {
      if (eat("=="))
        v = v == unary();
      else if (eat("!="))
        v = v != unary();
      else if (eat("<="))
        v = v <= unary();
      else if (eat(">="))
        v = v >= unary();
      else if (eat("<"))
        v = v < unary();
      else if (eat(">"))
        v = v > unary();
      else
        return v;
    }
  }
  long long unary() {
    if (eat("!"))
      return !unary();
    if (eat("(")) {
      long long v = orExpr();
      eat(")");
      return v;
    }
    skip();
    if (!S.empty() && isdigit(S[0])) {
      size_t n = 0;
      while (n < S.size() && isalnum(S[n]))
        ++n;
      long long v = number(S.take_front(n));
      S = S.drop_front(n);
      return v;
    }
    llvm::StringRef id = ident();
    if (id == "defined") {
      bool paren = eat("(");
      llvm::StringRef name = ident();
      if (paren)
        eat(")");
      return M.count(name) ? 1 : 0;
    }
    if (id.empty()) { // something this evaluator does not know: stop
      S = "";
      return 0;
    }
    auto it = M.find(id);
    return it == M.end() ? 0 : number(it->second);
  }

  Macros &M;
  llvm::StringRef S;
};

} // namespace

std::vector<Reached> reachedErrors(llvm::StringRef text, Macros macros) {
  // Comments go first (they span lines in this header), then continuations.
  std::string src;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).startswith("/*")) {
      size_t end = text.find("*/", i + 2);
      for (size_t j = i; j < std::min(end, text.size()); ++j)
        if (text[j] == '\n')
          src += '\n'; // keep line numbers
      src += ' ';
      i = end == llvm::StringRef::npos ? text.size() : end + 1;
      continue;
    }
    src += text[i];
  }
  llvm::SmallVector<llvm::StringRef, 512> lines;
  llvm::StringRef(src).split(lines, '\n');
  struct Frame {
    bool parent, active, taken;
    std::string cond;
  };
  std::vector<Frame> stack;
  std::vector<Reached> out;
  CondEval ev(macros);
  auto active = [&] { return stack.empty() || stack.back().active; };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i].str();
    unsigned lineNo = i + 1;
    while (!line.empty() && line.back() == '\\' && i + 1 < lines.size())
      line.pop_back(), line += lines[++i].str();
    llvm::StringRef l = llvm::StringRef(line).trim();
    if (!l.consume_front("#"))
      continue;
    l = l.ltrim();
    auto [dir, rest] = l.split(' ');
    rest = rest.trim();
    if (size_t c = rest.find("//"); c != llvm::StringRef::npos && dir != "error")
      rest = rest.take_front(c).trim();
    if (dir == "if" || dir == "ifdef" || dir == "ifndef") {
      bool p = active();
      bool v = false;
      if (p)
        v = dir == "if"      ? ev.eval(rest) != 0
            : dir == "ifdef" ? macros.count(rest) != 0
                             : macros.count(rest) == 0;
      stack.push_back({p, p && v, !p || v, rest.str()});
    } else if (dir == "elif" && !stack.empty()) {
      Frame &f = stack.back();
      bool v = !f.taken && f.parent && ev.eval(rest) != 0;
      f.active = v;
      f.taken |= v;
      f.cond = rest.str();
    } else if (dir == "else" && !stack.empty()) {
      Frame &f = stack.back();
      f.active = f.parent && !f.taken;
      f.taken = true;
    } else if (dir == "endif" && !stack.empty()) {
      stack.pop_back();
    } else if (!active()) {
      continue;
    } else if (dir == "define") {
      auto [name, value] = rest.split(' ');
      if (!name.contains('('))
        macros[name] = value.trim().str();
    } else if (dir == "undef") {
      macros.erase(rest);
    } else if (dir == "error") {
      out.push_back({lineNo, rest.str(), stack.empty() ? "" : stack.back().cond});
    }
  }
  return out;
}

} // namespace cuwrap
