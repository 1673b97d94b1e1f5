"""Exercises of notebook 05 · The threshold: from 7% to 5%.

Every answer is computed from ``data/`` by kzlib when the check runs. Each asks
about a case the notebook does not show (another year, another threshold), so the
answer is not printed above the exercise.
"""

from __future__ import annotations

import math

from kzlib.cases import mazhilis_election
from kzlib.compare.elections import outcome, pass_margins
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _amanat_seats_2023_at_7() -> int:
    # The 2023 votes and list tier (69 seats, party votes + 'against all' in the base),
    # with the threshold raised back to 7%.
    e = mazhilis_election(2023)
    result = outcome(e.votes, e.against_all, seats=69, threshold="7%",
                     base="votes_and_against_all")
    return result.seats["Amanat"]


def _knpk_margin_2016() -> int:
    # Votes above the 7% line (7% of the party votes), in whole votes rounded down.
    e = mazhilis_election(2016)
    result = outcome(e.votes, seats=98, threshold="7%", base="votes")
    return math.floor(pass_margins(result)["Communist People's Party"])


def _nur_otan_seats_2016_at_7_15() -> int:
    e = mazhilis_election(2016)
    return outcome(e.votes, seats=98, threshold="7.15%", base="votes").seats["Nur Otan"]


EXERCISES: dict[str, Exercise] = {
    "05-1": Exercise(
        answer=_amanat_seats_2023_at_7,
        hint="First find which lists reach 7% of (party votes + 'against all'); only their "
        "votes make the quota, so each list that stays in gets a bigger slice of the 69.",
    ),
    "05-2": Exercise(
        answer=_knpk_margin_2016,
        hint="The line is 7% of all the party votes of 2016 (there was no 'against all'). "
        "The margin is the party's votes minus the line; drop the fraction of a vote.",
    ),
    "05-3": Exercise(
        answer=_nur_otan_seats_2016_at_7_15,
        hint="Compare the two smaller lists' shares with 7.15%: a list just below the line "
        "loses all its seats, and the lists that remain share all 98 by the Hare quota.",
    ),
}
