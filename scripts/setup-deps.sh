#!/usr/bin/env bash
# Installs the Debian 12 packages pressparse needs to build, test and benchmark.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libgumbo-dev libicu-dev nlohmann-json3-dev libcli11-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-jsonschema parallel
  wget
  libxml2-utils  # xmllint: the JUnit report of `check --junit` validated in tests/cli
  # Installing and packaging (tests/install/): the .deb's runtime dependencies and its checks,
  # the man page rendered with warnings on, the shell completions exercised.
  dpkg-dev         # dpkg-shlibdeps, which CPack's DEB generator runs for the Depends line
  lintian          # the .deb checked against Debian policy
  groff-base groff # groff -man -ww: the man page renders without warnings
  bash-completion  # the helpers the bash completion uses, sourced in its test
  zsh fish         # `zsh -n` / `fish -n` syntax checks of their completions
  clang libclang-rt-14-dev clang-tidy  # fuzz/ (libFuzzer) and scripts/tidy.sh
  # The Python module (python/) and its tests (tests/python/), and the Dask example run on a
  # real local cluster (examples/dask_extract.py, tests/python/test_dask.py).
  pybind11-dev         # the C++ side of the module
  python3-dev          # Python.h and the extension suffix the module is built for
  python3-pytest       # the module's test suite
  python3-dask         # dask.bag, which maps the pages across the cluster
  python3-distributed  # the scheduler and worker processes of the cluster
  python3-toolz python3-cloudpickle  # what dask.bag needs to partition and ship functions
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
