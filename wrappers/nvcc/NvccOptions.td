// nvcc 13.0 options, seeded by utils/nvcc-help-to-td.py from `nvcc --help`.
// Long spellings take "--", short ones "-"; nvcc rejects "-compiler-bindir"
// and "--ccbin", so neither prefix is offered for the other spelling.
include "NvccOptionClasses.td"

// SingleValue marks the options that take one value, each checked with
// `nvcc --dryrun` given twice with two values (NvccOptionClasses.td):
// cuwrap records where each value came from when they differ. -dopt and
// -m take one value too, but accept only one ('on', 64): two cannot differ.

// Where nvcc sends an option's value, for `cuwrap explain` (observed with
// nvcc 13.0 --dryrun; docs/explain.md). Each route is a group; NvccExplain
// maps a group to the sub-steps it names. An option in no group is
// consumed by nvcc itself: it decides how the sub-steps run, and none
// receives it verbatim. Inputs go to whichever step reads them.
def route_any_step : OptionGroup<"<route: the step that reads it>">;
def route_preprocessor : OptionGroup<"<route: host and device preprocessing, host compile>">;
def route_host_compiler : OptionGroup<"<route: every host compiler step>">;
def route_host_compiler_nvlink : OptionGroup<"<route: every host compiler step and nvlink>">;
def route_host_link : OptionGroup<"<route: the final host link>">;
def route_linkers : OptionGroup<"<route: nvlink and the final host link>">;
def route_nvlink : OptionGroup<"<route: nvlink>">;
def route_ptxas : OptionGroup<"<route: ptxas>">;
def route_cicc : OptionGroup<"<route: cicc>">;
def route_fatbinary : OptionGroup<"<route: fatbinary>">;
def route_cudafe : OptionGroup<"<route: cudafe++>">;
def route_archiver : OptionGroup<"<route: the archiver>">;

