#!/usr/bin/env bash
# The Debian package: built by cpack in a temporary directory, it holds the tool (binary,
# stripped; man page, compressed; completions; copyright and changelog) and not the library,
# depends on the libraries the binary links (dpkg-shlibdeps), unpacks into a temporary root
# where its binary gives the same output as the build's, and lintian finds nothing in it beyond
# the tags accepted in cmake/Install.cmake (when lintian is installed).
#
#   deb_test.sh BUILD_DIR SOURCE_DIR PRESSPARSE
set -uo pipefail
build=$1
src=$2
source "$src/tests/cli/lib.sh" "$3"

for tool in cpack dpkg-deb dpkg-shlibdeps readelf; do
  if ! command -v "$tool" >/dev/null; then
    echo "$tool not installed (scripts/setup-deps.sh installs it): Debian package test skipped"
    exit 77
  fi
done

version=$(sed -n 's/^project(pressparse VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
deb=$tmp/pkg/pressparse_${version}_$(dpkg --print-architecture).deb
if ! cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1 || [[ ! -f $deb ]]; then
  cat "$tmp/cpack.log"
  ls "$tmp/pkg" 2>/dev/null
  fail "cpack did not make $(basename "$deb")"
  finish
  exit 1
fi
ok

# Contents: the tool, and nothing of the library.
dpkg-deb -c "$deb" | awk '{print $NF}' >"$tmp/contents"
for f in ./usr/bin/pressparse ./usr/share/man/man1/pressparse.1.gz \
  ./usr/share/bash-completion/completions/pressparse ./usr/share/zsh/site-functions/_pressparse \
  ./usr/share/fish/vendor_completions.d/pressparse.fish \
  ./usr/share/doc/pressparse/copyright ./usr/share/doc/pressparse/changelog.gz; do
  if grep -qxF "$f" "$tmp/contents"; then ok; else fail "not in the package: $f"; fi
done
if grep -qE '\.(a|hpp|pc|cmake)$|/man1/pressparse\.1$' "$tmp/contents"; then
  fail "library or uncompressed files in the package: $(grep -E '\.(a|hpp|pc|cmake)$|/man1/pressparse\.1$' "$tmp/contents" | tr '\n' ' ')"
else
  ok
fi

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == pressparse ]] && ok || fail "Package: $(field Package)"
[[ $(field Version) == "$version" ]] && ok || fail "Version: $(field Version), want $version"
[[ $(field Section) == text ]] && ok || fail "Section: $(field Section)"
[[ -n $(field Maintainer) ]] && ok || fail "no Maintainer"
[[ $(field Description | wc -l) -ge 3 ]] && ok || fail "Description too short: $(field Description)"
depends=$(field Depends)
for dep in 'libicu[0-9]+' 'libgumbo[0-9]+' zlib1g libc6 'libstdc\+\+6'; do
  if [[ $depends =~ (^|, )$dep( |,|$) ]]; then ok; else fail "Depends lacks $dep: $depends"; fi
done

# Unpacked into a temporary root, the binary is stripped and gives the build's output.
dpkg-deb -x "$deb" "$tmp/root"
bin_deb=$tmp/root/usr/bin/pressparse
if readelf -S "$bin_deb" | grep -q '\.symtab'; then fail "usr/bin/pressparse is not stripped"; else ok; fi
(cd "$src" && "$bin_deb" data/sample.txt) >"$tmp/deb.json" 2>&1
(cd "$src" && "$bin" data/sample.txt) >"$tmp/build.json" 2>&1
if [[ -s $tmp/deb.json ]] && cmp -s "$tmp/deb.json" "$tmp/build.json"; then ok; else
  fail "the packaged binary's output differs: $(head -c 300 "$tmp/deb.json")"
fi
if [[ $("$bin_deb" --version) == "pressparse $version" ]]; then ok; else fail "packaged --version"; fi
# The changelog's latest entry is this version (it is written by hand, so it could lag).
top=$(gzip -dc "$tmp/root/usr/share/doc/pressparse/changelog.gz" | sed -n '1s/^pressparse (\([^)]*\)).*/\1/p')
[[ $top == "$version" ]] && ok || fail "cmake/debian/changelog's latest entry is $top, not $version"

# lintian: nothing but the accepted tags (their reasons are in cmake/Install.cmake).
if command -v lintian >/dev/null; then
  accepted=$(sed -n 's/^#   lintian-accepted: \([a-z0-9-]*\).*/\1/p' "$src/cmake/Install.cmake" | paste -sd, -)
  lintian --no-tag-display-limit ${accepted:+--suppress-tags "$accepted"} "$deb" >"$tmp/lintian" 2>&1
  if grep -qE '^[EW]: ' "$tmp/lintian"; then
    fail "lintian: $(grep -E '^[EW]: ' "$tmp/lintian")"
  else
    ok
  fi
else
  echo "lintian not installed: the package's policy check skipped"
fi
finish
