"""Exercises of notebook 02 · The presidency: one seven-year term.

Every answer is computed from ``data/`` by kzlib when the check runs; none is printed
in the notebook above its exercise (another start year, another base).
"""

from __future__ import annotations

from kzlib.exercises import Exercise
from kzlib.presidency import era_tenure, presidential_votes

__all__ = ["EXERCISES"]


def _end_if_first_elected_2008() -> int:
    return era_tenure(2008).end


def _tokayev_gain_candidates_only() -> float:
    # Like with like: 2019 had no 'against all', so leave it out of 2022 as well.
    shares = []
    for year in (2019, 2022):
        votes, _against_all = presidential_votes(year)
        shares.append(votes["Kassym-Jomart Tokayev"] * 100 / sum(votes.values()))
    return round(shares[1] - shares[0], 2)


EXERCISES: dict[str, Exercise] = {
    "02-1": Exercise(
        answer=_end_if_first_elected_2008,
        hint="Find the rule in force in the year of the first election, then lay its terms end "
             "to end: term length times the number of terms allowed in a row.",
    ),
    "02-2": Exercise(
        answer=_tokayev_gain_candidates_only,
        hint="Use the same base in both years: the votes for candidates only (2019 had no "
             "'against all', so leave it out of 2022 too). Then subtract, in percentage points, "
             "2 decimals.",
        tolerance=0.01,
    ),
}
