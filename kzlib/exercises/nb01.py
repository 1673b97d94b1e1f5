"""Exercises of notebook 01 · The referendum of 5 June 2022.

Every answer is computed from ``data/`` by kzlib when the check runs. None of them is
printed in the notebook above its exercise: each asks about a case the notebook does
not show (another turnout, another rule, another way of counting the "other" ballots).
"""

from __future__ import annotations

from fractions import Fraction

from kzlib import referendum
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _turnout_where_yes_is_half_of_registered() -> float:
    # Yes / registered = turnout * (Yes / participants); it falls below one half when
    # turnout < (1/2) / (Yes / participants). Rounded to 2 decimals, in per cent.
    r = referendum.load_2022()
    yes_share = referendum.share(r.yes, of=r.participants)
    return round(float(Fraction(1, 2) / yes_share * 100), 2)


def _verdicts_with_11_regions() -> tuple[bool, bool]:
    # The official national figures, but a Yes majority in only 11 of the 17 regions.
    return tuple(
        referendum.check_adoption(68.05, 77.18, regions_with_yes_majority=11, rule=rule).adopted
        for rule in ("2022", "2026")
    )


def _yes_of_valid_if_other_were_no() -> float:
    r = referendum.load_2022()
    return round(float(referendum.share(r.yes, of=r.yes + r.no + r.other) * 100), 2)


def _abstainers_to_invalidate() -> int:
    # The vote was valid only with turnout above half of the registered voters. After k
    # participants stay at home, participants - k must be <= registered / 2 to fail.
    r = referendum.load_2022()
    return r.participants - r.registered // 2


EXERCISES: dict[str, Exercise] = {
    "01-1": Exercise(
        answer=_turnout_where_yes_is_half_of_registered,
        hint="Yes as a share of ALL registered voters is the turnout times Yes's share of the "
             "participants. Keep Yes's share of the participants fixed and ask which turnout "
             "makes that product exactly one half.",
        tolerance=0.01,
    ),
    "01-2": Exercise(
        answer=_verdicts_with_11_regions,
        hint="Check each rule's tests one by one. The 2022 rule counts regions (how many make "
             "two-thirds of 17?); the 2026 rule looks only at the national Yes share. Answer as "
             "a pair of True/False values.",
    ),
    "01-3": Exercise(
        answer=_yes_of_valid_if_other_were_no,
        hint="The denominator becomes Yes + No + the 'other' ballots; the Yes votes stay the "
             "same. Per cent, 2 decimals.",
        tolerance=0.01,
    ),
    "01-4": Exercise(
        answer=_abstainers_to_invalidate,
        hint="The vote needed turnout above 50% of registered voters. Find the smallest number "
             "of participants who, by staying at home, would bring the turnout down to one "
             "half or less.",
    ),
}
