"""Review: what a pull request changes in a plan, and whose plans it touches.

`diff` compares two versions of a plan and returns the changes as data
(`changes.Change`), with `promises` judging targets, times and results through
`compare`; `comparison` picks the versions (`versions`: a file, or a git
revision); `summary` orders what the summary says, which `diff_text` prints
for a terminal and `diff_markdown` for the pull request, and `annotations`
puts the flags on their lines; `ownership` checks changed files against
CODEOWNERS."""
