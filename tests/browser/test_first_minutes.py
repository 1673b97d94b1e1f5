"""The first minutes in JupyterLab started the way ``make lab`` starts it, in Chromium.

The server reads .ci/lab/ (the start page, the project as root, the widget settings) and the
notebooks are trusted as ``make lab`` trusts them. Checked: the URL the server prints opens
00_start_here with the whole project in the file browser, and its explorer shows before
anything is run; and at 1024x768 with the file browser open, every explorer fits its cell.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_in_browser import ALL_RUN, NOTEBOOKS, PANEL, RUN_TIMEOUT_MS, assert_widgets_rendered

ROOT = Path(__file__).resolve().parents[2]
IDLE = re.compile(r"\|\s*Idle")


def _open(page, printed_url: str, notebook: str):
    """Open ``notebook`` on the server that printed ``printed_url`` and wait for its kernel."""
    url = printed_url.replace("00_start_here", notebook).replace("?token=", "?reset&token=")
    page.goto(url)
    page.locator("#jp-main-statusbar").get_by_text(IDLE).wait_for(timeout=RUN_TIMEOUT_MS)
    return page.locator(PANEL)


def test_printed_url_opens_the_start_page_and_its_explorer_before_running(
    page, make_lab, screenshot
):
    assert "/lab/tree/notebooks/00_start_here.ipynb?token=" in make_lab
    page.goto(make_lab)
    try:
        status = page.locator("#jp-main-statusbar")
        status.get_by_text(IDLE).wait_for(timeout=RUN_TIMEOUT_MS)
        tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
        assert tab.text_content().strip() == "00_start_here.ipynb"
        # The file browser opens in notebooks/, and its root is the project: data/ and
        # README.md are one click away (the folder icon of the path above the list).
        listing = page.locator(".jp-FileBrowser .jp-DirListing-itemText")
        listing.get_by_text("00_start_here.ipynb").wait_for(timeout=30_000)
        page.locator(".jp-FileBrowser .jp-BreadCrumbs-home").click()
        listing.get_by_text("README.md", exact=True).wait_for(timeout=30_000)
        items = {i.strip() for i in listing.all_text_contents()}
        assert {"data", "notebooks", "README.md"} <= items, items
        # Nothing run: the explorer is drawn from the state stored in the notebook.
        panel = page.locator(PANEL)
        assert "[1]" not in (panel.locator(".jp-InputPrompt").first.text_content() or "")
        panel.locator(".kz-explorer").first.wait_for(state="visible", timeout=30_000)
        assert_widgets_rendered(page, panel)
        assert "VBox(children" not in panel.inner_text()
    finally:
        screenshot(page)


# Widths of every element inside an explorer wider than its box: scrollbars or clipping.
OVERFLOW = """(explorer) => {
  const wide = [];
  for (const el of [explorer, ...explorer.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.clientWidth === 0) continue;
    const scrolls = ['auto', 'scroll', 'hidden'].includes(style.overflowX);
    if ((el === explorer || scrolls) && el.scrollWidth > el.clientWidth + 1) {
      wide.push(`${el.className || el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  const cell = explorer.closest('.jp-OutputArea-output').getBoundingClientRect();
  const box = explorer.getBoundingClientRect();
  if (box.right > cell.right + 1) wide.push(`explorer ends ${box.right - cell.right} px out`);
  return wide;
}"""


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_explorer_fits_at_1024(browser, make_lab, name):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    try:
        panel = _open(page, make_lab, name)
        assert page.locator(".jp-FileBrowser").is_visible()  # the file browser is open
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(ALL_RUN, timeout=RUN_TIMEOUT_MS, polling=500)
        page.locator("#jp-main-statusbar").get_by_text(IDLE).wait_for(timeout=RUN_TIMEOUT_MS)
        assert_widgets_rendered(page, panel)
        explorers = panel.locator(".kz-explorer")
        assert explorers.count() >= 1
        too_wide = [w for e in explorers.all() for w in e.evaluate(OVERFLOW)]
        explorers.first.scroll_into_view_if_needed()
        page.screenshot(path=str(ROOT / "artifacts" / "screenshots" / f"1024_{name}.png"))
        assert not too_wide, too_wide
    finally:
        context.close()
