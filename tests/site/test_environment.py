"""The Jinja2 environment every page is rendered in: whatever a template
prints goes through `finalize`, which escapes plan text, passes our own
markup and refuses None, and is printed without being escaped twice; the
calls a template makes give what Jinja2's own would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from jinja2 import Environment, pass_context
from jinja2.runtime import Context, Macro
from jinja2.utils import _PassArg
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


def test_the_calls_made_directly_take_what_they_are_given() -> None:
    # What `_Context.call` relies on: a macro asks for the evaluation
    # context; the messages, a list's `append` and a function not marked
    # for it ask for nothing; the mark is in the function's attributes.
    messages = load_messages("en")
    assert _PassArg.from_obj(Macro.__call__) is _PassArg.eval_context
    for callable_ in (messages, messages.__call__, [].append, _shout, _shout.__call__):
        assert _PassArg.from_obj(callable_) is None
    assert _greeting.__dict__["jinja_pass_arg"] is _PassArg.context


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


def test_calls_give_what_jinja2s_own_would(env: Environment) -> None:
    values = {
        "names": ["a<b", "c"],
        "greeting_of": _greeting,
        "shout": _shout,
        "stops": _stops,
        "greeting": "Hi",
    }
    ours = env.from_string(CALLS).render(**values)
    env.context_class = Context  # Jinja2's own, on this environment alone
    try:
        jinja2s = env.from_string(CALLS).render(**values)
    finally:
        del env.context_class
    assert ours == jinja2s
    assert "-a&#60;b+a&#60;bMetPhone:Hello a&#60;bA&#60;B!" in ours
    assert "|a&#60;b,c|Hi all|True|" in ours
    assert ours.startswith("-p.&#42;p.&#42;p&#60;-q.11231(&#39;b&#39;, 2)1|")


@pytest.mark.parametrize(
    "call",
    ['plain("a", "b", "c", "d")', 'plain("a", named="b")', "plain()", 'plain("a", mark="b")'],
)
def test_calls_that_fail_fail_as_with_jinja2s_own(env: Environment, call: str) -> None:
    source = CALLS.split("\n")[2] + "{{ " + call + " }}"
    outcomes = []
    for context_class in (None, Context):
        if context_class is not None:
            env.context_class = context_class
        try:
            outcomes.append(("ok", env.from_string(source).render()))
        except Exception as error:  # noqa: BLE001 - comparing what each raises
            outcomes.append((type(error).__name__, str(error)))
        finally:
            if context_class is not None:
                del env.context_class
    assert outcomes[0] == outcomes[1]
