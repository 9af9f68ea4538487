"""The command line, run in-process: exit codes, output formats, --strict,
and `new`, which must scaffold a plan that passes the checks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from generator.load.discover import display_path
from tests.conftest import PLANS, TODAY

CASES = Path(__file__).with_name("cases")
INVALID = CASES / "invalid" / "agency-level_typo.yaml"
WARNING = CASES / "warnings" / "survey-next_passed.yaml"
SHOWN_INVALID = display_path(INVALID)
SHOWN_WARNING = display_path(WARNING)
VALID = CASES / "valid"


def test_valid_plans_exit_0(run_cli) -> None:
    result = run_cli("validate", VALID, "--today", TODAY)
    assert result.code == 0
    count = len(list(VALID.glob("*.yaml")))
    assert result.out.strip() == f"{count} plans checked: no problems found."


def test_problems_exit_1_with_file_line_column(run_cli) -> None:
    result = run_cli("validate", INVALID, "--today", TODAY)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == (
        f"{SHOWN_INVALID}:7:10: error: agency.level: `munICIPAL` is not one of the allowed values."
    )
    assert lines[1].startswith("    fix: Did you mean `municipal`?")
    assert lines[-1] == "1 plan checked: 1 error, 0 warnings."


def test_relative_paths_are_printed_as_given(run_cli, monkeypatch) -> None:
    monkeypatch.chdir(CASES)
    result = run_cli("validate", "invalid/agency-level_typo.yaml", "--today", TODAY)
    assert result.out.startswith("invalid/agency-level_typo.yaml:7:10: error:")


def test_warnings_fail_only_with_strict(run_cli) -> None:
    assert run_cli("validate", WARNING, "--today", TODAY).code == 0
    assert run_cli("validate", WARNING, "--today", TODAY, "--strict").code == 1


def test_usage_errors_exit_2(run_cli, tmp_path: Path) -> None:
    missing = run_cli("validate", tmp_path / "nowhere.yaml")
    assert missing.code == 2
    assert "no such file or folder" in missing.err
    assert run_cli("validate", "--format", "xml").code == 2
    assert run_cli("validate", VALID, "--today", "yesterday").code == 2
    assert run_cli().code == 2


def test_json_format_has_the_text_fields(run_cli) -> None:
    result = run_cli("validate", INVALID, "--format", "json", "--today", TODAY)
    assert result.code == 1
    (diagnostic,) = json.loads(result.out)["diagnostics"]
    assert diagnostic == {
        "file": SHOWN_INVALID,
        "line": 7,
        "column": 10,
        "severity": "error",
        "where": "agency.level",
        "message": "`munICIPAL` is not one of the allowed values.",
        "hint": "Did you mean `municipal`? Allowed values: `federal`, `state`, `county`, "
        "`municipal`, `other`.",
        "rule": "schema",
    }


def test_github_format_annotates_and_summarises(run_cli, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run_cli(
        "validate", INVALID, WARNING, "--format", "github", "--summary", summary, "--today", TODAY
    )
    assert result.code == 1
    first, second = result.out.splitlines()
    assert first.startswith(
        f"::error file={SHOWN_INVALID},line=7,col=10,title=agency.level::`munICIPAL` is not"
    )
    assert second.startswith(f"::warning file={SHOWN_WARNING},line=142,col=11,")
    text = summary.read_text()
    assert text.startswith("## ❌ Plan validation failed")
    assert "| error | " in text and "| warning | " in text


def test_github_summary_goes_to_the_step_summary(run_cli, tmp_path: Path, monkeypatch) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run_cli("validate", VALID, "--format", "github", "--today", TODAY).code == 0
    assert summary.read_text().startswith("## ✅ Plan validation passed")


def test_new_scaffolds_a_plan_that_passes(run_cli, tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    result = run_cli("new", "city-parks", "--plans", plans, "--today", TODAY)
    assert result.code == 0
    created = plans / "city-parks" / "2026.yaml"
    first_line = created.read_text().splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    assert first_line.endswith("plan.schema.json")
    check = run_cli("validate", created, "--today", TODAY)
    assert check.code == 0
    assert "TODO" in check.out  # warnings point at every placeholder left
    assert run_cli("validate", created, "--today", TODAY, "--strict").code == 1


def _starter_problems(run_cli, path: Path) -> list[dict[str, str]]:
    result = run_cli("validate", path, "--format", "json", "--today", TODAY)
    assert result.code == 0
    return json.loads(result.out)["diagnostics"]


def test_new_guesses_nothing_and_warns_only_about_its_todos(run_cli, tmp_path: Path) -> None:
    """The starter names a level only when the id says it plainly, and
    leaves the publication date (and the contacts) to the author: every
    problem it has is a TODO to replace, said once."""
    plans = tmp_path / "plans"
    assert run_cli("new", "county-dmv", "--plans", plans, "--today", TODAY).code == 0
    assert run_cli("new", "dmv", "--plans", plans, "--today", TODAY).code == 0
    county, unknown = plans / "county-dmv" / "2026.yaml", plans / "dmv" / "2026.yaml"
    assert "\n  level: county\n" in county.read_text()
    assert "\n  level: TODO " in unknown.read_text()
    for path in (county, unknown):
        assert TODAY not in path.read_text()  # today is not the publication date
        problems = _starter_problems(run_cli, path)
        assert {(d["severity"], d["rule"]) for d in problems} == {("warning", "placeholders")}
        places = [d["where"] for d in problems]
        assert len(places) == len(set(places))
        assert "plan.published" in places
        published = next(d for d in problems if d["where"] == "plan.published")
        assert published["hint"] == (
            "Replace it with a date in the form YYYY-MM-DD. Until then the site leaves "
            "this plan out."
        )
    assert "agency.level" not in [d["where"] for d in _starter_problems(run_cli, county)]
    assert "agency.level" in [d["where"] for d in _starter_problems(run_cli, unknown)]


def test_a_starter_left_with_its_todos_is_left_out_of_the_site(run_cli, tmp_path: Path) -> None:
    """Next year's starter beside a published plan: the build goes on, with
    the published plan on the site and the starter not (its publication
    date is still TODO)."""
    import shutil

    from generator.build import generate_docs

    plans = tmp_path / "plans"
    shutil.copytree(PLANS / "example-county-health", plans / "example-county-health")
    next_year = "2027-01-05"
    assert run_cli("new", "example-county-health", "--plans", plans, "--today", next_year).code == 0
    docs = tmp_path / "docs"
    generated = generate_docs([plans], docs_dir=docs, today=date.fromisoformat(next_year))
    assert generated.plans == 2
    assert (docs / "agencies" / "example-county-health" / "index.md").is_file()
    assert not (docs / "agencies" / "example-county-health" / "2027").exists()


def test_new_refuses_bad_ids_and_overwrites(run_cli, tmp_path: Path) -> None:
    assert run_cli("new", "City Parks", "--plans", tmp_path).code == 2
    assert run_cli("new", "parks", "--plans", tmp_path, "--today", TODAY).code == 0
    again = run_cli("new", "parks", "--plans", tmp_path, "--today", TODAY)
    assert again.code == 2
    assert "already exists" in again.err


def test_folder_name_must_equal_agency_id(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "plans" / "wrong-name"
    folder.mkdir(parents=True)
    plan = folder / "2026.yaml"
    plan.write_text((VALID / "minimal.yaml").read_text())
    result = run_cli("validate", tmp_path / "plans", "--today", TODAY)
    assert result.code == 1
    assert "does not match the folder name `wrong-name`" in result.out
    loose = tmp_path / "plans" / "2026.yaml"
    loose.write_text((VALID / "minimal.yaml").read_text())
    assert "directly in the plans folder" in run_cli("validate", loose, "--today", TODAY).out


def test_a_folder_is_searched_for_plans(run_cli) -> None:
    result = run_cli("validate", CASES, "--today", TODAY, "--format", "json")
    files = json.loads(result.out)["files"]
    assert len(files) == len(list(CASES.rglob("*.yaml")))


def test_checking_in_parallel_gives_the_same_report() -> None:
    from datetime import date

    from generator.check import PARALLEL_FROM, check_paths

    files = list(CASES.rglob("*.yaml"))
    assert len(files) >= PARALLEL_FROM
    one = check_paths([CASES], today=date(2026, 11, 23), jobs=1)
    two = check_paths([CASES], today=date(2026, 11, 23), jobs=2)
    assert one.report.diagnostics == two.report.diagnostics
    assert [p.path for p in one.plans] == [p.path for p in two.plans]


def test_an_agency_has_one_plan_in_force(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "plans" / "minimal-agency"
    folder.mkdir(parents=True)
    text = (VALID / "minimal.yaml").read_text().replace("status: draft", "status: published")
    (folder / "2026.yaml").write_text(text)
    (folder / "2025.yaml").write_text(
        text.replace("2026-01-01", "2025-01-01").replace("2026-12-31", "2025-12-31")
    )
    result = run_cli("validate", tmp_path / "plans", "--today", TODAY)
    assert result.code == 1
    errors = [line for line in result.out.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert "2025.yaml:19:11: error: plan.status: 2026.yaml is also published" in errors[0]


def test_plan_text_cannot_drive_the_terminal(run_cli, tmp_path: Path) -> None:
    """A value quoted in a message is printed with its control characters as
    escapes: YAML's "\\e" would otherwise clear the screen or colour it."""
    plan = tmp_path / "2026.yaml"
    text = (VALID / "minimal.yaml").read_text().replace("level: other", 'level: "\\e[2Jother"')
    plan.write_text(text)
    result = run_cli("validate", plan, "--today", TODAY)
    assert result.code == 1
    assert "\x1b" not in result.out
    assert "`\\u001b[2Jother` is not one of the allowed values." in result.out
