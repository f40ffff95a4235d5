#include "Exec.h"

#include "llvm/Support/MemoryBuffer.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace cuwrap {

static void substitute(std::string &s, const std::string &from,
                       const std::string &to) {
  for (size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

llvm::Error materializeFiles(Plan &plan) {
  for (size_t i = 0; i < plan.files.size(); ++i) {
    GeneratedFile &f = plan.files[i];
    // No MFD_CLOEXEC: the real tool reads the file after our exec.
    int fd = ::memfd_create("cuwrap-options", 0);
    if (fd < 0)
      return llvm::createStringError(std::error_code(errno, std::generic_category()),
                                     "cannot create a file for %s: %s",
                                     f.replaces.c_str(), strerror(errno));
    const char *p = f.content.data();
    size_t left = f.content.size();
    while (left > 0) {
      ssize_t n = ::write(fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return llvm::createStringError(std::error_code(errno, std::generic_category()),
                                       "cannot write the file for %s",
                                       f.replaces.c_str());
      p += n;
      left -= n;
    }
    std::string path = fmt::format("/dev/fd/{}", fd);
    for (std::string &a : plan.args)
      substitute(a, f.placeholder, path);
    for (EnvEdit &e : plan.env)
      substitute(e.value, f.placeholder, path);
    // A rewritten nested file is named by the rewritten file that includes
    // it, which comes later in plan.files (children are rendered first).
    for (GeneratedFile &other : plan.files)
      if (&other != &f)
        substitute(other.content, f.placeholder, path);
    // The record shows the edits too: they must name what really runs.
    for (Edit &e : plan.edits)
      for (std::string &w : e.added)
        substitute(w, f.placeholder, path);
    f.placeholder = path;
  }
  return llvm::Error::success();
}

// The parent of `pid`, from /proc/PID/stat ("PID (COMM) STATE PPID ...";
// COMM may hold spaces and parentheses, so read after the last ')').
static long parentOf(long pid) {
  auto buf = llvm::MemoryBuffer::getFileAsStream(fmt::format("/proc/{}/stat", pid));
  if (!buf)
    return 0;
  llvm::StringRef text = (*buf)->getBuffer();
  size_t close = text.rfind(')');
  if (close == llvm::StringRef::npos)
    return 0;
  llvm::SmallVector<llvm::StringRef, 4> fields;
  text.drop_front(close + 1).split(fields, ' ', 3, false);
  long ppid = 0;
  if (fields.size() < 2 || fields[1].getAsInteger(10, ppid))
    return 0;
  return ppid;
}

llvm::Error checkExecLoop(const Environment &env, llvm::StringRef invokedAs,
                          const Personality &p) {
  auto mark = env.get(ExecGuardVar);
  if (!mark)
    return llvm::Error::success();
  auto [name, pidText] = mark->rsplit(':');
  long marked = 0;
  if (name != invokedAs || pidText.getAsInteger(10, marked) || marked <= 0)
    return llvm::Error::success();
  Config none;
  RealTool tool = p.realTool(invokedAs, none);
  std::string setting =
      *tool.variable ? fmt::format("; set {} to the real tool", tool.variable)
                     : std::string("; put the real tool first on PATH after "
                                   "the wrappers");
  if (marked == ::getpid())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "exec loop: the real %s that cuwrap ran is itself a cuwrap wrapper "
        "(another copy on PATH?)%s",
        invokedAs.str().c_str(), setting.c_str());
  // A few generations cover a shim that runs `sh -c "nvcc ..."`.
  long pid = ::getpid();
  for (int depth = 0; depth < 16 && pid > 1; ++depth) {
    pid = parentOf(pid);
    if (pid == marked)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "loop: the real %s that cuwrap ran (process %ld, a script?) calls "
          "cuwrap's %s again instead of the tool itself%s",
          invokedAs.str().c_str(), marked, invokedAs.str().c_str(),
          setting.c_str());
  }
  return llvm::Error::success();
}

llvm::Error execPlan(const Plan &plan, const Environment &env,
                     llvm::StringRef invokedAs, const Personality &) {
  std::vector<EnvEdit> edits = plan.env;
  edits.push_back(EnvEdit{EnvEdit::Op::Set, ExecGuardVar,
                          fmt::format("{}:{}", invokedAs.str(), ::getpid())});
  Environment finalEnv = env.apply(edits);
  std::vector<char *> argv, envp;
  argv.push_back(const_cast<char *>(plan.program.c_str()));
  for (const std::string &a : plan.args)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  for (const std::string &e : finalEnv.entries())
    envp.push_back(const_cast<char *>(e.c_str()));
  envp.push_back(nullptr);
  ::execve(plan.program.c_str(), argv.data(), envp.data());
  return llvm::createStringError(std::error_code(errno, std::generic_category()),
                                 "cannot run %s: %s", plan.program.c_str(),
                                 strerror(errno));
}

} // namespace cuwrap
