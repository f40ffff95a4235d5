// Device code in a host link's inputs. What each format looks like, as
// observed with nvcc 13.0 (readelf, nm and a hex dump of the sections of
// its outputs), is written down in docs/device-code.md; the comments here
// name only what the code relies on.
#include "DeviceCode.h"

#include "JsonText.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace cuwrap::explain::devcode {

namespace {

using llvm::StringRef;

// The fat binary container (docs/device-code.md, "Fat binary").
constexpr uint32_t FatbinMagic = 0xBA55ED50;
constexpr size_t FatbinHeaderSize = 16;
// An image header is at least 64 bytes; the fields read here end at 0x30.
constexpr size_t ImageHeaderMin = 0x30;
constexpr uint16_t ImagePtx = 1, ImageCubin = 2;
constexpr uint64_t FlagCompressed = 0x8000;     // zstd, nvcc 13's default
constexpr uint64_t FlagCompressedOld = 0x2000;  // -Xfatbin=-compress-all before 12.x
constexpr uint64_t FlagArchSpecific = 0x100000; // sm_90a
constexpr uint64_t FlagFamily = 0x200000;       // sm_100f
// __fatBinC_Wrapper_t at the start of .nvFatBinSegment: magic, version
// (1 for a compile, 2 for a device link), as the toolkit's
// include/fatbinary_section.h declares it (FATBINC_MAGIC,
// FATBINC_LINK_VERSION), with the section names below.
constexpr uint32_t WrapperMagic = 0x466243B1;

constexpr StringRef RegisterLinked = "__cudaRegisterLinkedBinary_";
constexpr StringRef FatbinWrap = "__fatbinwrap_";
constexpr StringRef SecFatbin = ".nv_fatbin", SecRelFatbin = "__nv_relfatbin",
                    SecSegment = ".nvFatBinSegment";

uint16_t u16(StringRef b, size_t at) {
  return llvm::support::endian::read16le(b.data() + at);
}
uint32_t u32(StringRef b, size_t at) {
  return llvm::support::endian::read32le(b.data() + at);
}
uint64_t u64(StringRef b, size_t at) {
  return llvm::support::endian::read64le(b.data() + at);
}

llvm::Error error(const llvm::Twine &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), what);
}

template <class ELFT>
void readElf(StringRef bytes, ObjectFacts &f) {
  auto elf = llvm::object::ELFFile<ELFT>::create(bytes);
  if (!elf) {
    f.problem = llvm::toString(elf.takeError());
    return;
  }
  auto sections = elf->sections();
  if (!sections) {
    f.problem = llvm::toString(sections.takeError());
    return;
  }
  const typename ELFT::Shdr *symtab = nullptr;
  bool relfatbin = false, fatbin = false;
  for (const auto &sec : *sections) {
    if (sec.sh_type == llvm::ELF::SHT_SYMTAB)
      symtab = &sec;
    auto name = elf->getSectionName(sec);
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    bool isFatbin = *name == SecFatbin, isRel = *name == SecRelFatbin;
    if (!isFatbin && !isRel && *name != SecSegment)
      continue;
    f.sections.push_back(name->str());
    auto contents = elf->getSectionContents(sec);
    if (!contents) {
      f.problem = fmt::format("{}: {}", name->str(),
                              llvm::toString(contents.takeError()));
      continue;
    }
    StringRef data(reinterpret_cast<const char *>(contents->data()),
                   contents->size());
    if (*name == SecSegment) {
      // Relocations fill in its pointers; magic and version are plain data.
      if (data.size() >= 8 && u32(data, 0) == WrapperMagic)
        f.wrapperVersion = u32(data, 4);
      continue;
    }
    relfatbin |= isRel;
    fatbin |= isFatbin;
    auto images = parseFatbins(data);
    if (!images) {
      f.problem = fmt::format("{}: {}", name->str(),
                              llvm::toString(images.takeError()));
      continue;
    }
    f.images.insert(f.images.end(), images->begin(), images->end());
  }
  if (symtab) {
    auto syms = elf->symbols(symtab);
    auto strtab = elf->getStringTableForSymtab(*symtab);
    if (!syms || !strtab) {
      if (!syms)
        f.problem = llvm::toString(syms.takeError());
      if (!strtab)
        f.problem = llvm::toString(strtab.takeError());
    } else {
      for (const auto &s : *syms) {
        unsigned bind = s.getBinding();
        if (bind == llvm::ELF::STB_LOCAL)
          continue;
        unsigned type = s.getType();
        if (type == llvm::ELF::STT_SECTION || type == llvm::ELF::STT_FILE)
          continue;
        auto n = s.getName(*strtab);
        if (!n || n->empty()) {
          if (!n)
            llvm::consumeError(n.takeError());
          continue;
        }
        bool undef = s.isUndefined();
        // A weak undefined reference does not make ld take an archive member.
        if (undef && bind == llvm::ELF::STB_WEAK)
          continue;
        if (n->startswith(RegisterLinked))
          (undef ? f.needs : f.provides).push_back(n->str());
        else
          (undef ? f.undefined : f.defined).push_back(n->str());
      }
    }
  }
  if (!f.provides.empty())
    f.code = DeviceCode::DeviceLink;
  else if (relfatbin || !f.needs.empty())
    f.code = DeviceCode::Relocatable;
  else if (fatbin || f.wrapperVersion)
    f.code = DeviceCode::WholeProgram;
}

