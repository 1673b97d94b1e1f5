"""Exercises of notebook 10 · What-if lab.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib import indices, rules
from kzlib.cases import mazhilis_election
from kzlib.compare.elections import outcome, replay, votes_to_pass
from kzlib.exercises import Exercise
from kzlib.pivotal import transfer
from kzlib.uncertainty import seat_ranges

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


def _respublica_seventh_seat() -> int:
    # Votes change hands: the base (party votes + 'against all') does not move.
    e = mazhilis_election(2023)
    move = transfer(e.votes, rules.mazhilis(2023), "Amanat", "Respublica",
                    against_all=e.against_all)
    return move.votes


def _auyl_passes_2021_pct() -> float:
    # The seat-range explorer's settings: 10,000 draws, seed 2023 (seat_ranges' defaults).
    e = mazhilis_election(2021)
    ranges = seat_ranges(e.votes, {"2023 list tier": rules.mazhilis(2023)},
                         against_all=e.against_all, sample_size=10_000)
    return 100 * ranges["2023 list tier"].p_passes()["Auyl"]


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
    "10-5": Exercise(
        answer=_respublica_seventh_seat,
        hint="Each vote moved raises Respublica's remainder and lowers Amanat's at the same "
        "time; the seat moves when Respublica's remainder overtakes the smallest remainder "
        "that still won a seat.",
    ),
    "10-6": Exercise(
        answer=_auyl_passes_2021_pct,
        hint="Set the explorer to the 2021 election and the certainty of 10,000 voters; read "
        "Auyl's row in the 69-seat columns. The share of draws is a percentage.",
        tolerance=0.05,
    ),
}
