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

# Mazhilis 2023, the seven lists (CEC final results, data/mazhilis_list_results.csv).
VOTES = {
    "Amanat": 3431510,
    "Auyl": 693938,
    "Respublica": 547154,
    "Ak Zhol": 535139,
    "QHP": 432920,
    "JSDP": 331058,
    "Baitaq": 146431,
}
SEATS = 69
OFFICIAL = [40, 8, 6, 6, 5, 4]


def median_us(stmt, number: int = 2000, repeat: int = 7) -> float:
    """Median microseconds per call over ``repeat`` runs of ``number`` calls."""
    runs = timeit.repeat(stmt, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1e6


#: kzlib method -> the apportionment package's name for the same method.
PAIRS = {
    "hare": "largest_remainder",
    "dhondt": "dhondt",
    "sainte-lague": "saintelague",
    "modified-sainte-lague": "modified_saintelague",
}


def main() -> None:
    vote_list = list(VOTES.values())
    assert compute("largest_remainder", vote_list[:-1], SEATS) == OFFICIAL
    full = kzlib.allocate(VOTES, SEATS, "hare", "5%")
    assert [s for s in full.seats.values() if s] == OFFICIAL

    # Same input on both sides: all 7 lists, a 5% threshold of the party votes, exact
    # kzlib against apportionment's float arithmetic (its default).
    print("7 lists, 5% threshold           seats  kzlib µs  apportionment µs  ratio")
    worst = 0.0
    for seats in (SEATS, 98):
        for ours, theirs in PAIRS.items():
            expected = compute(theirs, vote_list, seats, threshold=0.05)
            assert list(kzlib.allocate(VOTES, seats, ours, "5%").seats.values()) == expected
            us_ours = median_us(lambda: kzlib.allocate(VOTES, seats, ours, "5%"))  # noqa: B023
            us_theirs = median_us(
                lambda: compute(theirs, vote_list, seats, threshold=0.05)  # noqa: B023
            )
            worst = max(worst, us_ours / us_theirs)
            print(f"{ours:<30} {seats:>6} {us_ours:9.1f} {us_theirs:17.1f} "
                  f"{us_ours / us_theirs:6.2f}x")
    print(f"\nslowest ratio kzlib / apportionment: {worst:.2f}x (goal: at most 1.00x)")
    many = median_us(lambda: kzlib.allocate({"A": 600, "B": 300, "C": 100}, 10**7, "dhondt"),
                     number=50)
    print(f"kzlib dhondt, 3 parties, 10,000,000 seats: {many:.1f} µs "
          "(cost does not grow with seats)")


if __name__ == "__main__":
    main()
