"""Review: what a pull request changes in a plan, and whose plans it touches.

`diff` compares two versions of a plan and returns the changes as data
(`changes.Change`), with `promises` judging targets, times and results through
`compare`; `comparison` picks the versions (`versions`: a file, or a git
revision); `diff_markdown` renders the summary and `annotations` the flags on
their lines; `ownership` checks changed files against CODEOWNERS."""
