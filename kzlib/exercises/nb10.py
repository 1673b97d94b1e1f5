"""Exercises of notebook 10 · What-if lab.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

import math

from kzlib import rules
from kzlib.cases import mazhilis_election
from kzlib.compare.elections import entry_thresholds, replay, scenario_summary
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _amanat_2023_under_2021_rules() -> int:
    e = mazhilis_election(2023)
    return replay(e.votes, e.against_all, rules.mazhilis(2021)).seats["Amanat"]


def _gallagher_2021_under_2023_tier() -> float:
    e = mazhilis_election(2021)
    result = replay(e.votes, e.against_all, rules.mazhilis(2023))
    return round(scenario_summary(result, e.against_all)["gallagher"], 2)


def _points_baitaq_needed() -> float:
    # Points of (party votes + 'against all') Baitaq lacked for 5%, rounded up to 0.01.
    e = mazhilis_election(2023)
    share = entry_thresholds(e.votes, e.against_all, base="votes_and_against_all")["Baitaq"]
    return math.ceil((5 - share) * 100) / 100


EXERCISES: dict[str, Exercise] = {
    "10-1": Exercise(
        answer=_amanat_2023_under_2021_rules,
        hint="replay(votes, against_all, rules.mazhilis(2021)) with the 2023 votes; "
        "read .seats['Amanat'].",
    ),
    "10-2": Exercise(
        answer=_gallagher_2021_under_2023_tier,
        hint="replay the 2021 votes under rules.mazhilis(2023), then "
        "scenario_summary(result)['gallagher'], rounded to 2 decimals.",
        tolerance=0.01,
    ),
    "10-3": Exercise(
        answer=_points_baitaq_needed,
        hint="5 minus Baitaq's share of (party votes + 'against all'), in percentage points "
        "(entry_thresholds gives the share).",
        tolerance=0.01,
    ),
}