// ELF class and byte order from e_ident, and e_type; 0 when not ELF.
struct ElfKind {
  unsigned cls = 0, data = 0, type = 0;
};
ElfKind elfKind(StringRef b) {
  ElfKind k;
  if (b.size() < 18 || !b.startswith("\x7f"
                                     "ELF"))
    return k;
  k.cls = uint8_t(b[llvm::ELF::EI_CLASS]);
  k.data = uint8_t(b[llvm::ELF::EI_DATA]);
  k.type = k.data == llvm::ELF::ELFDATA2MSB
               ? llvm::support::endian::read16be(b.data() + 16)
               : llvm::support::endian::read16le(b.data() + 16);
  return k;
}

bool isArchive(StringRef b) {
  return b.startswith("!<arch>\n") || b.startswith("!<thin>\n");
}

std::string listNames(std::vector<std::string> names, size_t max = 6) {
  // A link may name 100,000 inputs: no quadratic search for duplicates.
  std::vector<std::string> uniq;
  llvm::StringSet<> seen;
  for (std::string &n : names)
    if (seen.insert(n).second)
      uniq.push_back(std::move(n));
  if (uniq.size() > max) {
    size_t more = uniq.size() - (max - 1);
    uniq.resize(max - 1);
    uniq.push_back(fmt::format("{} more", more));
  }
  if (uniq.size() <= 1)
    return uniq.empty() ? "" : uniq.front();
  std::string last = uniq.back();
  uniq.pop_back();
  return llvm::join(uniq, ", ") + " and " + last;
}

// "sm_75" before "sm_100": by number, then suffix.
struct ArchLess {
  static std::pair<unsigned, StringRef> key(StringRef name) {
    StringRef digits = name.drop_until(llvm::isDigit);
    StringRef num = digits.take_while(llvm::isDigit);
    unsigned n = 0;
    num.getAsInteger(10, n);
    return {n, digits.drop_front(num.size())};
  }
  bool operator()(const std::string &a, const std::string &b) const {
    auto ka = key(a), kb = key(b);
    return ka != kb ? ka < kb : a < b;
  }
};
using ArchSet = std::set<std::string, ArchLess>;

// The -arch/-gencode words that ask nvcc for these cubins.
std::string archFlags(const ArchSet &cubins) {
  if (cubins.size() == 1)
    return "-arch=" + *cubins.begin();
  std::vector<std::string> out;
  for (const std::string &sm : cubins)
    out.push_back(fmt::format("-gencode arch=compute_{0},code=sm_{0}",
                              StringRef(sm).drop_front(3).str()));
  return llvm::join(out, " ");
}

std::vector<std::string> subjects(std::vector<std::string> names,
                                  llvm::ArrayRef<std::string> more = {}) {
  names.insert(names.end(), more.begin(), more.end());
  std::vector<std::string> out;
  for (std::string &n : names)
    if (!llvm::is_contained(out, n))
      out.push_back(std::move(n));
  return out;
}

