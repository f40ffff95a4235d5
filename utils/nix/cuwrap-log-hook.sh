# shellcheck shell=bash
# Setup hook: show cuwrap's records of a Nix build's nvcc and ld calls in
# the build log, after the build phase, when NIX_DEBUG >= 1.
#
# The Nixpkgs wrappers print their flags into the compiler's stderr, where
# CMake (parsing `nvcc -v`) and libtool (any stderr = failed check) read
# them, so debug output used to change the build. cuwrap writes records to
# a file instead ($NIX_BUILD_TOP/cuwrap.log); this hook prints that file
# once the build phase is over, never in the middle of compiler output.
#
# A package adds it as a setup hook (substituting @cuwrap@ with the path of
# bin/cuwrap), or a shell sources it with cuwrapCommand set.

cuwrapCommand="${cuwrapCommand:-@cuwrap@}"
case "$cuwrapCommand" in @*@) cuwrapCommand=cuwrap ;; esac

# True when NIX_DEBUG, as this shell sees it, asks for debug output. The
# wrappers only see NIX_DEBUG when it is exported; this shell also sees a
# NIX_DEBUG that a phase merely `declare`d.
cuwrapDebugOn() {
    local level="${NIX_DEBUG:-0}"
    [[ "$level" =~ ^[0-9]+$ ]] && ((level >= 1))
}

# A NIX_DEBUG that was declared but not exported never reaches the wrappers;
# naming the log file for them makes them record anyway. It cannot change
# the build: logging never changes a command or its output.
cuwrapExportLog() {
    if cuwrapDebugOn && [[ -z "${CUWRAP_LOG:-}" && -n "${NIX_BUILD_TOP:-}" ]]; then
        export CUWRAP_LOG="$NIX_BUILD_TOP/cuwrap.log"
    fi
}

cuwrapPrintLog() {
    cuwrapDebugOn || return 0
    local log="${CUWRAP_LOG:-${NIX_BUILD_TOP:-}/cuwrap.log}"
    case "$log" in
        stderr | fd:* | 0 | off | false) return 0 ;; # already shown, or off
        1 | on | true) log="${NIX_BUILD_TOP:-}/cuwrap.log" ;;
    esac
    [[ -s "$log" ]] || return 0
    echo "cuwrap: nvcc and ld calls of this build (from $log):"
    # Never fail the build over its log.
    "$cuwrapCommand" log --color=never "$log" || true
}

preConfigureHooks+=(cuwrapExportLog)
preBuildHooks+=(cuwrapExportLog)
postBuildHooks+=(cuwrapPrintLog)
