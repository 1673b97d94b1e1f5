"""Time one widget update (compute + redraw) of the notebook 04 and 09 panels.

Run: ``.venv/bin/python tests/benchmarks/bench_widgets_local.py``. Builds each explorer,
moves every control a few times and prints the median milliseconds per update
(the house target is well under 100 ms). A script, not a test: timings depend on
the machine.
"""

from __future__ import annotations

import statistics
import time

from kzlib.widgets.akims import build_akim_explorer
from kzlib.widgets.parties import build_registration_explorer

ROUNDS = 5


def median_ms(explorer, moves: list[tuple[str, object]]) -> float:
    timings = []
    for _ in range(ROUNDS):
        for name, value in moves:
            start = time.perf_counter()
            explorer.controls[name].value = value
            timings.append((time.perf_counter() - start) * 1000)
            assert explorer.error.value == "", explorer.error.value
    return statistics.median(timings)


def main() -> None:
    parties = build_registration_explorer()
    party_moves = [("members", 4000), ("members", 20000), ("branch_members", 150),
                   ("branch_members", 700), ("initiative_group", 650), ("initiative_group", 1200),
                   ("year", 2015), ("year", 2020), ("year", 2023), ("members", 6000)]
    akims = build_akim_explorer()
    akim_moves = [("level", "region"), ("year", 2012), ("year", 2022), ("level", "district"),
                  ("year", 2023), ("year", 2025), ("level", "rural"), ("year", 2013),
                  ("year", 2021)]
    for name, explorer, moves in (("parties (notebook 04)", parties, party_moves),
                                  ("akims (notebook 09)", akims, akim_moves)):
        print(f"{name}: median {median_ms(explorer, moves):.1f} ms per update "
              f"({ROUNDS * len(moves)} updates)")


if __name__ == "__main__":
    main()
