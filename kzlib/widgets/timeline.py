"""Notebook 00 widget: the reform timeline, filtered by category and years.

:func:`build_timeline_explorer` wires a category toggle and a year range to
:func:`kzlib.timeline.events` and shows the matching events (date, what changed,
stage, source link) and a dot chart (dates across, categories down). The chart is
one figure: moving a control recolours its dots in place and redraws only them
(:class:`~kzlib.widgets.common.BlitChartView`). The drawing is
:func:`kzlib.charts.draw_timeline`, shared with the static chart. The panel is a
:class:`TimelineModel` (category and years, and the events found) linked to the
controls; the view only draws.

In Kazakh and Russian (``lang="kk"``/``"ru"``) every label, the panel's words, the
category and stage names, the event topics and the chart speak that language; the
``after`` column of ``data/reform_timeline.csv`` (what changed, in the sources' own
English words) is shown in English only, so the kk/ru table gives the translated topic
and the source link.

Colours are party-neutral: dark grey for events shown, light grey for the rest;
filled dots are things done (signed, adopted, held, in force), hollow dots are
proposals and plans.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets
import matplotlib.dates as mdates
import traitlets

from kzlib import plots, timeline
from kzlib.charts import (
    TIMELINE_SOURCE,
    TIMELINE_TITLE,
    draw_timeline,
    timeline_alt_text,
    timeline_date,
)
from kzlib.charts import recolour_timeline as _recolour
from kzlib.i18n import translator
from kzlib.timeline import Event
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_range,
)

__all__ = [
    "ALL",
    "TimelineModel",
    "build_timeline_explorer",
    "draw_timeline",
    "timeline_alt_text",
    "timeline_settings",
]

#: Toggle value meaning "every category".
ALL = "all"


class TimelineModel(ExplorerModel):
    """A category and a range of years, and the reform events they select.

    ``result`` is :func:`kzlib.timeline.events` for :meth:`settings`; it refuses to
    answer (``ValueError``) once ``data/reform_timeline.csv`` no longer holds the
    events the panel was built with, since the chart placed those.
    """

    category = traitlets.Unicode(ALL).tag(input=True)
    years = traitlets.Tuple(traitlets.Int(), traitlets.Int(), default_value=(2022, 2022)).tag(
        input=True)

    def __init__(self, everything: list[Event], **inputs: Any) -> None:
        #: Every event, as when the panel was built (the chart's dots, in order).
        self.everything = everything
        super().__init__(**inputs)

    def settings(self) -> dict[str, Any]:
        """The keyword arguments of :func:`kzlib.timeline.events` for the inputs."""
        first, last = self.years
        return {"category": None if self.category == ALL else self.category,
                "start": first, "end": last}

    def compute(self) -> list[Event]:
        found = timeline.events(**self.settings())
        if timeline.events() != self.everything:
            # The dots were placed from the file as it was when the panel was built.
            raise ValueError("data/reform_timeline.csv changed since the chart was drawn; "
                             "run the cell again to redraw it")
        return found


def timeline_settings(explorer: Explorer) -> dict[str, Any]:
    """The keyword arguments of :func:`kzlib.timeline.events` for the explorer's controls."""
    c = explorer.controls
    first, last = c["years"].value
    category = c["category"].value
    return {"category": None if category == ALL else category, "start": first, "end": last}


Gettext = Callable[[str], str]


def _events_html(found: Sequence[Event], settings: dict[str, Any], gettext: Gettext = str,
                 lang: str = "en") -> str:
    _ = gettext
    what = (_("all categories") if settings["category"] is None
            else _(settings["category"]))
    head = "<p>" + _("<b>{n}</b> events in {what}, {start}–{end}.").format(
        n=len(found), what=html.escape(what), start=settings["start"], end=settings["end"]
    ) + "</p>"
    if not found:
        return head

    def what_changed(e: Event) -> str:
        topic = html.escape(_(e.topic))
        # The sources' own words for what changed exist in English only (data/).
        return f"<b>{topic}</b>: {html.escape(e.after)}" if lang == "en" else topic

    rows = "".join(
        "<tr>"
        f"<td style='white-space:nowrap'>{html.escape(timeline_date(e, lang))}</td>"
        f"<td>{html.escape(_(e.category))}</td>"
        f"<td>{what_changed(e)}</td>"
        f"<td>{html.escape(_(e.stage))}</td>"
        f"<td><a href='{html.escape(e.source, quote=True)}' target='_blank'>"
        f"{_('source')}</a></td>"
        "</tr>"
        for e in found
    )
    header = "".join(f"<th>{_(h)}</th>" for h in
                     ("when", "category", "what changed", "stage", "source"))
    return f"{head}<table><tr>{header}</tr>{rows}</table>"


