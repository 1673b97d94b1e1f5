"""Exercises of notebook 10 · What-if lab.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib import indices, rules
from kzlib.cases import mazhilis_election
from kzlib.compare.elections import outcome, replay, votes_to_pass
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _amanat_kurultai_at_7() -> int:
    # The 2023 votes in a 145-seat Kurultai at 7% with 'against all' in the base.
    e = mazhilis_election(2023)
    rule = rules.kurultai(2026, threshold="7%", base="votes_and_against_all")
    return replay(e.votes, e.against_all, rule).seats["Amanat"]


def _gallagher_2021_dhondt() -> float:
    # Exact value: a two-decimal answer is accepted within ±0.005 of it.
    e = mazhilis_election(2021)
    result = outcome(e.votes, seats=98, threshold="5%", base="votes", method="dhondt")
    return indices.gallagher(e.votes, result.seats)


def _votes_baitaq_needed() -> int:
    # Moving votes between lists leaves the base (party votes + 'against all') unchanged.
    e = mazhilis_election(2023)
    result = replay(e.votes, e.against_all, rules.mazhilis(2023))
    return votes_to_pass(result) - e.votes["Baitaq"]


EXERCISES: dict[str, Exercise] = {
    "10-1": Exercise(
        answer=_amanat_kurultai_at_7,
        hint="Which lists fall below 7% when 'against all' is in the base? Their votes elect "
        "no one, so the lists that pass share all 145 seats.",
    ),
    "10-2": Exercise(
        answer=_gallagher_2021_dhondt,
        hint="The Gallagher index compares each party's share of the seats with its share of "
        "the votes: square the gaps, add them up, halve, take the square root. D'Hondt gives "
        "the largest list a little more than Hare does.",
        tolerance=0.005,
    ),
    "10-3": Exercise(
        answer=_votes_baitaq_needed,
        hint="5% of the base is a number of votes, rounded up to a whole vote; moving votes "
        "from one list to another does not change the base.",
    ),
}
