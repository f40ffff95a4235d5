// Options every cuwrap subcommand takes.
include "llvm/Option/OptParser.td"

def help : Flag<["--", "-"], "help">, HelpText<"Show this usage and these options">;
def help_h : Flag<["-"], "h">, Alias<help>;