ArchSet cubinsOf(const ObjectFacts &o) {
  ArchSet out;
  for (const FatbinImage &i : o.images)
    if (i.kind == FatbinImage::Kind::Cubin)
      out.insert(i.name());
  return out;
}

// Whether nvlink can make code for cubin `target` from what `o` carries:
// a cubin for it, or PTX for an architecture at or below it (observed:
// objects with only compute_80 PTX device-link for sm_90). PTX for an
// "a"/"f" architecture is taken for that same one only.
bool canLinkFor(const ObjectFacts &o, const FatbinImage &target) {
  for (const FatbinImage &i : o.images) {
    if (i.kind == FatbinImage::Kind::Cubin && i.arch == target.arch &&
        i.suffix == target.suffix)
      return true;
    if (i.kind == FatbinImage::Kind::Ptx &&
        (i.suffix.empty() ? i.arch <= target.arch
                          : i.arch == target.arch && i.suffix == target.suffix))
      return true;
  }
  return false;
}

} // namespace

std::string FatbinImage::name() const {
  const char *prefix = kind == Kind::Cubin ? "sm_"
                       : kind == Kind::Ptx ? "compute_"
                                           : "image_";
  return fmt::format("{}{}{}", prefix, arch, suffix);
}

llvm::Expected<std::vector<FatbinImage>> parseFatbins(llvm::StringRef b) {
  std::vector<FatbinImage> out;
  size_t pos = 0;
  while (pos < b.size()) {
    // Sections of several objects joined by `ld -r` are padded with zeros.
    if (b[pos] == 0) {
      ++pos;
      continue;
    }
    if (b.size() - pos < FatbinHeaderSize || u32(b, pos) != FatbinMagic)
      return error(llvm::formatv("no fat binary header (magic 0x{0:x}) at "
                                 "offset {1}",
                                 FatbinMagic, pos));
    uint16_t headerSize = u16(b, pos + 6);
    uint64_t size = u64(b, pos + 8);
    if (headerSize < FatbinHeaderSize || headerSize > b.size() - pos ||
        size > b.size() - pos - headerSize)
      return error(llvm::formatv("the fat binary at offset {0} runs past the "
                                 "end of its section",
                                 pos));
    size_t at = pos + headerSize, end = at + size;
    while (at < end) {
      if (end - at < ImageHeaderMin)
        return error(llvm::formatv("truncated image header at offset {0}", at));
      uint16_t kind = u16(b, at);
      uint32_t imageHeader = u32(b, at + 4);
      uint64_t payload = u64(b, at + 8);
      if (imageHeader < ImageHeaderMin || imageHeader > end - at ||
          payload > end - at - imageHeader)
        return error(llvm::formatv("the image at offset {0} runs past the end "
                                   "of its fat binary",
                                   at));
      FatbinImage img;
      img.kind = kind == ImagePtx     ? FatbinImage::Kind::Ptx
                 : kind == ImageCubin ? FatbinImage::Kind::Cubin
                                      : FatbinImage::Kind::Other;
      img.arch = u32(b, at + 0x1c);
      uint64_t flags = u64(b, at + 0x28);
      img.compressed = flags & (FlagCompressed | FlagCompressedOld);
      img.suffix = flags & FlagArchSpecific ? "a" : flags & FlagFamily ? "f" : "";
      out.push_back(std::move(img));
      at += imageHeader + payload;
    }
    pos = end;
  }
  return out;
}

const char *deviceCodeName(DeviceCode c) {
  switch (c) {
  case DeviceCode::None: return "none";
  case DeviceCode::WholeProgram: return "whole-program";
  case DeviceCode::Relocatable: return "relocatable";
  case DeviceCode::DeviceLink: return "device-link";
  }
  return "?";
}

const char *inputTypeName(InputFacts::Type t) {
  switch (t) {
  case InputFacts::Type::Object: return "object";
  case InputFacts::Type::Archive: return "archive";
  case InputFacts::Type::Shared: return "shared-library";
  case InputFacts::Type::Other: return "other";
  case InputFacts::Type::Missing: return "missing";
  }
  return "?";
}

bool LinkAnalysis::hasDeviceCode() const {
  for (const InputFacts &in : inputs)
    for (const ObjectFacts &o : in.objects)
      if (o.code != DeviceCode::None || !o.problem.empty())
        return true;
  return false;
}

