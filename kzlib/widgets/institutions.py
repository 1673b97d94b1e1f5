"""Notebook 03 widgets and chart: what changed in Parliament and the state institutions?

:func:`build_chamber_explorer` (the notebook's panel) builds both chambers from
sliders of their appointment channels (regions x senators per region, the
president's appointees and the APK's share of them; the Mazhilis' party-list,
single-member and APK seats) and shows who fills the seats and the president's
share, from :func:`kzlib.compare.reforms.parliament_mix`. A "start from" dropdown
sets the sliders to the real chambers before or after the reform.

:func:`build_reform_explorer` offers one dropdown of changes (rows of
``data/reform_changes.csv`` for the chosen topics) and shows the rule before and
after, the date, the legal instrument, how well the row is sourced and its source,
from :func:`kzlib.compare.reforms.change`. A dot timeline places the chosen change
among the others (one figure, updated in place). The panel is a
:class:`ReformModel` (the chosen change, and its row) linked to the dropdown; the
view only draws. The notebook's static chart of how the seats of both chambers are
filled is :func:`kzlib.charts.composition_chart`.

Both explorers take ``lang`` (English, Kazakh or Russian, from the catalogues of
:mod:`kzlib.i18n`). The reform explorer shows the words of ``data/reform_changes.csv``
translated (every row of every topic has its Kazakh and Russian form in the catalogues;
a row added to the table stays in English until it is translated, as gettext does with
a message it lacks); the sources' addresses are shown as they are.
"""

from __future__ import annotations

import datetime
import html
import textwrap
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import pandas as pd
import traitlets
from matplotlib.patches import Rectangle

from kzlib import plots
from kzlib.charts import COMPONENT_COLOURS
from kzlib.compare.reforms import (
    COMPONENT_LABELS,
    PERIODS,
    TOPICS,
    ChamberMix,
    Change,
    ParliamentMix,
    before_after,
    chamber_channels,
    change,
    parliament_mix,
)
from kzlib.i18n import format_number, translator
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
)

__all__ = [
    "CHANNELS",
    "DEFAULT_TOPICS",
    "ChamberModel",
    "ReformModel",
    "build_chamber_explorer",
    "build_reform_explorer",
    "chamber_html",
    "change_html",
    "decimal_year",
    "reform_settings",
]

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: Month names, asked for all at once when an explorer is built (see _dates).
_MONTHS = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
           _("July"), _("August"), _("September"), _("October"), _("November"),
           _("December"))

#: Topics the explorer offers unless told otherwise.
DEFAULT_TOPICS: tuple[str, ...] = ("parliament", "institutions")
_CHOSEN = plots.OKABE_ITO["vermillion"]
_OTHER = "#9A9A9A"
#: The time axis: from just before 2022 to mid-2023 (the 2022 reforms), or half a year
#: past the latest change shown (later changes, e.g. the akims' of 2025).
_X_MIN, _X_MAX = 2021.7, 2023.5
_UNDATED_X = 2021.75  # left of January 2022: changes without a date
#: Where the line between undated and dated changes is drawn (the "no date" labels end before).
_DATED_FROM = 2022.0 - 0.02
#: Past this, the chosen change's date is written left of its dot, inside the axes.
_LABEL_LEFT_FROM = 2023.0


def decimal_year(day: datetime.date) -> float:
    """A date as a year with a fraction, e.g. 1 July 2022 -> 2022.4959 (day of year / 365)."""
    return day.year + (day.timetuple().tm_yday - 1) / 365.0


class ReformModel(ExplorerModel):
    """The chosen change, a ``(topic, aspect)`` pair, and its row.

    ``result`` is :func:`~kzlib.compare.reforms.change` ``(topic, aspect)``.
    """

    change = traitlets.Tuple(traitlets.Unicode(), traitlets.Unicode(),
                             default_value=("institutions", "Constitutional Court")).tag(input=True)

    def compute(self) -> Change:
        topic, aspect = self.change
        return change(topic, aspect)


