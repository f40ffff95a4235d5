#include "Exec.h"
#include "Quoting.h"
#include "RuleNames.h"

#include "llvm/Support/MemoryBuffer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace cuwrap {

static llvm::Error sysError(const std::string &what) {
  return llvm::createStringError(std::error_code(errno, std::generic_category()),
                                 "%s: %s", what.c_str(), strerror(errno));
}

// A memfd the tool inherits (no close-on-exec: it reads the file after our
// exec), never on 0, 1 or 2: when the caller closed one of those, a file
// there would be the tool's stdin, stdout or stderr. They stay closed.
static llvm::Expected<int> createToolFile(const std::string &what) {
  int fd = ::memfd_create("cuwrap-options", 0);
  if (fd < 0)
    return sysError("cannot create a file for " + what);
  if (fd < 3) {
    int moved = ::fcntl(fd, F_DUPFD, 3); // the duplicate is not close-on-exec
    int saved = errno;
    ::close(fd);
    errno = saved;
    if (moved < 0)
      return sysError("cannot create a file for " + what);
    fd = moved;
  }
  return fd;
}

static llvm::Error writeAll(int fd, const std::string &content,
                            const std::string &what) {
  const char *p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return sysError("cannot write the file for " + what);
    p += n;
    left -= n;
  }
  return llvm::Error::success();
}

