"""Every static chart: drawn, readable (no text over text or over a line), keyed, described.

Each chart is drawn as the notebooks draw it and rendered at its own size. The PNG is
shown with ``max-width:100%``, so at 1366 or 1024 px the page only scales it: text that
does not overlap in the figure does not overlap on the page. The checks use the window
extents of the text artists (titles, source line, axis labels, tick labels, numbers on
bars, legend entries), which are exact for text at 0° or 90°; so a chart may not rotate
text by another angle.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import matplotlib.cbook
import numpy as np
import pytest
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

from kzlib import charts, charts_2026, constitution, plots
from kzlib import data as kzdata

# --- the charts, built with the data the notebooks pass ---------------------------------


def _referendum():
    from kzlib import referendum

    return charts.referendum_denominators(referendum.shares_table(referendum.load_2022(), "yes"))


def _threshold_steps():
    from kzlib.cases import mazhilis_election
    from kzlib.compare.elections import compare_outcomes

    e21 = mazhilis_election(2021)
    fine = compare_outcomes(e21.votes, 0, {t / 10: {"seats": 98, "threshold": f"{t / 10}%",
                                                    "base": "votes"} for t in range(101)})
    fine = fine.pivot(index="scenario", columns="party", values="seats")[list(e21.votes)]
    return charts.threshold_steps(fine, year=2021)


def _hemicycles():
    from kzlib import rules
    from kzlib.cases import mazhilis_election
    from kzlib.compare.elections import compare_outcomes

    e07 = mazhilis_election(2007)
    table = compare_outcomes(e07.votes, 0, {"2007 rules": rules.mazhilis(2007),
                                            "2009 rule (model)": rules.mazhilis(2009)})
    return charts.hemicycles(table, title="2007 list seats, without and with the 2009 rule",
                             source="votes in data/mazhilis_list_results.csv; seats by kzlib")


def _table_2023():
    from kzlib.cases import mazhilis_count, mazhilis_election

    return mazhilis_count(2023).table(mazhilis_election(2023).official_seats)


def _house_size():
    import pandas as pd

    from kzlib.cases import mazhilis_election
    from kzlib.counting import count_seats, house_size_paradoxes

    e23 = mazhilis_election(2023)
    votes, against_all = e23.votes, e23.against_all
    sizes = range(60, 101)
    table = pd.DataFrame({m: [count_seats(votes, n, m, "5%", against_all).seats["JSDP"]
                              for n in sizes] for m in ("hare", "sainte-lague")}, index=sizes)
    paradoxes = house_size_paradoxes(votes, "hare", range(1, 151), "5%", against_all)
    return charts.house_size_steps(table, paradoxes)


def _designs():
    from kzlib import cases

    return charts.designs_chart(
        cases.mazhilis_2023_designs(reading="disputed", district_model="2023 result"))


def _wasted():
    import pandas as pd

    from kzlib import rules
    from kzlib.cases import mazhilis_election
    from kzlib.compare.elections import compare_summary

    scenarios = {"2021 rules": rules.mazhilis(2021), "2023 list tier": rules.mazhilis(2023),
                 "5%, 98 seats": {"seats": 98, "threshold": "5%"}}
    parts = []
    for year in (2007, 2021, 2023):
        e = mazhilis_election(year)
        parts.append(compare_summary(e.votes, e.against_all, scenarios).assign(election=year))
    return charts.wasted_votes(pd.concat(parts, ignore_index=True))


def _timeline():
    from kzlib import timeline

    return charts.timeline_chart(timeline.events())


def _no_seat_split():
    import pandas as pd

    from kzlib.cases import mazhilis_election
    from kzlib.compare.elections import compare_summary

    rows = []
    for year in (2021, 2023):
        e = mazhilis_election(year)
        own = {str(year): {"seats": e.list_seats, "threshold": "7%" if year == 2021 else "5%"}}
        rows.append(compare_summary(e.votes, e.against_all, own))
    return charts.no_seat_split(pd.concat(rows, ignore_index=True))


CHARTS: dict[str, Callable] = {
    "00 timeline": _timeline,
    "01 referendum denominators": _referendum,
    "02 presidential results": charts.results_chart,
    "03 composition": charts.composition_chart,
    "04 registration rules": charts.rules_chart,
    "04 competition": charts.competition_chart,
    "05 threshold steps": _threshold_steps,
    "05 hemicycles 2007": _hemicycles,
    "06 remainders": lambda: charts.remainders(_table_2023()),
    "06 house size": _house_size,
    "07 designs": _designs,
    "08 official seats": charts.official_seats_chart,
    "09 selection timeline": charts.selection_timeline_chart,
    "09 rural winners": charts.rural_winners_chart,
    "10 wasted votes": _wasted,
    "05 no-seat split": _no_seat_split,
    "05 turnout by region": lambda: charts.turnout_by_region(
        kzdata.load("mazhilis_2023_turnout_by_region")),
    "11 seat shares": lambda: charts_2026.seat_shares_chart(
        constitution.compare_with_mazhilis(2023)),
}


@pytest.fixture(scope="module", params=list(CHARTS))
def chart(request):
    fig, alt = CHARTS[request.param]()
    _render(fig)
    return fig, alt


# --- what "overlap" means ---------------------------------------------------------------


def _render(fig) -> None:
    """Lay out and draw ``fig`` at its own size and dpi, as plots.show does for the PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()


