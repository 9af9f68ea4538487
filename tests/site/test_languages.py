"""The site in English and Spanish: every page in both, each declaring its
language, pointing at its other version (`hreflang`) and offering a visible
switcher; plans without a Spanish translation shown in English with a note;
a search index per language (tests/site/test_search_index.py); and, on the translated example agency's page,
every figure identical in both languages."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.numbers import parse_decimal

from generator.build import build_editions
from generator.check import CheckedPlan, check_paths
from generator.errors import BuildError
from generator.model import PlanRecords
from generator.model.parse import parse_plan
from generator.model.translated import plans_in_language
from generator.render import render_all
from generator.render.languages import text_note
from generator.render.messages import load_messages
from generator.site_config import (
    MKDOCS_FILE,
    language_config,
    read_config,
    site_config,
    site_languages,
)
from tests.site.conftest import REPO, TODAY, Built
from tests.site.html import Element, content, parse

ROOT_URL = site_config().site_url
TRANSLATED = "agencies/example-county-health/"
UNTRANSLATED = ["agencies/example-city-sanitation/", "agencies/example-federal-benefits/"]
FALLBACK_NOTE = "Este plan aún no está traducido al español; se muestra el original en inglés."


def _pages(built: Built, prefix: str) -> set[str]:
    """Every page of one language, as its address relative to the language's
    root ("" for the home page)."""
    root = built.site / prefix
    found = {
        p.relative_to(root).as_posix().removesuffix("index.html") for p in root.rglob("index.html")
    }
    return found if prefix else {url for url in found if not url.startswith("es/")}


def _normal(path: str) -> str:
    path = posixpath.normpath(path).strip("/")
    return "" if path == "." else path


def _head_alternates(html: str) -> dict[str, str]:
    links = [e for e in parse(html).iter() if e.tag == "link" and "hreflang" in e.attrs]
    return {link.attrs["hreflang"]: link.attrs["href"] for link in links}


def _switcher(html: str) -> Element:
    navs = [e for e in content(html).iter() if "sp-languages" in e.attrs.get("class", "")]
    assert len(navs) == 1, "one language switcher per page"
    return navs[0]


def test_the_languages_are_data() -> None:
    languages = site_languages()
    assert [(lang.code, lang.name, lang.prefix) for lang in languages] == [
        ("en", "English", ""),
        ("es", "Español", "es/"),
    ]
    assert languages[1].config_file == MKDOCS_FILE.with_name("mkdocs.es.yml")
    assert languages[1].files == (MKDOCS_FILE, languages[1].config_file)


def _nav_pages(nav: list) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        else:
            for value in item.values():
                out.extend(_nav_pages(value) if isinstance(value, list) else [value])
    return out


def test_each_language_navigation_lists_the_same_pages() -> None:
    english = _nav_pages(read_config(MKDOCS_FILE)["nav"])
    for language in site_languages()[1:]:
        assert _nav_pages(language_config(language)["nav"]) == english, (
            f"{language.config_file.name} must list the pages of mkdocs.yml, in its order"
        )


def test_the_palette_is_the_same_in_every_language() -> None:
    def colours(config: dict) -> list:
        return [{k: v for k, v in p.items() if k != "toggle"} for p in config["theme"]["palette"]]

    english = colours(read_config(MKDOCS_FILE))
    for language in site_languages()[1:]:
        assert colours(language_config(language)) == english


def test_every_page_exists_in_spanish(built: Built) -> None:
    english, spanish = _pages(built, ""), _pages(built, "es/")
    assert len(english) > 30
    assert english == spanish


def test_data_files_are_published_once(built: Built) -> None:
    spanish = built.site / "es"
    assert not [
        p
        for p in spanish.rglob("*")
        if p.suffix in {".json", ".csv", ".yaml"} and "pagefind" not in p.parts
    ]
    assert (built.site / "data" / "plans.jsonl.gz").is_file()
    assert not (spanish / "data" / "plans.jsonl.gz").exists()
    page = content(built.page("es/" + TRANSLATED))
    hrefs = [a.attrs["href"] for a in page.find_all("a")]
    assert "../../../data/plans/example-county-health/2026.json" in hrefs


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_pages_link_to_their_other_language_in_the_head(built: Built, prefix: str) -> None:
    for url in sorted(_pages(built, prefix)):
        links = _head_alternates(built.page(prefix + url))
        assert links == {
            "en": ROOT_URL + url,
            "es": ROOT_URL + "es/" + url,
            "x-default": ROOT_URL + url,
        }, prefix + url
        for href in links.values():
            path = urlsplit(href).path.removeprefix(urlsplit(ROOT_URL).path)
            assert (built.site / path / "index.html").is_file(), href


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_every_page_has_a_visible_language_switcher(built: Built, prefix: str) -> None:
    here = "es" if prefix else "en"
    for url in sorted(_pages(built, prefix)):
        nav = _switcher(built.page(prefix + url))
        assert nav.attrs["aria-label"] == ("Idioma" if prefix else "Language")
        names = {e.attrs["lang"]: e for e in nav.iter() if e.tag in ("a", "span")}
        assert names["en"].text == "English" and names["es"].text == "Español"
        assert names[here].attrs.get("aria-current") == "true" and names[here].tag == "span"
        other = names["en" if prefix else "es"]
        assert other.tag == "a" and other.attrs["hreflang"] == other.attrs["lang"]
        target = _normal(prefix + url + other.attrs["href"])
        assert target == _normal(url if prefix else "es/" + url), (prefix + url, other.attrs)


def test_a_translated_plan_reads_in_spanish(built: Built) -> None:
    page = content(built.page("es/" + TRANSLATED))
    assert FALLBACK_NOTE not in page.text
    h1 = page.find_all("h1")[0]
    assert "lang" not in h1.attrs
    assert h1.text.startswith("Departamento de Salud Pública del Condado de Lakeside")
    assert "Si tiene cita, le atenderemos" in page.text
    assert "Cómo presentar una queja" in page.text
    assert "Llame a la Línea de Salud Pública" in page.text


@pytest.mark.parametrize("url", UNTRANSLATED)
def test_an_untranslated_plan_is_shown_in_english_with_a_note(built: Built, url: str) -> None:
    page = content(built.page("es/" + url))
    notes = [e for e in page.iter() if "sp-notice--language" in e.attrs.get("class", "")]
    assert [n.text for n in notes] == [FALLBACK_NOTE]
    assert "lang" not in notes[0].attrs
    h1 = page.find_all("h1")[0]
    assert h1.attrs["lang"].startswith("en")
    for promise in page.by_id("promises").find_all("h3"):
        if promise.attrs.get("id", "").startswith("promise-"):
            assert promise.attrs["lang"].startswith("en"), promise.text
    assert "De un vistazo" in page.text  # the interface is still Spanish


def test_directories_mark_english_plan_text(built: Built) -> None:
    page = content(built.page("es/promises/"))
    rows = [tr for tr in page.find_all("tr") if tr.find_all("a")]
    languages = {row.find_all("a")[0].attrs.get("lang", "es")[:2] for row in rows}
    assert languages == {"en", "es"}


def test_each_language_has_its_feed(built: Built) -> None:
    feed = (built.site / "es" / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="es"' in feed and "Planes de servicio al cliente" in feed
    assert f'href="{ROOT_URL}es/agencies/example-county-health/"' in feed
    assert '<entry xml:lang="en-US">' in feed  # a plan not translated yet
    assert (
        "xml:lang" not in (built.site / "feed.xml").read_text(encoding="utf-8").split("<entry")[1]
    )


# Numbers as each language writes them: 12,760.5 in English, 12.760,5 in Spanish.
NUMBER = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "es": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
}


def _numbers(text: str, locale: str) -> list[float]:
    return [float(parse_decimal(n, locale=locale)) for n in re.findall(NUMBER[locale], text)]


def _figures(html: str, locale: str) -> dict[str, list]:
    """The figures of an agency page that do not come from plan text: each
    promise's target and results (period, figure, cases), the glance, the
    charts' points, the response time for complaints and the contacts."""
    page = content(html)
    promises = page.by_id("promises")
    out: dict[str, list] = {"results": [], "targets": [], "points": [], "glance": []}
    for table in promises.find_all("table"):
        for row in table.find_all("tr")[1:]:
            cells = [c for c in row.children if c.tag in ("th", "td")]
            if len(cells) < 2:  # the heading of a group of rows
                continue
            notes = "".join(s.text for s in cells[1].find_all("span"))
            figure = cells[1].text.replace(notes, "")
            cases = cells[3].text if len(cells) > 3 else ""
            out["results"].append(_numbers(f"{cells[0].text} {figure} {cases}", locale))
    for item in promises.find_all("li"):
        if item.text.startswith(("Target:", "Meta:")):
            out["targets"].append(_numbers(item.text, locale))
    for svg in promises.find_all("svg"):
        out["points"].append(
            [
                (e.attrs.get("cx"), e.attrs.get("cy"), e.attrs.get("x"), e.attrs.get("y"))
                for e in svg.iter()
                # The points: in groups by status, the only shapes without a class.
                if e.tag in ("circle", "rect") and "class" not in e.attrs
            ]
        )
    for quiet in page.by_id("glance").find_all("span"):
        if "sp-quiet" in quiet.attrs.get("class", ""):
            out["glance"].append(_numbers(quiet.text, locale))
    complaints = page.by_id("glance-complain").find_all("p")[1].text
    out["complaint_time"] = _numbers(complaints, locale)
    out["contacts"] = sorted(
        a.attrs["href"]
        for a in page.find_all("a")
        if a.attrs["href"].startswith(("tel:", "mailto:", "https:"))
    )
    return out


