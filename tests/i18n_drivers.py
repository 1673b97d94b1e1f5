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

import importlib.util
import itertools
from collections.abc import Callable
from pathlib import Path

from kzlib.widgets import akims as A
from kzlib.widgets import constitution as K
from kzlib.widgets import counting as C
from kzlib.widgets import dashboard as D
from kzlib.widgets import institutions as I
from kzlib.widgets import maslikhat as S
from kzlib.widgets import mixed as M
from kzlib.widgets import parties as PA
from kzlib.widgets import presidency as PR
from kzlib.widgets import referendum as RF
from kzlib.widgets import threshold as T
from kzlib.widgets import whatif as W


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


def drive_kurultai(lang: str):
    """Both elections under every base; thresholds at the two sourced values, a free
    one, and one no list reaches (the plain error); the verdicts none, majority, two-thirds."""
    ex = K.build_kurultai_explorer(lang=lang)
    for year, base in itertools.product(K.REPLAY_YEARS, list(K.BASE_LABELS)):
        ex.controls["election"].value = year
        ex.controls["base"].value = base
        for threshold in (5.0, 7.0, 6.3, 0.0):
            ex.controls["threshold"].value = threshold
    ex.model.threshold = 60.0  # beyond the slider: no list passes
    ex.model.threshold = 5.0
    return ex