def _texts(fig) -> list[Text]:
    """Every visible, non-empty text artist of the figure (not of hidden axes), legends
    included."""
    found = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()
             and (t.axes is None or t.axes.get_visible())]  # a hidden axes draws nothing
    # Tick labels outside the axis range (and spare ticks) are not drawn although
    # "visible": keep only those of the ticks the last draw placed.
    pooled, drawn = set(), set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                pooled |= {id(tick.label1), id(tick.label2)}
            if not ax.axison:
                continue  # no ticks drawn at all (a hemicycle)
            for tick in axis._update_ticks():  # private, but what Axis.draw itself uses
                drawn |= {id(tick.label1), id(tick.label2)}
    return [t for t in found if id(t) not in pooled or id(t) in drawn]


def _box(artist, renderer):
    return artist.get_window_extent(renderer)


def _overlap(a, b, slack: float = 0.5) -> bool:
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > slack
            and min(a.y1, b.y1) - max(a.y0, b.y0) > slack)


def _line_points(line: Line2D) -> np.ndarray:
    """The drawn path of a line in display pixels (steps expanded, densely sampled; for a
    line of markers only, the markers' centres)."""
    x, y = line.get_xdata(orig=False), line.get_ydata(orig=False)
    x = np.asarray(line.convert_xunits(x), dtype=float)
    y = np.asarray(line.convert_yunits(y), dtype=float)
    style = line.get_drawstyle()
    if style != "default":
        x, y = matplotlib.cbook.STEP_LOOKUP_MAP[style](x, y)
    points = line.get_transform().transform(np.column_stack([x, y]))
    if line.get_linestyle() == "None":
        return points  # markers only: nothing is drawn between them
    dense = [points[:1]]
    for a, b in itertools.pairwise(points):
        dense.append(np.linspace(a, b, 200)[1:])
    return np.concatenate(dense)