def test_every_number_is_the_same_in_both_languages(built: Built) -> None:
    english = _figures(built.page(TRANSLATED), "en")
    spanish = _figures(built.page("es/" + TRANSLATED), "es")
    assert len(english["results"]) > 20 and len(english["targets"]) >= 7
    assert english == spanish


def test_both_languages_link_to_the_same_data(built: Built) -> None:
    def data_link(prefix: str) -> Path:
        page = content(built.page(prefix + TRANSLATED))
        href = next(
            a.attrs["href"] for a in page.find_all("a") if a.attrs["href"].endswith(".json")
        )
        return (built.site / prefix / TRANSLATED / href).resolve()

    assert data_link("") == data_link("es/")
    assert data_link("").is_file()


def test_the_spanish_configuration_is_what_it_changes() -> None:
    """mkdocs.es.yml holds only what Spanish changes; the rest comes from
    mkdocs.yml, merged by the generator (tests/site/test_configuration.py)."""
    own = read_config(MKDOCS_FILE.with_name("mkdocs.es.yml"))
    assert "plugins" not in own and "theme" in own and "custom_dir" not in own["theme"]
    config = language_config(site_languages()[1])
    assert config["theme"]["language"] == "es"
    assert config["plugins"] == []  # from mkdocs.yml: the search is Pagefind's, not a plugin
    assert config["extra"]["search"] == {"more": "Más resultados", "all": "Todos"}
    assert [language["code"] for language in config["extra"]["languages"]] == ["en", "es"]
    assert config["theme"]["custom_dir"] == "theme"  # from mkdocs.yml


