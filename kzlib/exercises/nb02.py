"""Exercises of notebook 02 · The presidency: one seven-year term.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib.exercises import Exercise
from kzlib.presidency import (
    effective_number_of_candidates,
    max_tenure,
    presidential_votes,
    tenure_years,
)

__all__ = ["EXERCISES"]


def _last_year_old_rule_2019() -> int:
    return max_tenure(2019, "old")[-1].end


def _years_shorter_new_rule() -> int:
    return tenure_years(max_tenure(2022, "old")) - tenure_years(max_tenure(2022, "new"))


def _enc_2022() -> float:
    return round(effective_number_of_candidates(2022), 2)


def _tokayev_gain_points() -> float:
    shares = []
    for year in (2019, 2022):
        votes, against_all = presidential_votes(year)
        shares.append(votes["Kassym-Jomart Tokayev"] * 100 / (sum(votes.values()) + against_all))
    return round(shares[1] - shares[0], 2)


EXERCISES: dict[str, Exercise] = {
    "02-1": Exercise(
        answer=_last_year_old_rule_2019,
        hint="max_tenure(2019, 'old') lists the terms; the last term's .end is the year "
             "the tenure ends.",
    ),
    "02-2": Exercise(
        answer=_years_shorter_new_rule,
        hint="tenure_years(max_tenure(2022, 'old')) minus tenure_years(max_tenure(2022, 'new')).",
    ),
    "02-3": Exercise(
        answer=_enc_2022,
        hint="effective_number_of_candidates(2022) counts candidates only; round to 2 decimals.",
        tolerance=0.01,
    ),
    "02-4": Exercise(
        answer=_tokayev_gain_points,
        hint="Each year: Tokayev's votes * 100 / (all candidate votes + 'against all'); "
             "then 2022 minus 2019, in percentage points, rounded to 2 decimals.",
        tolerance=0.01,
    ),
}
