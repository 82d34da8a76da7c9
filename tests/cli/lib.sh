# Shared by the CLI test scripts (sourced): the binary under test from $1, a temporary directory
# removed on exit, pass/fail counters and the closing "N passed, M failed" line.
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