def _collisions(fig) -> list[str]:
    renderer = fig.canvas.get_renderer()
    texts = _texts(fig)
    problems = []
    boxes = {id(t): _box(t, renderer) for t in texts}
    for t in texts:
        rotation = t.get_rotation() % 90
        if rotation > 1e-6:
            problems.append(f"{t.get_text()!r} is rotated by {t.get_rotation()}°")
    for a, b in itertools.combinations(texts, 2):
        if _overlap(boxes[id(a)], boxes[id(b)]):
            problems.append(f"{a.get_text()!r} overlaps {b.get_text()!r}")
    figure_box = fig.bbox
    for t in texts:
        box = boxes[id(t)]
        if box.x0 < -1 or box.y0 < -1 or box.x1 > figure_box.x1 + 1 or box.y1 > figure_box.y1 + 1:
            problems.append(f"{t.get_text()!r} is cut off at the figure's edge")
    for ax in fig.axes:
        frame = ax.bbox
        for t in ax.texts:
            box = boxes.get(id(t))
            if box is None:
                continue
            inside = (box.x0 >= frame.x0 - 1 and box.x1 <= frame.x1 + 1
                      and box.y0 >= frame.y0 - 1 and box.y1 <= frame.y1 + 1)
            if not inside and _overlap(box, frame):
                problems.append(f"{t.get_text()!r} crosses the edge of its axes")
    legends = [lg for lg in fig.findobj(Legend)]
    for ax in fig.axes:
        for line in ax.lines:
            if not line.get_visible() or len(line.get_xdata()) == 0:
                continue
            points = _line_points(line)
            for t in texts:
                if t.get_bbox_patch() is not None and t.get_zorder() > line.get_zorder():
                    continue  # a number on an opaque patch, drawn over the line
                box = boxes[id(t)].padded(-1)
                inside = ((points[:, 0] > box.x0) & (points[:, 0] < box.x1)
                          & (points[:, 1] > box.y0) & (points[:, 1] < box.y1))
                if inside.any():
                    problems.append(f"a line runs through {t.get_text()!r}")
            for legend in legends:
                box = _box(legend.get_frame(), renderer).padded(-1)
                inside = ((points[:, 0] > box.x0) & (points[:, 0] < box.x1)
                          & (points[:, 1] > box.y0) & (points[:, 1] < box.y1))
                if inside.any():
                    problems.append("a line runs under the legend "
                                    f"{[t.get_text() for t in legend.get_texts()]}")
    return problems


# --- the tests --------------------------------------------------------------------------


#: Width (px) of a notebook's output area where the reviewer saw the charts: JupyterLab at
#: 1366 and at 1024 px with the file browser open. A wider PNG is scaled down to fit.
PAGE_WIDTHS = (960, 620)


@pytest.mark.parametrize("page", [None, *PAGE_WIDTHS], ids=["own size", *map(str, PAGE_WIDTHS)])
def test_no_text_overlaps_text_or_a_line(chart, page):
    fig, _alt = chart
    if page is not None:
        # Rasterise at the scale the page shows it (fonts are re-hinted at that size).
        fig.set_dpi(min(100, 100 * page / (fig.get_figwidth() * 100)))
    try:
        _render(fig)
        assert _collisions(fig) == []
    finally:
        fig.set_dpi(100)
        _render(fig)


def test_every_chart_has_title_source_and_labelled_axes(chart):
    fig, alt = chart
    assert fig.get_suptitle().strip()
    assert any(t.get_text().startswith("Source: ") for t in fig.texts)
    for ax in fig.axes:
        if ax.axison:
            assert ax.get_xlabel().strip() and ax.get_ylabel().strip(), ax
    assert len(alt) > 40


def test_every_hemicycle_has_a_legend_naming_each_party_with_seats(chart):
    fig, alt = chart
    for ax in fig.axes:
        if not ax.collections or ax.axison:
            continue  # not a hemicycle (its frame is off)
        legend = ax.get_legend()
        assert legend is not None, ax.get_title()
        entries = [t.get_text() for t in legend.get_texts()]
        assert all(entry.rsplit(" ", 1)[-1].isdigit() for entry in entries)
        for entry in entries:
            party, seats = entry.rsplit(" ", 1)
            assert f"{party} {seats}" in alt


