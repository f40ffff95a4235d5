// The device-code analysis from synthetic bytes and facts: no CUDA needed.
// The byte layouts are the ones docs/device-code.md describes.
#include "DeviceCode.h"

#include "llvm/Support/Endian.h"

#include <gtest/gtest.h>

using namespace cuwrap::explain;
using namespace cuwrap::explain::devcode;

namespace {

void put16(std::string &b, uint16_t v) {
  char c[2];
  llvm::support::endian::write16le(c, v);
  b.append(c, 2);
}
void put32(std::string &b, uint32_t v) {
  char c[4];
  llvm::support::endian::write32le(c, v);
  b.append(c, 4);
}
void put64(std::string &b, uint64_t v) {
  char c[8];
  llvm::support::endian::write64le(c, v);
  b.append(c, 8);
}

// One image: a 64-byte header as nvcc 13 writes it, then `payload` bytes.
std::string image(uint16_t kind, uint32_t arch, uint64_t flags,
                  size_t payload = 8) {
  std::string b;
  put16(b, kind);
  put16(b, 0x0101);
  put32(b, 64);
  put64(b, payload);
  put32(b, 0);      // compressed size
  put32(b, 0);
  put32(b, 0x10008); // code version
  put32(b, arch);
  put32(b, 0);      // name offset
  put32(b, 0);      // name length
  put64(b, flags);
  put64(b, 0);
  put64(b, 0);      // uncompressed size
  b.append(payload, 'x');
  return b;
}

std::string fatbin(const std::vector<std::string> &images) {
  std::string body;
  for (const std::string &i : images)
    body += i;
  std::string b;
  put32(b, 0xBA55ED50);
  put16(b, 1);
  put16(b, 16);
  put64(b, body.size());
  return b + body;
}

std::vector<std::string> names(const std::vector<FatbinImage> &images) {
  std::vector<std::string> out;
  for (const FatbinImage &i : images)
    out.push_back(i.name());
  return out;
}

} // namespace

TEST(Fatbin, ImagesWithArchitecturesAndSuffixes) {
  // As observed: -arch=sm_90a gives PTX compute_90, cubin sm_90a (flag
  // 0x100000) and PTX compute_90a; sm_100f sets 0x200000; 0x8000 is zstd.
  std::string b = fatbin({image(1, 90, 0x8011), image(2, 90, 0x108011),
                          image(1, 90, 0x108011), image(2, 100, 0x1208011),
                          image(2, 75, 0x11)});
  auto images = parseFatbins(b);
  ASSERT_TRUE(bool(images)) << llvm::toString(images.takeError());
  EXPECT_EQ(names(*images),
            (std::vector<std::string>{"compute_90", "sm_90a", "compute_90a",
                                      "sm_100f", "sm_75"}));
  EXPECT_TRUE((*images)[0].compressed);
  EXPECT_FALSE((*images)[4].compressed);
}

TEST(Fatbin, ContainersJoinedWithPadding) {
  // `ld -r` joins sections: two containers, zero padding between them.
  std::string b = fatbin({image(2, 80, 0x11)}) + std::string(8, '\0') +
                  fatbin({image(2, 90, 0x11)});
  auto images = parseFatbins(b);
  ASSERT_TRUE(bool(images));
  EXPECT_EQ(names(*images), (std::vector<std::string>{"sm_80", "sm_90"}));
}

TEST(Fatbin, BadInputIsAnErrorNotACrash) {
  std::string good = fatbin({image(2, 80, 0x11)});
  EXPECT_FALSE(bool(parseFatbins("garbage-garbage-garbage")));
  // Truncated anywhere: an error each time.
  for (size_t n = 1; n < good.size(); ++n) {
    auto r = parseFatbins(llvm::StringRef(good).take_front(n));
    EXPECT_FALSE(bool(r)) << n;
    if (!r)
      llvm::consumeError(r.takeError());
  }
  // An image header that claims more than there is.
  std::string big = good;
  big[16 + 8] = char(0xff);
  auto r = parseFatbins(big);
  EXPECT_FALSE(bool(r));
  llvm::consumeError(r.takeError());
  auto empty = parseFatbins("");
  ASSERT_TRUE(bool(empty));
  EXPECT_TRUE(empty->empty());
}

