"""Exercises of notebook 03 · Institutions: a Constitutional Court, a smaller Senate quota.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib.compare.reforms import before_after, composition
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _appointees_cut() -> int:
    def appointed(period: str) -> int:
        parts = composition("Senate", period)
        return sum(s.seats or 0 for s in parts if s.component.startswith("appointed"))

    return appointed("before 2023") - appointed("from 2023")


def _smd_share_2023() -> float:
    parts = {s.component: s.seats for s in composition("Mazhilis", "from 2023")}
    return round(parts["single_member"] * 100 / sum(parts.values()), 2)


def _undated_institution_changes() -> int:
    table = before_after("institutions")
    return int(table["effective"].isna().sum())


EXERCISES: dict[str, Exercise] = {
    "03-1": Exercise(
        answer=_appointees_cut,
        hint="Add up the 'appointed' parts of composition('Senate', period) before and after; "
             "subtract.",
    ),
    "03-2": Exercise(
        answer=_smd_share_2023,
        hint="composition('Mazhilis', 'from 2023'): single-member seats * 100 / all seats, "
             "rounded to 2 decimals.",
        tolerance=0.01,
    ),
    "03-3": Exercise(
        answer=_undated_institution_changes,
        hint="before_after('institutions') has an 'effective' column; count the missing dates "
             "with .isna().sum().",
    ),
}