def test_the_2007_hemicycles_name_every_party_with_seats():
    fig, alt = _hemicycles()
    assert alt == ("Hemicycle (2007 rules) of 98 seats: Nur Otan 98.; "
                   "Hemicycle (2009 rule (model)) of 98 seats: Nur Otan 95, JSDP 3.")
    legends = [[t.get_text() for t in ax.get_legend().get_texts()] for ax in fig.axes]
    assert legends == [["Nur Otan 98"], ["Nur Otan 95", "JSDP 3"]]


def test_the_checker_sees_a_collision():
    """Break a chart on purpose: a label on the title and a line through a number."""
    fig, _ = charts.remainders(_table_2023())
    ax = fig.axes[0]
    ax.set_title("a title in the way")
    ax.text(0, 0.82, "0.8252 again", ha="center")
    ax.axhline(0.2)
    ax.text(2, 0.2, "on the line", ha="center", va="center")
    ax.text(0, 0.5, "across the y-axis", ha="center", transform=ax.transAxes)
    _render(fig)
    found = _collisions(fig)
    assert "'across the y-axis' crosses the edge of its axes" in found, found
    assert any("0.8252 again" in p and "overlaps" in p for p in found), found
    assert any(p == "a line runs through 'on the line'" for p in found), found


def test_the_checker_sees_a_legend_over_a_line():
    fig, (ax,) = plots.new_figure(6, 3)
    ax.plot([0, 1], [0, 1], label="diagonal")
    ax.legend(loc="center")
    ax.set(xlabel="x", ylabel="y")
    _render(fig)
    assert any("under the legend" in p for p in _collisions(fig))


def test_the_checker_sees_rotated_text():
    fig, (ax,) = plots.new_figure(6, 3)
    ax.set_xticks([0, 1], ["a", "b"], rotation=30)
    _render(fig)
    assert any("rotated by 30" in p for p in _collisions(fig))


# --- the live explorers' charts --------------------------------------------------------

def _explorer_params():
    from explorers import NOTEBOOKS, explorer_call

    for notebook in NOTEBOOKS:
        if explorer_call(notebook)[1] is None:
            continue
        yield pytest.param(notebook, id=notebook.stem)


def _recorded_explorer(notebook, monkeypatch):
    """The notebook's explorer, built as in the notebook, and the figures it drew."""
    from explorers import build_as_in_notebook, record_figures

    made = record_figures(monkeypatch)
    explorer = build_as_in_notebook(notebook)
    assert made, "the explorer drew no figure through plots.new_figure"
    return explorer, made


def _hemicycle_legend_problems(fig) -> list[str]:
    """Hemicycles (axes with dots and no frame) without a "Party N" legend."""
    problems = []
    for ax in fig.axes:
        if not ax.collections or ax.axison or not ax.get_visible():
            continue
        legend = ax.get_legend()
        entries = [t.get_text() for t in legend.get_texts()] if legend else []
        if not entries or not all(e.rsplit(" ", 1)[-1].isdigit() for e in entries):
            problems.append(f"the hemicycle {ax.get_title()!r} has no legend of seats: {entries}")
    return problems


@pytest.mark.parametrize("notebook", list(_explorer_params()))
def test_explorer_chart_text_does_not_collide(notebook, monkeypatch):
    _explorer, made = _recorded_explorer(notebook, monkeypatch)
    for fig in made:
        _render(fig)
        assert _collisions(fig) == []
        assert _hemicycle_legend_problems(fig) == []


_PASTED = "\n".join([
    "party,votes", "Party \U0001F5F3 of the Future,40888", "A$B$ list,20777",
    "The Very Long Name of a Party That Someone Pasted Into the Box,9666", "Greens,8555",
    "Farmers and Herders Union,7444", "X,6333", "Y,5222", "Zeta Zeta Zeta,4111", "Omega,3023",
    "Pi,2017", "Rho,1503", "Sigma,1001",
])

