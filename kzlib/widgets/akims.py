"""Notebook 09 widget and charts: who chooses the akim, at which level, in which year?

:func:`build_akim_explorer` wires two controls (level, year) to
:func:`kzlib.akims.selection` and shows how that level's akim was chosen, with a
timeline of all three levels (coloured by how the akim is chosen) on which a
marker moves to the chosen level and year (one figure, updated in place). The
panel is an :class:`AkimModel` (level and year, and the selection) linked to the
controls; the view only draws. :func:`kzlib.charts.selection_timeline_chart` and
:func:`kzlib.charts.rural_winners_chart` draw the notebook's static charts.
"""

from __future__ import annotations

import datetime
import html

import ipywidgets as widgets
import traitlets
from matplotlib.patches import Rectangle

from kzlib import plots
from kzlib.akims import (
    FIRST_DAY,
    HOW_CHOSEN,
    LAST_DAY,
    LEVELS,
    Selection,
    selection,
)
from kzlib.charts import akim_timeline_alt as _timeline_alt
from kzlib.charts import draw_akim_timeline as _draw_timeline
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer, ExplorerModel

__all__ = [
    "LEVEL_LABELS",
    "AkimModel",
    "build_akim_explorer",
    "selection_html",
]

#: Short dropdown and axis labels of the levels.
LEVEL_LABELS: dict[str, str] = {
    "region": "region or city of republican significance",
    "district": "district or city of regional significance",
    "rural": "rural district, village, settlement, city of district significance",
}
_AXIS_LABELS = {"region": "region", "district": "district", "rural": "rural"}
_SOURCE = "data/akim_selection.csv (news reports; see the Sources section)"
_END = datetime.date(LAST_DAY.year + 1, 1, 1)


def _year_fraction(day: datetime.date) -> float:
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def _since(s: Selection) -> str:
    start = s.rule.valid_from
    if start is None:
        return "a date not recorded here"
    if s.rule.date_precision == "year":
        return str(start.year)
    return f"{start.day} {start:%B %Y}"


class AkimModel(ExplorerModel):
    """A level and a year, and how that level's akim was chosen at the end of the year.

    ``result`` is :func:`kzlib.akims.selection` ``(level, year)``.
    """

    level = traitlets.Unicode("rural").tag(input=True)
    year = traitlets.Int(2021).tag(input=True)

    def compute(self) -> Selection:
        return selection(self.level, self.year)


class _AkimChart:
    """The timeline of every level, with a marker and a frame on the chosen year and level."""

    def __init__(self) -> None:
        fig, (ax,) = plots.new_figure(8.5, 3.6)
        _draw_timeline(ax)
        plots.finish(fig, "Who chooses the akim?", _SOURCE)
        # A fixed layout: constrained layout would re-measure every label on each move.
        fig.set_layout_engine("none")
        ax.set_position((0.1, 0.2, 0.6, 0.64))
        self.marker = ax.axvline(FIRST_DAY.year, color="#000000", linewidth=2)
        self.frame = ax.add_patch(Rectangle((FIRST_DAY.year, -0.45), _END.year - FIRST_DAY.year,
                                            0.9, fill=False, edgecolor="#000000", linewidth=2,
                                            linestyle=":"))
        # A plain text, not ax.set_title: a title is placed during the axes draw, which
        # blitting skips.
        self.title = ax.text(0.5, 1.03, "", transform=ax.transAxes, ha="center", va="bottom",
                             fontsize=10)
        # Only the marker, the frame and the title move: redraw just those (blitting).
        self.view = BlitChartView(fig, lambda: [self.marker, self.frame, self.title])
        self.widget = self.view.widget
        self.rows = list(reversed(LEVELS))  # as _draw_timeline lays them out

    def update(self, result: Selection) -> None:
        """Move the marker to the end of the chosen day's year and frame the level."""
        x = _year_fraction(result.on + datetime.timedelta(days=1))  # the end of 31 December
        self.marker.set_xdata([x, x])
        self.frame.set_y(self.rows.index(result.level) - 0.45)
        how = HOW_CHOSEN[result.how_chosen]
        self.title.set_text(f"{result.on.year}, {_AXIS_LABELS[result.level]} level: {how}")
        self.view.refresh(_timeline_alt(
            f"Chart with a marker at the end of {result.on.year} on the {result.level} level, "
            f"whose akim was {how}."))


def selection_html(result: Selection) -> str:
    """The numbers and words the panel shows for one selection, as HTML."""
    rule = result.rule
    others = "".join(
        f"<tr{' style=font-weight:bold' if s.level == result.level else ''}>"
        f"<td>{html.escape(s.rule.level_name)}</td><td>{html.escape(HOW_CHOSEN[s.how_chosen])}</td>"
        f"<td>{html.escape(_since(s))}</td></tr>"
        for s in (selection(level, result.on) for level in LEVELS)
    )
    detail = f" <i>Note:</i> {html.escape(rule.detail)}." if rule.detail else ""
    return (
        f"<p>At the end of {result.on.year}, the akim of a <b>{html.escape(rule.level_name)}</b> "
        f"was <b>{html.escape(HOW_CHOSEN[rule.how_chosen])}</b>: chosen by "
        f"{html.escape(rule.chosen_by)}. This rule applies since {html.escape(_since(result))}."
        f"{detail}</p>"
        f"<p>Status: {html.escape(rule.status)}. Source: "
        f"<a href='{html.escape(rule.source)}' target='_blank'>{html.escape(rule.source)}</a></p>"
        "<table><tr><th>level</th><th>how chosen</th><th>since</th></tr>"
        f"{others}</table>"
    )


def build_akim_explorer(level: str = "rural", year: int = 2021) -> Explorer:
    """The "who chooses the akim?" panel of notebook 09.

    Parameters
    ----------
    level
        Level shown first: ``"region"``, ``"district"`` or ``"rural"``.
    year
        Year shown first, 2010–2025 (the rule of 31 December).

    Returns
    -------
    Explorer
        Controls ``level`` and ``year``; ``result`` is the
        :class:`~kzlib.akims.Selection` returned by
        :func:`kzlib.akims.selection` for them.

    Raises
    ------
    ValueError
        If ``level`` or ``year`` is not offered.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(map(repr, LEVELS))}, got {level!r}")
    first, last = FIRST_DAY.year, LAST_DAY.year
    if isinstance(year, bool) or not isinstance(year, int) or not first <= year <= last:
        raise ValueError(f"year must be a whole number from {first} to {last}, got {year!r}")
    controls = {
        "level": widgets.Dropdown(
            options=[(LEVEL_LABELS[key], key) for key in LEVELS], value=level,
            description="Level of akim", style=LABEL_STYLE, layout=widgets.Layout(width="520px")),
        "year": widgets.IntSlider(
            value=year, min=FIRST_DAY.year, max=LAST_DAY.year, step=1,
            description="Year (rule on 31 December)", continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="520px")),
    }
    explorer = Explorer(controls=controls)
    chart = _AkimChart()

    def show(result: Selection) -> None:
        chart.update(result)
        explorer.show_text(selection_html(result))

    # The figure stays reachable, so tests (and curious readers) can inspect its artists.
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(AkimModel(level=level, year=year), show)
    explorer.children = [controls["level"], controls["year"], chart.widget]
    return explorer
