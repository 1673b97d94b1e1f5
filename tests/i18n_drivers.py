"""How the language tests drive each explorer: build it in a language, then move every
control through its options once, so that every message it can show is asked for.

``DRIVERS`` maps an explorer module to the functions that drive its explorers; each
function takes the language and returns the explorer it built. ``tests/test_i18n.py``
records every message the module's ``translator`` is asked for, in each language, and
checks the catalogues against them (the panels' own words, such as the heading of an
error, come from ``kzlib.widgets.common`` and are recorded too). A new explorer that
speaks Kazakh and
Russian adds its driver here.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from kzlib.widgets import mixed as M
from kzlib.widgets import parties as PA
from kzlib.widgets import presidency as PR
from kzlib.widgets import referendum as RF
from kzlib.widgets import threshold as T


def drive_threshold(lang: str):
    """Every option once, every base in every election (2012 has no ballots figure)."""
    ex = T.build_threshold_explorer(lang=lang)
    for year, base in itertools.product(T.ELECTIONS, ["votes", "ballots",
                                                      "votes_and_against_all"]):
        ex.controls["election"].value = year
        ex.controls["base"].value = base
    for seats in (98, 69, "own"):
        ex.controls["seats"].value = seats
    ex.controls["one_party_rule"].value = True
    return ex


def drive_mixed(lang: str):
    """Every option once, every reading and overhang rule where it matters."""
    ex = M.build_mixed_explorer(lang=lang)
    states = [{"list_share": 0}, {"list_share": 100}, {"list_share": 70}]
    for system in ("parallel", "compensatory"):
        for district in M.MODEL_LABELS:
            states.append({"system": system, "district_model": district})
            for reading in M.READING_LABELS if district == "2023 result" else ():
                states.append({"reading": reading})
            for overhang in ("keep", "fixed", "level") if system == "compensatory" else ():
                states.append({"overhang": overhang})
    for state in states:
        for name, value in state.items():
            ex.controls[name].value = value
    return ex


def drive_denominator(lang: str):
    """Both answers over every denominator."""
    ex = RF.build_denominator_explorer(lang=lang)
    for option, of in itertools.product(RF.OPTION_LABELS, RF.BASES):
        ex.controls["option"].value = option
        ex.controls["of"].value = of
    return ex


def drive_adoption(lang: str):
    """Both rules and region counts, a pass and a fail of each test, both plain errors."""
    ex = RF.build_adoption_explorer(lang=lang)
    states = [{"regions_total": 20}, {"regions": 5}, {"turnout_pct": 40.0},
              {"regions": 20, "yes_pct": 45.0},  # a Yes majority everywhere but not nationally
              {"regions": 0, "yes_pct": 60.0},  # nowhere, yet nationally
              {"regions": 17, "turnout_pct": 70.0}, {"rule": "2026"}, {"yes_pct": 40.0},
              {"yes_pct": 60.0}, {"rule": "2022"}]
    for state in states:
        for name, value in state.items():
            ex.controls[name].value = value
    return ex


def drive_tenure(lang: str):
    """Every rule set (one term, two terms, no limit), from two start years."""
    ex = PR.build_tenure_explorer(lang=lang)
    for year, rule in itertools.product((1995, 2022), ("old", "old_first_president", "new")):
        ex.controls["start_year"].value = year
        ex.controls["rule"].value = rule
    return ex


def drive_era(lang: str):
    """A first election in every era, with and without the First President's exemption."""
    ex = PR.build_era_explorer(lang=lang)
    for year, first in itertools.product((1995, 1999, 2005, 2019, 2022, 2030), (False, True)):
        ex.controls["start_year"].value = year
        ex.controls["first_president"].value = first
    return ex


def drive_registration(lang: str):
    """Every period of rules, both ways the branches and members compare, both errors."""
    ex = PA.build_registration_explorer(lang=lang)
    states = [{"year": 2019}, {"year": 2021}, {"year": 2023}, {"regions": 40},
              {"members": 9000, "branch_members": 200, "initiative_group": 800},
              {"regions": 20}, {"members": 100},  # a branch larger than the party
              {"branch_members": 50},  # the branches together larger than the party
              {"members": 6000, "branch_members": 250, "regions": 17}]
    for state in states:
        for name, value in state.items():
            ex.controls[name].value = value
    return ex


#: explorer module -> the drivers of its explorers
DRIVERS: dict[str, list[Callable]] = {
    "kzlib.widgets.threshold": [drive_threshold],
    "kzlib.widgets.mixed": [drive_mixed],
    "kzlib.widgets.referendum": [drive_denominator, drive_adoption],
    "kzlib.widgets.presidency": [drive_tenure, drive_era],
    "kzlib.widgets.parties": [drive_registration],
}
