// `cuwrap [--help | --version] SUBCOMMAND ...`: the options before the
// subcommand's name. Everything after it is the subcommand's own.
include "Common.td"

def version : Flag<["--"], "version">,
  HelpText<"Print cuwrap's version, the wrapped toolkit's, and where the compiled-in settings came from">;
