"""Time one update (compute + redraw + PNG) of the notebook 07 and 08 widgets.

Run with ``python tests/benchmarks/bench_widgets_mixed.py``. Builds the mixed-Mazhilis
explorer (notebook 07) and the city-maslikhat explorer (notebook 08), moves each
control through a few values, and prints the median milliseconds per update for
each control. Most moves redraw only the bars, labels and lines (``BlitChartView``);
a move that changes the y axis of notebook 07 (a grown house) redraws the whole
figure. A measurement, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import statistics
import time

from kzlib.widgets.maslikhat import build_maslikhat_explorer
from kzlib.widgets.mixed import build_mixed_explorer

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
    ex = build_mixed_explorer()
    c = ex.controls
    rows.append(("07 list share slider", median_ms(c["list_share"], [69, 71, 60, 75, 50, 70])))
    readings = ["wikipedia", "electionguide", "disputed"]
    rows.append(("07 reading dropdown", median_ms(c["reading"], readings)))
    models = ["list shares", "leader sweeps", "2023 result"]
    rows.append(("07 district model", median_ms(c["district_model"], models)))
    rows.append(("07 system dropdown", median_ms(c["system"], ["compensatory", "parallel"])))
    c["system"].value = "compensatory"
    rows.append(("07 overhang rule (MMP)", median_ms(c["overhang"], ["fixed", "level", "keep"])))
    rows.append(("07 list share slider (MMP)", median_ms(c["list_share"], [69, 60, 75, 50, 70])))

    lab = build_maslikhat_explorer()
    c = lab.controls
    rows.append(("08 threshold slider", median_ms(c["threshold"], [3.0, 4.5, 5.5, 7.0, 9.5, 5.0])))
    rows.append(("08 base dropdown", median_ms(c["base"], ["votes", "votes_and_against_all"])))
    methods = ["dhondt", "sainte-lague", "droop", "hare"]
    rows.append(("08 method dropdown", median_ms(c["method"], methods)))
    rows.append(("08 council dropdown", median_ms(c["council"], ["Almaty city", "Astana city"])))
    assert ex.error.value == "" and lab.error.value == "", (ex.error.value, lab.error.value)

    width = max(len(name) for name, _ in rows)
    print(f"{'control':<{width}}  median ms per update")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.1f}")


if __name__ == "__main__":
    main()
