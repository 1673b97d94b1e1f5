"""Exercises of notebook 08 · Maslikhats (local councils).

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib import cases
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _astana_amanat_at_7() -> int:
    return cases.maslikhat_list_tier("Astana city", threshold="7%").seats["Amanat"]


def _almaty_amanat_dhondt() -> int:
    return cases.maslikhat_list_tier("Almaty city", method="dhondt").seats["Amanat"]


def _list_share_of_all_seats() -> float:
    every_council = cases.maslikhat_levels_table().iloc[-1]  # the "all maslikhats" row
    return round(100 * every_council.list_seats / every_council.seats, 1)


EXERCISES: dict[str, Exercise] = {
    "08-1": Exercise(
        answer=_astana_amanat_at_7,
        hint="maslikhat_list_tier('Astana city', threshold='7%').seats['Amanat'].",
    ),
    "08-2": Exercise(
        answer=_almaty_amanat_dhondt,
        hint="maslikhat_list_tier('Almaty city', method='dhondt').seats['Amanat'].",
    ),
    "08-3": Exercise(
        answer=_list_share_of_all_seats,
        hint="List mandates (DERIVED) divided by all mandates, times 100, rounded to 1 decimal.",
        tolerance=0.05,
    ),
}