def build_timeline_explorer(
    category: str | None = None, start: int = 2022, end: int | None = None, lang: str = "en"
) -> Explorer:
    """Timeline explorer for notebook 00.

    Parameters
    ----------
    category
        Category selected first: one of :data:`kzlib.timeline.CATEGORIES`, or
        ``None`` for all.
    start, end
        Year range selected first. ``end`` defaults to the year of the last event.
    lang
        Language of the labels, the panel and the chart: ``"en"``, ``"kk"`` or ``"ru"``
        (:data:`kzlib.i18n.LANGUAGES`). Event topics are translated; dates, counts and
        the events found are the same in every language.

    Returns
    -------
    Explorer
        Controls ``category`` (toggle buttons: ``"all"`` or a category) and
        ``years`` (a range slider of years); ``result`` is the list of
        :class:`~kzlib.timeline.Event` returned by :func:`kzlib.timeline.events`
        for those settings.

    Raises
    ------
    ValueError
        If ``category`` is unknown, the years are outside the data's range, or ``lang``
        is not a language of the collection.
    """
    _ = translator(lang)
    everything = timeline.events()
    low, high = everything[0].date.year, everything[-1].date.year
    end = high if end is None else end
    check_range(start, "start", low, high)
    check_range(end, "end", low, high)
    if category is not None and category not in timeline.CATEGORIES:
        raise ValueError(
            f"category must be one of {', '.join(timeline.CATEGORIES)} or None, got {category!r}"
        )
    if not low <= start <= end <= high:
        raise ValueError(f"start and end must satisfy {low} <= start <= end <= {high}, "
                         f"got start={start!r}, end={end!r}")
    controls = {
        "category": widgets.ToggleButtons(
            options=[(_("All"), ALL)] + [(_(c).capitalize(), c) for c in timeline.CATEGORIES],
            value=ALL if category is None else category,
            description=_("Category"), style={**LABEL_STYLE, "button_width": "auto"}),
        "years": widgets.IntRangeSlider(
            value=(start, end), min=low, max=high, step=1, description=_("Years"),
            continuous_update=False, style=LABEL_STYLE, layout=widgets.Layout(width="420px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = TimelineModel(everything, category=controls["category"].value, years=(start, end))
    chart = _TimelineChart(everything, _, lang)

    def show(found: list[Event]) -> None:
        settings = model.settings()
        chart.update(found, settings["category"])
        explorer.show_text(_events_html(found, settings, _, lang))

    explorer.bind(model, show)
    explorer.children = [controls["category"], controls["years"], chart.widget]
    return explorer


class _TimelineChart:
    """Every event as a dot; the events found dark, the others light grey."""

    def __init__(self, everything: list[Event], gettext: Gettext = str,
                 lang: str = "en") -> None:
        _ = gettext
        self.everything = everything
        self.lang = lang
        fig, (ax,) = plots.new_figure(9.5, 4.2)
        self.dots = draw_timeline(ax, everything, lang=lang)
        pad = datetime.timedelta(days=60)
        ax.set_xlim(mdates.date2num(everything[0].date - pad),
                    mdates.date2num(everything[-1].date + pad))
        plots.finish(fig, _(TIMELINE_TITLE), _(TIMELINE_SOURCE), label=_("Source"))
        # Only the dots change: keep the rest of the picture and redraw the dots on it.
        self.view = BlitChartView(fig, lambda: [self.dots])
        self.widget = self.view.widget

    def update(self, found: list[Event], category: str | None) -> None:
        """Darken the events found and set the alt text."""
        wanted = set(found)  # Events are frozen values: compare by value
        _recolour(self.dots, self.everything, [e in wanted for e in self.everything])
        self.view.refresh(timeline_alt_text(found, category, self.lang))
