// Device code in the inputs of a host link: which objects carry CUDA
// relocatable device code (`nvcc -rdc=true -c` / `-dc`), which one is a
// device-link object (`nvcc -dlink`), for which GPU architectures, and what
// goes wrong when the link lacks a device link or the device link lacks an
// architecture. The formats are described in docs/device-code.md.
//
// Reading is done here, with no child process: objects through LLVM's
// ELFFile (no ObjectFile, no llvm::object::Archive: either would pull every
// object format and the IR readers, with their static initializers, into
// the one static binary that every wrapper call starts), archives through a
// small `ar` reader of our own. The analysis functions take the facts read,
// so that unit tests can feed them synthetic facts.
#pragma once

#include "Hazard.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace cuwrap::explain::devcode {

// One image in an embedded fat binary.
struct FatbinImage {
  enum class Kind { Ptx, Cubin, Other };
  Kind kind = Kind::Other;
  unsigned arch = 0;   // 75 for sm_75 / compute_75
  std::string suffix;  // "a" (sm_90a) or "f" (sm_100f), else empty
  bool compressed = false;
  // "sm_90a" for a cubin, "compute_80" for PTX, "kind3:sm_80" otherwise.
  std::string name() const;
};

// Every image of every fat binary in `bytes` (the contents of a
// `.nv_fatbin` or `__nv_relfatbin` section: containers one after another,
// zero padding between them allowed). Fails on a bad magic or a size that
// runs past the end.
llvm::Expected<std::vector<FatbinImage>> parseFatbins(llvm::StringRef bytes);

enum class DeviceCode {
  None,         // no device code
  WholeProgram, // `nvcc -c` without -rdc: registers its own fat binary
  Relocatable,  // `nvcc -dc`: needs a device link
  DeviceLink,   // `nvcc -dlink`: defines __cudaRegisterLinkedBinary_*
};
const char *deviceCodeName(DeviceCode c);

// What one relocatable ELF object (or archive member) carries.
struct ObjectFacts {
  std::string name;         // as given, "lib.a(m.o)" for an archive member
  std::string archive;      // the archive's path as given, for members
  std::string member;       // the member's name, for archive members
  DeviceCode code = DeviceCode::None;
  std::vector<std::string> sections;  // device-code sections present, in file order
  unsigned wrapperVersion = 0;        // of .nvFatBinSegment: 1 compile, 2 device link
  std::vector<FatbinImage> images;
  std::vector<std::string> needs;     // undefined __cudaRegisterLinkedBinary_*
  std::vector<std::string> provides;  // defined __cudaRegisterLinkedBinary_*
  // Other global symbols, for choosing archive members as ld does.
  std::vector<std::string> defined, undefined;
  std::string problem;      // set when the object could not be read in full
  bool linked = true;       // archive members: whether ld would take it
};

struct InputFacts {
  enum class Type { Object, Archive, Shared, Other, Missing };
  std::string path;         // as given, or as found for a -l library
  std::string spelled;      // "-lcudadevrt" for a -l library
  Type type = Type::Other;
  std::string note;         // why it was skipped or could not be read
  bool wholeArchive = false;
  std::vector<ObjectFacts> objects; // the object, or the archive's members
};
const char *inputTypeName(InputFacts::Type t);

// One input of the link, in command-line order.
struct LinkInput {
  std::string path;           // empty: a -l library that was not found
  std::string spelled;        // as written when that differs ("-lcudadevrt")
  bool wholeArchive = false;  // inside --whole-archive
};

// What the link makes: a program's link starts by needing "main" (crt1.o
// references it), and a missing symbol fails it; a shared library links
// with undefined symbols and fails when loaded.
enum class LinkKind { Program, SharedLibrary };

struct LinkAnalysis {
  std::vector<InputFacts> inputs;
  std::vector<Hazard> hazards;
  bool hasDeviceCode() const;
};

// The entry point: read every input (relative paths from `cwd`), choose the
// archive members ld would take, and the device-link hazards. Reads files;
// runs nothing and writes nothing. Call it for links that make a program or
// a shared library, not for `ld -r` (relocatable device code may pass
// through those undevice-linked).
LinkAnalysis analyzeLinkInputs(llvm::ArrayRef<LinkInput> inputs,
                               llvm::StringRef cwd,
                               LinkKind kind = LinkKind::Program);

// Pure parts, for tests and for callers that have the bytes already.
ObjectFacts readObject(llvm::StringRef name, llvm::StringRef bytes);
// `bytes` of an archive named `path`; thin archives' members are read
// from files relative to `dir`, the archive's directory.
InputFacts readArchive(llvm::StringRef path, llvm::StringRef bytes,
                       llvm::StringRef dir);
// Marks the archive members GNU ld would extract: a member is taken when
// it defines a symbol undefined at that point (objects and members taken
// before it, and `roots`), each archive scanned in turn until nothing
// changes; all members inside --whole-archive. Groups (--start-group) and
// the symbols of shared libraries are not modelled.
void selectMembers(std::vector<InputFacts> &inputs,
                   llvm::ArrayRef<std::string> roots);
// From facts alone (objects with `linked` set): (a) relocatable device code
// whose __cudaRegisterLinkedBinary_* no device-link object defines, (b)
// architectures the device link and the objects it covers do not share.
std::vector<Hazard> deviceLinkHazards(const std::vector<InputFacts> &inputs,
                                      LinkKind kind = LinkKind::Program);

// For explain's report: the inputs that carry device code, and all facts.
std::string toText(const LinkAnalysis &a);
llvm::json::Value toJSON(const LinkAnalysis &a);

} // namespace cuwrap::explain::devcode
