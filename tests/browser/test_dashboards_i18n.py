"""The 05 and 11 dashboards in Kazakh and the 07 dashboard in Russian, in Voila in Chromium.

The page asks for its language with ``?lang=`` (:func:`kzlib.i18n.dashboard_language`).
For each: the heading (the notebook's title and the dashboard's sentence) and the
explorer's labels are in that language, the panel shows what the same dashboard cell
computes headless in that language, and after a control is moved from the page, the
numbers follow (again as kzlib computes them).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from test_in_browser import (
    RUN_TIMEOUT_MS,
    Move,
    assert_widgets_rendered,
    move_control,
    squeeze,
    text_of,
    wait_for_readout,
)

from kzlib.i18n import translator

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("make_dashboards",
                                               ROOT / ".ci" / "make_dashboards.py")
make_dashboards = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_dashboards)

#: dashboard -> (language, control moved, a label the page must show in that language)
CASES = {
    "05_threshold_7_to_5": ("kk", Move("threshold", "end"), "Пайыздық меже (%)"),
    "07_mazhilis_mixed_system": ("ru", Move("list_share", "end"), "Доля списков из 98 мест (%)"),
    "11_constitution_2026": ("kk", Move("threshold", "end"), "Құрылтай пайыздық межесі (%)"),
}


def headless(name: str, lang: str, move: Move, monkeypatch) -> tuple[object, str, str]:
    """(explorer, readout before, readout after the move): the dashboard's own cell, run
    in-process with the page's query string."""
    path = ROOT / "notebooks" / "dashboards" / f"{name}.ipynb"
    code = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][1]["source"])
    imports, call = code.split("\n\n")
    monkeypatch.setattr("IPython.display.display", lambda *_args, **_kwargs: None)
    monkeypatch.delenv("KZ_LANG", raising=False)
    monkeypatch.setenv("QUERY_STRING", f"lang={lang}")
    namespace: dict = {}
    exec(imports, namespace)
    explorer = eval(call, namespace)
    before = text_of(explorer.text.value)
    control = explorer.controls[move.control]
    control.value = control.max
    assert not explorer.error.value, explorer.error.value
    return explorer, before, text_of(explorer.text.value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_dashboard_in_kazakh_or_russian(page, voila_server, screenshot, monkeypatch, name):
    lang, move, label = CASES[name]
    explorer, before, after = headless(name, lang, move, monkeypatch)
    assert squeeze(before) != squeeze(after), "the chosen move changes nothing: pick another"
    description = explorer.controls[move.control].description
    page.goto(f"{voila_server}/voila/render/dashboards/{name}.ipynb?lang={lang}")
    try:
        root = page.locator(".kz-explorer")
        root.first.wait_for(timeout=RUN_TIMEOUT_MS)
        assert_widgets_rendered(page, page.locator("body"))
        assert root.count() == 1
        # The heading above the explorer: the title and the sentence in the language.
        _ = translator(lang)
        title = make_dashboards.title(name)
        heading = page.locator("h2", has_text=_("{title}: explorer").format(title=_(title)))
        assert heading.count() == 1, page.locator("h2").all_inner_texts()
        assert page.get_by_text(_(make_dashboards.DASHBOARDS[name][0])).count() == 1
        assert page.get_by_text("Қазақша:").count() == 1  # the language line, once
        # A translated label is on the page, and the panel speaks the language.
        assert root.locator(".widget-label", has_text=label).count() >= 1
        shown = wait_for_readout(page, root, before)
        assert squeeze(shown) == squeeze(before), f"the page shows\n{shown}\nnot\n{before}"
        move_control(page, root, description, move)
        shown = wait_for_readout(page, root, after)
        assert squeeze(shown) == squeeze(after), (
            f"after moving {description!r} the page shows\n{shown}\nbut kzlib gives\n{after}"
        )
        assert not (root.locator(".kz-error").text_content() or "").strip()
        # The chart's alt text is in the language too.
        alt = root.locator("img").first.get_attribute("alt") or ""
        assert any(ch in alt for ch in "әғқңөұүһіабвгдежзийклмнопрстуфхцчшщыэюя"), alt
    finally:
        screenshot(page)