namespace {

// A minimal ELF64LE relocatable object: a header and no sections.
std::string emptyElfObject() {
  std::string b("\x7f" "ELF\x02\x01\x01", 7);
  b.resize(16, '\0');
  put16(b, 1);   // ET_REL
  put16(b, 62);  // EM_X86_64
  put32(b, 1);   // EV_CURRENT
  put64(b, 0);   // e_entry
  put64(b, 0);   // e_phoff
  put64(b, 0);   // e_shoff
  put32(b, 0);   // e_flags
  put16(b, 64);  // e_ehsize
  put16(b, 0);
  put16(b, 0);
  put16(b, 64);  // e_shentsize
  put16(b, 0);   // e_shnum
  put16(b, 0);   // e_shstrndx
  return b;
}

std::string arHeader(const std::string &name, size_t size) {
  char h[61];
  snprintf(h, sizeof h, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name.c_str(), "0",
           "0", "0", "644", size);
  return std::string(h, 60);
}

std::string member(const std::string &name, const std::string &data) {
  std::string m = arHeader(name, data.size()) + data;
  if (m.size() % 2)
    m += '\n';
  return m;
}

std::vector<std::string> memberNames(const InputFacts &in) {
  std::vector<std::string> out;
  for (const ObjectFacts &o : in.objects)
    out.push_back(o.member);
  return out;
}

} // namespace

TEST(Archive, GnuShortAndLongNamesAndSymbolTable) {
  std::string obj = emptyElfObject();
  std::string longNames = "a_rather_long_member_name.o/\n";
  std::string b = "!<arch>\n" + member("/", std::string(8, '\0')) +
                  member("//", longNames) + member("short.o/", obj) +
                  member("/0", obj) + member("notes.txt/", "hello");
  InputFacts in = readArchive("lib.a", b, "");
  EXPECT_EQ(in.type, InputFacts::Type::Archive);
  EXPECT_EQ(in.note, "");
  EXPECT_EQ(memberNames(in),
            (std::vector<std::string>{"short.o", "a_rather_long_member_name.o"}));
  EXPECT_EQ(in.objects[0].name, "lib.a(short.o)");
  EXPECT_EQ(in.objects[0].archive, "lib.a");
  EXPECT_EQ(in.objects[0].code, DeviceCode::None);
  EXPECT_EQ(in.objects[0].problem, "");
}

TEST(Archive, BsdNames) {
  std::string obj = emptyElfObject();
  std::string b = "!<arch>\n" + member("#1/12", std::string("bsd_named.o\0", 12) + obj);
  InputFacts in = readArchive("lib.a", b, "");
  EXPECT_EQ(memberNames(in), (std::vector<std::string>{"bsd_named.o"}));
}

TEST(Archive, TruncatedIsANoteNotACrash) {
  std::string obj = emptyElfObject();
  std::string b = "!<arch>\n" + member("x.o/", obj);
  for (size_t n = 9; n + 1 < b.size(); n += 7) {
    InputFacts in = readArchive("lib.a", b.substr(0, n), "");
    EXPECT_FALSE(in.note.empty()) << n;
  }
}

namespace {

ObjectFacts rdc(const std::string &name, const std::string &module,
                std::vector<std::string> archs = {"sm_80"}) {
  ObjectFacts o;
  o.name = name;
  o.code = DeviceCode::Relocatable;
  o.needs = {"__cudaRegisterLinkedBinary_" + module};
  o.defined = {"__fatbinwrap_" + module};
  for (const std::string &a : archs) {
    FatbinImage i;
    bool ptx = llvm::StringRef(a).startswith("compute_");
    i.kind = ptx ? FatbinImage::Kind::Ptx : FatbinImage::Kind::Cubin;
    llvm::StringRef num = llvm::StringRef(a).drop_front(ptx ? 8 : 3);
    if (num.endswith("a") || num.endswith("f")) {
      i.suffix = num.take_back().str();
      num = num.drop_back();
    }
    num.getAsInteger(10, i.arch);
    o.images.push_back(i);
  }
  return o;
}

ObjectFacts dlink(const std::string &name,
                  const std::vector<std::string> &modules,
                  std::vector<std::string> archs = {"sm_80"}) {
  ObjectFacts o = rdc(name, "unused", archs);
  o.code = DeviceCode::DeviceLink;
  o.needs.clear();
  o.defined.clear();
  for (const std::string &m : modules) {
    o.provides.push_back("__cudaRegisterLinkedBinary_" + m);
    o.undefined.push_back("__fatbinwrap_" + m);
  }
  return o;
}

InputFacts object(ObjectFacts o) {
  InputFacts in;
  in.path = o.name;
  in.type = InputFacts::Type::Object;
  in.objects.push_back(std::move(o));
  return in;
}

std::vector<std::string> kinds(const std::vector<Hazard> &hs) {
  std::vector<std::string> out;
  for (const Hazard &h : hs)
    out.push_back(h.kind);
  return out;
}

} // namespace