def drive_whatif(lang: str):
    """Every election and every rule set in each slot, every custom method and base; a
    pasted election; each failed-scenario note and panel message (ballots unknown, a tie,
    a shift too large, one option on both sides, a paste too long or with too many parties)."""
    ex = W.build_whatif_explorer(lang=lang)
    c = ex.controls
    for year in W.MAZHILIS_LIST_YEARS:
        c["election"].value = year
        for slot, era in itertools.product(("a", "b", "c"), W.ERAS):
            c[f"scenario_{slot}"].value = era
    c["scenario_a"].value, c["scenario_b"].value = "2021 rules", "2023 list tier"
    c["scenario_c"].value = "off"
    c["scenario_c"].value = "custom"
    for method, base in itertools.product(W.CUSTOM_METHODS, list(W.BASE_LABELS)):
        c["custom_method"].value = method
        c["custom_base"].value = base
    c["from_party"].value, c["to_party"].value = "Against all", "Baitaq"
    for points in (3.0, 20.0):  # 'against all' had 3.9% of the vote
        c["points"].value = points
    c["to_party"].value = "Against all"
    c["points"].value = 0.0
    c["custom_base"].value = "ballots"
    mistakes = ["A,100\nB,abc", "A,1" + "0" * 20, 'A,"12', "Amanat,3,431,510", "A,3,43", "A,1\n,5",
                "A,1\nAgainst all parties,4", "A,1\nAgainst all,3\nПротив всех,4",
                "A,100\nA,5", "", "A,0\nB,0"]
    for paste in ["A,60\nB,40", "A,1\nB,1\nC,1\nD,1", "A,1\n" * (W.MAX_PASTE_CHARACTERS // 4 + 1),
                  "\n".join(f"P{i},{i + 1}" for i in range(W.MAX_PARTIES + 1)), *mistakes,
                  "A,60\nB,40"]:
        c["paste"].value = paste  # with the 'ballots' base: scenario C cannot be counted
    return ex


def make_dashboards():
    """.ci/make_dashboards.py as a module (the generator of the dashboards)."""
    path = Path(__file__).resolve().parent.parent / ".ci" / "make_dashboards.py"
    spec = importlib.util.spec_from_file_location("make_dashboards", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drive_dashboards(lang: str):
    """The heading of every dashboard (its title and sentence), then the explorer of the
    last one (the Kurultai's), which the tests of charts and alt text read."""
    generator = make_dashboards()
    for notebook, (what, _imports, _call) in generator.DASHBOARDS.items():
        D.dashboard_heading(generator.title(notebook), what, notebook, lang)
    return K.build_kurultai_explorer(lang=lang)
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
    "kzlib.widgets.constitution": [drive_kurultai],
    "kzlib.widgets.whatif": [drive_whatif],
    "kzlib.widgets.dashboard": [drive_dashboards],
    "kzlib.widgets.referendum": [drive_denominator, drive_adoption],
    "kzlib.widgets.presidency": [drive_tenure, drive_era],
    "kzlib.widgets.parties": [drive_registration],
    "kzlib.widgets.counting": [drive_counting],
    "kzlib.widgets.maslikhat": [drive_maslikhat],
    "kzlib.widgets.akims": [drive_akims, drive_rollout],
    "kzlib.widgets.institutions": [drive_reform, drive_chamber],
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


def drive_charts_c2(lang: str):
    """The static charts of notebooks 05 (turnout by region), 09 (akims), 10 (votes that
    elected no one) and 11 (the Kurultai, the referendums), called as the notebooks call
    them, in the language; they have no controls, so this returns the timeline explorer."""
    import pandas as pd

    from kzlib import akims, charts, charts_2026, constitution, rules
    from kzlib.cases import MAZHILIS_LIST_YEARS, mazhilis_election
    from kzlib.compare.elections import compare_summary
    from kzlib.data import load

    charts.turnout_by_region(load("mazhilis_2023_turnout_by_region"), lang=lang)
    charts.selection_timeline_chart(lang=lang)
    charts.rural_winners_chart(lang=lang)
    for level in ("rural", "district"):
        charts.rollout_chart(akims.rollout(level, 2021, 4), lang=lang)
    scenarios = {"2021 rules": rules.mazhilis(2021), "2023 list tier": rules.mazhilis(2023),
                 "5%, 98 seats": {"seats": 98, "threshold": "5%"}}
    summary = pd.concat([compare_summary(e.votes, e.against_all, scenarios).assign(election=y)
                         for y, e in ((y, mazhilis_election(y)) for y in MAZHILIS_LIST_YEARS)],
                        ignore_index=True)
    charts.wasted_votes(summary, lang=lang)
    charts_2026.seat_shares_chart(constitution.compare_with_mazhilis(2023), lang=lang)
    charts_2026.referendums_chart({y: constitution.load_referendum(y)
                                   for y in constitution.REFERENDUMS}, lang=lang)
    return drive_timeline(lang)
DRIVERS["kzlib.charts_2026"] = [drive_charts_c2]
def drive_charts_c1(lang: str):
    """The static charts of notebooks 01-08 (kzlib.charts), called as the notebooks call
    them; they have no controls, so this returns the timeline explorer."""
    from kzlib import cases, charts, referendum, rules
    from kzlib.compare.elections import compare_outcomes
    from kzlib.counting import house_size_paradoxes, seats_by_house_size

    charts.referendum_denominators(referendum.shares_table(referendum.load_2022(), "yes"),
                                   lang=lang)
    charts.results_chart(lang=lang)
    charts.composition_chart(lang=lang)
    charts.rules_chart(lang=lang)
    charts.competition_chart(lang=lang)
    e07 = cases.mazhilis_election(2007)
    rule_2009 = {"2007 rules": rules.mazhilis(2007), "2009 rule (model)": rules.mazhilis(2009)}
    charts.hemicycles(compare_outcomes(e07.votes, e07.against_all, rule_2009),
                      title="2007 list seats, without and with the 2009 one-party rule",
                      source="votes in data/mazhilis_list_results.csv; seats by kzlib", lang=lang)
    e23 = cases.mazhilis_election(2023)
    charts.remainders(cases.mazhilis_count(2023).table(e23.official_seats), lang=lang)
    paradoxes = house_size_paradoxes(e23.votes, "hare", range(1, 151), "5%", e23.against_all)
    jsdp = seats_by_house_size(e23.votes, "JSDP", range(60, 101), threshold="5%",
                               against_all=e23.against_all)
    charts.house_size_steps(jsdp, paradoxes, party="JSDP", lang=lang)
    charts.designs_chart(cases.mazhilis_2023_designs(reading="disputed",
                                                     district_model="2023 result"), lang=lang)
    charts.official_seats_chart(lang=lang)
    return drive_timeline(lang)


DRIVERS["kzlib.charts"].append(drive_charts_c1)
