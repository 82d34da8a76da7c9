# fish completion for pressparse(1). Installed as
# share/fish/vendor_completions.d/pressparse.fish.
# tests/install/completion_test.sh checks that every option of --help is named here.

set -l no_check 'not __fish_seen_subcommand_from check'
set -l in_check '__fish_seen_subcommand_from check'

complete -c pressparse -n __fish_use_subcommand -a check -d 'Compare pages with their expected JSON'

complete -c pressparse -n $no_check -s h -l help -d 'Print help and exit'
complete -c pressparse -n $no_check -l version -d 'Print the version and exit'
complete -c pressparse -n $no_check -s r -l recursive -d 'Walk directories'
complete -c pressparse -n $no_check -l glob -x -d 'While walking, only files whose name matches'
complete -c pressparse -n $no_check -l files-from -r -F -d 'Read input paths from a file'
complete -c pressparse -n $no_check -s 0 -l null -d 'The --files-from list is NUL-separated'
complete -c pressparse -n $no_check -l output-dir -x -a '(__fish_complete_directories)' -d 'One output file per input under DIR'
complete -c pressparse -n $no_check -l skip-existing -d 'With --output-dir, leave inputs whose output exists'
complete -c pressparse -n $no_check -l format -x -a 'json jsonl markdown text' -d 'Output format'
complete -c pressparse -n $no_check -l pretty -d 'Indent JSON'
complete -c pressparse -n $no_check -s j -l jobs -x -d 'Worker threads'
complete -c pressparse -n $no_check -l fail-fast -d 'Stop at the first input that fails'
complete -c pressparse -n $no_check -s q -l quiet -d 'No progress line'
complete -c pressparse -n $no_check -l stats -d 'Print a summary to stderr'
complete -c pressparse -n $no_check -l summary-record -d 'End the JSON Lines with a summary record'
complete -c pressparse -n $no_check -l dedupe -d 'A repeated page gives a duplicate record'
complete -c pressparse -n $no_check -l input-format -x -a 'auto text html' -d 'How to read pages'
complete -c pressparse -n $no_check -l max-bytes -x -d 'Refuse pages larger than N bytes'

complete -c pressparse -n $in_check -s h -l help -d 'Print help and exit'
complete -c pressparse -n $in_check -l update -d 'Write the expected files from the current output'
complete -c pressparse -n $in_check -l new-only -d 'Create missing expected files, compare the others'
complete -c pressparse -n $in_check -l ignore -x -a 'schema_version site url language headline source date date_text date_source category comments body related stats fingerprint warnings' -d 'A field to leave out of the comparison'
complete -c pressparse -n $in_check -l junit -r -F -d 'Also write a JUnit XML report'
