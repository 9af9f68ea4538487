"""The Jinja2 environment every page is rendered in: whatever a template
prints goes through `finalize`, which escapes plan text, passes our own
markup and refuses None; Jinja2's autoescape leaves that markup as it is.
The environment is Jinja2's own, configured through its public options."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
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


def test_the_environment_is_jinja2s_own(env: Environment) -> None:
    # No subclass of Jinja2's internals: its code generator, its context.
    assert type(env) is Environment
    assert env.code_generator_class is Environment.code_generator_class
    assert env.context_class is Environment.context_class is Context


def test_markup_is_printed_once_escaped(env: Environment) -> None:
    assert env.from_string("{{ value }}").render(value=Markup("&#60;")) == "&#60;"
    assert env.from_string("{{ value | text }}").render(value="&#60;") == "&#38;#60;"


@pass_context
def _greeting(context: Context, name: str) -> str:
    return f"{context['greeting']} {name}"


def _stops() -> Iterator[str]:
    raise StopIteration


def _shout(name: str, mark: str = "") -> str:
    return name.upper() + mark


CALLS = """
{%- macro item(name, mark="-") %}{{ mark }}{{ name }}{% if caller is defined %}({{ caller() }}){% endif %}{% endmacro -%}
{%- macro plain(name, mark="-", end=none) %}{{ mark }}{{ name }}{{ end if end is not none else "." }}{% endmacro -%}
{%- macro rest(first) %}{{ first }}{{ varargs | join }}{{ kwargs | dictsort | join }}{% endmacro -%}
{{ plain("p") }}{{ plain("p", "*") }}{{ plain("p", "*", "<") }}{{ plain(name="q") }}
{{- rest(1) }}{{ rest(1, 2, 3) }}{{ rest(1, b=2) }}{{ rest(first=1) }}|
{%- set found = [] -%}
{%- for name in names -%}
{%- set greeting = "Hello" -%}
{{ item(name) }}{{ item(name, mark="+") }}{{ t("status.met") }}
{{- t("contact.phone") }}{{ greeting_of(name) }}{{ shout(name, mark="!") }}
{%- do found.append(name) %}
{%- call item(name) %}{{ loop.index }}{% endcall %}
{%- endfor -%}
|{{ found | join(",") }}|{{ greeting_of("all") }}|{{ stops() is undefined }}
{%- autoescape false %}|{{ item("<") }}{{ plain("<") }}{% endautoescape %}
"""


def test_calls_give_what_templates_expect(env: Environment) -> None:
    values = {
        "names": ["a<b", "c"],
        "greeting_of": _greeting,
        "shout": _shout,
        "stops": _stops,
        "greeting": "Hi",
    }
    out = env.from_string(CALLS).render(**values)
    assert "-a&#60;b+a&#60;bMetPhone:Hello a&#60;bA&#60;B!" in out
    assert "|a&#60;b,c|Hi all|True|" in out
    assert out.startswith("-p.&#42;p.&#42;p&#60;-q.11231(&#39;b&#39;, 2)1|")
