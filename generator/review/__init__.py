"""Review: what a pull request changes in a plan, and whose plans it touches.

`diff` compares two versions of a plan and returns the changes as data;
`diff_markdown` renders them for the pull request's summary; `versions` reads a
version from a file or from a git revision; `ownership` checks a list of
changed files against CODEOWNERS."""
