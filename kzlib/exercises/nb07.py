"""Exercises of notebook 07 · The mixed Mazhilis (70/30), as of 2023.

Every answer is computed from ``data/`` by kzlib when the check runs. Exercise 07-5 asks for
an argument: it has a model answer and a marking guide in the solutions, and no self-check.
"""

from __future__ import annotations

from fractions import Fraction

from kzlib import cases, data, mixed, rules
from kzlib.exercises import Exercise

__all__ = ["EXERCISES"]


def _tier_value(election: int, measure: str) -> int:
    tier = data.load("mazhilis_single_member_tier")
    row = tier[(tier.election == election) & (tier.measure == measure)]
    return int(row.value.iloc[0])


def _self_nominated_share_of_candidates() -> float:
    # Exact value; the notebook asks for two decimals, hence the tolerance of 0.005.
    self_nominated = _tier_value(2023, "candidates_registered_self")
    registered = _tier_value(2023, "candidates_registered")
    return float(Fraction(100 * self_nominated, registered))


def _amanat_all_list_at_7_percent() -> int:
    # The 2007-2021 rule set: 7% of the votes for the parties ('against all' did not exist).
    votes = cases.mazhilis_election(2023).votes
    return mixed.all_list(votes, rules=rules.mazhilis(2021)).total["Amanat"]


def _fewest_amanat_members() -> int:
    list_seats = cases.mazhilis_2023("wikipedia").list_seats["Amanat"]
    return list_seats + _tier_value(2023, "winners_who_are_amanat_members_at_least")


def _largest_share_with_two_thirds() -> int:
    shares = [pct for pct in range(101)
              if cases.mazhilis_2023_house(list_share=Fraction(pct, 100)).total["Amanat"]
              >= mixed.two_thirds(98)]
    return max(shares)


EXERCISES: dict[str, Exercise] = {
    "07-1": Exercise(
        answer=_self_nominated_share_of_candidates,
        hint="A share in per cent is part / whole × 100: here the self-nominated registered "
             "candidates over all registered candidates (two rows of the table `tier`). "
             "Give two decimals, as a number without the % sign.",
        tolerance=0.005,
    ),
    "07-2": Exercise(
        answer=_amanat_all_list_at_7_percent,
        hint="First find which lists clear 7% of the votes for the parties (one clears it "
             "narrowly, one that won seats in 2023 does not); then share all 98 seats among "
             "those that pass with the Hare quota. The 2007–2021 rule set is "
             "`rules.mazhilis(2021)`.",
    ),
    "07-3": Exercise(
        answer=_fewest_amanat_members,
        hint="Amanat's list seats are in the table of the 2023 Mazhilis, tier by tier; the "
             "district winners who were Amanat members are 'at least' Eurasianet's count. "
             "The smallest total adds the two.",
    ),
    "07-4": Exercise(
        answer=_largest_share_with_two_thirds,
        hint="Two-thirds of 98 is 66 seats. Lower the list share step by step from 70% (in the "
             "explorer, or with `cases.mazhilis_2023_house(list_share='60%').total`) and note "
             "the last share at which Amanat still has 66 or more.",
    ),
}
