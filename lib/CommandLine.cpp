#include "CommandLine.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cuwrap {

CommandLine::CommandLine() { sources.push_back(Source{}); }

void CommandLine::appendArgv(llvm::ArrayRef<std::string> args) {
  argvSeen = true;
  argvBegin = words.size();
  for (size_t i = 0; i < args.size(); ++i)
    words.push_back(Word{args[i], {Origin::Kind::Argv, "", unsigned(i + 1)}, 0});
  argvEnd = words.size();
}

void CommandLine::appendVariable(llvm::StringRef name, llvm::StringRef value) {
  int src = sources.size();
  sources.push_back(Source{Source::Kind::EnvVar, name.str()});
  sources.back().beforeArgv = !argvSeen;
  quoting::ReadResult r = quoting::readNvccVariable(value);
  if (r.error) {
    warnings.push_back(fmt::format(
        "${}: nvcc stops with \"{}\"; the variable is left as it is",
        name.str(), *r.error));
    return;
  }
  unsigned n = 0;
  for (auto &w : r.words)
    words.push_back(
        Word{std::move(w.text), {Origin::Kind::EnvVar, name.str(), ++n}, src});
}

namespace {
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0)
      ::close(fd);
  }
};

std::string errnoText() { return strerror(errno); }
} // namespace

std::optional<FileWords> readFileWords(FileSyntax syntax, llvm::StringRef path,
                                       ReadLimits &left,
                                       std::vector<std::string> &warnings) {
  bool nvcc = syntax == FileSyntax::NvccOptions;
  const char *what = nvcc ? "options file" : "response file";
  std::string p = path.str();
  Fd fd{::open(p.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st;
  if (fd.fd < 0 || ::fstat(fd.fd, &st) != 0) {
    warnings.push_back(
        fmt::format("cannot read {} '{}': {}", what, p, errnoText()));
    return std::nullopt;
  }
  FileWords fw;
  fw.id = {uint64_t(st.st_dev), uint64_t(st.st_ino)};
  if (S_ISDIR(st.st_mode)) {
    if (!nvcc) {
      warnings.push_back(fmt::format(
          "response file '{}' is a directory: GNU tools stop with \"@-file "
          "refers to a directory\"",
          p));
      return std::nullopt;
    }
    return fw; // observed: nvcc reads a directory as an empty options file
  }

  std::string text;
  auto tooBig = [&](llvm::StringRef how) {
    warnings.push_back(fmt::format(
        "{} '{}' not read: {} (cuwrap reads at most {} bytes and {} words "
        "from the files of one call); the tool gets the command as written",
        what, p, how.str(), ReadLimits().bytes, ReadLimits().words));
  };
  if (!nvcc) {
    // libiberty's expandargv: fseek to the end, ftell, read that much. A
    // pipe cannot seek: gcc and ld then take `@/dev/stdin` for a file name
    // (observed: "ld: cannot find @/dev/stdin"); /dev/zero reads as empty.
    off_t size = ::lseek(fd.fd, 0, SEEK_END);
    if (size < 0) {
      warnings.push_back(fmt::format(
          "response file '{}' not read: GNU tools read an @file only if they "
          "can seek in it (a pipe cannot), so '@{}' stays a word",
          p, p));
      return std::nullopt;
    }
    if (size_t(size) > left.bytes) {
      tooBig(fmt::format("it holds {} bytes", size));
      return std::nullopt;
    }
    text.resize(size);
    size_t got = 0;
    while (got < text.size()) {
      ssize_t n = ::pread(fd.fd, text.data() + got, text.size() - got, got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
    text.resize(got);
  } else {
    // nvcc reads to the end of anything, a pipe too (observed with
    // `-optf <(echo ...)` and `-optf /dev/stdin`), and hangs on an endless
    // one. A file that is not a regular file can be read once only.
    fw.readOnce = !S_ISREG(st.st_mode);
    char buf[65536];
    for (;;) {
      ssize_t n = ::read(fd.fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0) {
        warnings.push_back(
            fmt::format("cannot read {} '{}': {}", what, p, errnoText()));
        return std::nullopt;
      }
      if (n == 0)
        break;
      text.append(buf, n);
      if (text.size() > left.bytes) {
        tooBig(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)
                   ? "it does not end (what cuwrap read of it is gone from "
                     "it)"
                   : "it does not end");
        return std::nullopt;
      }
    }
  }
  left.bytes -= text.size();

  quoting::ReadResult r = nvcc ? quoting::readNvccOptionsFile(text)
                               : quoting::readGnuResponseFile(text);
  if (r.error) {
    warnings.push_back(fmt::format(
        "{} '{}': nvcc stops with \"{}\"; cuwrap leaves the file as it is",
        what, p, *r.error));
    fw.unread = true;
  } else if (r.words.size() > left.words) {
    tooBig(fmt::format("it holds {} words", r.words.size()));
    fw.unread = true;
  } else {
    left.words -= r.words.size();
    fw.words = std::move(r.words);
  }
  if (fw.unread && !fw.readOnce)
    return std::nullopt;
  if (fw.readOnce)
    fw.copy = std::move(text);
  return fw;
}

void CommandLine::insertFile(Source::Kind kind, llvm::StringRef path,
                             int referrer, unsigned element,
                             size_t valueOffset, size_t insertAt) {
  ReadLimits left;
  bool optf = kind == Source::Kind::OptionsFile;
  auto fw = readFileWords(optf ? FileSyntax::NvccOptions : FileSyntax::GnuResponse,
                          path, left, warnings);
  if (!fw)
    return;
  int src = sources.size();
  Source s{kind, path.str(), referrer, element, valueOffset};
  s.readOnce = fw->readOnce;
  s.copy = std::move(fw->copy);
  sources.push_back(std::move(s));
  auto originKind = optf ? Origin::Kind::OptionsFile : Origin::Kind::ResponseFile;
  std::vector<Word> added;
  for (auto &t : fw->words)
    added.push_back(Word{std::move(t.text), {originKind, path.str(), t.line}, src});
  for (Source &s : sources)
    if (s.referrer >= int(insertAt))
      s.referrer += added.size();
  words.insert(words.begin() + insertAt, added.begin(), added.end());
}

std::vector<const char *> CommandLine::cstrs() const {
  std::vector<const char *> out;
  out.reserve(words.size());
  for (const Word &w : words)
    out.push_back(w.text.c_str());
  return out;
}

std::vector<unsigned> CommandLine::wordsOf(int source) const {
  std::vector<unsigned> out;
  for (unsigned i = 0; i < words.size(); ++i)
    if (words[i].source == source)
      out.push_back(i);
  return out;
}

} // namespace cuwrap