def reform_settings(explorer: Explorer) -> dict[str, str]:
    """The arguments of :func:`~kzlib.compare.reforms.change` for the panel's
    current dropdown: ``{"topic": ..., "aspect": ...}``."""
    topic, aspect = explorer.controls["change"].value
    return {"topic": topic, "aspect": aspect}


def _dates(gettext: Gettext) -> Callable[[datetime.date | None], str]:
    """A day as "5 November 2022" (or "no date in our sources") in the language of
    ``gettext``: the month's name and the order of day, month and year from the
    catalogues."""
    months = [gettext(name) for name in _MONTHS]  # every month asked, in every language
    pattern, missing = gettext("{day} {month} {year}"), gettext("no date in our sources")

    def day(value: datetime.date | None) -> str:
        if not value:
            return missing
        return pattern.format(day=value.day, month=months[value.month - 1], year=value.year)

    return day


def _day(value: datetime.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "no date in our sources"


def change_html(item: Change, gettext: Gettext = str,
                day: Callable[[datetime.date | None], str] = _day) -> str:
    """The before/after card the panel shows for one change, as HTML.

    ``gettext`` translates the labels and the row's words (an explorer passes its
    language's ``_``); ``day`` writes the date (default: English).
    """
    _ = gettext
    warning = ""
    if not item.verified:
        warning = ("<p style='color:#9C3D00'>"
                   + _("<b>Unverified:</b> this claim could not be sourced; it is shown so that "
                       "you can see what is and is not known.") + "</p>")
    before = html.escape(_(item.before)) if item.before else _("<i>(nothing: new)</i>")

    def row(header: str, value: str) -> str:
        return f"<tr><th style='text-align:left'>{_(header)}</th><td>{value}</td></tr>"

    return (
        f"{warning}<table>"
        + row("Topic", html.escape(_(item.topic)))
        + row("What changed", html.escape(_(item.aspect)))
        + row("Before", before)
        + row("After", html.escape(_(item.after)))
        + row("Date", day(item.effective))
        + row("Instrument", html.escape(_(item.instrument)))
        + row("How it is sourced", html.escape(_(item.status)))
        + row("Source", f"<a href='{html.escape(item.source)}' "
                        f"target='_blank'>{html.escape(item.source)}</a>")
        + "</table>"
    )


class _ReformChart:
    """A dot per change at its date; the chosen one large, coloured and banded."""

    def __init__(self, keys: list[tuple[str, str]], dates: list[datetime.date | None],
                 gettext: Gettext = str,
                 day: Callable[[datetime.date | None], str] = _day) -> None:
        _ = self._ = gettext
        self.day = day
        self.keys, self.dates = keys, dates
        self.xs = [decimal_year(d) if d else _UNDATED_X for d in dates]
        latest = max(self.xs)
        x_max = _X_MAX if latest <= _X_MAX else latest + 0.5
        rows = list(range(len(keys)))
        fig, (ax,) = plots.new_figure(9, 0.32 * len(keys) + 1.6)
        plots.finish(fig, _("When each change took effect"),
                     _("data/reform_changes.csv (sources listed per row)"), label=_("Source"))
        self.band = Rectangle((_X_MIN - 1, -0.5), x_max - _X_MIN + 2, 1, color="#FDE8DA",
                              zorder=0)
        ax.add_patch(self.band)
        self.dots = ax.scatter(self.xs, rows, s=40, c=[_OTHER] * len(keys),
                               edgecolors=plots.EDGE, linewidths=0.5, zorder=3)
        ax.axvline(_DATED_FROM, color="#bbbbbb", linewidth=0.8)
        undated = [ax.text(x + 0.02, row, _("no date"), va="center", ha="left", fontsize=7,
                           color="#666666")
                   for x, row, day in zip(self.xs, rows, dates, strict=True) if day is None]
        self.label = ax.text(_X_MIN, 0, "", va="center", ha="left", fontsize=8, zorder=4)
        ax.set_yticks(rows, [textwrap.shorten(f"{_(t)}: {_(a)}", 58) for t, a in keys],
                      fontsize=8)
        ax.set_ylim(len(keys) - 0.5, -0.5)
        ax.set_xlim(_X_MIN, x_max)
        # January and July of each year; only Januaries once the axis spans several years.
        years = range(2022, int(x_max) + 1)
        halves = (0.0, 181 / 365) if x_max - _X_MIN < 3 else (0.0,)
        jan, jul = _("Jan {year}"), _("Jul {year}")
        ticks = [(y + h, (jan if h == 0 else jul).format(year=y)) for y in years for h in halves
                 if y + h <= x_max]
        ax.set_xticks([x for x, _label in ticks], [label for _x, label in ticks])
        ax.set_xlabel(_("Date the change was signed, adopted or took effect"))
        ax.set_ylabel(_("Change"))
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        # Only the band, the dots and the labels move: redraw just those (blitting).
        self.view = BlitChartView(fig, lambda: [self.band, self.dots, self.label, *undated])
        self.widget = self.view.widget

    def update(self, chosen: int) -> None:
        """Highlight the change in row ``chosen`` and set the alt text."""
        _ = self._
        rows = range(len(self.keys))
        self.dots.set_facecolors([_CHOSEN if i == chosen else _OTHER for i in rows])
        self.dots.set_sizes([110 if i == chosen else 40 for i in rows])
        self.band.set_y(chosen - 0.5)
        # The alt text describes what is drawn (the highlighted row), not the result.
        day = self.dates[chosen]
        when = self.day(day)
        x = self.xs[chosen]
        if day and x >= _LABEL_LEFT_FROM:
            # Late in the range the date would run past the right edge: write it on the left.
            self.label.set_position((x - 0.03, chosen))
            self.label.set_horizontalalignment("right")
            self.label.set_text(f"{when}  ")
        else:
            self.label.set_position((x + (0.03 if day else 0.12), chosen))
            self.label.set_horizontalalignment("left")
            self.label.set_text(f"  {when}" if day else "")
        topic, aspect = self.keys[chosen]
        self.view.refresh(
            _("Dot timeline of {n} changes by date; highlighted: {aspect} ({topic}), "
              "{when}.").format(n=len(self.keys), aspect=_(aspect), topic=_(topic), when=when)
            + " " + "; ".join(f"{_(a)}: {self.day(d)}"
                              for (_t, a), d in zip(self.keys, self.dates, strict=True)) + ".")


def build_reform_explorer(
    topics: tuple[str, ...] = DEFAULT_TOPICS,
    topic: str = "institutions",
    aspect: str = "Constitutional Court",
    lang: str = "en",
) -> Explorer:
    """Before/after explorer for notebook 03.

    Parameters
    ----------
    topics
        Topics whose rows the dropdown offers (from :data:`~kzlib.compare.reforms.TOPICS`).
    topic, aspect
        The change shown first.
    lang
        Language of the labels, the card and the chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), the rows' words included (see the module's docstring).

    Returns
    -------
    Explorer
        One control, ``change``, whose value is a ``(topic, aspect)`` pair;
        ``result`` is the :class:`~kzlib.compare.reforms.Change` returned by
        :func:`~kzlib.compare.reforms.change`.

    Raises
    ------
    ValueError
        If a topic is unknown, has no rows, ``(topic, aspect)`` is not offered or
        ``lang`` is not a language of the collection.
    """
    _ = translator(lang)
    if isinstance(topics, str) or not isinstance(topics, Sequence) or not topics:
        raise ValueError(f"topics must be a non-empty tuple of topic names, got {topics!r}")
    for name in topics:
        check_choice(name, "topics", TOPICS)
    table = before_after()
    table = table[table["topic"].isin(topics)].reset_index(drop=True)
    if table.empty:
        raise ValueError(f"no rows in reform_changes.csv for topics {topics!r}")
    keys = list(zip(table["topic"], table["aspect"], strict=True))
    if (topic, aspect) not in keys:
        raise ValueError(
            f"topic and aspect must name one of the offered changes, got topic={topic!r}, "
            f"aspect={aspect!r}"
        )
    controls = {
        "change": widgets.Dropdown(
            options=[(f"{_(t).capitalize()}: {_(a)}", (t, a)) for t, a in keys],
            value=(topic, aspect), description=_("Change"), style=LABEL_STYLE,
            layout=widgets.Layout(width="560px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = ReformModel(change=(topic, aspect))
    day = _dates(_)
    chart = _ReformChart(keys, [None if pd.isna(d) else d.date() for d in table["effective"]],
                         _, day)

    def show(item: Change) -> None:
        chart.update(keys.index(model.change))
        explorer.show_text(change_html(item, _, day))

    explorer.bind(model, show)
    explorer.children = [controls["change"], chart.widget]
    return explorer


# ------------------------------------------------------------------ chambers from channels

#: Each slider of the chamber explorer: (description, lowest, highest).
CHANNELS: dict[str, tuple[str, int, int]] = {
    "regions": (_("Senate: regions that elect senators"), 0, 25),
    "per_region": (_("Senate: senators elected per region"), 0, 4),
    "appointed": (_("Senate: senators the president appoints"), 0, 30),
    "on_apk_proposal": (_("Senate: of these, proposed by the APK"), 0, 15),
    "party_list": (_("Mazhilis: party-list seats"), 0, 150),
    "single_member": (_("Mazhilis: single-member districts"), 0, 60),
    "apk": (_("Mazhilis: seats elected by the APK"), 0, 20),
}
_START_OPTIONS = ((_("the chambers after the reform (2023)"), "from 2023"),
                  (_("the chambers before the reform (2022)"), "before 2023"))


class ChamberModel(ExplorerModel):
    """Both chambers' channels and the seats that follow.

    ``result`` is :func:`~kzlib.compare.reforms.parliament_mix` of the seven inputs.
    """

    # One sentence per chamber: the chamber's name is part of the translated sentence.
    plain_messages = (
        (r"on_apk_proposal \((\d+)\) cannot be larger than appointed \((\d+)\)",
         _(r"The senators proposed by the APK (\1) are part of those the president appoints "
           r"(\2): move 'appointed' up or 'proposed by the APK' down.")),
        (r"the Senate must have at least one seat",
         _("The Senate has no seats at all: move one of its sliders above 0.")),
        (r"the Mazhilis must have at least one seat",
         _("The Mazhilis has no seats at all: move one of its sliders above 0.")),
    )

    regions = traitlets.Int(17).tag(input=True)
    per_region = traitlets.Int(2).tag(input=True)
    appointed = traitlets.Int(15).tag(input=True)
    on_apk_proposal = traitlets.Int(0).tag(input=True)
    party_list = traitlets.Int(98).tag(input=True)
    single_member = traitlets.Int(0).tag(input=True)
    apk = traitlets.Int(9).tag(input=True)

    def compute(self) -> ParliamentMix:
        return parliament_mix(**self.inputs())


def _share(mix: ChamberMix, seats: int, gettext: Gettext = str, lang: str = "en") -> str:
    return gettext("{seats} of {total} ({pct}%)").format(
        seats=seats, total=mix.total, pct=format_number(mix.share(seats), lang, ".1f"))


def chamber_html(result: ParliamentMix, gettext: Gettext = str, lang: str = "en") -> str:
    """The numbers the chamber panel shows, as HTML (``gettext`` and ``lang``: the
    explorer's language, see :mod:`kzlib.i18n`; the default is English)."""
    _ = gettext
    senate, mazhilis = result.senate, result.mazhilis

    def share(mix: ChamberMix, seats: int) -> str:
        return _share(mix, seats, _, lang)

    rows = [
        (_("Seats"), str(senate.total), str(mazhilis.total)),
        (_("Appointed by the president (all)"), share(senate, senate.appointed),
         share(mazhilis, mazhilis.appointed)),
        (_("... of whom he picks freely"), share(senate, senate.unconstrained),
         share(mazhilis, mazhilis.unconstrained)),
        (_("Chosen by voters directly"), share(senate, senate.by_voters),
         share(mazhilis, mazhilis.by_voters)),
        (_("Chosen by others (maslikhat deputies, the APK)"),
         share(senate, senate.total - senate.appointed - senate.by_voters),
         share(mazhilis, mazhilis.total - mazhilis.appointed - mazhilis.by_voters)),
    ]
    body = "".join(f"<tr><th style='text-align:left'>{html.escape(a)}</th>"
                   f"<td style='text-align:right'>{b}</td><td style='text-align:right'>{c}</td>"
                   "</tr>" for a, b, c in rows)
    return (
        f"<table><tr><th></th><th>{_('Senate')}</th><th>{_('Mazhilis')}</th></tr>" + body
        + "</table><p>"
        + _("The president appoints {appointed} of the {total} seats of both chambers together "
            "({pct}%).").format(appointed=senate.appointed + mazhilis.appointed,
                                total=senate.total + mazhilis.total,
                                pct=format_number(result.president_share, lang, ".1f"))
        + "</p>"
    )


def _alt(result: ParliamentMix, gettext: Gettext = str, lang: str = "en") -> str:
    _ = gettext
    parts = []
    for mix in (result.senate, result.mazhilis):
        kinds = ", ".join(f"{_(COMPONENT_LABELS[c])} {n}" for c, n in mix.seats if n)
        parts.append(_("{chamber}: {kinds} (total {total}; the president appoints {appointed}, "
                       "{pct}%)").format(chamber=_(mix.chamber), kinds=kinds, total=mix.total,
                                         appointed=mix.appointed,
                                         pct=format_number(mix.president_share, lang, ".1f")))
    return (_("Stacked bars of the seats of each chamber by who fills them.") + " "
            + "; ".join(parts) + ".")


class _ChamberChart:
    """One stacked horizontal bar per chamber: its pieces made once, moved on each change.

    The bars, their numbers and the totals are the moving artists of a
    :class:`~kzlib.widgets.common.BlitChartView`; the axes, the legend (every kind of
    seat, whether the sliders use it or not) and the titles are drawn once, and again
    only when the seat scale changes with the larger chamber.
    """

    _ROWS = ("Senate", "Mazhilis")

    def __init__(self, gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        self.fig, (self.ax,) = plots.new_figure(8.5, 3.8)
        plots.finish(self.fig, _("Who fills the seats of each chamber"),
                     _("kzlib.compare.reforms.parliament_mix of the sliders above"),
                     label=_("Source"))
        # A fixed layout: constrained layout measured every label on each move.
        self.fig.set_layout_engine("none")
        ax = self.ax
        ax.set_position((0.12, 0.42, 0.85, 0.42))
        ax.set_ylim(1.6, -0.6)
        ax.set_yticks([0, 1], [_(row) for row in self._ROWS])
        ax.set_xlabel(_("Seats"))
        ax.set_ylabel(_("Chamber"))
        ax.spines[["top", "right"]].set_visible(False)
        self.bars: dict[tuple[int, str], Rectangle] = {}
        self.numbers: dict[tuple[int, str], object] = {}
        self.totals = [ax.text(0, row, "", va="center", ha="left", fontsize=8) for row in (0, 1)]
        handles = [Rectangle((0, 0), 1, 1, facecolor=COMPONENT_COLOURS[c], edgecolor=plots.EDGE,
                             linewidth=0.5) for c in COMPONENT_LABELS]
        # Below the axes, so it never covers a bar or its label, whatever the sliders say.
        ax.legend(handles, [_(label) for label in COMPONENT_LABELS.values()], fontsize=7,
                  frameon=False, ncols=3,
                  loc="upper center", bbox_to_anchor=(0.5, -0.32))
        self.scale: float | None = None
        self.view = BlitChartView(
            self.fig, lambda: [*self.bars.values(), *self.numbers.values(), *self.totals])
        self.widget = self.view.widget

    def _piece(self, row: int, component: str) -> tuple[Rectangle, object]:
        if (row, component) not in self.bars:  # made the first time it is needed
            fill = COMPONENT_COLOURS[component]
            self.bars[row, component] = self.ax.barh(
                row, 0, color=fill, edgecolor=plots.EDGE, linewidth=0.5)[0]
            self.numbers[row, component] = self.ax.text(
                0, row, "", ha="center", va="center", fontsize=8, color=plots.text_colour(fill))
        return self.bars[row, component], self.numbers[row, component]

    def update(self, result: ParliamentMix) -> None:
        mixes = (result.senate, result.mazhilis)
        for bar in self.bars.values():
            bar.set_visible(False)  # a zero-width bar would still draw its edge
        for number in self.numbers.values():
            number.set_text("")
        for row, mix in enumerate(mixes):
            left = 0
            for component, seats in mix.seats:
                bar, number = self._piece(row, component)
                bar.set_x(left)
                bar.set_width(seats)
                bar.set_visible(seats > 0)
                if seats >= 4:
                    number.set_position((left + seats / 2, row))
                    number.set_text(str(seats))
                left += seats
            self.totals[row].set_position((left + 2, row))
            self.totals[row].set_text(self._("{seats} seats; president {pct}%").format(
                seats=mix.total, pct=format_number(mix.president_share, self.lang, ".1f")))
        scale = max(m.total for m in mixes) * 1.45 + 5
        if scale != self.scale:
            self.ax.set_xlim(0, scale)
            self.scale = scale
            self.view.invalidate(scale)  # the x ticks change with the scale
        self.view.refresh(_alt(result, self._, self.lang))


def build_chamber_explorer(start: str = "before 2023", lang: str = "en") -> Explorer:
    """The "build a chamber" panel of notebook 03.

    Parameters
    ----------
    start
        ``"before 2023"`` or ``"from 2023"``: the real chambers the sliders start
        from (:func:`~kzlib.compare.reforms.chamber_channels`).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian); only the numbers' display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``change`` (a dropdown that sets every slider to the real chambers
        before or after the reform) and one slider per entry of :data:`CHANNELS`;
        ``result`` is the :class:`~kzlib.compare.reforms.ParliamentMix` of the sliders.

    Raises
    ------
    ValueError
        If ``start`` is not one of the two periods, or ``lang`` is not a language of
        the collection.
    """
    _ = translator(lang)
    check_choice(start, "start", PERIODS)
    values = chamber_channels(start)
    controls: dict[str, widgets.Widget] = {
        # Named "change": which side of the 2022 change the sliders start from.
        "change": widgets.Dropdown(options=[(_(label), key) for label, key in _START_OPTIONS],
                                   value=start, description=_("Start from"), style=LABEL_STYLE,
                                   layout=widgets.Layout(width="520px")),
    }
    for name, (description, low, high) in CHANNELS.items():
        controls[name] = widgets.IntSlider(
            value=values[name], min=low, max=high, description=_(description),
            continuous_update=False, style=LABEL_STYLE, layout=widgets.Layout(width="520px"))
    explorer = Explorer(controls=controls, lang=lang)
    model = ChamberModel(**values)
    # The panel's plain sentences in the explorer's language (an instance attribute).
    model.plain_messages = tuple((pattern, _(sentence))
                                 for pattern, sentence in ChamberModel.plain_messages)
    chart = _ChamberChart(_, lang)

    def show(result: ParliamentMix) -> None:
        # The numbers first, then the picture.
        explorer.show_text(chamber_html(result, _, lang))
        chart.update(result)

    def start_from(change_: dict) -> None:
        # All seven at once: one consistent chamber, not seven half-set ones.
        with model.hold_trait_notifications():
            for name, value in chamber_channels(change_["new"]).items():
                setattr(model, name, value)

    controls["change"].observe(start_from, names="value")
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(model, show)
    explorer.children = [*controls.values(), chart.widget]
    return explorer
