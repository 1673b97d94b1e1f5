"""Exercises of notebook 04 · Parties: lower barriers, new parties.

Every answer is computed from ``data/`` by kzlib when the check runs. 04-3 asks for
an argument: it has a model answer and a marking guide in the solutions, no check.
"""

from __future__ import annotations

import datetime

from kzlib import data
from kzlib.exercises import Exercise
from kzlib.parties import branch_floor

__all__ = ["EXERCISES"]

#: Regions and cities of republican significance from 8 June 2022 (2 senators each: 40 / 2).
_REGIONS_FROM_2022 = 20


def _branch_share_2023() -> float:
    return round(branch_floor(2023, regions=_REGIONS_FROM_2022).share_of_members_minimum, 1)


def _respublica_days() -> int:
    days = {
        row["event"]: datetime.date.fromisoformat(row["date"])
        for row in data.read_rows("party_events") if row["party"] == "Respublica"
    }
    start = days["Ministry of Justice confirmed notification of intent"]
    return (days["registered by Ministry of Justice"] - start).days


EXERCISES: dict[str, Exercise] = {
    "04-1": Exercise(
        answer=_branch_share_2023,
        hint="Members in branches = regions × the minimum per branch; compare that with the "
             "members the whole party needs, as a percentage.",
        tolerance=0.05,
    ),
    "04-2": Exercise(
        answer=_respublica_days,
        hint="Find Respublica's two Ministry of Justice events in the table of party events and "
             "count the days between them (in Python, one date minus another gives the days).",
    ),
}
