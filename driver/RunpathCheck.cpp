#include "RunpathCheck.h"
#include "RunpathPolicy.h"

#include "llvm/Object/ELF.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

#include <cstring>
#include <sys/stat.h>

namespace cuwrap {

static llvm::Error problem(llvm::StringRef file, const llvm::Twine &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 file + ": " + what);
}

// ELFFile alone (not ObjectFile::createObjectFile) keeps the IR, MachO and
// Wasm readers, and their static initializers, out of the binary that every
// wrapper call starts.
template <class ELFT>
static llvm::Expected<DynamicInfo> readAs(llvm::StringRef file,
                                          llvm::StringRef bytes) {
  auto elf = llvm::object::ELFFile<ELFT>::create(bytes);
  if (!elf)
    return problem(file, llvm::toString(elf.takeError()));
  auto dyn = elf->dynamicEntries();
  if (!dyn)
    return problem(file, llvm::toString(dyn.takeError()));
  uint64_t strtab = 0, strsz = 0;
  for (const auto &d : *dyn) {
    if (d.getTag() == llvm::ELF::DT_STRTAB)
      strtab = d.getPtr();
    else if (d.getTag() == llvm::ELF::DT_STRSZ)
      strsz = d.getVal();
  }
  DynamicInfo info;
  // nvcc puts device code in .nv_fatbin (whole-program) or __nv_relfatbin
  // (relocatable device code); either means cudart registers it and loads
  // libcuda.so.1 at run time, statically linked cudart too.
  if (auto sections = elf->sections())
    for (const auto &sec : *sections)
      if (auto name = elf->getSectionName(sec))
        if (*name == ".nv_fatbin" || *name == "__nv_relfatbin") {
          info.cudaBecause = fmt::format("it carries CUDA device code ({})",
                                         name->str());
          break;
        }
  if (dyn->empty())
    return info; // a static program: nothing to look up at run time
  info.isDynamic = true;
  if (!strtab)
    return problem(file, "the dynamic section has no string table");
  auto base = elf->toMappedAddr(strtab);
  if (!base)
    return problem(file, llvm::toString(base.takeError()));
  const uint8_t *end = bytes.bytes_end();
  if (*base > end || strsz > uint64_t(end - *base))
    return problem(file, "the dynamic string table lies outside the file");
  llvm::StringRef strings(reinterpret_cast<const char *>(*base), strsz);
  auto str = [&](uint64_t off) -> llvm::StringRef {
    if (off >= strings.size())
      return {};
    return strings.drop_front(off).take_until([](char c) { return c == 0; });
  };
  std::string runpath, rpath;
  bool hasRunpath = false;
  for (const auto &d : *dyn) {
    switch (d.getTag()) {
    case llvm::ELF::DT_NEEDED:
      info.needed.push_back(str(d.getVal()).str());
      break;
    case llvm::ELF::DT_RUNPATH:
      hasRunpath = true;
      runpath = str(d.getVal()).str();
      break;
    case llvm::ELF::DT_RPATH:
      rpath = str(d.getVal()).str();
      break;
    }
  }
  for (const std::string &n : info.needed) {
    llvm::StringRef so(n);
    if (so.startswith("libcudart.so") || so.startswith("libcuda.so")) {
      info.cudaBecause = fmt::format("it needs {}", n);
      break;
    }
  }
  // The loader ignores DT_RPATH when DT_RUNPATH is present.
  info.isRunpath = hasRunpath || rpath.empty();
  llvm::SmallVector<llvm::StringRef, 8> parts;
  llvm::StringRef(hasRunpath ? runpath : rpath).split(parts, ':', -1, false);
  for (llvm::StringRef p : parts)
    info.runpath.push_back(p.str());
  return info;
}

llvm::Expected<DynamicInfo> readDynamicInfo(llvm::StringRef file) {
  auto buf = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf)
    return problem(file, "cannot read: " + buf.getError().message());
  llvm::StringRef bytes = (*buf)->getBuffer();
  if (bytes.size() < llvm::ELF::EI_NIDENT || !bytes.startswith("\x7f" "ELF"))
    return problem(file, "not an ELF file");
  unsigned char cls = bytes[llvm::ELF::EI_CLASS];
  unsigned char data = bytes[llvm::ELF::EI_DATA];
  using namespace llvm::object;
  if (cls == llvm::ELF::ELFCLASS64 && data == llvm::ELF::ELFDATA2LSB)
    return readAs<ELF64LE>(file, bytes);
  if (cls == llvm::ELF::ELFCLASS64 && data == llvm::ELF::ELFDATA2MSB)
    return readAs<ELF64BE>(file, bytes);
  if (cls == llvm::ELF::ELFCLASS32 && data == llvm::ELF::ELFDATA2LSB)
    return readAs<ELF32LE>(file, bytes);
  if (cls == llvm::ELF::ELFCLASS32 && data == llvm::ELF::ELFDATA2MSB)
    return readAs<ELF32BE>(file, bytes);
  return problem(file, "unknown ELF class or byte order");
}

