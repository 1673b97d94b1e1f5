"""Exercises of notebook 09 · Akims: who chooses the heads of local administration?

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib.akims import FIRST_DAY, LAST_DAY, rural_winners_table, selection
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _first_direct_rural_year() -> int:
    return next(year for year in range(FIRST_DAY.year, LAST_DAY.year + 1)
                if selection("rural", year).how_chosen == "direct")


def _share(party: str) -> float:
    table = rural_winners_table().set_index("party")
    return float(table.loc[party, "share_pct_derived"])


def _district_2024() -> str:
    return selection("district", 2024).how_chosen


EXERCISES: dict[str, Exercise] = {
    "09-1": Exercise(
        answer=_first_direct_rural_year,
        hint="Try selection('rural', year).how_chosen for a few years: the first year it says "
             "'direct'.",
    ),
    "09-2": Exercise(
        answer=lambda: _share("Adal"),
        hint="Adal's akims divided by all akims elected on 25 July 2021, times 100, to 2 decimals "
             "(rural_winners_table() has it). The infobox's 4.52 belongs to another row.",
        tolerance=0.01,
    ),
    "09-3": Exercise(
        answer=_district_2024,
        hint="selection('district', 2024).how_chosen: one of 'appointed', 'indirect', 'pilot', "
             "'direct'.",
    ),
}
