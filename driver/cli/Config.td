// `cuwrap config [OPTIONS]`
include "Common.td"

def json : Flag<["--"], "json">, HelpText<"Print the settings as JSON">;
