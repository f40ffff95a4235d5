// `cuwrap log [OPTIONS] [FILE]`
include "Common.td"

def json : Flag<["--"], "json">, HelpText<"Print the matching records as they are logged (JSON Lines)">;
def facts : Flag<["--"], "facts">, HelpText<"Print each matching record one fact a line">;
def personality_eq : Joined<["--"], "personality=">, MetaVarName<"TOOL">,
  HelpText<"Only calls of TOOL (nvcc, ld; ld matches ld.bfd, ...)">;
def personality : Separate<["--"], "personality">, Alias<personality_eq>;
def phase_eq : Joined<["--"], "phase=">, MetaVarName<"PHASE">,
  HelpText<"Only calls of this phase (compile, link, device-link, executable, shared, ...)">;
def phase : Separate<["--"], "phase">, Alias<phase_eq>;
def output_eq : Joined<["--"], "output=">, MetaVarName<"FILE">,
  HelpText<"Only calls that write FILE">;
def output : Separate<["--"], "output">, Alias<output_eq>;
def grep_eq : Joined<["--"], "grep=">, MetaVarName<"TEXT">,
  HelpText<"Only calls whose view contains TEXT">;
def grep : Separate<["--"], "grep">, Alias<grep_eq>;
def color_eq : Joined<["--"], "color=">, MetaVarName<"WHEN">,
  HelpText<"Colour: auto (a terminal without NO_COLOR), always or never">;
