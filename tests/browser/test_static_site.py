"""The static site (`make html`) in Chromium with no internet: every request that does not go
to 127.0.0.1 (or a file: / data: URL) is blocked, as in a school without a connection.

Each notebook page must still show its explorer in its stored state (the widget renderer
comes from the site's vendor/ folder), formulas must be typeset, and, printed at A4,
no code, output, table, chart or explorer control may run off the right edge.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# The Kazakh and Russian notebooks: pages in kk/ and ru/, scripts from ../vendor/.
TRANSLATED = sorted(f"{p.parent.name}/{p.stem}"
                    for p in (ROOT / "notebooks").glob("[a-z][a-z]/[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted(p.stem for p in (ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.md"))
RENDER_TIMEOUT_MS = 60_000
# An A4 page is 210 mm wide; less 2 x 0.5 in of nbconvert's print margins, at 96 px/in.
A4_PRINT_WIDTH_PX = round((210 / 25.4 - 1.0) * 96)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per file would drown the test output
        pass


@pytest.fixture(scope="module")
def site_url(browser, tmp_path_factory) -> Iterator[str]:
    """The site built into a temporary folder, served on 127.0.0.1; stopped at the end."""
    spec = importlib.util.spec_from_file_location("export_html", ROOT / ".ci" / "export_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("site")
    module.export(out)
    handler = functools.partial(_Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _offline(page) -> list[str]:
    """Block every request that leaves the machine; return the list of blocked URLs."""
    blocked: list[str] = []

    def handle(route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("file", "data", "blob") or parsed.hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", handle)
    return blocked


@pytest.mark.parametrize("name", NOTEBOOKS + TRANSLATED)
def test_explorer_shows_offline(page, site_url, screenshot, name):
    blocked = _offline(page)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{site_url}/{name}.html")
    explorer = page.locator(".kz-explorer").first
    try:
        explorer.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    except Exception as exc:  # say what the page wanted from the internet
        pytest.fail(f"{name}: no explorer shown ({type(exc).__name__}); blocked: {blocked}")
    # Its controls and panel are drawn from the stored state, not left as placeholders.
    assert explorer.locator(".widget-html, .widget-dropdown, .widget-slider, "
                            ".widget-toggle-buttons, .widget-checkbox").count() > 0
    assert explorer.inner_text().strip()
    assert page.get_by_text("Error displaying widget").count() == 0
    screenshot(page)
    assert not errors, errors
    assert not blocked, f"{name} asked for remote resources: {blocked}"


@pytest.mark.parametrize("name", ["02_presidency", "04_parties"])
def test_formulas_are_typeset_offline(page, site_url, name):
    blocked = _offline(page)
    page.goto(f"{site_url}/{name}.html")
    page.locator("mjx-container svg").first.wait_for(state="attached",
                                                      timeout=RENDER_TIMEOUT_MS)
    assert not blocked, blocked


@pytest.mark.parametrize("name", NOTEBOOKS + [f"solutions/{n}" for n in SOLUTIONS])
def test_nothing_is_cut_at_a4(page, site_url, name):
    _offline(page)
    page.set_viewport_size({"width": A4_PRINT_WIDTH_PX, "height": 1100})
    page.emulate_media(media="print")
    page.goto(f"{site_url}/{name}.html")
    page.wait_for_load_state("load")
    if not name.startswith("solutions/"):  # the explorer's controls, too
        page.locator(".kz-explorer").first.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    cut = page.evaluate(
        """() => [...document.querySelectorAll('pre, table, img, .jupyter-widgets')]
              .filter(e => e.offsetParent !== null && !e.closest('script'))
              .filter(e => (e.tagName === 'PRE' && e.scrollWidth > e.clientWidth + 1)
                           || e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => e.tagName + '.' + e.className + ': '
                        + (e.textContent || e.alt || '').slice(0, 60))"""
    )
    assert not cut, f"{len(cut)} blocks wider than an A4 page: {cut[:5]}"