ObjectFacts readObject(llvm::StringRef name, llvm::StringRef bytes) {
  ObjectFacts f;
  f.name = name.str();
  // ELFFile reads its tables in place: give it 8-byte aligned bytes (archive
  // members are only 2-byte aligned in the file).
  std::unique_ptr<llvm::MemoryBuffer> copy;
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8) {
    copy = llvm::MemoryBuffer::getMemBufferCopy(bytes, name);
    bytes = copy->getBuffer();
  }
  ElfKind k = elfKind(bytes);
  using namespace llvm::object;
  if (!k.cls)
    f.problem = "not an ELF file";
  else if (k.type != llvm::ELF::ET_REL)
    f.problem = "not a relocatable ELF object";
  else if (k.cls == llvm::ELF::ELFCLASS64 && k.data == llvm::ELF::ELFDATA2LSB)
    readElf<ELF64LE>(bytes, f);
  else if (k.cls == llvm::ELF::ELFCLASS64 && k.data == llvm::ELF::ELFDATA2MSB)
    readElf<ELF64BE>(bytes, f);
  else if (k.cls == llvm::ELF::ELFCLASS32 && k.data == llvm::ELF::ELFDATA2LSB)
    readElf<ELF32LE>(bytes, f);
  else if (k.cls == llvm::ELF::ELFCLASS32 && k.data == llvm::ELF::ELFDATA2MSB)
    readElf<ELF32BE>(bytes, f);
  else
    f.problem = "unknown ELF class or byte order";
  return f;
}

