"""The Jinja2 environment every page is rendered in: whatever a template
prints goes through `finalize`, which escapes plan text, passes our own
markup and refuses None, and is printed without being escaped twice."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from markupsafe import Markup

from generator.render.environment import make_environment
from generator.render.messages import load_messages


@pytest.fixture(scope="module")
def env() -> Environment:
    return make_environment(load_messages("en"), "https://plans.example.gov/")


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        ("<b>*x*</b>", "&#60;b&#62;&#42;x&#42;&#60;/b&#62;"),
        (Markup("<b>x</b>"), "<b>x</b>"),
        (3, "3"),
        (2.5, "2.5"),
        (True, "True"),
    ],
)
def test_printed_values(env: Environment, value: object, printed: str) -> None:
    assert env.from_string("{{ value }}").render(value=value) == printed


def test_macros_and_blocks_without_autoescape_escape_plan_text_too(env: Environment) -> None:
    source = (
        "{% macro em(text) %}<em>{{ text }}</em>{% endmacro %}"
        "{{ em(value) }}|{% autoescape false %}{{ value }}{% endautoescape %}"
    )
    assert env.from_string(source).render(value="<i>") == "<em>&#60;i&#62;</em>|&#60;i&#62;"


def test_printing_none_fails(env: Environment) -> None:
    with pytest.raises(TypeError, match="printed None"):
        env.from_string("{{ value }}").render(value=None)


def test_a_printed_value_is_escaped_once(env: Environment) -> None:
    code = env.compile("{{ value }}", raw=True)
    assert "environment.finalize(" in code
    assert "escape(" not in code
