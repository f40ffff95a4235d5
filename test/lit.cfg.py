# lit configuration for cuwrap. Two tiers: tests against the recording fake
# toolkit in Inputs/ (always run), and tests against the real CUDA toolkit
# (REQUIRES: cuda).
import os
import lit.formats

config.name = "cuwrap"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test"]
# Unit/ is a suite of its own (GoogleTest format), run beside this one.
config.excludes = ["Inputs", "Unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cuwrap_obj_root, "test")

# A clean environment: nothing from the developer's shell may change a plan.
for var in list(config.environment):
    if var.startswith(("CUWRAP_", "NVCC_", "NIX_")):
        del config.environment[var]
for var in ("HOME", "TMPDIR", "LANG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, "/usr/local/bin", "/usr/bin", "/bin"])
# No config file from an install beside the binary.
config.environment["CUWRAP_CONFIG"] = os.path.join(
    config.test_source_root, "Inputs", "empty-config.json")

# A sanitizer build (-DCUWRAP_SANITIZE=..., docs/fuzzing.md): tests that
# measure the binary itself (its memory, its static linking) say
# `UNSUPPORTED: sanitizer`.
if getattr(config, "cuwrap_sanitize", ""):
    config.available_features.add("sanitizer")

inputs = os.path.join(config.test_source_root, "Inputs")
bindir = os.path.join(config.cuwrap_obj_root, "bin")
wrappers = os.path.join(config.cuwrap_obj_root, "wrappers")
config.substitutions += [
    ("%cuwrap", os.path.join(bindir, "cuwrap")),
    ("%wrappers", wrappers),
    ("%inputs", inputs),
    ("%fake-nvcc", os.path.join(inputs, "fake-cuda", "bin", "nvcc")),
    ("%fake-cuda", os.path.join(inputs, "fake-cuda")),
    ("%fake-ld", os.path.join(inputs, "fake-bin", "ld")),
    ("%src", config.cuwrap_src_root),
    ("%host-cxx", config.default_host_cxx),
    ("%python", "python3"),
]

real_nvcc = config.default_nvcc
if real_nvcc and os.path.exists(real_nvcc):
    config.available_features.add("cuda")
    config.substitutions.append(("%real-nvcc", real_nvcc))
    config.substitutions.append(("%cuda", os.path.dirname(os.path.dirname(real_nvcc))))

# The wiring (test/wiring, docs/wiring.md): the build tree's toolchain file
# and setup hook, and the tools they compose with. Each tool is a feature;
# a test that needs one is UNSUPPORTED where it is missing, and the reason
# is printed here.
import shutil
import subprocess
import tempfile

config.substitutions += [
    ("%build-root", config.cuwrap_obj_root),
    ("%toolchain", os.path.join(config.cuwrap_obj_root, "share", "cuwrap",
                                "cuwrap-toolchain.cmake")),
    ("%setup-hook", os.path.join(config.cuwrap_obj_root, "nix-support",
                                 "setup-hook")),
]
for tool, feature in (("ccache", "ccache"), ("sccache", "sccache"),
                      ("clang++-14", "clang"), ("nix-instantiate", "nix")):
    if shutil.which(tool, path=config.environment["PATH"]):
        config.available_features.add(feature)
    else:
        lit_config.note(f"no {tool} on PATH: tests that need it are unsupported")


def nix_build_works():
    """Whether nix-build can build a trivial derivation in a throwaway store
    (no daemon, no sandbox, no build users), as test/wiring/nix-build.test
    does; the reason when it cannot."""
    if not shutil.which("nix-build", path=config.environment["PATH"]):
        return "no nix-build on PATH"
    with tempfile.TemporaryDirectory(prefix="cuwrap-nix-probe.") as d:
        env = dict(config.environment)
        for v in ("STORE", "STATE", "LOG", "CONF"):
            env[f"NIX_{v}_DIR"] = os.path.join(d, v.lower())
        os.makedirs(env["NIX_CONF_DIR"])
        env["TMPDIR"] = d
        expr = ('derivation { name = "probe"; system = builtins.currentSystem; '
                'builder = "/bin/sh"; args = [ "-c" "echo > $out" ]; }')
        try:
            p = subprocess.run(
                ["nix-build", "-E", expr, "--no-out-link", "--option", "sandbox",
                 "false", "--option", "build-users-group", "", "--option",
                 "substituters", ""], env=env, capture_output=True, text=True,
                timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"nix-build did not run: {e}"
        if p.returncode != 0:
            return "nix-build failed: " + p.stderr.strip().splitlines()[-1:][0]
    return None


reason = nix_build_works()
if reason is None:
    config.available_features.add("nix-build")
else:
    lit_config.note(f"{reason}: the real Nix build test is unsupported")
