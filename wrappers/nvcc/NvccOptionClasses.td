// How nvcc spells its options, as TableGen multiclasses over LLVM's OptParser.
// Every spelling of one option is an Alias of the long "--" form, so rules
// ask about one option ID while the argument keeps the spelling the user
// wrote (rendering never re-spells anything).
include "llvm/Option/OptParser.td"

// Option flags read by NvccOptTable.h (bit values are fixed there).
def ListValue : OptionFlag;     // nvcc splits the value at unescaped commas
def PathValue : OptionFlag;     // the value (each element, for lists) is a path
def Undocumented : OptionFlag;  // accepted by nvcc 13.0, absent from --help
// Takes one value: given twice with different values, nvcc 13.0 uses the
// last and warns "incompatible redefinition for option 'NAME', the last
// value of this option was used" (observed with --dryrun for each option
// that has this flag; the same value twice is silent).
def SingleValue : OptionFlag;

// --long | -short
multiclass NvFlag<string long, string short, list<OptionFlag> flags = []> {
  def NAME : Flag<["--"], long>, Flags<flags>;
  if !ne(short, "") then
    def NAME#_short : Flag<["-"], short>, Alias<!cast<Option>(NAME)>;
}

// --long V | --long=V | -short V | -short=V
multiclass NvValue<string long, string short, list<OptionFlag> flags = []> {
  def NAME : Separate<["--"], long>, Flags<flags>;
  def NAME#_eq : Joined<["--"], long#"=">, Alias<!cast<Option>(NAME)>;
  if !ne(short, "") then {
    def NAME#_short : Separate<["-"], short>, Alias<!cast<Option>(NAME)>;
    def NAME#_short_eq : Joined<["-"], short#"=">, Alias<!cast<Option>(NAME)>;
  }
}

// As NvValue, and the value may be glued to the one-letter short form
// (`-I/x`, `-O3`, `-lcudart`): observed for -D -I -L -O -U -l -t only.
multiclass NvValueJoined<string long, string short, list<OptionFlag> flags = []>
    : NvValue<long, short, flags> {
  def NAME#_short_joined : Joined<["-"], short>, Alias<!cast<Option>(NAME)>;
}