static bool exists(const std::string &p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

static std::string canonicalDir(llvm::StringRef dir) {
  return cuwrap::canonicalDir(*llvm::vfs::getRealFileSystem(), dir);
}

std::vector<std::string> checkRunpath(llvm::StringRef file,
                                      const DynamicInfo &info,
                                      const Config &cfg) {
  std::vector<std::string> out;
  std::string origin =
      llvm::sys::path::parent_path(canonicalDir(file)).str();
  if (origin.empty())
    origin = ".";
  auto expand = [&](std::string dir) {
    for (const char *o : {"${ORIGIN}", "$ORIGIN"})
      for (size_t at = dir.find(o); at != std::string::npos; at = dir.find(o))
        dir.replace(at, std::strlen(o), origin);
    return dir;
  };
  std::vector<std::string> dirs, keys;
  for (const std::string &e : info.runpath) {
    dirs.push_back(expand(e));
    keys.push_back(canonicalDir(dirs.back()));
  }
  auto indexOf = [&](const std::string &dir) -> int {
    if (dir.empty())
      return -1;
    std::string k = canonicalDir(dir);
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == k)
        return int(i);
    return -1;
  };
  const char *tag = info.isRunpath ? "RUNPATH" : "RPATH";

  for (size_t i = 0; i < dirs.size(); ++i) {
    if (isStubsDir(dirs[i]))
      out.push_back(fmt::format(
          "{} entry '{}' is a stubs directory: a program that loads the stub "
          "libcuda.so fails with \"CUDA driver is a stub library\"",
          tag, info.runpath[i]));
    for (size_t j = 0; j < i; ++j)
      if (keys[j] == keys[i]) {
        out.push_back(fmt::format("{} entry '{}' appears more than once", tag,
                                  info.runpath[i]));
        break;
      }
  }
  int driver = indexOf(cfg.driverDir.value);
  int compat = indexOf(cfg.compatDir.value);
  if (!cfg.driverDir.value.empty() && driver < 0)
    out.push_back(fmt::format("{} lacks the driver directory '{}' ({}): "
                              "libcuda.so.1 will not be found there",
                              tag, cfg.driverDir.value, cfg.driverDir.source));
  if (!cfg.compatDir.value.empty() && compat < 0)
    out.push_back(fmt::format("{} lacks the compat directory '{}' ({})", tag,
                              cfg.compatDir.value, cfg.compatDir.source));
  if (driver >= 0 && compat > driver)
    out.push_back(fmt::format(
        "{} has the compat directory '{}' after the driver directory '{}': "
        "the driver's libcuda.so.1 wins over cuda_compat's",
        tag, cfg.compatDir.value, cfg.driverDir.value));

  std::vector<std::string> sonames = info.needed;
  if (std::find(sonames.begin(), sonames.end(), "libcuda.so.1") == sonames.end())
    sonames.push_back("libcuda.so.1"); // cudart dlopens it
  for (const std::string &so : sonames) {
    if (so.find('/') != std::string::npos)
      continue; // a path: RUNPATH is not searched
    std::vector<std::string> providers;
    std::vector<std::string> providerKeys;
    for (size_t i = 0; i < dirs.size(); ++i) {
      // cuda_compat before the driver is the point of a compat directory.
      if (so == "libcuda.so.1" && int(i) == compat && compat < driver)
        continue;
      if (std::find(providerKeys.begin(), providerKeys.end(), keys[i]) !=
          providerKeys.end())
        continue;
      if (exists(dirs[i] + "/" + so)) {
        providers.push_back(info.runpath[i]);
        providerKeys.push_back(keys[i]);
      }
    }
    if (providers.size() > 1)
      out.push_back(fmt::format(
          "{} is provided by more than one {} directory: {} (the loader takes "
          "the first)",
          so, tag, fmt::join(providers, ", ")));
  }
  return out;
}

} // namespace cuwrap
