// The part of the gcc/clang driver's command line that `cuwrap explain`
// must understand: what is an input and what is an option's value (so that
// `-MF deps.d` or `-include x.h` is never taken for an input), where the
// output goes, what reaches the link (-l, -L, -Wl,, -Xlinker, -z, -u, -T),
// and which kind of call this is (-c, -E, -S, -shared, -static, -r). Any
// other word passes as it is: the driver reports what it does not know.
// An option with a value takes it glued or as the next word (`-I/x`,
// `-I /x`, `-MFdeps.d`) where gcc's own tables say `Joined Separate`.
include "llvm/Option/OptParser.td"

class F<string name> : Flag<["-"], name>;
class FF<string name> : Flag<["-", "--"], name>;
class JS<string name> : JoinedOrSeparate<["-"], name>;
class S<string name> : Separate<["-"], name>;
class J<string name> : Joined<["-"], name>;

// Where the output goes and what kind of call this is.
def output : JS<"o">;
def compile : F<"c">;
def preprocess : F<"E">;
def assemble : F<"S">;
def deps_only : F<"M">;
def deps_only_user : F<"MM">;
def shared : F<"shared">;
def static : F<"static">;
def static_pie : F<"static-pie">;
def relocatable : F<"r">;
def pie : F<"pie">;
def no_pie : F<"no-pie">;
def rdynamic : F<"rdynamic">;
def nostdlib : F<"nostdlib">;
def nostartfiles : F<"nostartfiles">;
def nodefaultlibs : F<"nodefaultlibs">;
def dry_run : F<"###">;
def verbose : F<"v">;
def version : FF<"version">;
def help : FF<"help">;
def dumpversion : F<"dumpversion">;
def dumpmachine : F<"dumpmachine">;
def print_prefixed : J<"print-">;

// What reaches the link.
def library : JS<"l">;
def library_path : JS<"L">;
def wl : CommaJoined<["-"], "Wl,">;
def xlinker : S<"Xlinker">;
def z : JS<"z">;
def undefined : JS<"u">;
def script : JS<"T">;
def entry : JS<"e">;
def fuse_ld : J<"fuse-ld=">;
def prefix_dir : JS<"B">;
def language : JS<"x">;
def specs : Joined<["-", "--"], "specs=">;
def sysroot : Separate<["--"], "sysroot">;
def sysroot_eq : Joined<["--"], "sysroot=">, Alias<sysroot>;

// Options of the compile steps whose value is a separate word: listed so
// that the value is never read as an input.
def define : JS<"D">;
def undefine : JS<"U">;
def include_path : JS<"I">;
def assert_ : JS<"A">;
def pre_include : JS<"include">;
def imacros : JS<"imacros">;
def isystem : JS<"isystem">;
def idirafter : JS<"idirafter">;
def iquote : JS<"iquote">;
def iprefix : JS<"iprefix">;
def iwithprefix : JS<"iwithprefix">;
def iwithprefixbefore : JS<"iwithprefixbefore">;
def isysroot : JS<"isysroot">;
def imultilib : JS<"imultilib">;
def dep_file : JS<"MF">;
def dep_target : JS<"MT">;
def dep_target_quoted : JS<"MQ">;
def dep_json : JS<"MJ">;
def wa : CommaJoined<["-"], "Wa,">;
def wp : CommaJoined<["-"], "Wp,">;
def xassembler : S<"Xassembler">;
def xpreprocessor : S<"Xpreprocessor">;
def xclang : S<"Xclang">;
def mllvm : S<"mllvm">;
def aux_info : S<"aux-info">;
def dumpbase : S<"dumpbase">;
def dumpbase_ext : S<"dumpbase-ext">;
def dumpdir : S<"dumpdir">;
def wrapper : S<"wrapper">;
def param : Separate<["--"], "param">;
def param_eq : Joined<["--"], "param=">, Alias<param>;
def target : S<"target">;
def target_eq : Joined<["--"], "target=">, Alias<target>;
