#include "Toolkit.h"

#include "BoundedJSON.h"
#include "RuleContext.h"
#include "ToolLookup.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace cuwrap {

namespace {
// version.json (CUDA's runfile and network installers write it):
// {"cuda": {"version": "13.0.2"}, "cuda_nvcc": {"version": "13.0.88"}}.
std::string versionFromJSON(llvm::vfs::FileSystem &fs, llvm::StringRef root) {
  auto buf = fs.getBufferForFile(root + "/version.json");
  if (!buf)
    return "";
  auto v = parseJSON((*buf)->getBuffer());
  if (!v)
    return "";
  const llvm::json::Object *o = v->getAsObject();
  for (const char *key : {"cuda_nvcc", "cuda"})
    if (const llvm::json::Object *c = o ? o->getObject(key) : nullptr)
      if (auto ver = c->getString("version"))
        return ver->str();
  return "";
}

// CUDART_VERSION 13000 in cuda_runtime_api.h means 13.0: every toolkit
// layout (the installer's, Debian's, Nixpkgs' split outputs) has the
// header next to nvcc's include directory or its targets/ tree.
std::string versionFromHeader(llvm::vfs::FileSystem &fs, llvm::StringRef root) {
  for (const char *rel : {"include/cuda_runtime_api.h",
                          "targets/x86_64-linux/include/cuda_runtime_api.h"}) {
    auto buf = fs.getBufferForFile(root + "/" + rel);
    if (!buf)
      continue;
    llvm::StringRef text = (*buf)->getBuffer();
    size_t at = text.find("#define CUDART_VERSION");
    if (at == llvm::StringRef::npos)
      continue;
    unsigned n = 0;
    llvm::StringRef num = text.drop_front(at + 22).ltrim().take_while(
        [](char c) { return c >= '0' && c <= '9'; });
    if (!num.getAsInteger(10, n))
      return fmt::format("{}.{}", n / 1000, n % 1000 / 10);
  }
  return "";
}
} // namespace

ToolkitInfo describeToolkit(const Config &config, const Session &session) {
  ToolkitInfo tk;
  RuleContext ctx(session, config);
  auto nvcc = findTool("nvcc", config.nvcc.value, config.nvcc.source,
                       "CUWRAP_NVCC", ctx, "nvcc.profile");
  if (!nvcc) {
    tk.summary = "no nvcc: " + llvm::toString(nvcc.takeError());
    return tk;
  }
  tk.nvcc = *nvcc;
  tk.root = llvm::sys::path::parent_path(llvm::sys::path::parent_path(tk.nvcc))
                .str();
  tk.version = versionFromJSON(session.fs(), tk.root);
  if (tk.version.empty())
    tk.version = versionFromHeader(session.fs(), tk.root);
  tk.summary = fmt::format("CUDA {} nvcc {} ({})",
                           tk.version.empty() ? "(version unknown)" : tk.version,
                           tk.nvcc, config.nvcc.source);
  return tk;
}

} // namespace cuwrap
