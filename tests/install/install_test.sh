#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the files a Unix tool and a library install, no
# internal header among them, the installed headers complete, and the library usable from
# outside. examples/extract_one.cpp is
# built against the installed tree twice, through find_package(pressparse) and through
# `pkg-config --static`, and both builds must give the CLI's headline for data/sample.txt. The
# Python module, when built, is imported from the installed tree and must give the CLI's JSON.
# Nothing is installed outside the temporary directory.
#
#   install_test.sh BUILD_DIR SOURCE_DIR CXX "CXX_FLAGS" BUILD_TYPE
set -uo pipefail
build=$1
src=$2
cxx=$3
cxx_flags=$4
build_type=$5
source "$src/tests/cli/lib.sh" "$build/pressparse"

prefix=$tmp/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  fail "cmake --install"
  finish
  exit 1
fi

for f in bin/pressparse share/man/man1/pressparse.1 \
  share/bash-completion/completions/pressparse share/zsh/site-functions/_pressparse \
  share/fish/vendor_completions.d/pressparse.fish \
  share/doc/pressparse/copyright share/doc/pressparse/changelog.gz \
  lib/libpressparse.a include/pressparse/pipeline.hpp include/pressparse/json_writer.hpp \
  include/pressparse/version.hpp \
  lib/cmake/pressparse/pressparseConfig.cmake lib/cmake/pressparse/pressparseConfigVersion.cmake \
  lib/cmake/pressparse/pressparseTargets.cmake lib/pkgconfig/pressparse.pc; do
  if [[ -f $prefix/$f ]]; then ok; else fail "not installed: $f"; fi
