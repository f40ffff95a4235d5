// The part of GNU ld's command line (bfd, gold and lld share it) that cuwrap
// must understand: what is an input, where the output goes, which -L/-l
// paths and -rpath entries there are, and which kind of link this is. Every
// option that takes a separate value is listed so that its value is never
// mistaken for an input file; anything else passes through as written.
// GNU ld takes long options with one or two dashes, like lld's own table.
include "llvm/Option/OptParser.td"

multiclass Eq<string name> {
  def NAME : Separate<["--", "-"], name>;
  def NAME#_eq : Joined<["--", "-"], name#"=">, Alias<!cast<Option>(NAME)>;
}
class F<string name> : Flag<["--", "-"], name>;

def output : JoinedOrSeparate<["-"], "o">;
def output_long : Separate<["--"], "output">, Alias<output>;
def output_eq : Joined<["--"], "output=">, Alias<output>;
def library_path : JoinedOrSeparate<["-"], "L">;
defm library_path_long : Eq<"library-path">;
def library : JoinedOrSeparate<["-"], "l">;
defm library_long : Eq<"library">;
defm rpath : Eq<"rpath">;
def rpath_R : JoinedOrSeparate<["-"], "R">;   // -R DIR is -rpath for directories
defm rpath_link : Eq<"rpath-link">;
def shared : F<"shared">;
def shared_alias : F<"Bshareable">, Alias<shared>;
def static : F<"static">;
def Bstatic : F<"Bstatic">;
def Bstatic_dn : F<"dn">, Alias<Bstatic>;
def Bstatic_non_shared : F<"non_shared">, Alias<Bstatic>;
def Bdynamic : F<"Bdynamic">;
def Bdynamic_dy : F<"dy">, Alias<Bdynamic>;
def Bdynamic_call_shared : F<"call_shared">, Alias<Bdynamic>;
def relocatable : Flag<["-"], "r">;
def relocatable_long : F<"relocatable">, Alias<relocatable>;
def relocatable_i : Flag<["-"], "i">, Alias<relocatable>;
def pie : F<"pie">;
def no_pie : F<"no-pie">;
def as_needed : F<"as-needed">;
def no_as_needed : F<"no-as-needed">;
def whole_archive : F<"whole-archive">;
def no_whole_archive : F<"no-whole-archive">;
def push_state : F<"push-state">;
def pop_state : F<"pop-state">;
def disable_new_dtags : F<"disable-new-dtags">;
def enable_new_dtags : F<"enable-new-dtags">;
def start_group : F<"start-group">;
def start_group_paren : Flag<["-"], "(">, Alias<start_group>;
def end_group : F<"end-group">;
def end_group_paren : Flag<["-"], ")">, Alias<end_group>;
def version : F<"version">;
def version_v : Flag<["-"], "v">, Alias<version>;
def version_V : Flag<["-"], "V">, Alias<version>;
def help : F<"help">;

// Options whose separate value is not an input.
def emulation : JoinedOrSeparate<["-"], "m">;
def z : JoinedOrSeparate<["-"], "z">;
def script : JoinedOrSeparate<["-"], "T">;
defm script_long : Eq<"script">;
def entry : JoinedOrSeparate<["-"], "e">;
defm entry_long : Eq<"entry">;
defm soname : Eq<"soname">;
def soname_h : JoinedOrSeparate<["-"], "h">, Alias<soname>;
defm dynamic_linker : Eq<"dynamic-linker">;
def dynamic_linker_I : JoinedOrSeparate<["-"], "I">, Alias<dynamic_linker>;
defm plugin : Eq<"plugin">;
defm plugin_opt : Eq<"plugin-opt">;
def undefined : JoinedOrSeparate<["-"], "u">;
defm undefined_long : Eq<"undefined">;
def trace_symbol : JoinedOrSeparate<["-"], "y">;
defm trace_symbol_long : Eq<"trace-symbol">;
defm map : Eq<"Map">;
defm version_script : Eq<"version-script">;
defm dynamic_list : Eq<"dynamic-list">;
defm sysroot : Eq<"sysroot">;
def format : JoinedOrSeparate<["-"], "b">;
defm format_long : Eq<"format">;
def architecture : JoinedOrSeparate<["-"], "A">;
def auxiliary : JoinedOrSeparate<["-"], "f">;
def filter : JoinedOrSeparate<["-"], "F">;
def Y : Separate<["-"], "Y">;
// Joined-only: `--build-id` alone is a flag and the next word is an input.
def hash_style : Joined<["--", "-"], "hash-style=">;
def build_id : F<"build-id">;
def build_id_eq : Joined<["--", "-"], "build-id=">;
defm defsym : Eq<"defsym">;
defm wrap : Eq<"wrap">;
defm exclude_libs : Eq<"exclude-libs">;
defm image_base : Eq<"image-base">;
defm section_start : Eq<"section-start">;
defm Ttext : Eq<"Ttext">;
defm Tdata : Eq<"Tdata">;
defm Tbss : Eq<"Tbss">;
defm dependency_file : Eq<"dependency-file">;
def threads : F<"threads">;
def threads_eq : Joined<["--", "-"], "threads=">;
