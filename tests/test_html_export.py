"""`make html`: the static site (.ci/export_html.py) has every notebook, working links
between pages, and alt text on every chart."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("export_html", ROOT / ".ci" / "export_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("html")
    module.export(out)
    return out


def test_every_notebook_has_a_page(site):
    assert sorted(p.stem for p in site.glob("[0-9][0-9]_*.html")) == [p.stem for p in NOTEBOOKS]
    assert (site / "index.html").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_local_links_resolve(site, path):
    page = (site / f"{path.stem}.html").read_text(encoding="utf-8")
    anchors = {unquote(a) for a in re.findall(r'\bid="([^"]+)"', page)}
    local = [h for h in re.findall(r'href="([^"]+)"', page) if not re.match(r"[a-z]+:", h)]
    assert any(h.endswith(".html") for h in local), "no links to other pages found"
    for href in local:
        target, _, anchor = href.partition("#")
        assert not target.endswith(".ipynb"), f"link to a notebook file left: {href}"
        if target:
            assert (site / unquote(target)).is_file(), f"{path.stem}: broken link {href}"
        elif anchor:
            assert unquote(anchor) in anchors, f"{path.stem}: no anchor for {href}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_charts_keep_their_alt_text(site, path):
    page = (site / f"{path.stem}.html").read_text(encoding="utf-8")
    # The saved widget state (a JSON script) is checked in test_accessibility.py.
    page = re.sub(r"<script\b.*?</script>", "", page, flags=re.DOTALL)
    images = re.findall(r"<img\b[^>]*>", page)
    assert len(images) >= 2  # the Binder badge and at least one chart
    for tag in images:
        alt = re.search(r'\balt="([^"]*)"', tag)
        assert alt and alt.group(1).strip(), tag[:120]
        assert "No description has been provided" not in alt.group(1)
