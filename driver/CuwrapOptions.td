// cuwrap's own command line: `cuwrap SUBCOMMAND [OPTIONS] [-- TOOL ARGS...]`.
// Everything after "--" is the wrapped tool's and is never parsed here.
include "llvm/Option/OptParser.td"

def help : Flag<["--", "-"], "help">, HelpText<"Print this help">;
def help_h : Flag<["-"], "h">, Alias<help>;
def version : Flag<["--"], "version">, HelpText<"Print cuwrap's version">;
def json : Flag<["--"], "json">, HelpText<"Print JSON instead of text">;
def from_log : Separate<["--"], "from-log">, MetaVarName<"LOG">,
  HelpText<"explain: follow a build log to the calls that produced OUTPUT">;
def from_log_eq : Joined<["--"], "from-log=">, Alias<from_log>;
def strict : Flag<["--"], "strict">, HelpText<"check-runpath: findings are errors (exit 1)">;
