#!/usr/bin/env bash
# Runs clang-tidy (the checks in .clang-tidy) over the C++ sources under src/, with the compile
# commands of a build directory. Exit status 1 when clang-tidy reports anything.
#
#   scripts/tidy.sh                 every file under src/
#   scripts/tidy.sh src/text/*.cpp  only those files
#
# BUILD_DIR (default: build-tidy, configured here when it has no compile_commands.json) and
# JOBS (default: 1) may be set in the environment.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build-tidy}
jobs=${JOBS:-1}
tidy=${CLANG_TIDY:-clang-tidy}

command -v "$tidy" >/dev/null || { echo "tidy: $tidy not found (apt-get install clang-tidy)" >&2; exit 2; }
if [[ ! -f $build_dir/compile_commands.json ]]; then
  # Configuring is enough: compile commands and the generated version header are all it needs.
  cmake -S "$root" -B "$build_dir" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi

cd "$root"
if (($# > 0)); then
  files=("$@")
else
  mapfile -t files < <(find src -name '*.cpp' | sort)
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# --quiet drops the "N warnings generated" chatter; warnings in system headers are never shown.
printf '%s\0' "${files[@]}" |
  xargs -0 -n 1 -P "$jobs" "$tidy" -p "$build_dir" --quiet >"$out" 2>/dev/null || true
if grep -qE '(warning|error):' "$out"; then
  cat "$out"
  echo "tidy: $(grep -cE '(warning|error):' "$out") finding(s) in ${#files[@]} file(s)" >&2
  exit 1
fi
echo "tidy: no findings in ${#files[@]} file(s)" >&2