static void substitute(std::string &s, const std::string &from,
                       const std::string &to) {
  for (size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

llvm::Error materializeFiles(Plan &plan) {
  std::vector<int> fds;
  std::vector<std::string> paths;
  for (GeneratedFile &f : plan.files) {
    auto fd = createToolFile(f.replaces);
    if (!fd)
      return fd.takeError();
    fds.push_back(*fd);
    paths.push_back(fmt::format("/dev/fd/{}", *fd));
  }
  if (!plan.fileUses.empty()) {
    // Right to left within each text, so that earlier offsets stay put.
    std::vector<FileUse> uses = plan.fileUses;
    std::sort(uses.begin(), uses.end(), [](const FileUse &a, const FileUse &b) {
      return std::tie(a.in, a.index, a.word, b.offset) <
             std::tie(b.in, b.index, b.word, a.offset);
    });
    for (const FileUse &u : uses) {
      std::string *text = nullptr;
      switch (u.in) {
      case FileUse::In::Arg:
        text = u.index < plan.args.size() ? &plan.args[u.index] : nullptr;
        break;
      case FileUse::In::Env:
        text = u.index < plan.env.size() ? &plan.env[u.index].value : nullptr;
        break;
      case FileUse::In::File:
        text = u.index < plan.files.size() ? &plan.files[u.index].content
                                           : nullptr;
        break;
      case FileUse::In::Edit:
        text = u.index < plan.edits.size() &&
                       u.word < plan.edits[u.index].added.size()
                   ? &plan.edits[u.index].added[u.word]
                   : nullptr;
        break;
      }
      const std::string &ph = plan.files[u.file].placeholder;
      if (!text || text->compare(u.offset, ph.size(), ph) != 0)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "internal error: misplaced file %s",
                                       ph.c_str());
      text->replace(u.offset, ph.size(), paths[u.file]);
    }
    plan.fileUses.clear();
  } else {
    // A plan rebuilt from a log names its files with markers of its own.
    for (size_t i = 0; i < plan.files.size(); ++i) {
      const std::string ph = plan.files[i].placeholder;
      for (std::string &a : plan.args)
        substitute(a, ph, paths[i]);
      for (EnvEdit &e : plan.env)
        substitute(e.value, ph, paths[i]);
      for (GeneratedFile &other : plan.files)
        substitute(other.content, ph, paths[i]);
      for (Edit &e : plan.edits)
        for (std::string &w : e.added)
          substitute(w, ph, paths[i]);
    }
  }
  for (size_t i = 0; i < plan.files.size(); ++i) {
    if (auto e = writeAll(fds[i], plan.files[i].content, plan.files[i].replaces))
      return e;
    plan.files[i].placeholder = paths[i];
  }
  return llvm::Error::success();
}

size_t execLimit() {
  long a = ::sysconf(_SC_ARG_MAX);
  size_t limit = a > 0 ? size_t(a) : 131072;
  // glibc reports a quarter of the stack limit; the kernel also caps the
  // strings at 3/4 of _STK_LIM, 6 MiB (fs/exec.c, bprm_stack_limits).
  return std::min(limit, size_t(6) << 20);
}

size_t execSize(const std::string &program, llvm::ArrayRef<std::string> args,
                llvm::ArrayRef<std::string> env) {
  // The file name, argv[0] (the program) and every other string with its
  // NUL, and a pointer for each argv and envp entry.
  size_t n = 2 * (program.size() + 1) + sizeof(void *) * (1 + args.size() + env.size());
  for (const std::string &a : args)
    n += a.size() + 1;
  for (const std::string &e : env)
    n += e.size() + 1;
  return n;
}

// The kernel's MAX_ARG_STRLEN: one argument, its NUL included.
static constexpr size_t MaxArgString = 32 * 4096;

static llvm::Error fitArgumentLimit(Plan &plan, const Environment &env,
                                    llvm::StringRef personality) {
  // Room kept free below the limit: the kernel's own bookkeeping at the top
  // of the new stack, and the interpreter and script path the kernel adds
  // when the tool is a #! script.
  constexpr size_t Margin = 4096;
  const size_t limit = execLimit();
  size_t launcherBytes = 0;
  for (const std::string &l : plan.launcher)
    launcherBytes += l.size() + 1 + sizeof(void *);
  const size_t n = plan.args.size();
  size_t firstLong = n;
  for (size_t i = 0; i < n; ++i)
    if (plan.args[i].size() + 1 > MaxArgString) {
      firstLong = i;
      break;
    }
  // The environment edits only replace or add variables, so the caller's
  // environment plus every edit and the exec guard, whole, bound what the
  // exec passes: far from the limit (nearly every call) the final
  // environment need not be built here as well as in execPlan.
  size_t bound = execSize(plan.program, plan.args, env.entries()) +
                 launcherBytes + strlen(ExecGuardVar) + personality.size() +
                 24 + 2 * sizeof(void *);
  for (const EnvEdit &ed : plan.env)
    bound += ed.name.size() + ed.value.size() + 2 + sizeof(void *);
  if (bound + Margin <= limit && firstLong == n)
    return llvm::Error::success();
  Environment finalEnv = execEnvironment(plan, env, personality);
  const size_t total =
      execSize(plan.program, plan.args, finalEnv.entries()) + launcherBytes;
  if (total + Margin <= limit && firstLong == n)
    return llvm::Error::success();

  bool nvcc = personality == "nvcc";
  // nvcc reads an options file as a list of its own: only whole arguments
  // may move there. GNU tools splice an @file's words in place: any words
  // may, but not an empty one, which lld's reader would drop.
  std::vector<bool> starts = plan.argumentStarts;
  if (!nvcc)
    starts.assign(n + 1, true);
  if (starts.size() != n + 1)
    return llvm::Error::success(); // cannot tell arguments apart; exec says E2BIG
  auto movable = [&](size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
      if (nvcc ? !quoting::nvccOptionsFileCanHold(plan.args[i])
               : plan.args[i].empty())
        return false;
    return true;
  };
  auto cost = [](const std::string &s) { return s.size() + 1 + sizeof(void *); };
  const size_t perFile = nvcc ? cost("-optf") + cost("/dev/fd/1000000")
                              : cost("@/dev/fd/1000000");

  // Runs of whole movable arguments, taken from the end of the line until
  // it fits and every over-long word has moved.
  struct Run {
    size_t begin, end;
  };
  std::vector<Run> runs;
  size_t saved = 0;
  std::optional<Run> cur;
  // When args end inside an argument (it goes on in NVCC_APPEND_FLAGS),
  // that argument stays.
  size_t last = n;
  if (!starts[n]) {
    size_t b = n;
    while (b > 0 && !starts[b - 1])
      --b;
    last = b > 0 ? b - 1 : 0;
  }
  for (size_t e = last; e > 0;) {
    size_t b = e - 1;
    while (b > 0 && !starts[b])
      --b;
    bool fits = total + Margin + runs.size() * perFile + (cur ? perFile : 0) <=
                limit + saved;
    if (fits && firstLong >= e)
      break;
    if (movable(b, e)) {
      if (!cur)
        cur = Run{b, e};
      cur->begin = b;
      for (size_t i = b; i < e; ++i)
        saved += cost(plan.args[i]);
    } else if (cur) {
      runs.push_back(*cur);
      cur.reset();
    }
    e = b;
  }
  if (cur)
    runs.push_back(*cur);

  // Runs are in descending order: splicing from the end keeps the earlier
  // indices valid.
  for (const Run &r : runs) {
    std::vector<std::string> moved(plan.args.begin() + r.begin,
                                   plan.args.begin() + r.end);
    std::string content;
    for (const std::string &w : moved) {
      if (nvcc)
        quoting::appendNvccOptionsFileWord(content, w);
      else
        quoting::appendGnuResponseFileWord(content, w);
      content += '\n';
    }
    std::string what = fmt::format("argv[{}..{}]", r.begin + 1, r.end);
    auto fd = createToolFile(what);
    if (!fd)
      return fd.takeError();
    if (auto e = writeAll(*fd, content, what))
      return e;
    std::string path = fmt::format("/dev/fd/{}", *fd);
    std::vector<std::string> with =
        nvcc ? std::vector<std::string>{"-optf", path}
             : std::vector<std::string>{"@" + path};
    plan.args.erase(plan.args.begin() + r.begin, plan.args.begin() + r.end);
    plan.args.insert(plan.args.begin() + r.begin, with.begin(), with.end());
    if (plan.argumentStarts.size() == n + 1) {
      plan.argumentStarts.erase(plan.argumentStarts.begin() + r.begin,
                                plan.argumentStarts.begin() + r.end);
      plan.argumentStarts.insert(plan.argumentStarts.begin() + r.begin,
                                 with.size(), false);
      plan.argumentStarts[r.begin] = true;
    }
    plan.files.push_back(GeneratedFile{path, content, what});
    plan.edits.push_back(Edit{
        std::string(rule::ArgumentLimit), Edit::Action::Translate,
        std::move(moved), with,
        Origin{Origin::Kind::Text, "planned " + what, 0}, Edit::Placement::At,
        fmt::format("with cuwrap's additions the command would exceed the "
                    "kernel's argument limit ({} bytes, one argument at most "
                    "{}): these words are handed over in {}",
                    limit, MaxArgString,
                    nvcc ? "an nvcc options file" : "a response file")});
  }
  Environment after = execEnvironment(plan, env, personality);
  if (execSize(plan.program, plan.args, after.entries()) + launcherBytes > limit)
    plan.warnings.push_back(fmt::format(
        "the command is still longer than the kernel's argument limit ({} "
        "bytes) after moving what could be moved",
        limit));
  return llvm::Error::success();
}

llvm::Error materializeFiles(Plan &plan, const Environment &env,
                             llvm::StringRef personality) {
  if (auto e = materializeFiles(plan))
    return e;
  return fitArgumentLimit(plan, env, personality);
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

// The plan's edits and the exec guard (checkExecLoop).
static std::vector<EnvEdit> execEdits(const Plan &plan,
                                      llvm::StringRef personality) {
  std::vector<EnvEdit> edits = plan.env;
  edits.push_back(EnvEdit{EnvEdit::Op::Set, ExecGuardVar,
                          fmt::format("{}:{}", personality.str(), ::getpid())});
  return edits;
}

Environment execEnvironment(const Plan &plan, const Environment &env,
                            llvm::StringRef personality) {
  return env.apply(execEdits(plan, personality));
}

llvm::Error execPlan(const Plan &plan, const Environment &env,
                     llvm::StringRef invokedAs, const Personality &) {
  std::deque<std::string> made;
  std::vector<const char *> envp =
      env.applyForExec(execEdits(plan, invokedAs), made);
  std::vector<char *> argv;
  // With a launcher (ccache), it runs with the real tool's path first among
  // its arguments: the cache keys on the command that really runs.
  for (const std::string &l : plan.launcher)
    argv.push_back(const_cast<char *>(l.c_str()));
  const std::string &file = plan.launcher.empty() ? plan.program
                                                  : plan.launcher.front();
  argv.push_back(const_cast<char *>(plan.program.c_str()));
  for (const std::string &a : plan.args)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  envp.push_back(nullptr);
  ::execve(file.c_str(), argv.data(), const_cast<char *const *>(envp.data()));
  return llvm::createStringError(std::error_code(errno, std::generic_category()),
                                 "cannot run %s: %s", file.c_str(),
                                 strerror(errno));
}

} // namespace cuwrap
