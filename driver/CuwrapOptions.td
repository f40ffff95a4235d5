// cuwrap's own command line: `cuwrap SUBCOMMAND [OPTIONS] [-- TOOL ARGS...]`.
// Everything after "--" is the wrapped tool's and is never parsed here.
include "llvm/Option/OptParser.td"

def help : Flag<["--", "-"], "help">, HelpText<"Print this help">;
def help_h : Flag<["-"], "h">, Alias<help>;
def version : Flag<["--"], "version">, HelpText<"Print cuwrap's version">;
def json : Flag<["--"], "json">, HelpText<"Print JSON instead of text">;
def dot : Flag<["--"], "dot">,
  HelpText<"explain: print a Graphviz graph instead of text (render with dot -Tsvg)">;
def from_log : Separate<["--"], "from-log">, MetaVarName<"LOG">,
  HelpText<"explain: follow a build log to the calls that produced OUTPUT">;
def from_log_eq : Joined<["--"], "from-log=">, Alias<from_log>;
def strict : Flag<["--"], "strict">, HelpText<"check-runpath: findings are errors (exit 1)">;

// `cuwrap log [FILE]`: filters and colour.
def log_personality_eq : Joined<["--"], "personality=">, MetaVarName<"TOOL">,
  HelpText<"cuwrap log: only calls of TOOL (nvcc, ld; ld matches ld.bfd, ...)">;
def log_personality : Separate<["--"], "personality">, Alias<log_personality_eq>;
def log_phase_eq : Joined<["--"], "phase=">, MetaVarName<"PHASE">,
  HelpText<"cuwrap log: only calls of this phase (compile, link, device-link, ...)">;
def log_phase : Separate<["--"], "phase">, Alias<log_phase_eq>;
def log_output_eq : Joined<["--"], "output=">, MetaVarName<"FILE">,
  HelpText<"cuwrap log: only calls that write FILE">;
def log_output : Separate<["--"], "output">, Alias<log_output_eq>;
def log_grep_eq : Joined<["--"], "grep=">, MetaVarName<"TEXT">,
  HelpText<"cuwrap log: only calls whose view contains TEXT">;
def log_grep : Separate<["--"], "grep">, Alias<log_grep_eq>;
def log_color_eq : Joined<["--"], "color=">, MetaVarName<"WHEN">,
  HelpText<"cuwrap log: auto (a terminal without NO_COLOR), always, never">;
