"""Time kzlib.batch.allocate_many against the apportionment package's loop.

Run with ``python tests/benchmarks/bench_batch.py``. The same 10,000 random
elections (7 parties, 69 seats, no threshold) are counted by Hare (largest
remainders) and D'Hondt, once by a Python loop over ``apportionment.methods.compute``
and once by one call of :func:`kzlib.batch.allocate_many`, in this one process; the
script prints allocations per second for both and the ratio (goal: at least 50×),
and checks that both give the same seats (apportionment uses floats; on these
counts no row is near a tie). A measurement, not a test: timings depend on the
machine and its load.
"""

from __future__ import annotations

import time

import numpy as np
from apportionment.methods import compute

from kzlib.batch import allocate_many

N, PARTIES, SEATS = 10_000, 7, 69
#: kzlib method -> the apportionment package's name for the same method.
PAIRS = {"hare": "largest_remainder", "dhondt": "dhondt"}
GOAL = 50.0


def elections(seed: int = 2023) -> np.ndarray:
    """N random elections: each list draws 10,000 to 3,500,000 votes (fixed seed)."""
    return np.random.default_rng(seed).integers(10_000, 3_500_000, size=(N, PARTIES))


def best_of(run, repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    votes = elections()
    rows = votes.tolist()
    print(f"{N:,} elections, {PARTIES} parties, {SEATS} seats\n")
    print(f"{'method':<8} {'apportionment /s':>17} {'allocate_many /s':>17} {'ratio':>8}")
    worst = float("inf")
    for ours, theirs in PAIRS.items():
        expected = [compute(theirs, row, SEATS) for row in rows]
        assert allocate_many(votes, SEATS, ours).tolist() == expected, ours
        loop = best_of(lambda: [compute(theirs, row, SEATS) for row in rows], 3)  # noqa: B023
        batch = best_of(lambda: allocate_many(votes, SEATS, ours), 7)  # noqa: B023
        ratio = loop / batch
        worst = min(worst, ratio)
        print(f"{ours:<8} {N / loop:17,.0f} {N / batch:17,.0f} {ratio:7.0f}x")
    verdict = "met" if worst >= GOAL else "NOT met"
    print(f"\nslowest ratio: {worst:.0f}x (goal: at least {GOAL:.0f}x, {verdict})")


if __name__ == "__main__":
    main()
