"""Exercises of notebook 08 · Maslikhats (local councils).

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib import mixed
from kzlib.data import read_rows
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _astana_amanat_at_7() -> int:
    return mixed.maslikhat_list_tier("Astana city", threshold="7%").seats["Amanat"]


def _almaty_amanat_dhondt() -> int:
    return mixed.maslikhat_list_tier("Almaty city", method="dhondt").seats["Amanat"]


def _list_share_of_all_seats() -> float:
    values = {r["item"]: int(r["value"]) for r in read_rows("maslikhat_2023_structure")}
    return round(100 * values["mandates_party_list"] / values["mandates_total"], 1)


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