#: States a student can reach that once put text over text or a line (found by sweeping
#: every option and the slider extremes), and each election / council: control -> value
#: steps, applied in order to one explorer and checked after each step.
_EXPLORER_STATES = {
    "01": [("rule", "2026"), ("turnout_pct", 0.0), ("yes_pct", 100.0), ("turnout_pct", 100.0),
           ("rule", "2022"), ("regions_total", 20), ("regions", 20), ("yes_pct", 50.5)],
    "02": [("start_year", 1995), ("start_year", 1999), ("first_president", True),
           ("start_year", 2010), ("start_year", 2030), ("start_year", 2019)],
    "03": [("change", "from 2023"), ("on_apk_proposal", 0), ("appointed", 0), ("regions", 25),
           ("per_region", 4), ("party_list", 150), ("single_member", 60), ("apk", 20),
           ("appointed", 1), ("regions", 0), ("per_region", 0)],
    "04": [("members", 15000), ("branch_members", 500), ("initiative_group", 750),
           ("year", 2023), ("members", 45000), ("branch_members", 0), ("members", 0)],
    "05": [("election", 2007), ("base", "votes"), ("one_party_rule", True), ("seats", 69),
           ("threshold", 0.0), ("threshold", 10.0), ("election", 2021), ("election", 2023),
           ("election", 2012), ("threshold", 7.0), ("election", 2016), ("threshold", 7.25),
           ("seats", "own"), ("threshold", 0.0)],
    "06": [("seats", 100), ("seats", 150), ("election", "2021"), ("seats", 125),
           ("election", "2021-at-5"), ("election", "textbook"), ("seats", 75),
           ("method", "droop"), ("seats", 150), ("seats", 1)],
    "07": [("list_share", 50), ("system", "compensatory"), ("list_share", 33),
           ("overhang", "level"), ("list_share", 0), ("list_share", 100)],
    "08": [("council", "Almaty city"), ("threshold", 0.0), ("threshold", 10.0),
           ("council", "Karaganda oblast"), ("method", "dhondt"),
           ("method", "sainte-lague"), ("council", "Astana city")],
    "10": [("election", 2007), ("election", 2021), ("scenario_c", "off"),
           ("paste", _PASTED)],
    "11": [("threshold", 0.0), ("threshold", 10.0), ("threshold", 7.0), ("base", "votes"),
           ("election", 2021), ("threshold", 3.0), ("base", "ballots"), ("election", 2023)],
}


def _state_params():
    from explorers import NOTEBOOKS

    for notebook in NOTEBOOKS:
        key = notebook.name[:2]
        if key in _EXPLORER_STATES:
            yield pytest.param(notebook, _EXPLORER_STATES[key], id=notebook.stem)


@pytest.mark.parametrize(("notebook", "steps"), list(_state_params()))
def test_explorer_chart_stays_readable_as_controls_move(notebook, steps, monkeypatch):
    explorer, made = _recorded_explorer(notebook, monkeypatch)
    for name, value in steps:
        explorer.controls[name].value = value
        assert explorer.error.value == "", (name, value, explorer.error.value)
        for fig in made:
            _render(fig)
            assert _collisions(fig) == [], (name, value)
            assert _hemicycle_legend_problems(fig) == [], (name, value)


# --- names from users -----------------------------------------------------------------


def test_long_and_odd_party_names_do_not_break_a_chart():
    # DejaVu Sans has U+1F600 (grinning face) but not U+1F5F3 (ballot box).
    names = {"Party \U0001F5F3 of the Future": 40, "A$B$ list": 20,
             "The Very Long Name of a Party That Someone Pasted Into the Box": 9}
    fig, (ax,) = plots.new_figure(7, 3.8)
    plots.draw_seat_bars(ax, names, xlabel="Party list", ylabel="Seats")
    plots.finish(fig, "Pasted names", "a test")
    with_warnings = []
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _render(fig)
        with_warnings = [str(w.message) for w in caught]
    assert with_warnings == []
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "Party \u25a1 of\nthe Future"
    assert ticks[1] == r"A\$B\$ list"
    assert ticks[2].count("\n") == 2 and ticks[2].endswith("…")
    assert _collisions(fig) == []