done
# Every public header, and nothing else: no template, no generated internal table, no source.
for h in "$src"/include/pressparse/*.hpp; do
  [[ -f $prefix/include/pressparse/$(basename "$h") ]] || fail "header not installed: $h"
done
extra=$(cd "$prefix/include/pressparse" && ls | while read -r f; do
  [[ -f $src/include/pressparse/$f || $f == version.hpp ]] || echo "$f"
done)
if [[ -z $extra ]]; then ok; else fail "installed headers that are not public: $extra"; fi
# The compressed man page is for the Debian package only.
if [[ ! -e $prefix/share/man/man1/pressparse.1.gz ]]; then ok; else fail "pressparse.1.gz installed"; fi

# The installed binary runs and knows its version.
version=$(sed -n 's/^project(pressparse VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
if [[ $("$prefix/bin/pressparse" --version) == "pressparse $version" ]]; then ok; else
  fail "installed pressparse --version is not pressparse $version"
fi
if grep -q "^Version: $version\$" "$prefix/lib/pkgconfig/pressparse.pc"; then ok; else
  fail "pressparse.pc does not say Version: $version"
fi

headline() { python3 -c 'import json,sys; print(json.load(sys.stdin)["headline"])'; }
expected=$("$prefix/bin/pressparse" "$src/data/sample.txt" | headline)
[[ -n $expected ]] || fail "the CLI gave no headline for data/sample.txt"

# 1. CMake: find_package(pressparse) → pressparse::pressparse.
if cmake -S "$src/examples" -B "$tmp/examples" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE="$build_type" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_FLAGS="$cxx_flags" >"$tmp/examples.log" 2>&1 &&
  cmake --build "$tmp/examples" >>"$tmp/examples.log" 2>&1; then
  got=$("$tmp/examples/extract_one" "$src/data/sample.txt" | headline)
  if [[ $got == "$expected" ]]; then ok; else fail "CMake example headline '$got' != '$expected'"; fi
else
  cat "$tmp/examples.log"
  fail "examples/ did not build against the installed package"
fi
if grep -q "$prefix/lib/cmake/pressparse" "$tmp/examples/CMakeCache.txt" 2>/dev/null; then ok; else
  fail "examples/ did not find pressparse in the temporary prefix"
fi

# 2. pkg-config --static: the static library's private dependencies come with it.
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
if flags=$(pkg-config --static --cflags --libs pressparse 2>"$tmp/pc.log"); then
  # shellcheck disable=SC2086  # the flags are words
  if "$cxx" -std=c++20 $cxx_flags "$src/examples/extract_one.cpp" -o "$tmp/extract_one_pc" \
    $flags >"$tmp/pc.log" 2>&1; then
    got=$("$tmp/extract_one_pc" "$src/data/sample.txt" | headline)
    if [[ $got == "$expected" ]]; then ok; else fail "pkg-config example headline '$got' != '$expected'"; fi
  else
    cat "$tmp/pc.log"
    fail "examples/extract_one.cpp did not build with pkg-config --static"
  fi
else
  cat "$tmp/pc.log"
  fail "pkg-config --static --cflags --libs pressparse"
fi
# Every installed header compiles on its own terms: nothing it includes is left behind.
for h in "$prefix"/include/pressparse/*.hpp; do
  echo "#include \"pressparse/$(basename "$h")\""
done >"$tmp/all_headers.cpp"
# shellcheck disable=SC2086
if "$cxx" -std=c++20 -fsyntax-only $(pkg-config --cflags pressparse) "$tmp/all_headers.cpp" \
  >"$tmp/headers.log" 2>&1; then
  ok
else
  fail "the installed headers do not compile alone: $(head -5 "$tmp/headers.log")"
fi
for lib in -lpressparse -licui18n -licuuc -lgumbo -lz; do
  if [[ " $flags " == *" $lib "* ]]; then ok; else fail "pkg-config --static --libs lacks $lib: $flags"; fi
done

# The Python module, when it was built (PRESSPARSE_PYTHON names the interpreter it is for):
# imported from the installed tree alone, it gives the CLI's JSON for data/sample.txt.
if [[ -n ${PRESSPARSE_PYTHON:-} ]]; then
  init=$(find "$prefix" -path '*/pressparse/__init__.py' | head -1)
  for f in __init__.py __init__.pyi py.typed; do
    if [[ -n $init && -f $(dirname "$init")/$f ]]; then ok; else fail "Python package lacks $f"; fi
  done
  if [[ $init == "$prefix/$PRESSPARSE_PYTHON_DIR/pressparse/__init__.py" ]]; then ok; else
    fail "Python package installed at '$init', not under $PRESSPARSE_PYTHON_DIR"
  fi
  site=$(dirname "$(dirname "$init")")
  "$prefix/bin/pressparse" "$src/data/sample.txt" >"$tmp/cli.json"
  # A sanitized build's module needs the sanitizer's runtime preloaded (PRESSPARSE_PYTHON_PRELOAD).
  preload=(env)
  [[ -n ${PRESSPARSE_PYTHON_PRELOAD:-} ]] &&
    preload=(env LD_PRELOAD="$PRESSPARSE_PYTHON_PRELOAD" ASAN_OPTIONS=detect_leaks=0)
  if (cd "$tmp" && PYTHONPATH=$site PYTHONDONTWRITEBYTECODE=1 "${preload[@]}" "$PRESSPARSE_PYTHON" -c '
import json, sys, pressparse
assert pressparse.__file__.startswith(sys.argv[1]), pressparse.__file__
got = json.dumps(pressparse.extract_file(sys.argv[2]), ensure_ascii=False)
want = json.dumps(json.load(open(sys.argv[3], encoding="utf-8")), ensure_ascii=False)
sys.exit(0 if got == want else "installed module: JSON differs from the CLI")
' "$site" "$src/data/sample.txt" "$tmp/cli.json") >"$tmp/py.log" 2>&1; then
    ok
  else
    fail "installed Python module: $(tail -3 "$tmp/py.log")"
  fi
fi

# The example reports a bad input in one line, with a status.
"$tmp/examples/extract_one" "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
status=$?
if [[ $status -eq 1 && $(wc -l <"$tmp/err") -eq 1 ]] && grep -q 'missing.txt: no such file' "$tmp/err"; then
  ok
else
  fail "extract_one on a missing file: status $status, stderr: $(cat "$tmp/err")"
fi

finish
