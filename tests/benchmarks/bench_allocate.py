"""Time kzlib.allocate against the apportionment package on the 2023 list vote.

Run with ``make bench`` (or ``python tests/benchmarks/bench_allocate.py``). Prints the
median time per call of each implementation over several repeats, and checks
that both give the official 2023 result. This is a measurement, not a test:
timings depend on the machine.
"""

from __future__ import annotations

import statistics
import timeit

from apportionment.methods import compute

import kzlib

# Mazhilis 2023, the six lists over 5% (CEC final results, data/mazhilis_list_results.csv).
# The apportionment package has no threshold base of its own, so both sides get the
# admitted lists only: the timing compares the allocation arithmetic.
VOTES = {
    "Amanat": 3431510,
    "Auyl": 693938,
    "Respublica": 547154,
    "Ak Zhol": 535139,
    "QHP": 432920,
    "JSDP": 331058,
    "Baitaq": 146431,
}
ADMITTED = {party: votes for party, votes in VOTES.items() if party != "Baitaq"}
SEATS = 69
OFFICIAL = [40, 8, 6, 6, 5, 4]


def median_us(stmt, number: int = 2000, repeat: int = 7) -> float:
    """Median microseconds per call over ``repeat`` runs of ``number`` calls."""
    runs = timeit.repeat(stmt, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1e6


def main() -> None:
    vote_list = list(ADMITTED.values())
    assert compute("largest_remainder", vote_list, SEATS) == OFFICIAL
    assert list(kzlib.allocate(ADMITTED, SEATS, "hare").seats.values()) == OFFICIAL
    full = kzlib.allocate(VOTES, SEATS, "hare", "5%")
    assert [s for s in full.seats.values() if s] == OFFICIAL

    rows = [
        ("apportionment compute('largest_remainder')", median_us(
            lambda: compute("largest_remainder", vote_list, SEATS))),
        ("apportionment compute('largest_remainder', fractions=True)", median_us(
            lambda: compute("largest_remainder", vote_list, SEATS, fractions=True))),
        ("kzlib.allocate(admitted, 69, 'hare')", median_us(
            lambda: kzlib.allocate(ADMITTED, SEATS, "hare"))),
        ("kzlib.allocate(all 7, 69, 'hare', '5%')", median_us(
            lambda: kzlib.allocate(VOTES, SEATS, "hare", "5%"))),
        ("kzlib.allocate(admitted, 69, 'dhondt')", median_us(
            lambda: kzlib.allocate(ADMITTED, SEATS, "dhondt"))),
        ("apportionment compute('dhondt')", median_us(
            lambda: compute("dhondt", vote_list, SEATS))),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'implementation (6 or 7 parties, 69 seats)':<{width}}  median µs/call")
    for name, us in rows:
        print(f"{name:<{width}}  {us:8.1f}")
    base, ours = rows[0][1], rows[2][1]
    print(f"\nkzlib hare / apportionment largest_remainder (float): {ours / base:.2f}x")


if __name__ == "__main__":
    main()
