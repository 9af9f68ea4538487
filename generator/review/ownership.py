"""Whose plans does a change touch? Each agency's folder `plans/AGENCY/` is
owned by that agency's team in CODEOWNERS, so a pull request must stay inside
one agency's folder: one that touches two agencies, or plans and other files
together, would need reviewers who cannot approve all of it.

The check works on a list of changed paths (as `git diff --name-only` prints
them) and the text of CODEOWNERS; it returns problems as data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from generator.diagnostics import Severity

PLANS = "plans"


@dataclass(frozen=True, slots=True)
class OwnershipProblem:
    severity: Severity
    message: str


@dataclass(slots=True)
class OwnershipReport:
    """What the changed files touch, and what is wrong with that."""

    agencies: dict[str, list[str]] = field(default_factory=dict)
    other_files: list[str] = field(default_factory=list)
    owners: dict[str, list[str]] = field(default_factory=dict)
    problems: list[OwnershipProblem] = field(default_factory=list)

    @property
    def needs_maintainer(self) -> bool:
        """Whether the change touches anything but plans: the format, the
        generator, the site, the workflows. Only a maintainer may approve
        that, and the plan checks, which run the base's rules, cannot judge it."""
        return bool(self.other_files)

    def failed(self, *, strict: bool = False) -> bool:
        return any(
            p.severity is Severity.ERROR or (strict and p.severity is Severity.WARNING)
            for p in self.problems
        )


def read_changed_files(text: str) -> list[str]:
    """Paths from `git diff --name-only` output: one a line, or separated by
    NUL bytes (`-z`), which is how file names with odd characters stay whole."""
    parts = text.split("\0") if "\0" in text else text.splitlines()
    return [normalise(part) for part in parts if part.strip()]


def normalise(path: str) -> str:
    """A repository path in the form CODEOWNERS and git use: forward slashes,
    no leading `./` or `/`."""
    return PurePosixPath(path.strip().replace("\\", "/")).as_posix().lstrip("/")


def agency_owners(codeowners: str) -> dict[str, list[str]]:
    """Agency folder -> owners, from CODEOWNERS lines that name exactly one
    folder `plans/AGENCY/`. Later lines win, as on GitHub."""
    owners: dict[str, list[str]] = {}
    for line in codeowners.splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        parts = PurePosixPath(words[0].strip("/").removesuffix("/**")).parts
        if len(parts) == 2 and parts[0] == PLANS and "*" not in parts[1]:
            owners[parts[1]] = words[1:]
    return owners


def check_ownership(paths: Iterable[str], codeowners: str | None) -> OwnershipReport:
    """Sort changed paths into agency folders and other files, and report a
    change that mixes agencies, or mixes plans with other files, as an error;
    an agency folder without an owner in CODEOWNERS as a warning."""
    report = OwnershipReport()
    for path in dict.fromkeys(normalise(p) for p in paths):
        parts = PurePosixPath(path).parts
        if len(parts) >= 3 and parts[0] == PLANS:
            report.agencies.setdefault(parts[1], []).append(path)
        else:
            report.other_files.append(path)
    owners = agency_owners(codeowners) if codeowners is not None else {}
    report.owners = {agency: owners.get(agency, []) for agency in report.agencies}
    report.problems = [
        *_place_problems(report),
        *_mixing_problems(report),
        *_owner_problems(report, codeowners),
    ]
    return report


def _place_problems(report: OwnershipReport) -> list[OwnershipProblem]:
    """Files deeper than plans/AGENCY/FILE: not where plans are read, and a
    way to make one agency's folder hold what looks like another's."""
    return [
        OwnershipProblem(
            Severity.ERROR,
            f"{path} is inside a folder of plans/{agency}/, where plans are not read: each "
            f"plan goes directly in its agency's folder, plans/AGENCY-ID/FILE.yaml. Move it "
            "there, or remove it.",
        )
        for agency, files in report.agencies.items()
        for path in files
        if len(PurePosixPath(path).parts) > 3
    ]


def _mixing_problems(report: OwnershipReport) -> list[OwnershipProblem]:
    problems = []
    if len(report.agencies) > 1:
        names = ", ".join(f"plans/{agency}/" for agency in report.agencies)
        problems.append(
            OwnershipProblem(
                Severity.ERROR,
                f"This change touches the plans of {len(report.agencies)} agencies ({names}). "
                "Split it into one pull request per agency, so each agency's team reviews "
                "its own plans.",
            )
        )
    if report.agencies and report.other_files:
        shown = ", ".join(report.other_files[:5])
        more = f" and {len(report.other_files) - 5} more" if len(report.other_files) > 5 else ""
        problems.append(
            OwnershipProblem(
                Severity.ERROR,
                f"This change touches plans and files outside the agency folders together "
                f"({shown}{more}). Put the plan changes in a pull request of their own, and "
                "the other files in another.",
            )
        )
    return problems


def _owner_problems(report: OwnershipReport, codeowners: str | None) -> list[OwnershipProblem]:
    where = "CODEOWNERS" if codeowners is not None else "CODEOWNERS (the file is missing)"
    return [
        OwnershipProblem(
            Severity.WARNING,
            f"plans/{agency}/ has no owner in {where}, so nobody from the agency is asked to "
            f"review it. A maintainer adds the line `/plans/{agency}/ @ORGANISATION/TEAM` "
            "in a pull request of its own.",
        )
        for agency, owners in report.owners.items()
        if not owners
    ]
