"""Exercises of notebook 07 · The mixed Mazhilis (70/30).

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from fractions import Fraction

from kzlib import cases, mixed
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _amanat_all_list() -> int:
    e = cases.mazhilis_election(2023)
    return mixed.all_list(e.votes, against_all=e.against_all).total["Amanat"]


def _seats_short_of_two_thirds() -> int:
    house = cases.mazhilis_2023("wikipedia")
    return house.two_thirds_line - house.total["Amanat"]


def _amanat_mmp() -> int:
    e = cases.mazhilis_election(2023)
    result = mixed.compensatory(e.votes, cases.district_seats_2023("wikipedia"),
                                against_all=e.against_all)
    return result.total["Amanat"]


def _largest_share_with_two_thirds() -> int:
    shares = [pct for pct in range(101)
              if cases.mazhilis_2023_house(list_share=Fraction(pct, 100)).total["Amanat"]
              >= mixed.two_thirds(98)]
    return max(shares)


EXERCISES: dict[str, Exercise] = {
    "07-1": Exercise(
        answer=_amanat_all_list,
        hint="all_list(votes, against_all=against_all) fills 98 list seats at 5%; "
             "read .total['Amanat'].",
    ),
    "07-2": Exercise(
        answer=_seats_short_of_two_thirds,
        hint="Two-thirds of 98 is ceil(2 * 98 / 3); subtract Amanat's total in "
             "mazhilis_2023('wikipedia').",
    ),
    "07-3": Exercise(
        answer=_amanat_mmp,
        hint="compensatory(votes, district_seats_2023('wikipedia'), against_all=against_all): "
             "the 7 independents are set aside, the lists share 91 seats.",
    ),
    "07-4": Exercise(
        answer=_largest_share_with_two_thirds,
        hint="Loop pct over range(101) and keep the shares where "
             "mazhilis_2023_house(list_share=Fraction(pct, 100)).total['Amanat'] >= 66; "
             "take the largest.",
    ),
}
