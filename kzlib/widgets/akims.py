"""Notebook 09 widgets: how direct akim elections spread, and who chooses the akim.

:func:`build_rollout_explorer` is the notebook's explorer: a small model a student
can push. Direct elections reach a level's posts one by one, as the incumbents'
terms end; the student sets the level, the first year and the number of years over
which terms end, and sees the modelled share of posts with an elected akim, year by
year, beside the counts reported (:func:`kzlib.akims.rollout`). The panel is a
:class:`RolloutModel` linked to the controls; the view only draws.

:func:`build_akim_explorer` wires two controls (level, year) to
:func:`kzlib.akims.selection` and shows how that level's akim was chosen, with a
timeline of all three levels (coloured by how the akim is chosen) on which a
marker moves to the chosen level and year (one figure, updated in place). The
panel is an :class:`AkimModel` (level and year, and the selection) linked to the
controls; the view only draws. :func:`kzlib.charts.selection_timeline_chart` and
:func:`kzlib.charts.rural_winners_chart` draw the notebook's static charts.

Both explorers take ``lang`` (English, Kazakh or Russian, from the catalogues of
:mod:`kzlib.i18n`): labels, sentences, the words of ``data/`` they show (how the akim
is chosen, by whom, the notes and dates), chart texts and alt text.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable

import ipywidgets as widgets
import traitlets
from matplotlib.patches import Rectangle

from kzlib import plots
from kzlib.akims import (
    FIRST_DAY,
    HOW_CHOSEN,
    LAST_DAY,
    LEVELS,
    ROLLOUT_LEVELS,
    ROLLOUT_START,
    Rollout,
    Selection,
    rollout,
    selection,
)
from kzlib.charts import akim_timeline_alt as _timeline_alt
from kzlib.charts import draw_akim_timeline as _draw_timeline
from kzlib.charts import draw_rollout, rollout_alt
from kzlib.i18n import format_number, translator
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
    check_range,
)

__all__ = [
    "LEVEL_LABELS",
    "START_YEARS",
    "TERM_YEARS",
    "AkimModel",
    "RolloutModel",
    "build_akim_explorer",
    "build_rollout_explorer",
    "rollout_html",
    "selection_html",
]

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: Short dropdown and axis labels of the levels (English; translated when shown).
LEVEL_LABELS: dict[str, str] = {
    "region": _("region or city of republican significance"),
    "district": _("district or city of regional significance"),
    "rural": _("rural district, village, settlement, city of district significance"),
}
_AXIS_LABELS = {"region": _("region"), "district": _("district"), "rural": _("rural")}
_SOURCE = _("data/akim_selection.csv (news reports; see the Sources section)")
#: Month names, asked for all at once when an explorer is built (see _dates).
_MONTHS = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
           _("July"), _("August"), _("September"), _("October"), _("November"),
           _("December"))
_END = datetime.date(LAST_DAY.year + 1, 1, 1)


def _year_fraction(day: datetime.date) -> float:
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def _dates(gettext: Gettext) -> Callable[[datetime.date], str]:
    """A day as "8 June 2022" in the language of ``gettext`` (the month's name and
    the order of day, month and year from the catalogues)."""
    months = [gettext(name) for name in _MONTHS]  # every month asked, in every language
    pattern = gettext("{day} {month} {year}")

    def day(value: datetime.date) -> str:
        return pattern.format(day=value.day, month=months[value.month - 1], year=value.year)

    return day


def _since(s: Selection, gettext: Gettext = str,
           day: Callable[[datetime.date], str] | None = None) -> str:
    start = s.rule.valid_from
    if start is None:
        return gettext("a date not recorded here")
    if s.rule.date_precision == "year":
        return str(start.year)
    return day(start) if day is not None else f"{start.day} {start:%B %Y}"


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

    def __init__(self, gettext: Gettext = str) -> None:
        _ = self._ = gettext
        fig, (ax,) = plots.new_figure(8.5, 3.6)
        _draw_timeline(ax, _)
        plots.finish(fig, _("Who chooses the akim?"), _(_SOURCE), label=_("Source"))
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
        _ = self._
        how = _(HOW_CHOSEN[result.how_chosen])
        level = _(_AXIS_LABELS[result.level])
        self.title.set_text(_("{year}, {level} level: {how}").format(
            year=result.on.year, level=level, how=how))
        self.view.refresh(_timeline_alt(
            _("Chart with a marker at the end of {year} on the {level} level, whose akim was "
              "{how}.").format(year=result.on.year, level=level, how=how), _))


def selection_html(result: Selection, gettext: Gettext = str,
                   day: Callable[[datetime.date], str] | None = None) -> str:
    """The numbers and words the panel shows for one selection, as HTML.

    ``gettext`` translates the sentences and the words of ``data/akim_selection.csv``
    (an explorer passes its language's ``_``), ``day`` writes a date (default: English).
    """
    _ = gettext
    rule = result.rule
    others = "".join(
        f"<tr{' style=font-weight:bold' if s.level == result.level else ''}>"
        f"<td>{html.escape(_(s.rule.level_name))}</td>"
        f"<td>{html.escape(_(HOW_CHOSEN[s.how_chosen]))}</td>"
        f"<td>{html.escape(_since(s, _, day))}</td></tr>"
        for s in (selection(level, result.on) for level in LEVELS)
    )
    detail = (" " + _("<i>Note:</i> {detail}.").format(detail=html.escape(_(rule.detail)))
              if rule.detail else "")
    return (
        "<p>" + _("At the end of {year}, the akim of a <b>{level}</b> was <b>{how}</b>: chosen "
                  "by {by}. This rule applies since {since}.").format(
            year=result.on.year, level=html.escape(_(rule.level_name)),
            how=html.escape(_(HOW_CHOSEN[rule.how_chosen])), by=html.escape(_(rule.chosen_by)),
            since=html.escape(_since(result, _, day)))
        + f"{detail}</p>"
        "<p>" + _("Status: {status}. Source: {source}").format(
            status=html.escape(_(rule.status)),
            source=f"<a href='{html.escape(rule.source)}' target='_blank'>"
                   f"{html.escape(rule.source)}</a>") + "</p>"
        f"<table><tr><th>{_('level')}</th><th>{_('how chosen')}</th><th>{_('since')}</th></tr>"
        f"{others}</table>"
    )


def build_akim_explorer(level: str = "rural", year: int = 2021, lang: str = "en") -> Explorer:
    """The "who chooses the akim?" panel of notebook 09.

    Parameters
    ----------
    level
        Level shown first: ``"region"``, ``"district"`` or ``"rural"``.
    year
        Year shown first, 2010–2025 (the rule of 31 December).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian); the words of ``data/`` are shown translated, the sources'
        addresses as they are.

    Returns
    -------
    Explorer
        Controls ``level`` and ``year``; ``result`` is the
        :class:`~kzlib.akims.Selection` returned by
        :func:`kzlib.akims.selection` for them.

    Raises
    ------
    ValueError
        If ``level``, ``year`` or ``lang`` is not offered.
    """
    _ = translator(lang)
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(map(repr, LEVELS))}, got {level!r}")
    first, last = FIRST_DAY.year, LAST_DAY.year
    if isinstance(year, bool) or not isinstance(year, int) or not first <= year <= last:
        raise ValueError(f"year must be a whole number from {first} to {last}, got {year!r}")
    controls = {
        "level": widgets.Dropdown(
            options=[(_(LEVEL_LABELS[key]), key) for key in LEVELS], value=level,
            description=_("Level of akim"), style=LABEL_STYLE,
            layout=widgets.Layout(width="520px")),
        "year": widgets.IntSlider(
            value=year, min=FIRST_DAY.year, max=LAST_DAY.year, step=1,
            description=_("Year (rule on 31 December)"), continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="520px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    chart = _AkimChart(_)
    day = _dates(_)

    def show(result: Selection) -> None:
        chart.update(result)
        explorer.show_text(selection_html(result, _, day))

    # The figure stays reachable, so tests (and curious readers) can inspect its artists.
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(AkimModel(level=level, year=year), show)
    explorer.children = [controls["level"], controls["year"], chart.widget]
    return explorer


# --- the phase-in model ---------------------------------------------------------------

#: The first years and the term lengths the rollout sliders offer.
START_YEARS = (2019, 2027)
TERM_YEARS = (1, 8)


class RolloutModel(ExplorerModel):
    """A level, a first year and a spread of term ends; the modelled phase-in.

    ``result`` is :func:`kzlib.akims.rollout` ``(level, start_year, term_years)``.
    Choosing another level moves the first year to that level's own
    (:data:`kzlib.akims.ROLLOUT_START`), which the student can then push.
    """

    level = traitlets.Unicode("rural").tag(input=True)
    start_year = traitlets.Int(2021).tag(input=True)
    term_years = traitlets.Int(4).tag(input=True)

    @traitlets.observe("level")
    def _level_start(self, change: traitlets.Bunch) -> None:
        if change["new"] in ROLLOUT_START:
            self.start_year = ROLLOUT_START[change["new"]]

    def compute(self) -> Rollout:
        return rollout(self.level, self.start_year, self.term_years)


def _percent(value: object, lang: str = "en") -> str:
    return format_number(float(value), lang, ".2f") + "%"  # type: ignore[arg-type]


def rollout_html(result: Rollout, gettext: Gettext = str, lang: str = "en") -> str:
    """The sentences and the table the rollout panel shows for one result, as HTML
    (``gettext`` and ``lang`` as in :func:`selection_html` and :mod:`kzlib.i18n`)."""
    _ = gettext
    more, derived = _("more than {count}"), _("(DERIVED)")  # asked every time
    rows = []
    gaps = dict((p.as_of, gap) for p, gap in result.gaps)
    for p in result.points:
        elected = None if p.elected is None else format_number(p.elected, lang, ",")
        count = "" if elected is None else (more.format(count=elected) if p.at_least
                                            else elected)
        told = "" if p.share is None else _percent(p.share, lang) + (
            " " + derived if p.derived else "")
        model = "" if p.year not in result.shares else _percent(result.shares[p.year], lang)
        gap = "" if p.as_of not in gaps else format_number(float(gaps[p.as_of]), lang, "+.2f")
        # The sources' own dates ("mid-2023"): translated, the bare years kept.
        when = p.as_of if p.as_of.isdigit() else _(p.as_of)
        rows.append(f"<tr><td>{html.escape(when)}</td><td>{count}</td><td>{told}</td>"
                    f"<td>{model}</td><td>{gap}</td></tr>")
    model_line = (_("Model: direct elections of <b>{level}</b> akims from <b>{start}</b>, "
                    "incumbents' terms ending evenly over <b>{years}</b> year: every post has "
                    "had a direct election by the end of <b>{full}</b>.")
                  if result.term_years == 1 else
                  _("Model: direct elections of <b>{level}</b> akims from <b>{start}</b>, "
                    "incumbents' terms ending evenly over <b>{years}</b> years: every post has "
                    "had a direct election by the end of <b>{full}</b>."))
    note = _("Shares marked DERIVED divide a count by the number of posts last reported "
             "(2,345 in 2021): the sources do not say whether it changed.")
    return (
        "<p>" + model_line.format(level=_(result.level), start=result.start_year,
                                  years=result.term_years, full=result.full_year) + "</p>"
        f"<table><tr><th>{_('reported')}</th><th>{_('elected')}</th><th>{_('share')}</th>"
        f"<th>{_('model (end of year)')}</th><th>{_('model − reported (points)')}</th></tr>"
        f"{''.join(rows)}</table>"
        + (f"<p>{note}</p>" if any(p.derived for p in result.points) else "")
    )


def build_rollout_explorer(
    level: str = "rural", start_year: int | None = None, term_years: int = 4, lang: str = "en"
) -> Explorer:
    """The "how fast do direct elections spread?" panel of notebook 09.

    Parameters
    ----------
    level
        ``"rural"`` or ``"district"``, shown first.
    start_year
        First year of direct elections, 2019–2027; by default the level's own
        (2021 rural, 2025 district).
    term_years
        Years over which the incumbents' terms end, 1–8.
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian); only the numbers' display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``level``, ``start_year`` and ``term_years``; ``result`` is the
        :class:`~kzlib.akims.Rollout` of :func:`kzlib.akims.rollout` for them.

    Raises
    ------
    TypeError, ValueError
        If an argument is not offered by the controls (the message names it).
    """
    _ = translator(lang)
    check_choice(level, "level", ROLLOUT_LEVELS)
    if start_year is None:
        start_year = ROLLOUT_START[level]
    for name, value, (low, high) in (("start_year", start_year, START_YEARS),
                                     ("term_years", term_years, TERM_YEARS)):
        check_range(value, name, low, high)
        if not isinstance(value, int):
            raise TypeError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    controls = {
        "level": widgets.Dropdown(
            options=[(_(LEVEL_LABELS[key]), key) for key in ROLLOUT_LEVELS], value=level,
            description=_("Level of akim"), style=LABEL_STYLE,
            layout=widgets.Layout(width="520px")),
        "start_year": widgets.IntSlider(
            value=start_year, min=START_YEARS[0], max=START_YEARS[1], step=1,
            description=_("First direct elections in"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="520px")),
        "term_years": widgets.IntSlider(
            value=term_years, min=TERM_YEARS[0], max=TERM_YEARS[1], step=1,
            description=_("Incumbents' terms end over (years)"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="520px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = RolloutModel(level=level, start_year=start_year, term_years=term_years)
    fig, (ax,) = plots.new_figure(8.5, 3.8)
    line, dots, hollow = draw_rollout(ax, model.result, _)
    plots.finish(fig, _("Direct elections spreading post by post"),
                 _("model: kzlib.akims.phase_in; reported counts: data/akim_rollout.csv"),
                 label=_("Source"))
    # Only the model line and the reported points move: the rest is drawn once.
    chart = BlitChartView(fig, lambda: [line, dots, hollow])

    def show(result: Rollout) -> None:
        explorer.show_text(rollout_html(result, _, lang))  # the numbers first, then the picture
        line.set_ydata([float(v) for v in result.shares.values()])
        for artist, derived in ((dots, False), (hollow, True)):
            shown = [p for p in result.points if p.share is not None and p.derived is derived]
            artist.set_data([p.year + 0.5 for p in shown], [float(p.share) for p in shown])
        chart.refresh(rollout_alt(result, _, lang))

    explorer.chart = chart  # type: ignore[attr-defined]
    explorer.bind(model, show)
    explorer.children = [controls["level"], controls["start_year"], controls["term_years"],
                         chart.widget]
    return explorer
