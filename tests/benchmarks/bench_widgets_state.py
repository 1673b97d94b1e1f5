"""Time the notebook 02 and 03 widgets: median milliseconds per control move.

Each move is one full update (the pure kzlib call, the text, and the chart redrawn
in place and re-encoded as PNG). The house target is well under 100 ms.

Run: .venv/bin/python tests/benchmarks/bench_widgets_state.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from kzlib.widgets.institutions import build_reform_explorer
from kzlib.widgets.presidency import SLIDER_MAX, SLIDER_MIN, build_tenure_explorer


def timed(moves: list[Callable[[], None]]) -> list[float]:
    """Milliseconds for each move."""
    out = []
    for move in moves:
        start = time.perf_counter()
        move()
        out.append((time.perf_counter() - start) * 1000)
    return out


def setter(control, value) -> Callable[[], None]:
    return lambda: setattr(control, "value", value)


def main() -> None:
    tenure = build_tenure_explorer()
    year, rule = tenure.controls["start_year"], tenure.controls["rule"]
    rules = [value for _label, value in rule.options]
    years = (SLIDER_MIN, 2000, 2007, 2019, 2022, SLIDER_MAX, 2010, 2024)
    year_moves = [setter(year, y) for y in years]
    rule_moves = [setter(rule, r) for r in rules * 3]

    reforms = build_reform_explorer()
    choice = reforms.controls["change"]
    options = [value for _label, value in choice.options]
    change_moves = [setter(choice, v) for v in options + options[::-1]]

    rows = [
        ("02 tenure: start year", timed(year_moves)),
        ("02 tenure: rule set", timed(rule_moves)),
        ("03 before/after: change", timed(change_moves)),
    ]
    print(f"{'control':28} {'moves':>5} {'median ms':>10} {'max ms':>8}")
    for name, times in rows:
        print(f"{name:28} {len(times):>5} {statistics.median(times):>10.1f} {max(times):>8.1f}")
    for explorer in (tenure, reforms):
        assert explorer.error.value == "", explorer.error.value


if __name__ == "__main__":
    main()
