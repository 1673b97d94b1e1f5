"""Time one update (compute + redraw + PNG) of the notebook 06 widget.

Run with ``python tests/benchmarks/bench_widgets_counting.py``. Builds the counting
explorer, moves each control through a few values, and prints the median
milliseconds per update for each control. A slider move redraws only the moving
artists (bars, labels, markers) unless the y-axis has to grow; a new method or a
new set of votes redraws the whole figure, so those rows are slower. A
measurement, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import statistics
import time

from kzlib.widgets.counting import build_counting_explorer

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
    ex = build_counting_explorer()
    c = ex.controls
    rows = [
        ("06 seats slider (small steps)", median_ms(c["seats"], [66, 67, 68, 69, 70, 71, 65])),
        ("06 seats slider (big jumps)", median_ms(c["seats"], [10, 150, 98, 30, 69])),
        ("06 method dropdown", median_ms(c["method"], ["droop", "dhondt", "sainte-lague",
                                                        "modified-sainte-lague", "hare"])),
        ("06 votes dropdown", median_ms(c["election"], ["2021", "2021-at-5", "textbook", "2023"])),
    ]
    assert ex.error.value == "", ex.error.value

    width = max(len(name) for name, _ in rows)
    print(f"{'control':<{width}}  median ms per update")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.1f}")


if __name__ == "__main__":
    main()
