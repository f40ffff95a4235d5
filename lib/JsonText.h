// Text in cuwrap's JSON (records, `cuwrap config --json`, explain's
// reports): a JSON string when the text is UTF-8, else {"bytes": "<hex>"},
// so that no byte of a path or argument is ever replaced.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace cuwrap {

llvm::json::Value jsonText(llvm::StringRef s);
llvm::json::Array jsonTexts(llvm::ArrayRef<std::string> words);
// The same, written into a stream.
void writeText(llvm::json::OStream &j, llvm::StringRef s);
void writeTexts(llvm::json::OStream &j, llvm::ArrayRef<std::string> words);

// Reads either form back.
bool fromJSONText(const llvm::json::Value &v, std::string &out,
                  llvm::json::Path p);
bool fromJSONTexts(const llvm::json::Value &v, std::vector<std::string> &out,
                   llvm::json::Path p);
// Lenient: the text, or "" when `v` is neither form.
std::string textOf(const llvm::json::Value &v);

} // namespace cuwrap
