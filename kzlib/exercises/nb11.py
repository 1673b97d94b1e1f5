"""Exercises of notebook 11 · The 2026 Constitution and the Kurultai.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib.constitution import compare_with_mazhilis, kurultai_replay, load_referendum
from kzlib.exercises import Exercise
from kzlib.referendum import share_of

__all__ = ["EXERCISES"]


def _nur_otan_2021_at_7() -> int:
    return kurultai_replay(2021, threshold="7%").seats["Nur Otan"]


def _amanat_share_at_7() -> float:
    return round(float(compare_with_mazhilis(2023, threshold="7%").largest_share * 100), 1)


def _yes_of_valid_2026() -> float:
    return round(float(share_of(load_referendum(2026), "yes", of="valid_yes_no").percent), 2)


EXERCISES: dict[str, Exercise] = {
    "11-1": Exercise(
        answer=_nur_otan_2021_at_7,
        hint="Same ballots, new chamber: only the lists at or above 7% share the 145 seats, "
        "in proportion to their votes (Hare quota, largest remainders).",
    ),
    "11-2": Exercise(
        answer=_amanat_share_at_7,
        hint="A share of seats is the party's seats divided by all the seats of the chamber; "
        "at 7% fewer lists pass, so the same seats are shared among fewer parties.",
        tolerance=0.05,
    ),
    "11-3": Exercise(
        answer=_yes_of_valid_2026,
        hint="Change the denominator: leave out every ballot that is neither Yes nor No.",
        tolerance=0.01,
    ),
}
