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

from kzlib.widgets import akims as A
from kzlib.widgets import counting as C
from kzlib.widgets import institutions as I
from kzlib.widgets import maslikhat as S
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


def drive_counting(lang: str):
    """Every votes scenario and method; a house of one seat, and the Alabama paradox
    (the textbook votes lose C's seat from 10 to 11 seats under Hare); a house size
    other than the official one."""
    ex = C.build_counting_explorer(lang=lang)
    for election in C.SCENARIOS:
        ex.controls["election"].value = election
        for method in C.METHOD_LABELS:
            ex.controls["method"].value = method
    ex.controls["method"].value = "hare"
    ex.controls["election"].value = "textbook"
    for seats in (1, 11, 10):
        ex.controls["seats"].value = seats
    ex.controls["election"].value = "2023"
    ex.controls["seats"].value = 70
    return ex


def drive_maslikhat(lang: str):
    """Every council (Karaganda's official split was not found), base and method; a
    threshold that changes the seats, so the result differs from the official one."""
    ex = S.build_maslikhat_explorer(lang=lang)
    for council in ("Karaganda oblast", "Almaty city", "Astana city"):
        ex.controls["council"].value = council
        for base in S.BASES:
            ex.controls["base"].value = base
        for method in S.METHOD_LABELS:
            ex.controls["method"].value = method
    ex.controls["threshold"].value = 0.0
    return ex


def drive_akims(lang: str):
    """Every level in every year (so every rule of akim_selection.csv is shown)."""
    ex = A.build_akim_explorer(lang=lang)
    for level in A.LEVEL_LABELS:
        ex.controls["level"].value = level
        for year in range(ex.controls["year"].min, ex.controls["year"].max + 1):
            ex.controls["year"].value = year
    return ex


def drive_rollout(lang: str):
    """Both levels; terms ending over one year and over several; every first year."""
    ex = A.build_rollout_explorer(lang=lang)
    for level in A.ROLLOUT_LEVELS:
        ex.controls["level"].value = level
        for years in range(A.TERM_YEARS[0], A.TERM_YEARS[1] + 1):
            ex.controls["term_years"].value = years
        for start in range(A.START_YEARS[0], A.START_YEARS[1] + 1):
            ex.controls["start_year"].value = start
    return ex


def drive_reform(lang: str):
    """Every change of every topic (one is unverified, some have no date or no
    'before')."""
    ex = I.build_reform_explorer(topics=I.TOPICS, lang=lang)
    for _label, value in ex.controls["change"].options:
        ex.controls["change"].value = value
    return ex


def drive_chamber(lang: str):
    """Both starting chambers; every slider to its ends (the APK's nominees above the
    appointees, a chamber without seats: the plain sentences)."""
    ex = I.build_chamber_explorer(lang=lang)
    for start in ("from 2023", "before 2023"):
        ex.controls["change"].value = start
    for name in I.CHANNELS:
        slider = ex.controls[name]
        start = slider.value
        for value in (slider.min, slider.max, start):
            slider.value = value
    for name in ("regions", "appointed"):
        ex.controls[name].value = 0
    return ex


def dashboard_explorer(name: str, query: str, monkeypatch):
    """The explorer the dashboard ``name`` builds when its page's query string is
    ``query`` (e.g. ``"lang=kk"``): its generated cell, run in-process."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "notebooks" / "dashboards" / f"{name}.ipynb"
    code = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][1]["source"])
    monkeypatch.delenv("KZ_LANG", raising=False)
    monkeypatch.setenv("QUERY_STRING", query)
    imports, call = code.split("\n\n")
    namespace: dict = {}
    exec(imports, namespace)
    return eval(call, namespace)


def texts_off_the_figure(fig) -> list[str]:
    """The visible texts of ``fig`` drawn partly outside it (a translated label too long
    for a fixed layout is cut off), once the figure is drawn."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    off = []
    for text in fig.findobj(Text):
        # Bare numbers are not translated (and matplotlib keeps, undrawn, the tick labels
        # beyond the axis limits): only words are checked.
        if text.get_visible() and text.get_text() and not text.get_text().isdigit():
            box = text.get_window_extent(renderer)
            if (box.x0 < -1 or box.x1 > fig.bbox.width + 1 or box.y0 < -1
                    or box.y1 > fig.bbox.height + 1):
                off.append(text.get_text())
    return off


#: explorer module -> the drivers of its explorers
DRIVERS: dict[str, list[Callable]] = {
    "kzlib.widgets.threshold": [drive_threshold],
    "kzlib.widgets.mixed": [drive_mixed],
    "kzlib.widgets.counting": [drive_counting],
    "kzlib.widgets.maslikhat": [drive_maslikhat],
    "kzlib.widgets.akims": [drive_akims, drive_rollout],
    "kzlib.widgets.institutions": [drive_reform, drive_chamber],
}
