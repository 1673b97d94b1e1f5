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


#: explorer module -> the drivers of its explorers
DRIVERS: dict[str, list[Callable]] = {
    "kzlib.widgets.threshold": [drive_threshold],
    "kzlib.widgets.mixed": [drive_mixed],
}


def drive_timeline(lang: str):
    """Every category once, then years with no event and the whole range."""
    from kzlib.widgets import timeline as TL

    ex = TL.build_timeline_explorer(lang=lang)
    for category in [*TL.timeline.CATEGORIES, TL.ALL]:
        ex.controls["category"].value = category
    low, high = ex.controls["years"].min, ex.controls["years"].max
    ex.controls["years"].value = (low, low)
    ex.controls["category"].value = "presidency"  # no presidency event in the first year
    ex.controls["years"].value = (low, high)
    ex.controls["category"].value = TL.ALL
    return ex


def drive_static_charts(lang: str):
    """The static charts of the pilot notebooks (00, 05) in the language; they have no
    controls, so this returns the timeline explorer, whose chart the static one shares."""
    import pandas as pd

    from kzlib import charts, timeline

    charts.timeline_chart(timeline.events(), lang=lang)
    steps = pd.DataFrame({"Amanat": [60, 65], "Auyl": [38, 33]}, index=[0.0, 10.0])
    charts.threshold_steps(steps, year=2021, sample=(0, 10), lang=lang)
    split = pd.DataFrame({"scenario": ["2021", "2023"], "no_seat_pct": [8.86, 2.3],
                          "against_all_pct": [0.0, 3.9]})
    charts.no_seat_split(split, lang=lang)
    return drive_timeline(lang)


DRIVERS["kzlib.widgets.timeline"] = [drive_timeline]
DRIVERS["kzlib.charts"] = [drive_static_charts]


def drive_seatrange(lang: str):
    """Both elections, every sample size, and the plain sentence for a bad size."""
    from kzlib.widgets import seatrange as SR

    ex = SR.build_seatrange_explorer(lang=lang)
    for year in SR.ELECTIONS:
        ex.controls["election"].value = year
        for size in SR.SAMPLE_SIZES:
            ex.controls["sample_size"].value = size
    return ex


DRIVERS["kzlib.widgets.seatrange"] = [drive_seatrange]
