"""The Voila dashboards (notebooks/dashboards/): generated from the notebooks, one explorer each."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_dashboards",
                                               ROOT / ".ci" / "make_dashboards.py")
make_dashboards = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_dashboards)


def test_one_dashboard_per_entry_written_the_same_each_time(tmp_path):
    # Generated, not kept in git: the same notebooks give the same files, one per entry.
    first = make_dashboards.write(tmp_path / "a")
    second = make_dashboards.write(tmp_path / "b")
    assert [p.name for p in first] == [f"{n}.ipynb" for n in make_dashboards.DASHBOARDS]
    for one, two in zip(first, second, strict=True):
        assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_every_notebook_with_an_explorer_has_a_dashboard():
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        code = "".join("".join(c["source"]) for c in json.loads(notebook.read_text())["cells"]
                       if c["cell_type"] == "code")
        if "from kzlib.widgets" in code:
            assert notebook.stem in make_dashboards.DASHBOARDS, notebook.name


def test_a_dashboard_is_a_title_a_sentence_and_one_explorer():
    for path in sorted((ROOT / "notebooks" / "dashboards").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        kinds = [c["cell_type"] for c in cells]
        assert kinds == ["markdown", "code"], path.name
        text = "".join(cells[0]["source"])
        # The markdown holds only the language line: the heading is the code's, translated.
        assert text in (make_dashboards.LANGUAGE_LINE, make_dashboards.ENGLISH_ONLY), path.name
        code = "".join(cells[1]["source"])
        assert code.count("build_") == 2 and "check(" not in code, path.name
        assert code.count("\n\n") == 1 and "display(dashboard_heading(" in code, path.name
        what = make_dashboards.DASHBOARDS[path.stem][0]
        assert json.dumps(what, ensure_ascii=False) in code, path.name
        assert json.dumps(make_dashboards.title(path.stem), ensure_ascii=False) in code


def test_the_language_line_goes_with_an_explorer_that_takes_lang(monkeypatch):
    # Helpers switch the explorers one by one: the line and the translated heading follow
    # the call, whichever entries pass lang today.
    entries = dict(make_dashboards.DASHBOARDS)
    what, _imports, _call = entries["10_what_if_lab"]
    entries["10_what_if_lab"] = (what, "from kzlib.widgets.whatif import build_whatif_explorer",
                                 "build_whatif_explorer(2021)")
    monkeypatch.setattr(make_dashboards, "DASHBOARDS", entries)
    for name, (_what, _imports, call) in entries.items():
        speaks = "lang=dashboard_language()" in call
        cells = make_dashboards.dashboard(name)["cells"]
        line = "".join(cells[0]["source"])
        assert (line == make_dashboards.LANGUAGE_LINE) == speaks, name
        code = "".join(cells[1]["source"])
        assert code.count("dashboard_language()") == (2 if speaks else 0), name
    assert "".join(make_dashboards.dashboard("10_what_if_lab")["cells"][0]["source"]) == (
        make_dashboards.ENGLISH_ONLY)


def test_every_title_and_sentence_has_a_kazakh_and_a_russian_form():
    from kzlib import i18n

    messages = ["{title}: explorer",
                "The story, the sources and the exercises are in the full notebook: {notebook}."]
    for name, (what, _imports, _call) in make_dashboards.DASHBOARDS.items():
        messages += [make_dashboards.title(name), what]
    for lang in ("kk", "ru"):
        missing = [m for m in messages if not i18n.catalogue(lang).get(m)]
        assert not missing, f"{lang}: no translation for {missing}"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_heading_speaks_the_language_of_the_page(monkeypatch, lang):
    # The code cell run as the page runs it: the heading it shows is in the language asked
    # for (no English word left in Kazakh or Russian), and the explorer too.
    import IPython.display
    from test_i18n import english_left

    from kzlib.i18n import translator

    _ = translator(lang)
    monkeypatch.delenv("KZ_LANG", raising=False)
    monkeypatch.setenv("QUERY_STRING", f"lang={lang}")
    for name in ("05_threshold_7_to_5", "11_constitution_2026"):
        shown: list = []
        monkeypatch.setattr(IPython.display, "display", shown.append)
        path = ROOT / "notebooks" / "dashboards" / f"{name}.ipynb"
        imports, call = "".join(json.loads(path.read_text())["cells"][1]["source"]).split("\n\n")
        namespace: dict = {}
        exec(imports, namespace)
        (heading,) = shown
        title = make_dashboards.title(name)
        assert f"<h2>{_('{title}: explorer').format(title=_(title))}</h2>" in heading.value
        assert f'<a href="../{name}.ipynb" target="_blank">' in heading.value
        explorer = eval(call, namespace)
        assert explorer.lang == lang
        if lang != "en":
            assert _(title) != title
            left = english_left(html.unescape(re.sub(r'href="[^"]*"', "", heading.value)))
            assert not left, (name, left)


def test_every_dashboard_builds_its_explorer():
    # In-process instead of nbval (a kernel per dashboard would add ~45 s to `make test`);
    # the browser tests render two of them in Voila.
    from kzlib.widgets.common import Explorer

    for path in sorted((ROOT / "notebooks" / "dashboards").glob("*.ipynb")):
        imports, call = "".join(json.loads(path.read_text())["cells"][1]["source"]).split("\n\n")
        namespace: dict = {}
        exec(imports, namespace)
        assert isinstance(eval(call, namespace), Explorer), path.name
