"""The interface text: every value of every vocabulary in the schema has a
label, every catalogue has every message of en.yaml with the same values,
plural forms, numbers and dates follow the language, values are escaped, and
a missing message fails the build instead of leaving a blank."""

from __future__ import annotations

import string
from datetime import date

import pytest
import yaml
from markupsafe import Markup

from generator.errors import BuildError
from generator.render.messages import CATALOGUE_DIR, load_messages
from generator.resources import plan_schema, resolve_ref
from generator.site_config import site_languages

# Vocabulary in the schema -> the labels that name its values.
VOCABULARIES = {
    ("agency", "level"): "level",
    ("plan_info", "status"): "plan_status",
    ("channel", "type"): "channel_type",
    ("service", "category"): "category",
    ("measurement", "frequency"): "frequency",
    ("survey", "kind"): "survey_kind",
    ("survey", "audience"): "audience",
    ("survey", "frequency"): "survey_frequency",
    ("benchmark", "sector"): "sector",
    ("milestone", "status"): "milestone_status",
    ("initiative", "kind"): "initiative_kind",
    ("initiative", "status"): "initiative_status",
    ("target", "comparator"): "comparator",
    ("target", "unit"): "unit",
}
LANGUAGES = sorted(p.stem for p in CATALOGUE_DIR.glob("*.yaml"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("where", "kind"), VOCABULARIES.items(), ids=lambda v: str(v))
def test_every_value_has_a_label(language: str, where: tuple[str, str], kind: str) -> None:
    schema = plan_schema()
    node = resolve_ref(schema, schema["$defs"][where[0]]["properties"][where[1]])
    messages = load_messages(language)
    for value in node["enum"]:
        assert messages.label(kind, value), (kind, value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_enumerated_value_has_a_label(language: str) -> None:
    """Also the lists of values used as items: accessibility provisions, drivers."""
    schema, messages = plan_schema(), load_messages(language)
    for definition, kind in (("accessibility_provision", "accessibility"), ("driver", "driver")):
        for value in schema["$defs"][definition]["enum"]:
            assert messages.label(kind, value)
    for unit in schema["$defs"]["target"]["properties"]["unit"]["enum"]:
        assert messages.quantity(2, unit)


def test_plural_forms_and_numbers() -> None:
    messages = load_messages("en")
    assert messages.quantity(1, "business-days") == "1 business day"
    assert messages.quantity(2.5, "hours") == "2.5 hours"
    assert messages.quantity(4.2, "score", scale_max=5) == "4.2 out of 5"
    assert messages.number(9688100) == "9,688,100"
    assert messages.percent(87.44) == "87.4%"


def test_periods_and_dates_in_words() -> None:
    messages = load_messages("en")
    assert messages.period("2026-Q3") == "July to September 2026"
    assert messages.period("2026-Q3", short=True) == "Q3 2026"
    assert messages.period("2026-03") == "March 2026"
    assert messages.period("2026") == "2026"
    assert messages.date(date(2026, 1, 15)) == "January 15, 2026"
    assert messages.language_name("zh-Hant") == "Chinese (Traditional)"


def test_values_are_escaped_and_the_result_is_markup() -> None:
    text = load_messages("en")("service.more", service="<b>{x}</b>")
    assert isinstance(text, Markup)
    assert "<b>" not in text and "{x}" not in text
    assert "&#60;b&#62;&#123;x&#125;" in text


def test_a_missing_message_fails_the_build() -> None:
    messages = load_messages("en")
    with pytest.raises(BuildError, match=r"no 'nowhere\.to\.be\.found'"):
        messages("nowhere.to.be.found")
    with pytest.raises(BuildError, match="needs a value"):
        messages("service.more")


def _messages(node: object, path: str = "") -> dict[str, set[str]]:
    """Every message of a catalogue by its id, with the values it names; a
    message with plural forms counts once, naming the values of any form."""
    if isinstance(node, dict) and "other" in node:
        node = " ".join(str(form) for form in node.values())
    if isinstance(node, dict):
        found: dict[str, set[str]] = {}
        for key, value in node.items():
            found.update(_messages(value, f"{path}.{key}" if path else str(key)))
        return found
    return {path: {field for _, field, _, _ in string.Formatter().parse(str(node)) if field}}


def _catalogue(language: str) -> dict[str, set[str]]:
    return _messages(yaml.safe_load((CATALOGUE_DIR / f"{language}.yaml").read_text("utf-8")))


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_catalogue_has_every_message_with_its_values(language: str) -> None:
    english, other = _catalogue("en"), _catalogue(language)
    assert sorted(set(english) - set(other)) == [], f"{language}.yaml lacks these messages"
    assert sorted(set(other) - set(english)) == [], f"{language}.yaml has messages en.yaml lacks"
    differ = {key: (english[key], other[key]) for key in english if english[key] != other[key]}
    assert differ == {}, f"{language}.yaml names other values than en.yaml"


def test_every_language_of_the_site_has_a_catalogue() -> None:
    assert [language.code for language in site_languages()] == ["en", "es"]
    assert {language.code for language in site_languages()} <= set(LANGUAGES)


def test_spanish_numbers_dates_and_periods() -> None:
    messages = load_messages("es")
    assert messages.quantity(1, "business-days") == "1 día hábil"
    assert messages.quantity(2.5, "hours") == "2,5 horas"
    assert messages.number(9688100) == "9.688.100"
    assert messages.percent(87.44) == "87,4\u00a0%"
    assert messages.date(date(2026, 1, 1)) == "1 de enero de 2026"
    assert messages.period("2026-Q3") == "julio a septiembre de 2026"
    assert messages.period("2026-Q3", short=True) == "T3 2026"
    assert messages.period("2026-03") == "marzo de 2026"
    assert messages.language_name("en") == "inglés"
    assert messages.list([Markup("a"), Markup("b"), Markup("c")]) == "a, b y c"