defm cuda : NvFlag<"cuda", "cuda">;
defm cubin : NvFlag<"cubin", "cubin">;
defm fatbin : NvFlag<"fatbin", "fatbin">;
defm ptx : NvFlag<"ptx", "ptx">;
defm optix_ir : NvFlag<"optix-ir", "optix-ir">;
defm ltoir : NvFlag<"ltoir", "ltoir">;
defm preprocess : NvFlag<"preprocess", "E">;
defm generate_dependencies : NvFlag<"generate-dependencies", "M">;
defm generate_nonsystem_dependencies : NvFlag<"generate-nonsystem-dependencies", "MM">;
defm generate_dependencies_with_compile : NvFlag<"generate-dependencies-with-compile", "MD">;
defm generate_nonsystem_dependencies_with_compile : NvFlag<"generate-nonsystem-dependencies-with-compile", "MMD">;
// --help shows no <file> for -MF and -qpp-config, but both take a value
// (`nvcc -M x.cu -MF x.d` writes x.d; `-qpp-config V` hands q++ `-VV`).
defm dependency_output : NvValue<"dependency-output", "MF", [PathValue, SingleValue]>;
defm generate_dependency_targets : NvFlag<"generate-dependency-targets", "MP">;
defm compile : NvFlag<"compile", "c">;
defm device_c : NvFlag<"device-c", "dc">;
defm device_w : NvFlag<"device-w", "dw">;
defm device_link : NvFlag<"device-link", "dlink">;
defm link : NvFlag<"link", "link">;
defm lib : NvFlag<"lib", "lib">;
defm run : NvFlag<"run", "run">;
let Group = route_any_step in
defm output_file : NvValue<"output-file", "o", [PathValue, SingleValue]>;
defm pre_include : NvValue<"pre-include", "include", [ListValue, PathValue]>;
defm objdir_as_tempdir : NvFlag<"objdir-as-tempdir", "objtemp">;
let Group = route_linkers in
defm library : NvValueJoined<"library", "l", [ListValue]>;
let Group = route_preprocessor in
defm define_macro : NvValueJoined<"define-macro", "D", [ListValue]>;
let Group = route_preprocessor in
defm undefine_macro : NvValueJoined<"undefine-macro", "U", [ListValue]>;
let Group = route_preprocessor in
defm include_path : NvValueJoined<"include-path", "I", [ListValue, PathValue]>;
let Group = route_preprocessor in
defm system_include : NvValue<"system-include", "isystem", [ListValue, PathValue]>;
let Group = route_linkers in
defm library_path : NvValueJoined<"library-path", "L", [ListValue, PathValue]>;
defm output_directory : NvValue<"output-directory", "odir", [PathValue, SingleValue]>;
let Group = route_host_compiler_nvlink in
defm compiler_bindir : NvValue<"compiler-bindir", "ccbin", [PathValue, SingleValue]>;
defm allow_unsupported_compiler : NvFlag<"allow-unsupported-compiler", "allow-unsupported-compiler">;
defm archiver_binary : NvValue<"archiver-binary", "arbin", [PathValue, SingleValue]>;
defm cudart : NvValue<"cudart", "cudart", [SingleValue]>;
defm cudadevrt : NvValue<"cudadevrt", "cudadevrt", [SingleValue]>;
defm libdevice_directory : NvValue<"libdevice-directory", "ldir", [PathValue, SingleValue]>;
defm target_directory : NvValue<"target-directory", "target-dir", [SingleValue]>;
defm use_local_env : NvFlag<"use-local-env", "use-local-env">;
defm force_cl_env_setup : NvFlag<"force-cl-env-setup", "force-cl-env-setup">;
defm profile : NvFlag<"profile", "pg">;
defm debug : NvFlag<"debug", "g">;
defm device_debug : NvFlag<"device-debug", "G">;
defm generate_line_info : NvFlag<"generate-line-info", "lineinfo">;
defm optimization_info : NvValue<"optimization-info", "opt-info", [ListValue]>;
defm optimize : NvValueJoined<"optimize", "O", [SingleValue]>;
defm Ofast_compile : NvValue<"Ofast-compile", "Ofc", [SingleValue]>;
defm dopt : NvValue<"dopt", "dopt", []>;
defm dlink_time_opt : NvFlag<"dlink-time-opt", "dlto">;
defm lto : NvFlag<"lto", "lto">;
defm gen_opt_lto : NvFlag<"gen-opt-lto", "gen-opt-lto">;
defm ftemplate_backtrace_limit : NvValue<"ftemplate-backtrace-limit", "ftemplate-backtrace-limit", [SingleValue]>;
defm ftemplate_depth : NvValue<"ftemplate-depth", "ftemplate-depth", [SingleValue]>;
defm no_exceptions : NvFlag<"no-exceptions", "noeh">;
defm shared : NvFlag<"shared", "shared">;
defm x : NvValue<"x", "x", [SingleValue]>;
defm std : NvValue<"std", "std", [SingleValue]>;
defm no_host_device_initializer_list : NvFlag<"no-host-device-initializer-list", "nohdinitlist">;
defm no_host_device_move_forward : NvFlag<"no-host-device-move-forward", "nohdmoveforward">;
defm expt_relaxed_constexpr : NvFlag<"expt-relaxed-constexpr", "expt-relaxed-constexpr">;
defm extended_lambda : NvFlag<"extended-lambda", "extended-lambda">;
defm expt_extended_lambda : NvFlag<"expt-extended-lambda", "expt-extended-lambda">;
defm machine : NvValue<"machine", "m", []>;
defm m64 : NvFlag<"m64", "m64">;
let Group = route_host_compiler in
defm compiler_options : NvValue<"compiler-options", "Xcompiler", [ListValue]>;
let Group = route_host_link in
defm linker_options : NvValue<"linker-options", "Xlinker", [ListValue]>;
let Group = route_archiver in
defm archive_options : NvValue<"archive-options", "Xarchive", [ListValue]>;
let Group = route_ptxas in
defm ptxas_options : NvValue<"ptxas-options", "Xptxas", [ListValue]>;
let Group = route_nvlink in
defm nvlink_options : NvValue<"nvlink-options", "Xnvlink", [ListValue]>;
defm static_global_template_stub : NvValue<"static-global-template-stub", "static-global-template-stub", [SingleValue]>;
defm device_entity_has_hidden_visibility : NvValue<"device-entity-has-hidden-visibility", "device-entity-has-hidden-visibility", [SingleValue]>;
defm forward_unknown_to_host_compiler : NvFlag<"forward-unknown-to-host-compiler", "forward-unknown-to-host-compiler">;
defm forward_unknown_to_host_linker : NvFlag<"forward-unknown-to-host-linker", "forward-unknown-to-host-linker">;
defm forward_unknown_opts : NvFlag<"forward-unknown-opts", "forward-unknown-opts">;
defm dont_use_profile : NvFlag<"dont-use-profile", "noprof">;
defm dryrun : NvFlag<"dryrun", "dryrun">;
defm verbose : NvFlag<"verbose", "v">;
defm threads : NvValueJoined<"threads", "t", [SingleValue]>;
defm split_compile : NvValue<"split-compile", "split-compile", [SingleValue]>;
defm split_compile_extended : NvValue<"split-compile-extended", "split-compile-extended", [SingleValue]>;
defm fdevice_syntax_only : NvFlag<"fdevice-syntax-only", "fdevice-syntax-only">;
defm fdevice_time_trace : NvValue<"fdevice-time-trace", "fdevice-time-trace", [PathValue, SingleValue]>;
defm keep : NvFlag<"keep", "keep">;
defm keep_dir : NvValue<"keep-dir", "keep-dir", [PathValue, SingleValue]>;
defm save_temps : NvFlag<"save-temps", "save-temps">;
defm clean_targets : NvFlag<"clean-targets", "clean">;
defm time : NvValue<"time", "time", [PathValue, SingleValue]>;
defm run_args : NvValue<"run-args", "run-args", [ListValue]>;
defm input_drive_prefix : NvValue<"input-drive-prefix", "idp", [SingleValue]>;
defm dependency_drive_prefix : NvValue<"dependency-drive-prefix", "ddp", [SingleValue]>;
defm drive_prefix : NvValue<"drive-prefix", "dp", [SingleValue]>;
defm dependency_target_name : NvValue<"dependency-target-name", "MT", [SingleValue]>;
defm no_align_double : NvFlag<"no-align-double", "">;
defm no_device_link : NvFlag<"no-device-link", "nodlink">;
defm gpu_architecture : NvValue<"gpu-architecture", "arch", [SingleValue]>;
defm gpu_code : NvValue<"gpu-code", "code", [ListValue]>;
defm generate_code : NvValue<"generate-code", "gencode", [ListValue]>;
defm relocatable_device_code : NvValue<"relocatable-device-code", "rdc", [SingleValue]>;
defm entries : NvValue<"entries", "e", [ListValue]>;
defm maxrregcount : NvValue<"maxrregcount", "maxrregcount", [SingleValue]>;
defm use_fast_math : NvFlag<"use_fast_math", "use_fast_math">;
defm ftz : NvValue<"ftz", "ftz", [SingleValue]>;
defm prec_div : NvValue<"prec-div", "prec-div", [SingleValue]>;
defm prec_sqrt : NvValue<"prec-sqrt", "prec-sqrt", [SingleValue]>;
defm fmad : NvValue<"fmad", "fmad", [SingleValue]>;
defm extra_device_vectorization : NvFlag<"extra-device-vectorization", "extra-device-vectorization">;
defm default_stream : NvValue<"default-stream", "default-stream", [SingleValue]>;
defm disable_warnings : NvFlag<"disable-warnings", "w">;
defm keep_device_functions : NvFlag<"keep-device-functions", "keep-device-functions">;
defm source_in_ptx : NvFlag<"source-in-ptx", "src-in-ptx">;
defm restrict : NvFlag<"restrict", "restrict">;
defm Wreorder : NvFlag<"Wreorder", "Wreorder">;
defm Wdefault_stream_launch : NvFlag<"Wdefault-stream-launch", "Wdefault-stream-launch">;
defm Wmissing_launch_bounds : NvFlag<"Wmissing-launch-bounds", "Wmissing-launch-bounds">;
defm Wext_lambda_captures_this : NvFlag<"Wext-lambda-captures-this", "Wext-lambda-captures-this">;
defm Wno_deprecated_declarations : NvFlag<"Wno-deprecated-declarations", "Wno-deprecated-declarations">;
defm Wno_deprecated_gpu_targets : NvFlag<"Wno-deprecated-gpu-targets", "Wno-deprecated-gpu-targets">;
defm Werror : NvValue<"Werror", "Werror", [ListValue]>;
defm resource_usage : NvFlag<"resource-usage", "res-usage">;
defm extensible_whole_program : NvFlag<"extensible-whole-program", "ewp">;
defm no_compress : NvFlag<"no-compress", "no-compress">;
defm qpp_config : NvValue<"qpp-config", "qpp-config", [SingleValue]>;
defm compile_as_tools_patch : NvFlag<"compile-as-tools-patch", "astoolspatch">;
defm list_gpu_code : NvFlag<"list-gpu-code", "code-ls">;
defm list_gpu_arch : NvFlag<"list-gpu-arch", "arch-ls">;
defm display_error_number : NvFlag<"display-error-number", "err-no">;
defm no_display_error_number : NvFlag<"no-display-error-number", "no-err-no">;
defm diag_error : NvValue<"diag-error", "diag-error", [ListValue]>;
defm diag_suppress : NvValue<"diag-suppress", "diag-suppress", [ListValue]>;
defm diag_warn : NvValue<"diag-warn", "diag-warn", [ListValue]>;
defm host_linker_script : NvValue<"host-linker-script", "hls", [SingleValue]>;
defm augment_host_linker_script : NvFlag<"augment-host-linker-script", "aug-hls">;
defm relocatable_link : NvFlag<"relocatable-link", "r">;
defm brief_diagnostics : NvValue<"brief-diagnostics", "brief-diag", [SingleValue]>;
defm jump_table_density : NvValue<"jump-table-density", "jtd", [SingleValue]>;
defm relocatable_ptx : NvFlag<"relocatable-ptx", "reloc-ptx">;
defm device_stack_protector : NvValue<"device-stack-protector", "device-stack-protector", [SingleValue]>;
defm compress_mode : NvValue<"compress-mode", "compress-mode", [SingleValue]>;
defm frandom_seed : NvValue<"frandom-seed", "frandom-seed", [SingleValue]>;
defm sanitize : NvValue<"sanitize", "sanitize", [SingleValue]>;
defm jobserver : NvFlag<"jobserver", "jobserver">;
defm help : NvFlag<"help", "h">;
defm version : NvFlag<"version", "V">;
defm options_file : NvValue<"options-file", "optf", [ListValue, PathValue]>;
let Group = route_cicc in
defm cicc_options : NvValue<"cicc-options", "Xcicc", [ListValue, Undocumented]>;
let Group = route_fatbinary in
defm fatbin_options : NvValue<"fatbin-options", "Xfatbin", [ListValue, Undocumented]>;
let Group = route_cudafe in
defm cudafe_options : NvValue<"cudafe-options", "Xcudafe", [ListValue, Undocumented]>;
