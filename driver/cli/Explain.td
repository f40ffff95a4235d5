// `cuwrap explain [OPTIONS] -- TOOL ARGS...` and `--from-log LOG OUTPUT`
include "Common.td"

def json : Flag<["--"], "json">, HelpText<"Print the report as JSON">;
def dot : Flag<["--"], "dot">,
  HelpText<"Print a Graphviz graph instead of text: the call, or with --from-log the whole chain (render with dot -Tsvg)">;
def from_log : Separate<["--"], "from-log">, MetaVarName<"LOG">,
  HelpText<"Follow the calls in LOG that produced OUTPUT">;
def from_log_eq : Joined<["--"], "from-log=">, Alias<from_log>;