TEST(DeviceLinkHazards, MissingDeviceLinkNamesObjectsSymbolsAndFix) {
  std::vector<InputFacts> in = {object(rdc("a.o", "A")), object(rdc("b.o", "B"))};
  auto hs = deviceLinkHazards(in);
  ASSERT_EQ(kinds(hs), (std::vector<std::string>{"missing-device-link"}));
  EXPECT_NE(hs[0].message.find("a.o and b.o carry relocatable device code"),
            std::string::npos);
  EXPECT_NE(hs[0].message.find("__cudaRegisterLinkedBinary_A (needed by a.o)"),
            std::string::npos);
  EXPECT_NE(hs[0].message.find("undefined reference to `__cudaRegisterLinkedBinary_A'"),
            std::string::npos);
  EXPECT_NE(hs[0].fix.find("`nvcc -dlink -arch=sm_80 a.o b.o -o dlink.o`"),
            std::string::npos);
  EXPECT_NE(hs[0].fix.find("CUDA_RESOLVE_DEVICE_SYMBOLS"), std::string::npos);
  // A shared library links; loading it fails instead.
  auto shared = deviceLinkHazards(in, LinkKind::SharedLibrary);
  EXPECT_NE(shared[0].message.find("loading it fails with \"undefined symbol: "),
            std::string::npos);
}

TEST(DeviceLinkHazards, NoFalseAlarmWithTheDeviceLink) {
  std::vector<InputFacts> in = {object(rdc("a.o", "A")), object(rdc("b.o", "B")),
                                object(dlink("dl.o", {"A", "B"}))};
  EXPECT_TRUE(deviceLinkHazards(in).empty());
  // Whole-program objects and plain host objects need nothing.
  ObjectFacts whole;
  whole.name = "w.o";
  whole.code = DeviceCode::WholeProgram;
  ObjectFacts host;
  host.name = "h.o";
  EXPECT_TRUE(deviceLinkHazards({object(whole), object(host)}).empty());
}

TEST(DeviceLinkHazards, DeviceLinkMadeWithoutAnObject) {
  std::vector<InputFacts> in = {object(rdc("a.o", "A")), object(rdc("b.o", "B")),
                                object(dlink("dl.o", {"A"}))};
  auto hs = deviceLinkHazards(in);
  ASSERT_EQ(kinds(hs), (std::vector<std::string>{"device-link-incomplete"}));
  EXPECT_NE(hs[0].message.find("dl.o is a device-link object, but made without b.o"),
            std::string::npos);
}

TEST(DeviceLinkHazards, DeviceLinkWithoutItsObjects) {
  std::vector<InputFacts> in = {object(rdc("a.o", "A")),
                                object(dlink("dl.o", {"A", "B"}))};
  auto hs = deviceLinkHazards(in);
  ASSERT_EQ(kinds(hs), (std::vector<std::string>{"device-link-without-objects"}));
  EXPECT_NE(hs[0].message.find("__fatbinwrap_B"), std::string::npos);
  // Not said when an input could not be found: it may hold them.
  InputFacts missing;
  missing.path = "-lfoo";
  missing.type = InputFacts::Type::Missing;
  in.push_back(missing);
  EXPECT_TRUE(deviceLinkHazards(in).empty());
}

TEST(DeviceLinkHazards, ArchitecturesTheDeviceLinkDrops) {
  std::vector<InputFacts> in = {
      object(rdc("a.o", "A", {"sm_80", "sm_90"})),
      object(rdc("b.o", "B", {"sm_80", "sm_90"})),
      object(dlink("dl.o", {"A", "B"}, {"sm_80"}))};
  auto hs = deviceLinkHazards(in);
  ASSERT_EQ(kinds(hs), (std::vector<std::string>{"device-link-drops-arch"}));
  EXPECT_NE(hs[0].message.find("a.o and b.o carry device code for sm_90, but "
                               "the device link dl.o holds code for sm_80 only"),
            std::string::npos);
  EXPECT_NE(hs[0].fix.find("-gencode arch=compute_80,code=sm_80 -gencode "
                           "arch=compute_90,code=sm_90"),
            std::string::npos);
}

