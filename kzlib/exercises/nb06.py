"""Exercises of notebook 06 · How seats are counted.

Every answer is computed from ``data/`` by kzlib when the check runs. Each asks about a
case the notebook does not show (another house size, the 2021 votes at 5%, another
council size), so that the student predicts first and then computes.
"""

from __future__ import annotations

from kzlib.cases import mazhilis_election
from kzlib.counting import (
    article_97_1_steps,
    compare_methods,
    effective_threshold,
    house_size_paradoxes,
    threshold_effect,
)
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]

#: House size of the what-ifs in 06-1 and 06-3: the list seats of 2007–2021.
_OLD_LIST_SEATS = 98

#: Seats of the Kurultai, the one-chamber parliament of the 2026 Constitution.
_KURULTAI_SEATS = 145


def _quota_2023_at_98() -> float:
    """The 2023 quota had the list tier kept 98 seats (exact; asked to 2 decimals)."""
    e = mazhilis_election(2023)
    count = article_97_1_steps(e.votes, _OLD_LIST_SEATS, "5%", e.against_all)
    return float(count.quota)


def _remainder_seat_2021_at_5() -> str:
    """The list that won the one remainder seat: 2021 votes, 5%, 98 seats."""
    e = mazhilis_election(2021)
    count = article_97_1_steps(e.votes, _OLD_LIST_SEATS, "5%", base="votes")
    ranks = count.remainder_ranks()
    return min(ranks, key=ranks.get)


def _amanat_dhondt_2023_at_98() -> int:
    e = mazhilis_election(2023)
    table = compare_methods(e.votes, _OLD_LIST_SEATS, "5%", e.against_all, methods=["dhondt"])
    return int(table.loc[0, "Amanat"])


def _first_paradox_2021_at_5() -> int:
    e = mazhilis_election(2021)
    found = house_size_paradoxes(e.votes, "hare", range(1, 151), "5%", base="votes")
    return found[0].seats


def _kurultai_effective_threshold() -> float:
    """Per cent, exact; asked to 2 decimals."""
    return float(effective_threshold(_KURULTAI_SEATS))


def _nur_otan_loss_if_auyl_passed_2021() -> int:
    e = mazhilis_election(2021)
    effect = threshold_effect(e.votes, _OLD_LIST_SEATS, "Auyl", "7%", base="votes")
    return -effect.changes.get("Nur Otan", 0)


EXERCISES: dict[str, Exercise] = {
    "06-1": Exercise(
        answer=_quota_2023_at_98,
        hint="The quota is the votes of the lists that passed, shared out over the seats: "
        "the same votes as in 2023, only more seats to share. 'Against all' and the list "
        "below 5% stay out of the sum.",
        tolerance=0.005,
    ),
    "06-2": Exercise(
        answer=_remainder_seat_2021_at_5,
        hint="With 5% instead of 7%, one more list enters, so the quota changes. Divide each "
        "admitted list's votes by the new quota and compare the parts after the point.",
    ),
    "06-3": Exercise(
        answer=_amanat_dhondt_2023_at_98,
        hint="D'Hondt hands out the seats one at a time, each to the list with the most votes "
        "per seat it would then hold; use the explorer with the 2023 votes and 98 seats.",
    ),
    "06-4": Exercise(
        answer=_first_paradox_2021_at_5,
        hint="Compare each house size with one seat more, starting from 1, and stop at the "
        "first size where some list has fewer seats in the bigger house.",
    ),
    "06-5": Exercise(
        answer=_kurultai_effective_threshold,
        hint="Taagepera's rule of thumb puts the effective threshold of one district at 75% "
        "divided by the number of seats plus one.",
        tolerance=0.005,
    ),
    "06-6": Exercise(
        answer=_nur_otan_loss_if_auyl_passed_2021,
        hint="Once Auyl is in, the quota is computed over four lists instead of three; every "
        "list's quotient shrinks. Count Nur Otan's seats both ways.",
    ),
}
