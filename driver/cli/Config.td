// `cuwrap config [OPTIONS]`
include "Common.td"

def json : Flag<["--"], "json">, HelpText<"Print the settings as JSON">;
def compiler_check : Flag<["--"], "compiler-check">,
  HelpText<"Print what decides the commands cuwrap's nvcc runs (cuwrap's "
           "build, the settings, the real nvcc and host compiler), for a "
           "compiler cache in front of cuwrap (ccache's compiler_check)">;