// The `ar` format as GNU ar, llvm-ar and BSD ar write it: "!<arch>\n", then
// per member a 60-byte header (name[16] date[12] uid[6] gid[6] mode[8]
// size[10] "`\n") and its data, padded to an even offset. Names: "name/"
// (GNU), "/N" (offset N in the "//" long-name table, entries ending in
// "/\n"), "#1/N" (BSD: the name is the first N bytes of the data). "/",
// "/SYM64/" and "__.SYMDEF" are symbol tables. A thin archive ("!<thin>\n")
// stores only headers; each member is the file its name gives, relative to
// the archive's directory.
InputFacts readArchive(llvm::StringRef path, llvm::StringRef b,
                       llvm::StringRef dir) {
  InputFacts in;
  in.path = path.str();
  in.type = InputFacts::Type::Archive;
  bool thin = b.startswith("!<thin>\n");
  StringRef longNames;
  size_t pos = 8;
  while (pos < b.size()) {
    if (pos % 2) {
      ++pos;
      continue;
    }
    if (b.size() - pos < 60 || b.substr(pos + 58, 2) != "`\n") {
      in.note = fmt::format("bad archive member header at offset {}", pos);
      break;
    }
    StringRef rawName = b.substr(pos, 16).rtrim(' ');
    uint64_t size = 0;
    if (b.substr(pos + 48, 10).trim(' ').getAsInteger(10, size)) {
      in.note = fmt::format("bad member size at offset {}", pos + 48);
      break;
    }
    pos += 60;
    bool special = rawName == "/" || rawName == "/SYM64/" || rawName == "//" ||
                   rawName.startswith("__.SYMDEF");
    // Thin archives store the tables, not the members.
    uint64_t stored = thin && !special ? 0 : size;
    if (stored > b.size() - pos) {
      in.note = fmt::format("archive member at offset {} runs past the end", pos - 60);
      break;
    }
    StringRef data = b.substr(pos, stored);
    pos += stored;
    if (rawName == "//") {
      longNames = data;
      continue;
    }
    if (special)
      continue;
    std::string name;
    if (rawName.startswith("#1/")) {
      uint64_t n = 0;
      if (rawName.drop_front(3).getAsInteger(10, n) || n > data.size()) {
        in.note = "bad BSD member name";
        break;
      }
      name = data.take_front(n).rtrim('\0').str();
      data = data.drop_front(n);
    } else if (rawName.size() > 1 && rawName.startswith("/") &&
               llvm::all_of(rawName.drop_front(), llvm::isDigit)) {
      uint64_t off = 0;
      rawName.drop_front().getAsInteger(10, off);
      StringRef rest = off < longNames.size() ? longNames.drop_front(off) : "";
      size_t endName = rest.find("/\n");
      name = rest.substr(0, endName == StringRef::npos ? rest.find('\n') : endName).str();
    } else {
      name = rawName.endswith("/") ? rawName.drop_back().str() : rawName.str();
    }
    std::string display = fmt::format("{}({})", path.str(), name);
    std::unique_ptr<llvm::MemoryBuffer> file;
    if (thin) {
      llvm::SmallString<256> p(name);
      if (!llvm::sys::path::is_absolute(p)) {
        p = dir;
        llvm::sys::path::append(p, name);
      }
      auto buf = llvm::MemoryBuffer::getFile(p, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
      if (!buf) {
        ObjectFacts f;
        f.name = display;
        f.archive = in.path;
        f.member = name;
        f.problem = "cannot read the thin archive's member " + std::string(p) +
                    ": " + buf.getError().message();
        in.objects.push_back(std::move(f));
        continue;
      }
      file = std::move(*buf);
      data = file->getBuffer();
    }
    // Members that are not ELF objects (bitcode, text) cannot carry device
    // code or take part in the symbol choice: leave them out.
    if (elfKind(data).type != llvm::ELF::ET_REL)
      continue;
    ObjectFacts f = readObject(display, data);
    f.archive = in.path;
    f.member = name;
    in.objects.push_back(std::move(f));
  }
  return in;
}

void selectMembers(std::vector<InputFacts> &inputs,
                   llvm::ArrayRef<std::string> roots) {
  std::set<std::string> defined, undefined(roots.begin(), roots.end());
  auto take = [&](ObjectFacts &o) {
    o.linked = true;
    for (const auto *list : {&o.defined, &o.provides})
      for (const std::string &d : *list) {
        defined.insert(d);
        undefined.erase(d);
      }
    for (const auto *list : {&o.undefined, &o.needs})
      for (const std::string &u : *list)
        if (!defined.count(u))
          undefined.insert(u);
  };
  auto wanted = [&](const ObjectFacts &o) {
    for (const auto *list : {&o.defined, &o.provides})
      for (const std::string &d : *list)
        if (undefined.count(d))
          return true;
    return false;
  };
  for (InputFacts &in : inputs) {
    if (in.type == InputFacts::Type::Object) {
      for (ObjectFacts &o : in.objects)
        take(o);
    } else if (in.type == InputFacts::Type::Archive) {
      for (ObjectFacts &o : in.objects)
        o.linked = false;
      for (bool changed = true; changed;) {
        changed = false;
        for (ObjectFacts &o : in.objects)
          if (!o.linked && (in.wholeArchive || wanted(o))) {
            take(o);
            changed = true;
          }
      }
    }
  }
}

std::vector<Hazard> deviceLinkHazards(const std::vector<InputFacts> &inputs,
                                      LinkKind kind) {
  std::vector<Hazard> out;
  std::vector<const ObjectFacts *> linked, dlinks;
  std::vector<std::string> missingInputs;
  for (const InputFacts &in : inputs) {
    if (in.type == InputFacts::Type::Missing)
      missingInputs.push_back(in.path);
    for (const ObjectFacts &o : in.objects)
      if (o.linked) {
        linked.push_back(&o);
        if (o.code == DeviceCode::DeviceLink)
          dlinks.push_back(&o);
      }
  }
  std::map<std::string, const ObjectFacts *> provider;
  std::set<std::string> defined;
  for (const ObjectFacts *o : linked) {
    for (const std::string &p : o->provides)
      provider.emplace(p, o);
    defined.insert(o->defined.begin(), o->defined.end());
  }
  std::string unlessMissing =
      missingInputs.empty()
          ? ""
          : fmt::format(" (unless {}, not found here, provides it)",
                        listNames(missingInputs));
  const char *fails =
      kind == LinkKind::SharedLibrary
          ? "the library links, but loading it fails with \"undefined symbol: "
            "{}\""
          : "the link fails with \"undefined reference to `{}'\"";

  // (a) relocatable device code whose registration no device link defines.
  // `files`: what to hand `nvcc -dlink` (an archive for its members).
  std::vector<std::string> objects, files, needed, described;
  ArchSet cubins;
  for (const ObjectFacts *o : linked)
    for (const std::string &s : o->needs)
      if (!provider.count(s)) {
        objects.push_back(o->name);
        std::string file = o->archive.empty() ? o->name : o->archive;
        if (!llvm::is_contained(files, file))
          files.push_back(file);
        needed.push_back(s);
        described.push_back(fmt::format("{} (needed by {})", s, o->name));
        for (const std::string &c : cubinsOf(*o))
          cubins.insert(c);
      }
  if (!needed.empty()) {
    std::string objs = listNames(objects);
    std::string arch = cubins.empty() ? "" : archFlags(cubins) + " ";
    std::string undefinedMsg = fmt::format(fmt::runtime(fails), needed.front());
    if (dlinks.empty()) {
      out.push_back(
          {"missing-device-link",
           fmt::format("{} carr{} relocatable device code (compiled with "
                       "-rdc=true or -dc) but no input of this link is a "
                       "device-link object: {} stay{} undefined{}, and {}",
                       objs, objects.size() == 1 ? "ies" : "y",
                       listNames(described, 4), needed.size() == 1 ? "s" : "",
                       unlessMissing, undefinedMsg),
           fmt::format("device-link them and link the result too: `nvcc -dlink "
                       "{}{} -o dlink.o`, then add dlink.o to this link; in "
                       "CMake set CUDA_SEPARABLE_COMPILATION ON on the CUDA "
                       "targets and leave CUDA_RESOLVE_DEVICE_SYMBOLS on (the "
                       "default) for the executable or shared library that "
                       "links them (a static library device-links only with "
                       "it ON); or link with nvcc, which device-links itself",
                       arch, shellJoin(files)),
           subjects(objects)});
    } else {
      std::vector<std::string> dnames;
      for (const ObjectFacts *d : dlinks)
        dnames.push_back(d->name);
      out.push_back(
          {"device-link-incomplete",
           fmt::format("{} {} device-link object{}, but made without {}: {} "
                       "stay{} undefined{}, and {}",
                       listNames(dnames), dnames.size() == 1 ? "is a" : "are",
                       dnames.size() == 1 ? "" : "s", objs,
                       listNames(described, 4), needed.size() == 1 ? "s" : "",
                       unlessMissing, undefinedMsg),
           fmt::format("device-link every object with relocatable device code "
                       "of the program in one `nvcc -dlink {}...` (add {} to "
                       "the one that makes {}), then link again",
                       arch, objs, listNames(dnames)),
           subjects(objects, dnames)});
    }
  }

  // A device link whose modules are not in this link: its __fatbinwrap_*
  // references stay undefined. Only said when every input was read.
  for (const ObjectFacts *d : dlinks) {
    if (!missingInputs.empty())
      break;
    std::vector<std::string> absent;
    for (const std::string &u : d->undefined)
      if (StringRef(u).startswith(FatbinWrap) && !defined.count(u))
        absent.push_back(u);
    if (!absent.empty())
      out.push_back(
          {"device-link-without-objects",
           fmt::format("{} was device-linked with objects that this link does "
                       "not have: {} {} undefined, and {}",
                       d->name, listNames(absent, 4),
                       absent.size() == 1 ? "stays" : "stay",
                       fmt::format(fmt::runtime(fails), absent.front())),
           fmt::format("link the objects (or the archive) that were given to "
                       "the `nvcc -dlink` making {} as well",
                       d->name),
           {d->name}});
  }

  // (b) architectures: the program's device code is what the device link
  // holds (the objects' own fat binaries are never registered).
  for (const ObjectFacts *d : dlinks) {
    std::vector<const ObjectFacts *> covered;
    for (const ObjectFacts *o : linked)
      if (o != d && llvm::any_of(o->needs, [&](const std::string &s) {
            auto it = provider.find(s);
            return it != provider.end() && it->second == d;
          }))
        covered.push_back(o);
    if (covered.empty())
      continue;
    ArchSet dArchs = cubinsOf(*d), compiled;
    std::map<std::string, std::vector<std::string>, ArchLess> dropped, lacking;
    for (const ObjectFacts *o : covered)
      for (const std::string &c : cubinsOf(*o)) {
        compiled.insert(c);
        if (!dArchs.count(c))
          dropped[c].push_back(o->name);
      }
    for (const FatbinImage &i : d->images)
      if (i.kind == FatbinImage::Kind::Cubin)
        for (const ObjectFacts *o : covered)
          if (!o->images.empty() && !canLinkFor(*o, i))
            lacking[i.name()].push_back(o->name);
    std::string flags = archFlags(compiled.empty() ? dArchs : compiled);
    std::vector<std::string> dList(dArchs.begin(), dArchs.end());
    std::string holds = dList.empty()
                            ? "no cubin"
                            : "code for " + listNames(dList, 1000) + " only";
    // One hazard per set of objects (usually all of them share the archs).
    std::map<std::vector<std::string>, std::vector<std::string>> byObjects;
    for (const auto &[arch, objs] : dropped)
      byObjects[objs].push_back(arch);
    for (const auto &[objs, archs] : byObjects) {
      std::string list = listNames(archs, 1000);
      out.push_back(
          {"device-link-drops-arch",
           fmt::format("{} carr{} device code for {}, but the device link {} "
                       "holds {}: nvlink left the {} code out, so the program "
                       "has none (a GPU of {} finds \"no kernel image\" "
                       "unless code for a compatible architecture is there)",
                       listNames(objs), objs.size() == 1 ? "ies" : "y", list,
                       d->name, holds, list,
                       archs.size() == 1 ? "that architecture"
                                         : "those architectures"),
           fmt::format("device-link for every architecture the objects were "
                       "compiled for: `nvcc -dlink {} ...` (in CMake the "
                       "linking target's CUDA_ARCHITECTURES must list them "
                       "all)",
                       flags),
           subjects(objs, {d->name})});
    }
    for (const auto &[arch, objs] : lacking)
      out.push_back(
          {"device-link-arch-without-code",
           fmt::format("the device link {} holds {} code, but {} carr{} "
                       "neither {} code nor PTX to make it from: nvlink "
                       "warned \"SM Arch ('{}') not found\" and that image "
                       "lacks their device code",
                       d->name, arch, listNames(objs),
                       objs.size() == 1 ? "ies" : "y", arch, arch),
           fmt::format("device-link for the architectures the objects were "
                       "compiled for (`nvcc -dlink` without -arch uses nvcc's "
                       "default, sm_75 in CUDA 13): `nvcc -dlink {} ...`",
                       flags),
           subjects(objs, {d->name})});
  }
  return out;
}

LinkAnalysis analyzeLinkInputs(llvm::ArrayRef<LinkInput> inputs,
                               llvm::StringRef cwd, LinkKind kind) {
  LinkAnalysis a;
  for (const LinkInput &li : inputs) {
    InputFacts in;
    in.path = li.path.empty() ? li.spelled : li.path;
    in.spelled = li.spelled;
    in.wholeArchive = li.wholeArchive;
    if (li.path.empty()) {
      in.type = InputFacts::Type::Missing;
      in.note = "not found in the -L directories";
      a.inputs.push_back(std::move(in));
      continue;
    }
    llvm::SmallString<256> full(li.path);
    if (!llvm::sys::path::is_absolute(full) && !cwd.empty()) {
      full = cwd;
      llvm::sys::path::append(full, li.path);
    }
    auto buf = llvm::MemoryBuffer::getFile(full, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!buf) {
      in.type = InputFacts::Type::Missing;
      in.note = "cannot read: " + buf.getError().message();
      a.inputs.push_back(std::move(in));
      continue;
    }
    StringRef bytes = (*buf)->getBuffer();
    if (isArchive(bytes)) {
      InputFacts ar = readArchive(in.path, bytes,
                                  llvm::sys::path::parent_path(full));
      ar.spelled = li.spelled;
      ar.wholeArchive = li.wholeArchive;
      a.inputs.push_back(std::move(ar));
      continue;
    }
    ElfKind k = elfKind(bytes);
    if (k.type == llvm::ELF::ET_REL) {
      in.type = InputFacts::Type::Object;
      in.objects.push_back(readObject(in.path, bytes));
    } else if (k.type == llvm::ELF::ET_DYN) {
      in.type = InputFacts::Type::Shared;
      in.note = "a shared library: its device code was linked when it was built";
    } else {
      in.type = InputFacts::Type::Other;
      in.note = k.cls ? "an ELF file that is not a relocatable object"
                      : "not an ELF object or archive (a linker script?)";
    }
    a.inputs.push_back(std::move(in));
  }
  std::vector<std::string> roots;
  if (kind == LinkKind::Program)
    roots.push_back("main");
  selectMembers(a.inputs, roots);
  a.hazards = deviceLinkHazards(a.inputs, kind);
  return a;
}

namespace {

std::string describe(const ObjectFacts &o) {
  std::string what;
  switch (o.code) {
  case DeviceCode::None: what = "no device code"; break;
  case DeviceCode::WholeProgram: what = "whole-program device code (nvcc -c)"; break;
  case DeviceCode::Relocatable: what = "relocatable device code (nvcc -dc)"; break;
  case DeviceCode::DeviceLink: what = "device-link object (nvcc -dlink)"; break;
  }
  std::vector<std::string> secs;
  for (const std::string &s : o.sections)
    if (s != SecSegment)
      secs.push_back(s);
  if (!secs.empty())
    what += " in " + llvm::join(secs, ", ");
  std::vector<std::string> images;
  for (const FatbinImage &i : o.images)
    images.push_back(i.name());
  if (!images.empty())
    what += ": " + llvm::join(images, " ");
  return what;
}

} // namespace

std::string toText(const LinkAnalysis &a) {
  if (!a.hasDeviceCode())
    return "";
  std::string out = "device code in the link's inputs (read from the files):\n";
  std::vector<std::string> notTaken;
  for (const InputFacts &in : a.inputs)
    for (const ObjectFacts &o : in.objects) {
      if (o.code == DeviceCode::None && o.problem.empty())
        continue;
      if (!o.linked) {
        notTaken.push_back(o.name);
        continue;
      }
      out += fmt::format("  {}: {}\n", o.name, describe(o));
      if (!o.problem.empty())
        out += fmt::format("    could not read all of it: {}\n", o.problem);
      for (const std::string &s : o.needs)
        out += fmt::format("    needs {}\n", s);
      for (const std::string &s : o.provides)
        out += fmt::format("    defines {}\n", s);
    }
  if (!notTaken.empty())
    out += fmt::format("  not taken from their archives (nothing before them "
                       "needs them): {}\n",
                       llvm::join(notTaken, ", "));
  for (const InputFacts &in : a.inputs)
    if (in.type == InputFacts::Type::Missing)
      out += fmt::format("  {}: {}\n", in.path, in.note);
  return out;
}

llvm::json::Value toJSON(const LinkAnalysis &a) {
  using llvm::json::Array;
  using llvm::json::Object;
  Array inputs;
  for (const InputFacts &in : a.inputs) {
    Array objects;
    size_t plain = 0;
    for (const ObjectFacts &o : in.objects) {
      if (o.code == DeviceCode::None && o.problem.empty() && o.needs.empty()) {
        ++plain;
        continue;
      }
      Array images;
      for (const FatbinImage &i : o.images)
        images.push_back(Object{{"name", i.name()}, {"compressed", i.compressed}});
      Object jo{{"name", jsonText(o.name)},
                {"device_code", deviceCodeName(o.code)},
                {"sections", jsonTexts(o.sections)},
                {"wrapper_version", int64_t(o.wrapperVersion)},
                {"images", std::move(images)},
                {"needs", jsonTexts(o.needs)},
                {"defines", jsonTexts(o.provides)},
                {"linked", o.linked}};
      if (!o.problem.empty())
        jo["problem"] = jsonText(o.problem);
      objects.push_back(std::move(jo));
    }
    Object ji{{"path", jsonText(in.path)},
              {"spelled", jsonText(in.spelled)},
              {"type", inputTypeName(in.type)},
              {"objects_without_device_code", int64_t(plain)},
              {"objects", std::move(objects)}};
    if (!in.note.empty())
      ji["note"] = jsonText(in.note);
    if (in.wholeArchive)
      ji["whole_archive"] = true;
    inputs.push_back(std::move(ji));
  }
  return Object{{"inputs", std::move(inputs)}};
}

} // namespace cuwrap::explain::devcode
