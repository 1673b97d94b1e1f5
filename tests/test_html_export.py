"""`make html`: the static site (.ci/export_html.py) has every notebook, working links
between pages, and alt text on every chart; it loads nothing from the internet (its scripts
are vendored in .ci/vendor/ with their licences), and the worked solutions are pages.

tests/browser/test_static_site.py opens the site in Chromium with the network blocked."""

from __future__ import annotations

import html
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


# --- offline: no page asset from the internet; solutions as pages ---------------------------

VENDOR = ROOT / ".ci" / "vendor"
VENDORED = {
    "html-manager": ["embed-amd.js", "LICENSE", "THIRD-PARTY-NOTICES.txt"],
    "requirejs": ["require.js", "LICENSE"],
    "mathjax": ["tex-svg.js", "LICENSE"],
}
# What a page *loads* (not what it links to): scripts, style sheets, images, frames, imports,
# CSS url(...) and any address of a .js/.css/.mjs file in a script.
REMOTE_ASSET = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|\bimport\s*\(\s*["'](?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|["'](?:https?:)?//[^"'\s]+\.(?:m?js|css)(?:\?[^"']*)?["']""",
    re.IGNORECASE,
)
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.md"))


def _all_pages(site: Path) -> list[Path]:
    return [page for folder in ("", "solutions", "teachers", "kk", "ru")
            for page in sorted((site / folder).glob("*.html"))]


def _outside_widget_state(page: str) -> str:
    """The page without the stored widget state (data, not something the page loads)."""
    return re.sub(r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>',
                  "", page, flags=re.DOTALL)


def test_the_remote_asset_pattern_finds_what_nbconvert_loads():
    for snippet in [
        '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js">',
        "var widgetRendererSrc = 'https://unpkg.com/@jupyter-widgets/html-manager@*/dist/embed-amd.js';",
        'const mermaid = (await import("https://cdnjs.cloudflare.com/ajax/libs/m.mjs")).default;',
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        '<img alt="Launch on Binder" src="https://mybinder.org/badge_logo.svg"/>',
        "@import url('https://fonts.googleapis.com/css?family=Roboto+Mono');",
    ]:
        assert REMOTE_ASSET.search(snippet), snippet
    for snippet in ['<a href="https://www.akorda.kz/en/">Akorda</a>',
                    '<a href="https://mybinder.org/v2/gh/x/y/HEAD"><img src="data:image/svg+xml;'
                    'base64,PHN2Zz4="/></a>']:
        assert not REMOTE_ASSET.search(snippet), snippet


def test_no_page_loads_anything_from_the_internet(site):
    for path in _all_pages(site):
        page = _outside_widget_state(path.read_text(encoding="utf-8"))
        found = [m.group(0)[:120] for m in REMOTE_ASSET.finditer(page)]
        assert not found, f"{path.relative_to(site)} loads remote assets: {found}"


def test_pages_load_the_vendored_scripts(site):
    for path in NOTEBOOKS:
        page = (site / f"{path.stem}.html").read_text(encoding="utf-8")
        for local in ["vendor/requirejs/require.js", "vendor/html-manager/embed-amd.js",
                      "vendor/mathjax/tex-svg.js"]:
            assert local in page, f"{path.stem} does not load {local}"
    for folder, names in VENDORED.items():
        for name in names:
            assert (site / "vendor" / folder / name).is_file(), f"vendor/{folder}/{name}"
    # The widget renderer finds its icon fonts next to itself.
    assert list((site / "vendor" / "html-manager").glob("*.woff2"))


@pytest.mark.parametrize("folder", sorted(VENDORED))
def test_vendored_files_have_their_licence(folder):
    for name in VENDORED[folder]:
        path = VENDOR / folder / name
        assert path.is_file() and path.stat().st_size > 0, path
    licence = (VENDOR / folder / "LICENSE").read_text(encoding="utf-8")
    assert re.search(r"copyright|licen[cs]e", licence, re.IGNORECASE)
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    assert f"`{folder}/`" in readme, f"README.md does not describe {folder}/"


def test_vendored_widget_renderer_matches_installed_ipywidgets():
    """html-manager must be the release that goes with the installed ipywidgets."""
    import json
    import sys

    manager = (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter-widgets"
               / "jupyterlab-manager" / "package.json")
    if not manager.is_file():
        pytest.skip(f"no {manager}")
    needs = json.loads(manager.read_text(encoding="utf-8"))["dependencies"]
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for package in ["@jupyter-widgets/controls", "@jupyter-widgets/base"]:
        assert f"`{package}` {needs[package]}" in readme, (
            f"installed ipywidgets needs {package} {needs[package]}: vendor the matching "
            "@jupyter-widgets/html-manager (see .ci/vendor/README.md)")


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_solutions_are_rendered_pages(site, path):
    page = site / "solutions" / f"{path.stem}.html"
    assert page.is_file()
    text = page.read_text(encoding="utf-8")
    heading = re.search(r"^#\s+(.+)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    title = html.unescape(re.search(r"<title>(.*?)</title>", text).group(1))
    assert title == re.sub(r"[*_`]", "", heading).strip()
    assert "<h1" in text and "<p>" in text  # rendered, not raw Markdown
    assert "\n# " not in text and "```" not in text
    assert "white-space: pre-wrap" in text  # printed, code wraps instead of being cut
    notebook = (site / f"{path.stem}.html").read_text(encoding="utf-8")
    assert f'href="solutions/{path.stem}.html"' in notebook, "the notebook does not link to it"
    assert f'href="solutions/{path.stem}.md' not in notebook


def test_notebook_pages_have_titles_and_print_style(site):
    for path in NOTEBOOKS:
        page = (site / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "<title>Notebook</title>" not in page
        assert "white-space: pre-wrap" in page


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_solution_links_resolve(site, path):
    folder = site / "solutions"
    page = (folder / f"{path.stem}.html").read_text(encoding="utf-8")
    anchors = {unquote(a) for a in re.findall(r'\bid="([^"]+)"', page)}
    local = [h for h in re.findall(r'href="([^"]+)"', page) if not re.match(r"[a-z]+:", h)]
    assert f"../{path.stem}.html" in local, "no link back to the notebook"
    for href in local:
        target, _, anchor = href.partition("#")
        assert not target.endswith((".ipynb", ".md")), f"link to a source file left: {href}"
        if target:
            assert (folder / unquote(target)).resolve().is_file(), f"broken link {href}"
        elif anchor:
            assert unquote(anchor) in anchors, f"no anchor for {href}"


TEACHER_PAGES = ["index", "debate_kit", "answer_key"]


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_the_teacher_pack_is_part_of_the_site(site, name):
    folder = site / "teachers"
    page = (folder / f"{name}.html").read_text(encoding="utf-8")
    assert "<h1" in page and "\n# " not in page  # rendered, not raw Markdown
    local = [h for h in re.findall(r'href="([^"]+)"', page) if not re.match(r"[a-z]+:|#", h)]
    for other in TEACHER_PAGES:
        assert f"{other}.html" in local, f"{name}: no link to {other}"
    for href in local:
        target = href.partition("#")[0]
        assert not target.endswith((".ipynb", ".md")), f"link to a source file left: {href}"
        assert (folder / unquote(target)).resolve().is_file(), f"{name}: broken link {href}"


def test_the_sites_answer_key_is_the_generated_one(site):
    from kzlib.answer_key import build_key

    page = html.unescape((site / "teachers" / "answer_key.html").read_text(encoding="utf-8"))
    entries = build_key(ROOT / "notebooks")
    assert len(entries) > 40
    for entry in entries:
        assert entry.exercise_id in page
    assert 'href="teachers/index.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_charts_have_their_description_in_print(site):
    page = (site / "05_threshold_7_to_5.html").read_text(encoding="utf-8")
    page = re.sub(r"<script\b.*?</script>", "", page, flags=re.DOTALL)
    alts = re.findall(r'<img alt="([^"]+)"[^>]*/><p class="kz-print-alt">([^<]*)</p>', page)
    assert alts and all(alt == caption for alt, caption in alts)
    assert ".kz-print-alt { display: none; }" in page


TRANSLATED = sorted((ROOT / "notebooks").glob("[a-z][a-z]/[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", TRANSLATED, ids=[f"{p.parent.name}-{p.stem}" for p in TRANSLATED])
def test_translated_notebooks_are_pages_that_load_the_vendored_scripts(site, path):
    folder = site / path.parent.name
    page = (folder / f"{path.stem}.html").read_text(encoding="utf-8")
    for local in ["../vendor/requirejs/require.js", "../vendor/html-manager/embed-amd.js",
                  "../vendor/mathjax/tex-svg.js"]:
        assert local in page, f"{path.stem} does not load {local}"
    local = [h for h in re.findall(r'href="([^"]+)"', _outside_widget_state(page))
             if not re.match(r"[a-z]+:|#", h)]
    assert any(h.startswith("../") for h in local), "no link to the English pages"
    for href in local:
        target = href.partition("#")[0]
        assert not target.endswith((".ipynb", ".md")), f"link to a source file left: {href}"
        assert (folder / unquote(target)).resolve().is_file(), f"broken link {href}"
