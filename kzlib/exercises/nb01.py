"""Exercises of notebook 01 · The referendum of 5 June 2022.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib import referendum
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _yes_of_registered_pct() -> float:
    r = referendum.load_2022()
    return round(float(referendum.share_of(r, "yes", of="registered").percent), 2)


def _yes_of_valid_pct() -> float:
    r = referendum.load_2022()
    return round(float(referendum.share_of(r, "yes", of="valid_yes_no").percent), 2)


def _regions_needed() -> int:
    return referendum.regions_needed(referendum.REGIONS_2022)


def _abstainers_to_invalidate() -> int:
    # The vote was valid only with turnout above half of the registered voters. After k
    # participants stay at home, participants - k must be <= registered / 2 to fail.
    r = referendum.load_2022()
    return r.participants - r.registered // 2


EXERCISES: dict[str, Exercise] = {
    "01-1": Exercise(
        answer=_yes_of_registered_pct,
        hint="Yes votes divided by ALL registered voters (not by participants), times 100: "
             "share_of(r, 'yes', of='registered').percent, rounded to 2 decimals.",
        tolerance=0.01,
    ),
    "01-2": Exercise(
        answer=_yes_of_valid_pct,
        hint="Leave out the invalid/blank and 'other' ballots: Yes / (Yes + No) x 100, "
             "rounded to 2 decimals.",
        tolerance=0.01,
    ),
    "01-3": Exercise(
        answer=_regions_needed,
        hint="Two-thirds of 17 is not a whole number; a region counts whole, so round UP: "
             "regions_needed(17).",
    ),
    "01-4": Exercise(
        answer=_abstainers_to_invalidate,
        hint="The vote needed turnout above 50% of registered voters. Find the smallest number "
             "k with participants - k <= registered / 2.",
    ),
}
