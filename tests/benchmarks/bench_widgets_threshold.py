"""Time one update (compute + redraw + PNG) of the notebook 05 and 10 widgets.

Run with ``python tests/benchmarks/bench_widgets_threshold.py``. Builds the threshold
explorer (notebook 05) and the what-if lab (notebook 10), moves each control
through a few values, and prints the median milliseconds per update for each
control. Slider moves only redraw the moving artists (``BlitChartView``); a new
election, base or seat count redraws the whole figure, so those rows are slower.
A measurement, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import statistics
import time

from kzlib.widgets.threshold import build_threshold_explorer
from kzlib.widgets.whatif import build_whatif_explorer

REPEATS = 3


def median_ms(control, values) -> float:
    """Median milliseconds per update over REPEATS passes through ``values``."""
    times = []
    for _ in range(REPEATS):
        for value in values:
            start = time.perf_counter()
            control.value = value
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    rows = []
    ex = build_threshold_explorer()
    c = ex.controls
    rows.append(("05 threshold slider", median_ms(c["threshold"], [3.0, 4.5, 5.0, 7.0, 9.5, 5.0])))
    rows.append(("05 2009 rule checkbox", median_ms(c["one_party_rule"], [True, False])))
    rows.append(("05 seats dropdown", median_ms(c["seats"], [98, 69, "own"])))
    rows.append(
        ("05 base dropdown", median_ms(c["base"], ["votes", "ballots", "votes_and_against_all"]))
    )
    rows.append(("05 election dropdown", median_ms(c["election"], [2007, 2021, 2023])))

    lab = build_whatif_explorer(2023)
    c = lab.controls
    c["from_party"].value, c["to_party"].value = "Amanat", "Baitaq"
    rows.append(("10 points slider", median_ms(c["points"], [0.5, 1.0, 2.7, 4.0, 0.0])))
    rows.append(
        ("10 custom threshold slider", median_ms(c["custom_threshold"], [3.0, 4.0, 7.0, 5.0]))
    )
    rows.append(
        ("10 custom method", median_ms(c["custom_method"], ["dhondt", "sainte-lague", "hare"]))
    )
    rows.append(("10 custom seats", median_ms(c["custom_seats"], [69, 120, 98])))
    rows.append(
        (
            "10 scenario A era",
            median_ms(c["scenario_a"], ["custom", "2023 list tier", "2021 rules"]),
        )
    )
    rows.append(("10 election dropdown", median_ms(c["election"], [2007, 2021, 2023])))
    rows.append(("10 pasted text", median_ms(c["paste"], ["A,600\nB,300\nC,100", "A,520\nB,480"])))
    assert lab.error.value == "" and ex.error.value == "", (lab.error.value, ex.error.value)

    width = max(len(name) for name, _ in rows)
    print(f"{'control':<{width}}  median ms per update")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.1f}")


if __name__ == "__main__":
    main()
