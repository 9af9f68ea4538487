"""No input crashes the checker. Hypothesis mutates the example plans (those in
plans/ and the example files of this suite, and a translation): a value replaced by another of
any type, or by one from elsewhere in the plan, a field removed or added, a
value wrapped in a list, a character typed or deleted in the YAML text. Each
mutated file goes through the whole check, as `validate` runs it, which must
return, never raise, and give every problem a file, a line, a column and a
message.

In `make test` the run is fixed (the same examples every time) and short;
`make fuzz` runs many more, new each time (FUZZ_EXAMPLES sets how many). A
crash found becomes an example file under cases/invalid/ with its
diagnostics in expected.yaml."""

from __future__ import annotations

import copy
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_paths
from generator.diagnostics import Severity
from generator.load.discover import is_translation
from generator.load.yaml_source import load_file
from tests.conftest import PLANS

CASES = Path(__file__).with_name("cases")
TODAY = date(2026, 11, 23)
LONG_RUN = os.environ.get("FUZZ_EXAMPLES")


def _seeds() -> list[Any]:
    files = [p for p in sorted(PLANS.rglob("*.yaml")) if not is_translation(p)]
    files += sorted(CASES.rglob("*.yaml"))
    seeds = []
    for path in files:
        document, _ = load_file(path)
        if document is not None:
            seeds.append(document.data)
    return seeds


SEEDS = _seeds()
TRANSLATED = PLANS / "example-county-health" / "2026.yaml"
TRANSLATION = load_file(TRANSLATED.with_name("2026.es.yaml"))[0].data  # type: ignore[union-attr]
FIELD_NAMES = sorted(
    {key for seed in SEEDS for key in yaml.safe_dump(seed).split() if key.endswith(":")}
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["2026", "2026-Q1", "2026-13", "0000-01-01", "https://x.example", "311"])
)
_keys = st.sampled_from(FIELD_NAMES).map(lambda k: k.rstrip(":")) | st.text(min_size=1, max_size=8)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def _mutated(draw: st.DrawFn, seeds: list[Any] = SEEDS) -> str:
    data = copy.deepcopy(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        operation = draw(st.sampled_from(["replace", "borrow", "remove", "add", "wrap"]))
        if operation == "borrow":  # a value of the plan, in the wrong place
            new = copy.deepcopy(_at(data, draw(st.sampled_from(paths))))
        elif operation == "wrap":
            new = [copy.deepcopy(_at(data, path))]
        elif operation == "add":
            target = _at(data, path)
            if isinstance(target, dict):
                target[draw(_keys)] = draw(_values)
            elif isinstance(target, list):
                target.insert(draw(st.integers(0, len(target))), draw(_values))
            continue
        else:
            new = draw(_values)
        if not path:
            data = new
        elif operation == "remove":
            del _at(data, path[:-1])[path[-1]]
        else:
            _at(data, path[:-1])[path[-1]] = new
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):  # and a slip of the keyboard
        position = draw(st.integers(0, len(text)))
        typed = draw(st.sampled_from(["", " ", "\t", ":", "-", "'", '"', "[", "{", "#", "\n"]))
        text = text[:position] + typed + text[position + draw(st.integers(0, 2)) :]
    return text


class _Dumper(yaml.SafeDumper):
    """Writes a value met twice in full (the loader refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _runs(examples: int) -> settings:
    return settings(
        max_examples=int(LONG_RUN) if LONG_RUN else examples,
        derandomize=not LONG_RUN,
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@_runs(150)
@given(text=_mutated())
def test_no_mutation_of_an_example_plan_crashes_the_checker(
    text: str, tmp_path_factory: Any
) -> None:
    agency = tmp_path_factory.mktemp("fuzz") / "plans" / "example-agency"
    agency.mkdir(parents=True)
    (agency / "2026.yaml").write_text(text, encoding="utf-8")
    _every_problem_located(agency.parent, "2026.yaml")


@_runs(50)
@given(text=_mutated(seeds=[TRANSLATION]))
def test_no_mutation_of_an_example_translation_crashes_the_checker(
    text: str, tmp_path_factory: Any
) -> None:
    agency = tmp_path_factory.mktemp("fuzz") / "plans" / "example-county-health"
    agency.mkdir(parents=True)
    shutil.copy(TRANSLATED, agency / "2026.yaml")
    (agency / "2026.es.yaml").write_text(text, encoding="utf-8")
    _every_problem_located(agency.parent, "2026.es.yaml")


def _every_problem_located(plans: Path, name: str) -> None:
    result = check_paths([plans], today=TODAY, jobs=1)
    for diagnostic in result.report.diagnostics:
        assert diagnostic.file.endswith(name)
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        # A problem with the file as a whole (not a set of fields) names no
        # place in it: YAML that does not parse, or a translation that has
        # none of a part of the plan (`{}`: "Not translated yet in agency:
        # all of it", at the file's start); every other names one.
        whole_file = diagnostic.rule == "yaml" or (
            diagnostic.rule == "translation-missing" and diagnostic.message.endswith("all of it.")
        )
        assert diagnostic.message.strip() and (diagnostic.where or whole_file)
        assert diagnostic.severity in (Severity.ERROR, Severity.WARNING)
