"""The command line: parse options, call the library, print, choose the exit code.

Exit codes: 0 success; 1 problems found (invalid plans, failed build);
2 usage error (bad option, missing path); 3 internal error (a bug: please
report it). No traceback reaches the person at the keyboard.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from generator.errors import BuildError, PlansError, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
# The commands that check plans, and so grade their sentences.
_CHECKING = ("validate", "build", "generate", "preview", "upgrade")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Check customer service plans and build the site that publishes them.",
        epilog="Exit codes: 0 success, 1 problems found, 2 usage error, 3 internal error.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check plans and report every problem with its file, line and column"
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="plan files or folders (default: plans/)",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text for people, json for programs, github for workflow annotations",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument(
        "--summary",
        type=Path,
        metavar="FILE",
        help="with --format github: append a Markdown summary to FILE "
        "(default: $GITHUB_STEP_SUMMARY when set)",
    )
    _add_today(validate)

    new = commands.add_parser("new", help="start a new plan for an agency")
    new.add_argument("agency_id", metavar="AGENCY-ID", help="the agency's id, such as city-parks")
    new.add_argument(
        "--plans", type=Path, default=Path("plans"), help="plans folder (default: plans/)"
    )
    _add_today(new)

    build = commands.add_parser("build", help="check every plan and build the site")
    build.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="plans (default: plans/)"
    )
    build.add_argument(
        "--site", type=Path, default=Path("site"), help="output folder (default: site/)"
    )
    build.add_argument(
        "--docs", type=Path, default=None, help="generated Markdown tree (default: build/docs/)"
    )
    build.add_argument(
        "--from-disk",
        action="store_true",
        help="link every page by its file (index.html), so that the site works opened "
        "from a folder without a web server, as the pull request's preview is",
    )
    _add_engine(build)
    _add_today(build)

    generate = commands.add_parser(
        "generate", help="check every plan and write the site's Markdown tree, without MkDocs"
    )
    generate.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="plans (default: plans/)"
    )
    generate.add_argument(
        "--docs", type=Path, default=None, help="output folder (default: build/docs/)"
    )
    _add_today(generate)

    preview = commands.add_parser(
        "preview", help="serve the site locally and rebuild it when a plan changes"
    )
    preview.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="plans (default: plans/)"
    )
    preview.add_argument(
        "--dev-addr", metavar="HOST:PORT", help="where to serve (default: 127.0.0.1:8000)"
    )
    _add_engine(preview)
    _add_today(preview)
    upgrade = commands.add_parser(
        "upgrade",
        help="move plans to the current format version, keeping their comments and order",
        description="Rewrite each plan (and translation) in an earlier format version to the "
        "current one. Only `schema_version` changes: every other byte stays as it is.",
    )
    upgrade.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="plans (default: plans/)"
    )
    upgrade.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would be upgraded"
    )
    _add_review_commands(commands)
    return parser


def _add_review_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff",
        help="summarise what changes between two versions of a plan",
        description="Compare OLD and NEW, or each FILE with itself at git revision --base REF.",
    )
    diff.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="OLD NEW, or FILE...")
    diff.add_argument("--base", metavar="REF", help="compare each FILE with its version at REF")
    diff.add_argument("--output", type=Path, metavar="FILE", help="write to FILE, not stdout")
    diff.add_argument(
        "--format",
        choices=("text", "markdown", "github"),
        default="text",
        help="text for a terminal (the default), markdown for a pull request; github: "
        "annotate each flagged change on its line, and append the Markdown to --summary "
        "FILE (default: $GITHUB_STEP_SUMMARY when set)",
    )
    diff.add_argument("--summary", type=Path, metavar="FILE", help="with --format github")
    diff.add_argument(
        "--fail-on-flags",
        action="store_true",
        help="exit 1 when a flagged change (a weaker target, a revised result) has no reason "
        "where the plan can give one; with --format github, each is an error annotation",
    )

    owners = commands.add_parser(
        "owners",
        help="check that a change stays inside one agency's plans folder",
        description="Exit 1 when the changed files touch several agencies' plans, "
        "or plans together with other files.",
    )
    owners.add_argument("paths", nargs="*", metavar="PATH", help="changed files")
    owners.add_argument(
        "--changed-files",
        type=Path,
        metavar="FILE",
        help="read changed files from FILE (one a line, or NUL-separated as by git diff -z)",
    )
    owners.add_argument(
        "--codeowners",
        type=Path,
        default=Path(".github/CODEOWNERS"),
        help="the CODEOWNERS file (default: .github/CODEOWNERS)",
    )
    owners.add_argument("--format", choices=("text", "github"), default="text")
    owners.add_argument("--strict", action="store_true", help="treat warnings as errors")


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date to check against (default: today)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line. Returns the exit code."""
    parser = _parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    today = getattr(options, "today", None) or date.today()
    handlers: dict[str, Callable[[argparse.Namespace, date], int]] = {
        "validate": _validate,
        "new": _new,
        "build": _build,
        "generate": _generate,
        "preview": _preview,
        "diff": _diff,
        "owners": _owners,
        "upgrade": _upgrade,
    }
    try:
        if options.command in _CHECKING:
            from generator.cache import use_caches

            use_caches()  # the plain-language grades of earlier runs
        return handlers[options.command](options, today)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except PlansError as error:  # pragma: no cover - every subclass is handled above
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last line of defence: never a traceback
        print(
            f"internal error: {type(error).__name__}: {error}\n"
            "This is a bug in the tool, not in your plan. Please report it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _validate(options: argparse.Namespace, today: date) -> int:
    from generator.check import check_paths

    paths = options.paths or [Path("plans")]
    report = check_paths(paths, today=today).report
    if options.format == "json":
        from generator.report.json_report import render_json

        sys.stdout.write(render_json(report, strict=options.strict))
    elif options.format == "github":
        from generator.report.github import render_annotations, render_summary

        sys.stdout.write(render_annotations(report))
        summary_file = options.summary or _env_path("GITHUB_STEP_SUMMARY")
        if summary_file is not None:
            with summary_file.open("a", encoding="utf-8") as handle:
                handle.write(render_summary(report, strict=options.strict))
    else:
        from generator.report.text import render_text

        sys.stdout.write(render_text(report))
    return EXIT_PROBLEMS if report.failed(strict=options.strict) else EXIT_OK


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def _new(options: argparse.Namespace, today: date) -> int:
    from generator.scaffold import create_plan

    path = create_plan(options.agency_id, options.plans, today=today)
    print(f"Created {path}. Replace every TODO, then run: python -m generator validate {path}")
    return EXIT_OK


def _upgrade(options: argparse.Namespace, today: date) -> int:
    from generator.upgrade import upgrade_paths

    outcomes = upgrade_paths(options.paths or [Path("plans")], write=not options.check)
    for outcome in outcomes:
        if outcome.outcome == "upgraded":
            verb = "would be upgraded" if options.check else "upgraded"
            print(f"{outcome.file}: {verb} {outcome.message}.")
        elif outcome.outcome == "refused":
            print(
                f"{outcome.file}:{outcome.line}:{outcome.column}: not upgraded: {outcome.message}"
            )
    counts = {
        kind: sum(1 for o in outcomes if o.outcome == kind)
        for kind in ("upgraded", "current", "refused")
    }
    upgraded = "would be upgraded" if options.check else "upgraded"
    files = f"{len(outcomes)} file{'s' if len(outcomes) != 1 else ''}"
    print(
        f"{files}: {counts['upgraded']} {upgraded}, {counts['current']} already in the current "
        f"format, {counts['refused']} not upgraded."
    )
    if counts["refused"] or (options.check and counts["upgraded"]):
        return EXIT_PROBLEMS
    return EXIT_OK


def _build(options: argparse.Namespace, today: date) -> int:
    from generator.build import build_site

    paths = options.paths or [Path("plans")]
    summary = build_site(
        paths,
        site_dir=options.site,
        today=today,
        docs_dir=options.docs,
        from_disk=options.from_disk,
        engine=options.engine,
    )
    print(summary)
    return EXIT_OK


def _generate(options: argparse.Namespace, today: date) -> int:
    from generator.build import generate_docs
    from generator.site_config import DEFAULT_DOCS_DIR

    docs = options.docs or DEFAULT_DOCS_DIR
    generated = generate_docs(options.paths or [Path("plans")], docs_dir=docs, today=today)
    print(
        f"Wrote {docs}: {generated.files} files, {generated.stats.written} changed, "
        f"{generated.stats.deleted} removed."
    )
    return EXIT_OK


def _add_engine(command: argparse.ArgumentParser) -> None:
    from generator.engine import DEFAULT_ENGINE, ENGINES

    command.add_argument(
        "--engine",
        choices=sorted(ENGINES),
        default=DEFAULT_ENGINE,
        help=f"what builds the pages from the Markdown tree (default: {DEFAULT_ENGINE})",
    )


def _preview(options: argparse.Namespace, today: date) -> int:
    from generator.preview import preview

    paths = options.paths or [Path("plans")]
    return preview(paths, today=today, dev_addr=options.dev_addr, engine=options.engine)


def _diff(options: argparse.Namespace, today: date) -> int:
    from generator.review.comparison import compare_paths
    from generator.review.diff_markdown import render_diff
    from generator.review.diff_text import render_diff_text

    comparisons = compare_paths(options.paths, base=options.base)
    render = render_diff_text if options.format == "text" else render_diff
    summary = "\n".join(render(comparison) for comparison in comparisons)
    summary_file = options.summary or _env_path("GITHUB_STEP_SUMMARY")
    if options.format == "github":
        from generator.review.annotations import render_flag_annotations

        sys.stdout.write(render_flag_annotations(comparisons, fail_on_flags=options.fail_on_flags))
    if options.output is not None:
        options.output.write_text(summary, encoding="utf-8")
    elif options.format == "github" and summary_file is not None:
        with summary_file.open("a", encoding="utf-8") as handle:
            handle.write(summary)
    else:
        sys.stdout.write(summary)
    unanswered = [change for c in comparisons for change in c.changes if change.needs_reason]
    return EXIT_PROBLEMS if options.fail_on_flags and unanswered else EXIT_OK


def _owners(options: argparse.Namespace, today: date) -> int:
    from generator.review.ownership import check_ownership, read_changed_files
    from generator.review.ownership_output import (
        render_ownership_annotations,
        render_ownership_summary,
        render_ownership_text,
    )

    paths = list(options.paths)
    if options.changed_files is not None:
        paths += read_changed_files(_read_text(options.changed_files))
    codeowners = options.codeowners.read_text("utf-8") if options.codeowners.is_file() else None
    report = check_ownership(paths, codeowners)
    if options.format == "github":
        sys.stdout.write(render_ownership_annotations(report))
        summary_file = _env_path("GITHUB_STEP_SUMMARY")
        if summary_file is not None:
            with summary_file.open("a", encoding="utf-8") as handle:
                handle.write(render_ownership_summary(report))
    else:
        sys.stdout.write(render_ownership_text(report))
    return EXIT_PROBLEMS if report.failed(strict=options.strict) else EXIT_OK


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror}.") from None
