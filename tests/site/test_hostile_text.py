"""Every free-text field of every example plan and translation, made hostile:
HTML, script, event handlers, `javascript:` links, Markdown syntax, Jinja
syntax and character references, with a marker of its own. The plans are
read with the real loader, written back with PyYAML's safe dumper and built
into the real site (`mkdocs build --strict`). On every page the text must
read exactly as written and nothing of it may run; the build must have
rendered every template there is, so no template escapes the test.

Free text is what the schema says is free text: a string with no pattern,
format, enumeration or constant (names, descriptions, promises, conditions,
addresses...). Ids, dates, numbers, links, phone numbers and email addresses
keep their values, so that the plans still pass the checker."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader
from jsonschema import Draft202012Validator

from generator.build import build_site
from generator.load.yaml_source import load_file
from generator.render import PARALLEL_FROM, environment
from generator.render.environment import TEMPLATES_DIR
from tests.site.conftest import PLANS, REPO, TODAY
from tests.site.html import parse

SCHEMAS = {
    "plan": REPO / "schema" / "plan.schema.json",
    "translation": REPO / "schema" / "translation.schema.json",
}
# A leading "#" (a heading, were it Markdown), HTML, Markdown and Jinja syntax,
# a table cell's pipe, an attribute list and a character reference that must
# stay as written.
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} "
    "*em* _u_ `code` [link](javascript:alert(1)) | &amp; {: onclick=alert(1) } \"'"
)
# And for longer text: blank lines, which would end a raw HTML block and let
# Markdown read what follows (an indented code block, a table).
LINES = "\n\n    <i>indented</i> **strong** {#id .cls}\n\n| a | b |\n|---|---|"
# For fields too short for all of it (an agency's short name).
SHORT = "<b>*{{ 7*7 }}*|&amp;</b>"
FREE_TEXT_EXCLUDES = ("pattern", "format", "enum", "const")
# The fields that no page or data file shows, each with the reason.
NOT_PUBLISHED = {
    "example-county-health/2026.es.yaml standards.lead-visit.target.metric": (
        "a promise's metric is shown in the caption of its results table, and this promise"
        " has no results yet; the data files hold the plan's own text, not the translation's"
    ),
}


@dataclass(frozen=True)
class Hostile:
    site: Path
    docs: Path
    texts: dict[str, str]  # marker: the whole hostile value that carries it
    fields: dict[str, str]  # marker: "agency/file.yaml key.path" of its field
    templates: frozenset[str]  # the templates the build loaded


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        schema = target
    return schema


def _free_text(
    schema: dict[str, Any], root: dict[str, Any], value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], int]]:
    """The paths of the free-text strings in `value`, with each one's
    greatest length."""
    schema = _resolve(schema, root)
    for branch in [*schema.get("anyOf", ()), *schema.get("oneOf", ())]:
        if Draft202012Validator({**branch, "$defs": root.get("$defs", {})}).is_valid(value):
            yield from _free_text(branch, root, value, path)
            break
    if isinstance(value, str):
        if schema.get("type") == "string" and not any(k in schema for k in FREE_TEXT_EXCLUDES):
            yield path, schema.get("maxLength", 10_000)
    elif isinstance(value, dict):
        known = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            sub = known.get(key, extra)
            if isinstance(sub, dict):
                yield from _free_text(sub, root, item, (*path, key))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _free_text(schema["items"], root, item, (*path, index))


def _made_hostile(
    data: Any, schema: dict[str, Any], texts: dict[str, str], fields: dict[str, str], file: str
) -> None:
    for path, longest in list(_free_text(schema, schema, data)):
        marker = f"zq{len(texts):04d}qz"
        fields[marker] = f"{file} {'.'.join(str(part) for part in path)}"
        text = f"# {marker} {HOSTILE}"
        if len(text) > longest:
            text = f"{marker} {SHORT}"
        elif len(text + LINES) <= longest:
            text += LINES
        texts[marker] = text
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = text


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
) -> Hostile:
    root = tmp_path_factory.mktemp("hostile")
    schemas = {kind: json.loads(path.read_text(encoding="utf-8")) for kind, path in SCHEMAS.items()}
    texts: dict[str, str] = {}
    fields: dict[str, str] = {}
    for source in sorted(PLANS.glob("*/*.yaml")):
        document, problems = load_file(source)
        assert document is not None and not problems, source
        kind = "translation" if source.name.count(".") > 1 else "plan"
        file = f"{source.parent.name}/{source.name}"
        _made_hostile(document.data, schemas[kind], texts, fields, file)
        target = root / "plans" / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            yaml.dump(document.data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
    assert len({path.parent for path in root.glob("plans/*/*.yaml")}) < PARALLEL_FROM
    loaded: set[str] = set()

    class Recording(FileSystemLoader):
        def get_source(self, env: Environment, template: str) -> tuple[str, str, Any]:
            loaded.add(template)
            return super().get_source(env, template)

    # Every page rendered in this process (below render's PARALLEL_FROM, with
    # no cache to take an agency's pages from), by an environment whose
    # loader records each template a page needs.
    monkeypatch_module.setenv("SERVICE_PLANS_CACHE", "off")
    monkeypatch_module.setattr(environment, "FileSystemLoader", Recording)
    site, docs = root / "site", root / "docs"
    build_site([root / "plans"], site_dir=site, today=TODAY, docs_dir=docs)
    return Hostile(site, docs, texts, fields, frozenset(loaded))


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _html(hostile: Hostile) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(hostile.site.rglob("*.html"))}


def test_every_template_was_rendered(hostile: Hostile) -> None:
    templates = {p.relative_to(TEMPLATES_DIR).as_posix() for p in TEMPLATES_DIR.rglob("*.j2")}
    assert hostile.templates == templates


def test_every_field_reaches_the_site(hostile: Hostile) -> None:
    published = "".join(
        path.read_text(encoding="utf-8")
        for path in hostile.site.rglob("*")
        if path.suffix in (".html", ".xml", ".json", ".csv", ".ics") and path.is_file()
    )
    assert len(hostile.texts) > 500
    missing = {field for marker, field in hostile.fields.items() if marker not in published}
    assert missing == set(NOT_PUBLISHED)


def test_the_markdown_gives_plan_text_no_syntax(hostile: Hostile) -> None:
    # The pages place plan text in raw HTML blocks, which Python-Markdown
    # leaves alone today; the text is escaped for Markdown all the same, so
    # that it stays text wherever a template puts it. (JSON-LD is JSON.)
    sources = sorted(hostile.docs.parent.glob("docs*/**/*.md"))  # docs, docs-es
    assert len(sources) > 10
    for path in sources:
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
        for syntax in ("*em*", "_u_", "`code`", "[link](", "{{", "{%", "{:", "{#", "| a |"):
            assert syntax not in body, (path, syntax)
        assert not re.search(r"\n\s*\n    .*indented", body), path


def test_nothing_runs(hostile: Hostile) -> None:
    for path, html in _html(hostile).items():
        assert "<script>alert" not in html and "<img src=x" not in html, path
        for element in parse(html).iter():
            assert "onerror" not in element.attrs, (path, element)
            for name in ("href", "src", "action", "formaction"):
                value = re.sub(r"\s", "", element.attrs.get(name, "")).lower()
                assert not value.startswith("javascript:"), (path, element)
            if element.tag == "script" and element.attrs.get("type") != "application/ld+json":
                assert "alert" not in element.text, path
            assert element.tag not in ("b", "em") or "zq" not in element.text, (path, element)


def test_the_text_reads_as_written(hostile: Hostile) -> None:
    shown: set[str] = set()
    for path, html in _html(hostile).items():
        # The page's text, apart from its scripts (JSON-LD has a test of its
        # own), with its spaces and line breaks as single spaces.
        visible = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
        visible = re.sub(r"<br\s*/?>", "\n", visible)  # the author's line breaks
        text = " ".join(parse(visible).text.split())
        for match in re.finditer(r"zq\d{4}qz", text):
            written = " ".join(hostile.texts[match.group()].split())
            start = match.start() - written.index(match.group())
            # Shown whole ("{{ 7*7 }}" and not 49, "*em*" and not an
            # emphasis, the "# " before the marker), or cut short.
            seen = text[start : start + len(written)]
            assert seen == written or (
                "\u2026" in seen and written.startswith(seen[: seen.index("\u2026")].rstrip())
            ), (path, seen)
            shown.add(match.group())
    assert shown


def test_structured_data_holds_the_text_as_written(hostile: Hostile) -> None:
    strings = 0
    for path, html in _html(hostile).items():
        for script in parse(html).find_all("script"):
            if script.attrs.get("type") == "application/ld+json":
                assert "<" not in script.text, path
                for value in _strings(json.loads(script.text)):
                    for marker in re.findall(r"zq\d{4}qz", value):
                        assert hostile.texts[marker] in value, (path, value)
                        strings += 1
    assert strings


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
