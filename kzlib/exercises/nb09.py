"""Exercises of notebook 09 · Akims: who chooses the heads of local administration?

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from fractions import Fraction

from kzlib.akims import phase_in, rollout_points
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _district_2027() -> float:
    # District akims from 2025, terms ending evenly over 5 years: a case the notebook
    # does not show (its panel opens on rural akims over 4 years).
    return float(phase_in(2025, 5, [2027])[2027])


def _point(as_of: str):
    return next(p for p in rollout_points("rural") if p.as_of == as_of)


def _never_civil_servants() -> int:
    # Karin: "more than 2,000" elected, "about 60%" never in the civil service.
    count = _point("30 October 2025").elected
    return int(count * Fraction(60, 100))


def _posts_implied_2024() -> int:
    # "about 2,500", "about 90%": the number of posts that 90% figure implies.
    point = _point("September 2024")
    return round(point.elected / (point.share / 100))


EXERCISES: dict[str, Exercise] = {
    "09-1": Exercise(
        answer=_district_2027,
        hint="In this model one fifth of the district posts gets its first direct election "
             "each year from 2025 on: count the years up to the end of 2027.",
        tolerance=0.01,
    ),
    "09-2": Exercise(
        answer=_never_civil_servants,
        hint="Take 60% of the smallest number that 'more than 2,000' allows.",
    ),
    "09-3": Exercise(
        answer=_posts_implied_2024,
        hint="If 2,500 posts are 90% of all posts, all posts are 2,500 divided by 0.9; "
             "round to whole posts.",
        tolerance=5,
    ),
}
