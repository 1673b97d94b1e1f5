"""What a student feels: from a key press or a choice to the explorer's changed picture.

Run with ``make bench`` or ``python tests/benchmarks/bench_browser.py [NN ...]`` (panel
numbers, default all). For every explorer it starts JupyterLab on 127.0.0.1 (as the
browser tests do), runs the notebook in Debian's Chromium, then moves each control
several times *from the page*: ArrowRight/ArrowLeft on a slider's focused handle, the
next option of a dropdown, the next button of a toggle group, a click on a checkbox
(text boxes are not timed). A MutationObserver records
the time from the input event (a capturing listener) to the first change of the
explorer's outputs (readout, chart or error box), ignoring changes inside the control
itself. It prints the median, p95 and slowest milliseconds per control and overall, and
the p95 to the last change of each move (explorers show their numbers first, then the
chart, so the last change is usually the new picture).

A measurement, not a test: the numbers depend on the machine and its load. The budget
we aim for (issue 10) is p95 under 100 ms for every control.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MOVES_PER_CONTROL = 8

# The browser tests' helpers: server start/stop, Chromium flags, a throw-away workspace.
_spec = importlib.util.spec_from_file_location("browser_fixtures",
                                               ROOT / "tests" / "browser" / "conftest.py")
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Installed in the page: times input -> first change of an explorer output.
OBSERVER = """(root) => {
  window.kzTimes = [];
  window.kzStart = null;
  const controls = [...root.querySelectorAll(
      '.widget-slider, .widget-hslider, .widget-dropdown, .widget-toggle-buttons, ' +
      '.widget-checkbox, .widget-textarea')];
  const inControl = (node) => controls.some(c => c.contains(node));
  const start = () => { window.kzStart = performance.now(); };
  document.addEventListener('keydown', start, true);
  document.addEventListener('change', start, true);
  document.addEventListener('click', start, true);
  new MutationObserver((records) => {
    if (window.kzStart === null) return;
    // Every change of an output, so that both the first and the last one are known.
    if (records.some(r => !inControl(r.target))) {
      window.kzTimes.push(performance.now() - window.kzStart);
    }
  }).observe(root, {subtree: true, childList: true, characterData: true, attributes: true,
                    attributeFilter: ['src', 'style']});
}"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_notebook(page, base: str, name: str):
    page.goto(f"{base}/lab/tree/notebooks/{name}.ipynb?reset")
    status = page.locator("#jp-main-statusbar")
    status.get_by_text("Idle").wait_for(timeout=180_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"""() => {{
          const p = [...document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputPrompt')];
          return p.length > 0 && p.every(x => /\\[\\d+\\]/.test(x.textContent));
        }}""",
        timeout=180_000, polling=500,
    )
    status.get_by_text("Idle").wait_for(timeout=180_000)
    # Every explorer of the notebook (10 has the what-if lab and the seat ranges).
    return page.locator(f"{PANEL} .kz-explorer")


def disabled(control, kind: str) -> bool:
    """Whether the control is greyed out now (07 disables controls its design ignores)."""
    inner = {"slider": ".noUi-target[disabled]", "dropdown": "select:disabled",
             "checkbox": "input:disabled"}.get(kind, "button:disabled")
    return control.locator(inner).count() > 0


def one_move(page, control, kind: str, step: int) -> None:
    if kind == "slider":
        handle = control.locator(".noUi-handle").first
        handle.focus()
        handle.press("ArrowRight" if step % 4 < 2 else "ArrowLeft")
    elif kind == "dropdown":
        select = control.locator("select")
        count = select.locator("option").count()
        select.select_option(index=(step + 1) % count)
    elif kind == "checkbox":
        control.locator("input").click()
    else:
        buttons = control.locator("button")
        buttons.nth((step + 1) % buttons.count()).click()


def time_controls(page, explorer) -> dict[str, tuple[list[float], list[float]]]:
    """Per control label: milliseconds to the first and to the last change of each move."""
    explorer.evaluate(OBSERVER)
    kinds = {".widget-hslider, .widget-slider": "slider", ".widget-dropdown": "dropdown",
             ".widget-toggle-buttons": "toggle", ".widget-checkbox": "checkbox"}
    times: dict[str, list[float]] = {}
    settled: dict[str, list[float]] = {}
    for selector, kind in kinds.items():
        controls = explorer.locator(selector)
        for i in range(controls.count()):
            control = controls.nth(i)
            label = (control.locator(".widget-label").first.text_content() or kind).strip()
            for step in range(MOVES_PER_CONTROL):
                if disabled(control, kind):
                    break  # nothing to time: a disabled control cannot be moved
                page.evaluate("() => { window.kzTimes = []; }")
                one_move(page, control, kind, step)
                try:
                    page.wait_for_function("() => window.kzTimes.length > 0", timeout=10_000)
                except Exception:
                    continue  # this move changed nothing visible (e.g. a slider at its end)
                page.wait_for_timeout(400)  # the rest of the update (e.g. the chart) arrives
                first, last = page.evaluate("() => [window.kzTimes[0], window.kzTimes.at(-1)]")
                times.setdefault(label, []).append(first)
                settled.setdefault(label, []).append(last)
                page.evaluate("() => { window.kzStart = null; }")
    return {label: (times[label], settled[label]) for label in times}


def main(panels: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    reason = fx._missing_browser()
    if reason:
        sys.exit(reason)
    names = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    names = [n for n in names if not panels or n[:2] in panels]
    everything: list[float] = []
    done: list[float] = []
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as p:
        tmp = Path(tmp_name)
        fx._workspace(tmp)
        port = fx._free_port()
        base = f"http://127.0.0.1:{port}"
        server = fx._start(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
             f"--port={port}", "--ServerApp.token=", "--ServerApp.password=",
             f"--ServerApp.root_dir={tmp / 'work'}", "--LabApp.expose_app_in_browser=True",
             "--allow-root"],
            tmp, fx._jupyter_env(tmp), f"{base}/api/status",
        )
        browser = p.chromium.launch(executable_path=str(fx.CHROMIUM), headless=True,
                                    args=fx.CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
            print(f"{'panel':<28} {'control':<40} {'moves':>5} {'median':>7} {'p95':>6} "
                  f"{'max':>6} {'p95 all':>7}  (ms, input to first visible change; "
                  "p95 all: to the last change of the move)")
            for name in names:
                explorers = run_notebook(page, base, name)
                timed = {}
                for number, explorer in enumerate(explorers.all()):
                    explorer.scroll_into_view_if_needed()
                    prefix = f"#{number + 1} " if explorers.count() > 1 else ""
                    found = time_controls(page, explorer)
                    timed |= {prefix + label: t for label, t in found.items()}
                for label, (times, last) in timed.items():
                    everything += times
                    done += last
                    print(f"{name:<28} {label[:40]:<40} {len(times):>5} "
                          f"{statistics.median(times):7.1f} {percentile(times, 0.95):6.1f} "
                          f"{max(times):6.1f} {percentile(last, 0.95):7.1f}")
        finally:
            browser.close()
            fx._stop(server)
    if everything:
        print(f"\nall moves: {len(everything)}, median {statistics.median(everything):.1f} ms, "
              f"p95 {percentile(everything, 0.95):.1f} ms, slowest {max(everything):.1f} ms "
              "(budget: p95 under 100 ms)")
        print(f"to the last change: median {statistics.median(done):.1f} ms, "
              f"p95 {percentile(done, 0.95):.1f} ms, slowest {max(done):.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
