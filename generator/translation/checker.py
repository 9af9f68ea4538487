"""Check a translation file as strictly as a plan: its YAML, its schema (derived
from the plan schema), and its fit to the plan it translates. Every key must
exist in the plan; lists of text keep the plan's length; text the translation
lacks is listed as warnings, one per record."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.check.finding import Finding
from generator.check.located import load_diagnostics, locate_findings, with_pitfalls
from generator.check.plain_language import hard_sentences, text_language
from generator.diagnostics import Diagnostic, Severity
from generator.load.discover import display_path
from generator.load.yaml_source import Document, load_file
from generator.translation.text import (
    allowed_by_schema,
    missing,
    readable,
    text_view,
    unknown,
)


@dataclass(slots=True)
class CheckedTranslation:
    path: Path
    plan_path: Path
    language: str
    data: dict[str, Any]
    valid: bool


def plan_path_of(path: Path) -> Path:
    """`plans/x/2026.es.yaml` -> `plans/x/2026.yaml`."""
    stem, _language, suffix = path.name.split(".")
    return path.with_name(f"{stem}.{suffix}")


def language_of(path: Path) -> str:
    return path.name.split(".")[1]


def check_translation(path: Path) -> tuple[CheckedTranslation | None, list[Diagnostic]]:
    """Check one translation file against its plan."""
    from generator.check.schema import schema_findings

    shown = display_path(path)
    document, problems = load_file(path)
    if document is None:
        return None, load_diagnostics(shown, problems)
    if not isinstance(document.data, dict):
        findings = [
            Finding(
                (),
                "A translation must be a set of fields (schema_version:, language:, plan: ...).",
                rule="yaml",
            )
        ]
    else:
        findings = [*schema_findings(document.data, kind="translation"), *_fit(document, path)]
    diagnostics = locate_findings(document, shown, findings, name=_where)
    diagnostics = with_pitfalls(document, shown, diagnostics, name=_where)
    valid = not any(d.severity is Severity.ERROR for d in diagnostics)
    if not isinstance(document.data, dict):
        return None, diagnostics
    checked = CheckedTranslation(path, plan_path_of(path), language_of(path), document.data, valid)
    return checked, diagnostics


def _fit(document: Document, path: Path) -> list[Finding]:
    data = document.data
    plan_file = plan_path_of(path)
    plan_document, _ = load_file(plan_file) if plan_file.is_file() else (None, [])
    if plan_document is None or not isinstance(plan_document.data, dict):
        return [
            Finding(
                (),
                f"There is no readable plan `{plan_file.name}` beside this translation.",
                "Name the file after the plan it translates: 2026.es.yaml translates 2026.yaml.",
                rule="translation",
            )
        ]
    findings = _language(data, path, plan_document.data)
    view = text_view(plan_document.data)
    for where in unknown(view, data):
        if allowed_by_schema(where):
            findings.append(_unknown(where, view, plan_file.name))
    findings.extend(_lengths(view, data, ()))
    findings.extend(_missing(view, data))
    findings.extend(hard_sentences(list(_graded_texts(data)), text_language(data)))
    return findings


def _graded_texts(data: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], str]]:
    """The translated summary and promises, which are graded for plain language."""
    summary = data.get("plan", {}).get("summary") if isinstance(data.get("plan"), dict) else None
    if isinstance(summary, str):
        yield ("plan", "summary"), summary
    standards = data.get("standards")
    for ident, text in standards.items() if isinstance(standards, dict) else ():
        if isinstance(text, dict) and isinstance(text.get("promise"), str):
            yield ("standards", str(ident), "promise"), text["promise"]


def _language(data: dict[str, Any], path: Path, plan: dict[str, Any]) -> list[Finding]:
    declared, named = data.get("language"), language_of(path)
    findings = []
    if isinstance(declared, str) and declared != named:
        findings.append(
            Finding(
                ("language",),
                f"The file name says `{named}` but the language is `{declared}`.",
                f"Rename the file or set language: {named}.",
                rule="translation",
            )
        )
    if isinstance(declared, str) and declared == plan.get("language", "en"):
        findings.append(
            Finding(
                ("language",),
                f"The plan itself is already in `{declared}`.",
                "A translation is in another language.",
                rule="translation",
            )
        )
    return findings


def _unknown(where: tuple[str, ...], view: Any, plan_name: str) -> Finding:
    parent: Any = view
    for part in where[:-1]:
        parent = parent.get(part, {}) if isinstance(parent, dict) else {}
    choices = list(parent) if isinstance(parent, dict) else []
    close = difflib.get_close_matches(where[-1], choices, n=1)
    hint = (
        f"Did you mean `{close[0]}`?"
        if close
        else (
            "Translate only text the plan has: " + ", ".join(f"`{c}`" for c in choices[:12]) + "."
            if choices
            else "Remove it: the plan has nothing here to translate."
        )
    )
    return Finding(
        where,
        f"`{where[-1]}` is not in {plan_name}, so there is nothing to translate here.",
        hint,
        at_key=True,
        rule="translation",
    )


def _lengths(view: Any, text: Any, path: tuple[str, ...]) -> list[Finding]:
    if isinstance(view, dict) and isinstance(text, dict):
        found: list[Finding] = []
        for key, value in text.items():
            if key in view:
                found.extend(_lengths(view[key], value, (*path, key)))
        return found
    if isinstance(view, list) and isinstance(text, list) and len(view) != len(text):
        return [
            Finding(
                path,
                f"The plan has {_items(len(view))} here; the translation has {_items(len(text))}.",
                "Translate every item, in the same order.",
                rule="translation",
            )
        ]
    return []


def _missing(view: Any, data: dict[str, Any]) -> list[Finding]:
    """One warning per record (or top-level part) with untranslated text."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for where in missing(view, data):
        record = where[:2] if len(where) > 2 else where[:1]
        groups.setdefault(record, []).append(readable(where)[len(readable(record)) :].lstrip("."))
    findings = []
    for record, fields in groups.items():
        anchor = record if _has(data, record) else record[:1] if _has(data, record[:1]) else ()
        listed = ", ".join(f or "all of it" for f in fields[:8])
        more = f" and {len(fields) - 8} more" if len(fields) > 8 else ""
        findings.append(
            Finding(
                anchor,
                f"Not translated yet in {readable(record)}: {listed}{more}.",
                "Until it is, readers see the plan's own text with a note.",
                at_key=True,
                severity=Severity.WARNING,
                rule="translation-missing",
            )
        )
    return findings


def _has(data: Any, path: tuple[str, ...]) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _where(_data: Any, path: Any) -> str:
    return readable(tuple(str(part) for part in path))


def _items(count: int) -> str:
    return f"{count} item{'s' if count != 1 else ''}"
