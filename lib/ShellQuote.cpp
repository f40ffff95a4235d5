#include "ShellQuote.h"

#include "llvm/Support/ConvertUTF.h"

#include <fmt/format.h>

namespace cuwrap {

bool isUTF8(llvm::StringRef s) {
  auto *p = reinterpret_cast<const llvm::UTF8 *>(s.begin());
  return llvm::isLegalUTF8String(&p, reinterpret_cast<const llvm::UTF8 *>(s.end()));
}

std::string shellQuote(llvm::StringRef s) {
  if (s.empty())
    return "''";
  auto safe = [](unsigned char c) {
    return isalnum(c) || llvm::StringRef("@%+=:,./_-").contains(c);
  };
  if (llvm::all_of(s, safe))
    return s.str();
  bool plain = llvm::all_of(s, [](unsigned char c) { return c >= 0x20 && c != 0x7f; }) &&
               isUTF8(s);
  std::string out;
  if (plain) {
    out = "'";
    for (char c : s)
      out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }
  out = "$'";
  for (unsigned char c : s) {
    if (c == '\'' || c == '\\')
      out += fmt::format("\\{}", char(c));
    else if (c >= 0x20 && c < 0x7f)
      out += char(c);
    else
      out += fmt::format("\\x{:02x}", c);
  }
  return out + "'";
}

std::string shellJoin(llvm::ArrayRef<std::string> words) {
  std::string out;
  for (const std::string &w : words) {
    if (!out.empty())
      out += ' ';
    out += shellQuote(w);
  }
  return out;
}

} // namespace cuwrap
