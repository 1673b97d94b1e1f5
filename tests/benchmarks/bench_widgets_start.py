"""Time one update (compute + redraw + PNG) of the notebook 00 and 01 widgets.

Run with ``python tests/benchmarks/bench_widgets_start.py``. Builds the timeline explorer
(notebook 00) and the referendum denominator explorer (notebook 01), moves each
control through a few values, and prints the median milliseconds per update for each
control. Both charts redraw only their moving artists (``BlitChartView``).
A measurement, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import statistics
import time

from kzlib import timeline
from kzlib.referendum import BASES
from kzlib.widgets.referendum import build_denominator_explorer
from kzlib.widgets.timeline import ALL, build_timeline_explorer

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
    ex = build_timeline_explorer()
    c = ex.controls
    rows.append(("00 category toggle", median_ms(c["category"], [*timeline.CATEGORIES, ALL])))
    low, high = c["years"].min, c["years"].max
    rows.append(("00 years range", median_ms(c["years"], [(low, high), (2022, 2023), (2023, high),
                                                          (low, 2021), (2022, high)])))
    ref = build_denominator_explorer()
    c = ref.controls
    rows.append(("01 denominator dropdown", median_ms(c["of"], [*BASES[1:], BASES[0]])))
    rows.append(("01 answer dropdown", median_ms(c["option"], ["no", "yes"])))
    assert ex.error.value == "" and ref.error.value == "", (ex.error.value, ref.error.value)

    width = max(len(name) for name, _ in rows)
    print(f"{'control':<{width}}  median ms per update")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.1f}")


if __name__ == "__main__":
    main()