def test_a_partial_translation_is_used_and_said_to_be_partial() -> None:
    """A translation may lack some text (the checker warns): what it has is
    shown, and the page says the rest is in the original language."""
    folder = REPO / "tests" / "check" / "translations" / "missing-text"
    checked = check_paths([folder], today=TODAY)
    chosen = plans_in_language("es", checked.plans, checked.translations)
    assert chosen.incomplete == {folder / "2026.yaml"}
    [data] = [plan.data for plan in chosen.plans]
    plan = parse_plan(data, folder / "2026.yaml")
    assert (plan.agency.name, plan.language) == ("Agencia Mínima", "es")
    note = text_note(plan, messages=load_messages("es"), incomplete=chosen.incomplete)
    assert note == (
        "Algunas partes de este plan aún no están traducidas al español; "
        "se muestran en el idioma original."
    )
    assert text_note(plan, messages=load_messages("es"), incomplete=frozenset()) == ""


def test_hreflang_links_fetch_nothing(built: Built) -> None:
    """mkdocs-material fetches a sitemap beside every alternate link; the
    theme's languages.js, loaded before the theme's bundle, stops it (the
    quality gate checks the requests in a browser)."""
    scripts = [e.attrs.get("src", "") for e in parse(built.page("es/")).iter() if e.tag == "script"]
    ours = [i for i, src in enumerate(scripts) if src.endswith("assets/javascripts/languages.js")]
    bundle = [i for i, src in enumerate(scripts) if "/bundle." in src]
    assert ours and bundle and ours[0] < bundle[0]
    assert (built.site / "es" / "assets" / "javascripts" / "languages.js").is_file()


