// `cuwrap check-runpath [OPTIONS] FILE...`
include "Common.td"

def strict : Flag<["--"], "strict">, HelpText<"Findings are errors (exit status 1)">;
