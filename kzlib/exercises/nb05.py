"""Exercises of notebook 05 · The threshold: from 7% to 5%.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

import math

from kzlib.cases import mazhilis_election
from kzlib.compare.elections import entry_thresholds, outcome
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _auyl_seats_2021_at_5() -> int:
    e = mazhilis_election(2021)
    return outcome(e.votes, seats=98, threshold="5%", base="votes").seats["Auyl"]


def _adal_entry_threshold() -> float:
    e = mazhilis_election(2021)
    return round(float(entry_thresholds(e.votes, base="votes")["Adal"]), 2)


def _extra_votes_needed_2023() -> int:
    # Votes a list needed to reach 5%: with 'against all' in the base, and without.
    e = mazhilis_election(2023)
    with_aa = outcome(
        e.votes, e.against_all, seats=69, threshold="5%", base="votes_and_against_all"
    )
    without = outcome(e.votes, e.against_all, seats=69, threshold="5%", base="votes")
    needed = [math.ceil(a.threshold.share * a.base_total) for a in (with_aa, without)]
    return needed[0] - needed[1]


EXERCISES: dict[str, Exercise] = {
    "05-1": Exercise(
        answer=_auyl_seats_2021_at_5,
        hint="Use outcome(votes, seats=98, threshold='5%', base='votes') with the 2021 votes "
        "and read .seats['Auyl'].",
    ),
    "05-2": Exercise(
        answer=_adal_entry_threshold,
        hint="A party passes every threshold up to its own share of the base: "
        "entry_thresholds(votes, base='votes')['Adal'], rounded to 2 decimals.",
        tolerance=0.01,
    ),
    "05-3": Exercise(
        answer=_extra_votes_needed_2023,
        hint="5% of (party votes + 'against all') minus 5% of party votes alone; "
        "that is 5% of the 'against all' votes.",
        tolerance=1,
    ),
}