def test_a_language_without_a_fitting_configuration_is_named(tmp_path: Path) -> None:
    main = tmp_path / "mkdocs.yml"
    main.write_text(
        "site_url: https://example.org/plans/\ntheme: {language: en}\n"
        "extra:\n  languages: [{code: en, name: English}, {code: fr, name: Français}]\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match=r"no mkdocs\.fr\.yml"):
        site_languages(main)
    (tmp_path / "mkdocs.fr.yml").write_text(
        "site_url: https://example.org/plans/\ntheme: {language: fr}\n", encoding="utf-8"
    )
    with pytest.raises(BuildError, match=r"mkdocs\.fr\.yml: site_url must be .*/plans/fr/"):
        site_languages(main)
    (tmp_path / "mkdocs.fr.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_url: https://example.org/plans/fr/\ntheme: {language: fr}\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError, match=r"mkdocs\.fr\.yml: remove `INHERIT`"):
        site_languages(main)


def test_languages_with_different_pages_fail_the_build() -> None:
    """Every page links to itself in each language; a language that lacked a
    page would link to nothing, so the build stops (a bug, never a plan's)."""
    editions = build_editions(check_paths([REPO / "plans"], today=TODAY), today=TODAY)
    spanish = editions[1]
    fewer = dataclasses.replace(spanish.site, agencies=spanish.site.agencies[1:])
    editions[1] = dataclasses.replace(spanish, site=fewer)
    with pytest.raises(BuildError, match="does not have the same pages"):
        render_all(editions)


def test_a_plan_not_translated_is_modelled_once_for_every_language() -> None:
    checked = check_paths([REPO / "plans"], today=TODAY)
    english, spanish = build_editions(checked, today=TODAY)
    translated = {t.plan_path.resolve() for t in checked.translations if t.valid}
    assert translated, "the examples translate some plans"
    originals = {
        plan.path.resolve(): plan
        for agency in english.site.agencies
        for plan in (agency.current, *agency.archive, *agency.drafts)
    }
    for agency in spanish.site.agencies:
        for plan in (agency.current, *agency.archive, *agency.drafts):
            original = originals[plan.path.resolve()]
            shared = plan is original
            assert shared is (plan.path.resolve() not in translated), plan.path


def test_plans_modelled_as_their_checks_come_in_make_the_same_site() -> None:
    records = PlanRecords(TODAY)
    seen: list[Path] = []

    def each(plan: CheckedPlan) -> None:
        seen.append(plan.path)
        records.add(plan)

    checked = check_paths([REPO / "plans"], today=TODAY, each=each)
    assert seen == [plan.path for plan in checked.plans]
    early = build_editions(checked, today=TODAY, records=records)
    late = build_editions(check_paths([REPO / "plans"], today=TODAY), today=TODAY)
    assert [edition.site for edition in early] == [edition.site for edition in late]
    english = {plan.path: plan for agency in early[0].site.agencies for plan in agency.plans}
    for plan in checked.plans:
        if plan.valid and plan.path in english:
            assert records.get(plan) is english[plan.path]
