// `cuwrap plan [OPTIONS] -- TOOL ARGS...`
include "Common.td"

def json : Flag<["--"], "json">, HelpText<"Print the record the wrapper would log, as JSON">;
def facts : Flag<["--"], "facts">,
  HelpText<"Print one fact a line: each parsed argument with its words and origin, what runs, the edits">;