# --- the numbers each chart draws (moved from the widget tests with the charts) ---------


def test_results_chart_draws_the_data():
    from kzlib.presidency import presidential_votes

    fig, alt = charts.results_chart()
    assert len(fig.axes) == 2
    for year in (2019, 2022):
        votes, against_all = presidential_votes(year)
        base = sum(votes.values()) + against_all
        for name, v in votes.items():
            assert f"{name} {v * 100 / base:.2f}%" in alt
    assert "Against all 5.80%" in alt
    lengths = sorted(round(b.get_width(), 2) for b in fig.axes[1].patches)
    assert lengths[-1] == 81.31 and 5.8 in lengths


def test_composition_chart_draws_the_data():
    from kzlib.compare.reforms import composition

    fig, alt = charts.composition_chart()
    assert len(fig.axes) == 2
    for chamber, period, expected in [
        ("Mazhilis", "before 2023", "party lists 98, elected by the APK 9 (total 107 (derived))"),
        ("Mazhilis", "from 2023",
         "party lists 69, single-member districts 29 (total 98 (derived))"),
        ("Senate", "from 2023", ("elected by maslikhat deputies 40, appointed by the president 5, "
                                 "appointed on the APK's proposal 5 (total 50 (sourced))")),
    ]:
        assert f"{chamber} {period}: {expected}" in alt
    assert ("Senate before 2023: elected by maslikhat deputies 34, "
            "appointed by the president 15 (total 49 (derived))") in alt
    drawn = sorted(int(b.get_height()) for ax in fig.axes for b in ax.patches)
    known = sorted(s.seats for c in ("Mazhilis", "Senate") for p in ("before 2023", "from 2023")
                   for s in composition(c, p) if s.seats is not None)
    assert drawn == known


def test_rules_chart_numbers():
    fig, alt = charts.rules_chart()
    assert len(fig.axes) == 3
    assert "members needed to register: 40,000 → 20,000 → 5,000" in alt
    assert "members in each regional branch: 600 → 600 → 200" in alt
    assert "months to form regional branches: 6 → 6 → 12" in alt
    assert "2020-05-25, 2022-11-05" in alt
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel()


def test_competition_chart_numbers():
    from kzlib.parties import competition

    fig, alt = charts.competition_chart()
    for year in (2021, 2023):
        c = competition(year)
        assert (f"{year}: {c.lists} party lists, effective number of parties {c.enp_votes:.2f} "
                f"by votes and {c.enp_seats:.2f} by list seats") in alt
    heights = [round(b.get_height(), 6) for b in fig.axes[0].patches]
    assert 5 in heights and 7 in heights


def test_designs_chart_draws_every_design_and_states_its_numbers():
    from kzlib import cases

    designs = cases.mazhilis_2023_designs()
    fig, alt = charts.designs_chart(designs)
    assert fig.get_suptitle().startswith("The 2023 vote under four designs")
    for r in designs:
        assert f"{r.design}: " in alt
        assert f"Amanat {r.total['Amanat']}" in alt
        assert (f"(majority {r.majority_line}, two-thirds {r.two_thirds_line} "
                f"of {r.house_size})") in alt
    ax = fig.axes[0]
    widths: dict[int, float] = {}
    for patch in ax.patches:
        row = round(patch.get_y() + patch.get_height() / 2)
        widths[row] = widths.get(row, 0) + patch.get_width()
    assert [round(widths[i]) for i in range(len(designs))] == [r.house_size for r in designs]


