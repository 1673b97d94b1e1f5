"""Exercises of notebook 06 · How seats are counted.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib.cases import mazhilis_count, mazhilis_election
from kzlib.counting import compare_methods, house_size_paradoxes
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _quota_2023() -> float:
    return round(float(mazhilis_count(2023).quota), 2)


def _largest_remainder_2021() -> str:
    count = mazhilis_count(2021)
    ranks = count.remainder_ranks()
    return min(ranks, key=ranks.get)


def _amanat_dhondt_2023() -> int:
    e = mazhilis_election(2023)
    table = compare_methods(e.votes, 69, "5%", e.against_all, methods=["dhondt"])
    return int(table.loc[0, "Amanat"])


def _first_paradox_2023() -> int:
    e = mazhilis_election(2023)
    found = house_size_paradoxes(e.votes, "hare", range(1, 101), "5%", e.against_all)
    return found[0].seats


EXERCISES: dict[str, Exercise] = {
    "06-1": Exercise(
        answer=_quota_2023,
        hint="Add up the votes of the six lists that passed 5% (leave out Baitaq and "
        "'against all') and divide by 69; or read mazhilis_count(2023).quota.",
        tolerance=0.01,
    ),
    "06-2": Exercise(
        answer=_largest_remainder_2021,
        hint="Divide each admitted list's 2021 votes by the quota and compare the parts after "
        "the decimal point; mazhilis_count(2021).table() has a remainder_rank column.",
    ),
    "06-3": Exercise(
        answer=_amanat_dhondt_2023,
        hint="compare_methods(votes, 69, '5%', against_all) with the 2023 votes; read the "
        "Amanat column of the dhondt row.",
    ),
    "06-4": Exercise(
        answer=_first_paradox_2023,
        hint="house_size_paradoxes(votes, 'hare', range(1, 101), '5%', against_all) lists every "
        "house size S where a list has fewer seats at S + 1; take the first one's .seats.",
    ),
}