TEST(DeviceLinkHazards, ArchitecturesInNumericOrder) {
  std::vector<InputFacts> in = {
      object(rdc("a.o", "A", {"sm_75", "sm_90a", "sm_100", "sm_90"})),
      object(dlink("dl.o", {"A"}, {"sm_75"}))};
  auto hs = deviceLinkHazards(in);
  ASSERT_EQ(kinds(hs), (std::vector<std::string>{"device-link-drops-arch"}));
  EXPECT_NE(hs[0].message.find("code for sm_90, sm_90a and sm_100, but"),
            std::string::npos)
      << hs[0].message;
  EXPECT_NE(hs[0].fix.find("-gencode arch=compute_75,code=sm_75 -gencode "
                           "arch=compute_90,code=sm_90 -gencode "
                           "arch=compute_90a,code=sm_90a -gencode "
                           "arch=compute_100,code=sm_100 ..."),
            std::string::npos)
      << hs[0].fix;
}

TEST(DeviceLinkHazards, DeviceLinkForAnArchitectureTheObjectsLack) {
  // nvcc -dlink without -arch: sm_75, objects compiled for sm_80 only.
  std::vector<InputFacts> in = {object(rdc("a.o", "A", {"sm_80"})),
                                object(dlink("dl.o", {"A"}, {"sm_75"}))};
  auto hs = deviceLinkHazards(in);
  EXPECT_EQ(kinds(hs), (std::vector<std::string>{"device-link-drops-arch",
                                                 "device-link-arch-without-code"}));
  // PTX at or below the target is enough: nvlink compiles it.
  std::vector<InputFacts> ptx = {object(rdc("a.o", "A", {"compute_80"})),
                                 object(dlink("dl.o", {"A"}, {"sm_90"}))};
  EXPECT_TRUE(deviceLinkHazards(ptx).empty());
  // PTX for an "a" architecture only for that one.
  std::vector<InputFacts> ptxA = {object(rdc("a.o", "A", {"compute_90a"})),
                                  object(dlink("dl.o", {"A"}, {"sm_100"}))};
  EXPECT_EQ(kinds(deviceLinkHazards(ptxA)),
            (std::vector<std::string>{"device-link-arch-without-code"}));
}

TEST(SelectMembers, AsGnuLdTakesThem) {
  InputFacts main = object(ObjectFacts{});
  main.objects[0].name = "main.o";
  main.objects[0].defined = {"main"};
  main.objects[0].undefined = {"helper"};
  InputFacts lib;
  lib.path = "lib.a";
  lib.type = InputFacts::Type::Archive;
  ObjectFacts helper = rdc("lib.a(helper.o)", "H");
  helper.defined.push_back("helper");
  ObjectFacts unused = rdc("lib.a(unused.o)", "U");
  unused.defined.push_back("unused");
  ObjectFacts devrt = rdc("lib.a(devrt.o)", "D"); // only a device link refers to it
  lib.objects = {helper, unused, devrt};
  for (ObjectFacts &o : lib.objects)
    o.archive = "lib.a";
  std::vector<InputFacts> in = {main, lib};
  selectMembers(in, {"main"});
  EXPECT_TRUE(in[1].objects[0].linked);
  EXPECT_FALSE(in[1].objects[1].linked);
  EXPECT_FALSE(in[1].objects[2].linked);
  auto hs = deviceLinkHazards(in);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_NE(hs[0].message.find("lib.a(helper.o) carries"), std::string::npos);
  EXPECT_NE(hs[0].fix.find("-o dlink.o"), std::string::npos);
  EXPECT_NE(hs[0].fix.find("-arch=sm_80 lib.a -o"), std::string::npos);

  // A device link before the archive takes the members it was made from.
  std::vector<InputFacts> withDl = {main, object(dlink("dl.o", {"H", "D"})), lib};
  selectMembers(withDl, {"main"});
  EXPECT_TRUE(withDl[2].objects[0].linked);
  EXPECT_FALSE(withDl[2].objects[1].linked);
  EXPECT_TRUE(withDl[2].objects[2].linked);
  EXPECT_TRUE(deviceLinkHazards(withDl).empty());

  // --whole-archive takes everything.
  std::vector<InputFacts> whole = {main, lib};
  whole[1].wholeArchive = true;
  selectMembers(whole, {"main"});
  EXPECT_TRUE(whole[1].objects[1].linked);
}
