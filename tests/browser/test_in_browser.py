"""Every notebook in a real browser: JupyterLab (and Voila for two dashboards) in Chromium.

For each notebook: open it, run all cells, wait for the kernel, then assert no error
output and every widget rendered; change one control *from the page* (a key on a
slider, an option of a dropdown, a click on a toggle) and check that the panel shows
what the same builder, driven headless to the same setting, computes with kzlib.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from explorers import build_as_in_notebook

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# Kernel start, imports and a full run of the slowest notebook on a loaded 2-core machine.
RUN_TIMEOUT_MS = 180_000
UPDATE_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Move:
    """One control changed from the page: ``end`` (slider to its maximum with the End key),
    ``select`` (dropdown option number ``arg``) or ``toggle`` (the button labelled ``arg``)."""

    control: str
    action: str
    arg: Any = None


MOVES = {
    "00_start_here": Move("category", "toggle", "Elections"),
    "01_referendum_2022": Move("rule", "select", 1),
    "02_presidency": Move("start_year", "end"),
    "03_institutions": Move("change", "select", 0),
    "04_parties": Move("year", "end"),
    "05_threshold_7_to_5": Move("threshold", "end"),
    "06_how_seats_are_counted": Move("method", "select", 2),
    "07_mazhilis_mixed_system": Move("list_share", "end"),
    "08_maslikhats": Move("council", "select", 2),
    "09_akims": Move("level", "select", 1),
    "10_what_if_lab": Move("points", "end"),
    "11_constitution_2026": Move("threshold", "end"),
}


def test_every_notebook_has_a_move():
    assert sorted(MOVES) == NOTEBOOKS


# --- the headless twin -------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    """The text content of an HTML fragment, as the browser's ``textContent`` gives it."""
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def squeeze(text: str) -> str:
    """Text without whitespace: layout may add or drop spaces and line breaks."""
    return re.sub(r"\s+", "", text)


def expected_after(name: str) -> tuple[str, str]:
    """(readout before, readout after the move), computed headless through kzlib."""
    explorer = build_as_in_notebook(ROOT / "notebooks" / f"{name}.ipynb")
    before = text_of(explorer.text.value)
    move = MOVES[name]
    control = explorer.controls[move.control]
    if move.action == "end":
        control.value = control.max
    elif move.action == "select":
        control.index = move.arg
    elif move.action == "toggle":
        control.index = list(control._options_labels).index(move.arg)
    assert not explorer.error.value, explorer.error.value
    return before, text_of(explorer.text.value)


# --- the page ------------------------------------------------------------------------------


def control_box(page, root, description: str):
    """The innermost widget holding the label ``description``."""
    label = page.locator(".widget-label", has_text=description)
    return root.locator(".lm-Widget").filter(has=label).last


def move_control(page, root, explorer_description: str, move: Move) -> None:
    box = control_box(page, root, explorer_description)
    if move.action == "end":
        handle = box.locator(".noUi-handle").first
        handle.focus()
        handle.press("End")
    elif move.action == "select":
        box.locator("select").select_option(index=move.arg)
    elif move.action == "toggle":
        box.locator("button", has_text=re.compile(rf"^\s*{re.escape(move.arg)}\s*$")).click()


def readout(root) -> str:
    return root.locator(".kz-readout .widget-html-content").text_content() or ""


def wait_for_readout(page, root, expected: str) -> str:
    """Poll the panel until it shows ``expected`` (whitespace aside); return what it shows."""
    deadline_ms = UPDATE_TIMEOUT_MS
    shown = ""
    while deadline_ms > 0:
        shown = readout(root)
        if squeeze(shown) == squeeze(expected):
            return shown
        page.wait_for_timeout(250)
        deadline_ms -= 250
    return shown


def assert_widgets_rendered(page, root) -> None:
    for placeholder in ("Loading widget...", "Error displaying widget"):
        locator = root.get_by_text(placeholder)
        try:
            locator.first.wait_for(state="detached", timeout=20_000)
        except Exception:
            pytest.fail(f"a widget shows {placeholder!r}")


def check_move(page, root, name: str) -> None:
    before, after = expected_after(name)
    assert squeeze(before) != squeeze(after), "the chosen move changes nothing: pick another"
    build = build_as_in_notebook(ROOT / "notebooks" / f"{name}.ipynb")
    description = build.controls[MOVES[name].control].description
    # A notebook may show more than one explorer (10: the lab and the seat ranges): the
    # one checked is the one that holds the control moved.
    label = page.locator(".widget-label", has_text=description)
    explorer = root.locator(".kz-explorer").filter(has=label)
    assert explorer.count() == 1
    shown = wait_for_readout(page, explorer, before)
    assert squeeze(shown) == squeeze(before), "panel does not show the kzlib result at start"
    move_control(page, explorer, description, MOVES[name])
    shown = wait_for_readout(page, explorer, after)
    assert squeeze(shown) == squeeze(after), (
        f"after moving {description!r} the page shows\n{shown}\nbut kzlib gives\n{after}"
    )
    assert not (explorer.locator(".kz-error").text_content() or "").strip()


# --- JupyterLab ---------------------------------------------------------------------------

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
ALL_RUN = f"""() => {{
  const prompts = [...document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputPrompt')];
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}}"""


def run_all_in_lab(page, lab_url: str, name: str):
    page.goto(f"{lab_url}/lab/tree/notebooks/{name}.ipynb?reset")
    status = page.locator("#jp-main-statusbar")
    status.get_by_text(re.compile(r"\|\s*Idle")).wait_for(timeout=RUN_TIMEOUT_MS)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_RUN, timeout=RUN_TIMEOUT_MS, polling=500)
    status.get_by_text(re.compile(r"\|\s*Idle")).wait_for(timeout=RUN_TIMEOUT_MS)
    return page.locator(PANEL)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(page, lab_url, screenshot, name):
    panel = run_all_in_lab(page, lab_url, name)
    try:
        errors = panel.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        )
        assert errors.count() == 0, f"error output: {errors.first.text_content()[:500]}"
        assert_widgets_rendered(page, panel)
        assert panel.locator(".jupyter-widgets").count() > 0
        check_move(page, panel, name)
    finally:
        screenshot(page)


# --- Voila ---------------------------------------------------------------------------------

DASHBOARDS = ["05_threshold_7_to_5", "07_mazhilis_mixed_system"]


@pytest.mark.parametrize("name", DASHBOARDS)
def test_dashboard_in_voila(page, voila_server, screenshot, name):
    # The dashboard notebook (notebooks/dashboards/): title, one sentence, the explorer.
    page.goto(f"{voila_server}/voila/render/dashboards/{name}.ipynb")
    try:
        page.locator(".kz-explorer").first.wait_for(timeout=RUN_TIMEOUT_MS)
        body = page.locator("body")
        assert_widgets_rendered(page, body)
        assert page.locator(".kz-explorer").count() == 1
        assert "Exercise" not in body.inner_text()
        check_move(page, body, name)
    finally:
        screenshot(page)
