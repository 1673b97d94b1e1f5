"""Exercises of notebook 03 · Institutions: a Constitutional Court, a smaller Senate quota.

Every answer is computed from ``data/`` by kzlib when the check runs. 03-3 asks for
an argument: it has a model answer and a marking guide in the solutions, no check.
"""

from __future__ import annotations

from kzlib.compare.reforms import chamber_channels, parliament_mix, senate_mix
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _share_with_new_regions() -> float:
    # The 2022 Senate's appointees and senators per region, with the 2023 number of regions.
    before, after = chamber_channels("before 2023"), chamber_channels("from 2023")
    mix = senate_mix(regions=after["regions"], per_region=before["per_region"],
                     appointed=before["appointed"])
    return round(mix.president_share, 2)


def _share_of_parliament_2023() -> float:
    return round(parliament_mix(**chamber_channels("from 2023")).president_share, 2)


EXERCISES: dict[str, Exercise] = {
    "03-1": Exercise(
        answer=_share_with_new_regions,
        hint="Count the seats first: elected senators are regions times senators per region; "
             "add the appointees. The share is appointees out of all seats, in per cent.",
        tolerance=0.01,
    ),
    "03-2": Exercise(
        answer=_share_of_parliament_2023,
        hint="Add the seats of both chambers; the president appoints only in the Senate "
             "(the APK's nominees count as his appointees). Appointees out of all seats, "
             "in per cent.",
        tolerance=0.01,
    ),
}
