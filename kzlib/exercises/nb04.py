"""Exercises of notebook 04 · Parties: lower barriers, new parties.

Every answer is computed from ``data/`` by kzlib when the check runs.
"""

from __future__ import annotations

from kzlib.exercises import Exercise
from kzlib.parties import competition, new_registrations, registration_rules

__all__ = ["EXERCISES"]


def _membership_factor() -> float:
    periods = registration_rules()
    return periods[0].members_to_register / periods[-1].members_to_register


def _years_between_new_parties() -> float:
    table = new_registrations().set_index("party")
    return float(table.loc["Baitaq", "years_since_previous"])


def _enp_votes_2023() -> float:
    return round(competition(2023).enp_votes, 2)


EXERCISES: dict[str, Exercise] = {
    "04-1": Exercise(
        answer=_membership_factor,
        hint="Divide the members needed before 2020 by the members needed from November 2022: "
             "registration_rules()[0].members_to_register / registration_rules()[-1]....",
    ),
    "04-2": Exercise(
        answer=_years_between_new_parties,
        hint="Days from the OSDP's registration (25 January 2007) to Baitaq's (28 November 2022), "
             "divided by 365.25, to 1 decimal; new_registrations() has it.",
        tolerance=0.05,
    ),
    "04-3": Exercise(
        answer=_enp_votes_2023,
        hint="1 / (sum of the squared vote shares) of the seven 2023 lists, without 'against all': "
             "competition(2023).enp_votes, to 2 decimals.",
        tolerance=0.01,
    ),
}