def test_official_seats_chart_shows_the_official_seats():
    official = {
        "Astana city": {"Amanat": 12, "Ak Zhol": 3, "QHP": 1, "Baitaq": 1, "Respublica": 0,
                        "Auyl": 0},
        "Almaty city": {"Amanat": 12, "QHP": 3, "Respublica": 3, "Baitaq": 2, "Ak Zhol": 1,
                        "Auyl": 0},
    }
    fig, alt = charts.official_seats_chart()
    for council, seats in official.items():
        assert f"{council} maslikhat list tier, bar chart of {sum(seats.values())} seats" in alt
        for party, n in seats.items():
            if n:
                assert f"{party} {n}" in alt
    heights = [[round(p.get_height()) for p in ax.patches] for ax in fig.axes]
    assert heights == [list(seats.values()) for seats in official.values()]


def test_selection_timeline_chart_alt_text():
    fig, alt = charts.selection_timeline_chart()
    assert ("rural: appointed (start not recorded), then elected by maslikhat deputies from "
            "2013-08-05, then directly elected by residents from 2021-07-25") in alt
    assert ("directly elected in pilot units only from 2023-11-05, then directly elected by "
            "residents from 2025") in alt
    ax = fig.axes[0]
    assert ax.get_xlabel() and ax.get_ylabel()


def test_rural_winners_chart_numbers():
    from kzlib.akims import rural_winners_table

    fig, alt = charts.rural_winners_chart()
    t = rural_winners_table()
    for party, n, share in zip(t.party, t.akims, t.share_pct_derived, strict=True):
        assert f"{party} {n} ({share:.2f}%)" in alt
    heights = sorted(int(b.get_height()) for b in fig.axes[0].patches)
    assert heights == sorted(int(n) for n in t.akims)


def test_new_charts_state_the_numbers_they_draw():
    _, alt = charts.remainders(_table_2023())
    assert alt == ("Bar chart of 2023 remainders, largest first: JSDP 0.8252, Amanat 0.6493, "
                   "Respublica 0.3221, Ak Zhol 0.1832, Auyl 0.0181, QHP 0.0022. The two largest, "
                   "JSDP and Amanat, win the two seats left.")
    _, alt = _house_size()
    assert alt == ("Step chart of JSDP seats for house sizes 60 to 100 under Hare and "
                   "Sainte-Laguë. Hare drops at 66 seats (4 to 3), 83 seats (5 to 4), 99 seats "
                   "(6 to 5); Sainte-Laguë never drops.")
    _, alt = _referendum()
    assert alt == ("Horizontal bar chart of Yes votes as per cent of each denominator: everyone "
                   "who took part (all ballots cast) 77.18, all registered voters 52.52, valid "
                   "Yes and No votes only 80.53.")
    _, alt = _threshold_steps()
    assert alt.startswith("Step chart of 2021 list seats by threshold from 0% to 10%: 0%: "
                          "Nur Otan 70, Ak Zhol 11, QHP 9, Auyl 5, Adal 3; 3%: ")
    assert alt.endswith("10%: Nur Otan 85, Ak Zhol 13, QHP 0, Auyl 0, Adal 0")
    _, alt = _wasted()
    assert alt.startswith("Stacked bar chart of the votes that elected no one (% of party "
                          "votes + 'against all'), by election and rule set: 2007 2021 rules "
                          "lists without a seat 7.05, 'against all' 0;")
    assert alt.endswith("2023 5%, 98 seats lists without a seat 2.3, 'against all' 3.9")


def test_threshold_steps_rejects_a_sample_it_does_not_have():
    import pandas as pd

    table = pd.DataFrame({"Amanat": [10, 9]}, index=[0.0, 1.0])
    with pytest.raises(ValueError, match=r"sample must be thresholds in the index of seats, "
                                         r"got \[5\]"):
        charts.threshold_steps(table, year=2021, sample=(0, 5))


def test_charts_never_import_ipywidgets():
    import subprocess
    import sys

    code = "import sys, kzlib.charts; sys.exit('ipywidgets' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
