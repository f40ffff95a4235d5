// Fuzz target: a command line through a personality's parse and plan, as
// the wrapper runs it, then the record it would log, written and read
// back. Rules see an in-memory filesystem (a toolkit, a host compiler, a
// few library directories), nothing is exec'd.
//
// The input is a list of NUL-separated entries: the first is a control
// string (which personality, which settings); an entry starting with \1 is
// an environment variable (NAME=VALUE, e.g. NVCC_APPEND_FLAGS), one starting
// with \2 a file written for the call to read (NAME\3CONTENT, NAME a plain
// name: the call runs in a private directory, where `@NAME` and `-optf NAME`
// find it); the rest are argv. Inputs with words that name places outside
// that directory that could block or never end (/dev, /proc, /sys, /run) or
// climb out of it (..) are skipped: reading files is the one thing the
// parser does on the real filesystem.
#include "Personality.h"
#include "Record.h"
#include "RecordView.h"
#include "Registry.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace cuwrap;

namespace {
std::string workDir;

llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> makeTree() {
  auto fs = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  using llvm::sys::fs::perms;
  auto add = [&](const char *path, bool exe) {
    fs->addFile(path, 0, llvm::MemoryBuffer::getMemBuffer(""), llvm::None,
                llvm::None, llvm::sys::fs::file_type::regular_file,
                exe ? perms::all_read | perms::all_exe | perms::owner_write
                    : perms::all_read | perms::owner_write);
  };
  add("/cuda/bin/nvcc", true);
  add("/cuda/bin/nvcc.profile", false);
  add("/usr/bin/ld", true);
  add("/usr/bin/g++", true);
  add("/usr/bin/gcc", true);
  add("/usr/bin/clang++", true);
  add("/cuda/lib64/libcudart.so", false);
  add("/cuda/lib64/libcudart_static.a", false);
  add("/cuda/lib64/libcublas.so", false);
  add("/cuda/lib64/stubs/libcuda.so", false);
  add("/nix/store/abc-foo/lib/libfoo.so", false);
  add("/nix/store/abc-foo/lib/libfoo.a", false);
  add("/opt/lib/libbar.so", false);
  fs->setCurrentWorkingDirectory(workDir);
  return fs;
}

bool unsafe(llvm::StringRef w) {
  for (const char *bad : {"/dev", "/proc", "/sys", "/run", ".."})
    if (w.contains(bad))
      return true;
  return false;
}

void writeFile(const std::string &name, llvm::StringRef content) {
  int fd = ::open((workDir + "/" + name).c_str(),
                  O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0)
      break;
    done += size_t(n);
  }
  ::close(fd);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  char tmpl[] = "/tmp/cuwrap-fuzz-plan.XXXXXX";
  if (!::mkdtemp(tmpl))
    std::abort();
  workDir = tmpl;
  if (::chdir(tmpl) != 0)
    std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef in(reinterpret_cast<const char *>(data), size);
  llvm::SmallVector<llvm::StringRef, 32> parts;
  in.split(parts, '\0');
  llvm::StringRef control = parts.front();
  std::vector<std::string> args, envEntries, files;
  std::vector<llvm::StringRef> contents;
  for (llvm::StringRef p : llvm::ArrayRef<llvm::StringRef>(parts).drop_front()) {
    if (p.consume_front("\1")) {
      if (unsafe(p))
        return -1;
      envEntries.push_back(p.str());
    } else if (p.consume_front("\2")) {
      auto [name, content] = p.split('\3');
      if (name.empty() || name.contains('/') || name == "." || name == ".." ||
          files.size() >= 8)
        return -1;
      files.push_back(name.str());
      contents.push_back(content);
    } else {
      if (unsafe(p))
        return -1;
      args.push_back(p.str());
    }
  }

  for (size_t i = 0; i < files.size(); ++i)
    writeFile(files[i], contents[i]);

  unsigned c = control.empty() ? 0 : uint8_t(control[0]);
  const std::vector<const Personality *> &all = personalities();
  const Personality &p = *all[c % all.size()];
  Config cfg;
  cfg.nvcc.value = "/cuda/bin/nvcc";
  cfg.ld.value = "/usr/bin/ld";
  cfg.hostCxx.value = (c & 0x10) ? "" : "/usr/bin/g++";
  cfg.hostPolicy.value = HostPolicy((c >> 5) % 3);
  cfg.cudartDir.value = "/cuda/lib64";
  cfg.driverDir.value = "/run/opengl-driver/lib";
  cfg.compatDir.value = (c & 0x80) ? "/cuda/compat" : "";
  cfg.rpathPrefixes.value = {"/nix/store", "/cuda"};
  if (control.size() > 1 && (control[1] & 1))
    cfg.runpathSubstitutions.value = {{"/nix/store/abc-foo/lib", "/opt/lib"}};
  cfg.compressFatbin.value = control.size() > 1 && (control[1] & 2);
  cfg.strictRunpath.value = control.size() > 1 && (control[1] & 4);
  envEntries.push_back("PATH=/cuda/bin:/usr/bin");
  Environment env(envEntries);
  Paths paths;
  paths.self = "/cuwrap/bin/cuwrap";
  paths.prefix = "/cuwrap";
  paths.wrapperDir = "/cuwrap/wrappers";
  auto fs = makeTree();
  RuleContext ctx(cfg, env, paths, *fs);

  std::string invokedAs = p.name().str();
  auto call = planCall(p, invokedAs, args, ctx);
  if (!call) {
    llvm::consumeError(call.takeError());
  } else {
    Record rec = makeRecord(*call, RecordContext{"2025-01-01T00:00:00.000Z",
                                                 workDir, 1});
    std::string line = recordJSON(rec);
    auto back = parseRecord(line);
    if (!back) {
      std::fprintf(stderr, "a record cuwrap wrote does not read back: %s\n%s\n",
                   llvm::toString(back.takeError()).c_str(), line.c_str());
      std::abort();
    }
    std::string again = recordJSON(*back);
    if (again != line) {
      std::fprintf(stderr, "a record changed on its way through the log:\n%s\n%s\n",
                   line.c_str(), again.c_str());
      std::abort();
    }
    (void)renderRecord(rec, true);
    (void)factsText(rec);
    (void)planText(rec);
  }
  for (const std::string &f : files)
    ::unlink((workDir + "/" + f).c_str());
  return 0;
}
