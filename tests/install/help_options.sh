# Sourced by the man page and completion tests: the options that `pressparse --help` and
# `pressparse check --help` list, parsed from the help itself so that the documents cannot
# drift from it. Sets main_options and check_options (arrays of -x and --long names).
# CLI11 lists an option as "  -j,--jobs INT  description" or "  --pretty  description".
help_options() {
  "$@" --help | sed -n 's/^ \{1,\}\(-[^ ]*\).*/\1/p' | tr ',' '\n' | grep -E '^--?[[:alnum:]]'
}
mapfile -t main_options < <(help_options "$bin")
mapfile -t check_options < <(help_options "$bin" check)
if ((${#main_options[@]} < 10 || ${#check_options[@]} < 4)); then
  echo "could not read the options from --help (${#main_options[@]} and ${#check_options[@]} found)"
  exit 1
fi
