"""Every static chart of the notebooks: one call per chart, returning (figure, alt text).

Each function draws one finished figure (title, labelled axes, party colours from
:mod:`kzlib.plots`, a source line) and returns it with its alt text, so that a
notebook's chart cell reads::

    fig, alt = charts.remainders(table_2023)
    plots.show(fig, alt)

The widgets use the same drawing helpers (:func:`draw_timeline`,
:func:`draw_akim_timeline`). This module imports matplotlib (through
:mod:`kzlib.plots`) and never ipywidgets. Charts take the numbers they draw as
arguments or read them through kzlib's models; they do no seat arithmetic.

Layout rules that keep text apart (checked by ``tests/test_charts.py``): no
rotated labels (long names wrap, see :func:`kzlib.plots.party_label`), legends
outside the plotting area or in space the data leaves free, labels of reference
lines in the margin, numbers written on bars over an opaque patch.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kzlib import plots
from kzlib.i18n import format_number, translator

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kzlib.akims import Rollout
    from kzlib.mixed import MixedResult
    from kzlib.timeline import Event

__all__ = [
    "COMPONENT_COLOURS",
    "MODE_COLOURS",
    "akim_timeline_alt",
    "competition_chart",
    "composition_chart",
    "designs_chart",
    "draw_akim_timeline",
    "draw_timeline",
    "hemicycles",
    "house_size_steps",
    "official_seats_chart",
    "recolour_timeline",
    "referendum_denominators",
    "remainders",
    "results_chart",
    "rules_chart",
    "draw_rollout",
    "rollout_alt",
    "rollout_chart",
    "rural_winners_chart",
    "selection_timeline_chart",
    "threshold_steps",
    "timeline_alt_text",
    "timeline_chart",
    "timeline_date",
    "wasted_votes",
]

Chart = tuple["Figure", str]

#: One colour per kind of seat in :func:`composition_chart` (Okabe–Ito).
COMPONENT_COLOURS: dict[str, str] = {
    "party_list": plots.OKABE_ITO["blue"],
    "single_member": plots.OKABE_ITO["sky_blue"],
    "apk": plots.OKABE_ITO["yellow"],
    "elected": plots.OKABE_ITO["bluish_green"],
    "appointed_by_president": plots.OKABE_ITO["vermillion"],
    "appointed_on_apk_proposal": plots.OKABE_ITO["orange"],
}
#: One colour per way of choosing an akim (Okabe–Ito, colour-blind safe).
MODE_COLOURS: dict[str, str] = {
    "appointed": "#9E9E9E",
    "indirect": plots.OKABE_ITO["sky_blue"],
    "pilot": plots.OKABE_ITO["yellow"],
    "direct": plots.OKABE_ITO["bluish_green"],
}

_MAZHILIS_SOURCE = "data/mazhilis_list_results.csv"


def _plain(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)


def _on_bar(ax: Axes, x: float, y: float, text: str, fill: str, **style: Any) -> None:
    """A number written on a bar, over a patch of the bar's colour, so that a
    reference line crossing the bar never runs through the digits."""
    ax.text(x, y, text, ha="center", va="center", color=plots.text_colour(fill), zorder=4,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": fill, "edgecolor": "none"},
            **style)


# --- notebook 00: the reform timeline -------------------------------------------------

#: Dot colours of :func:`draw_timeline`: shown events, events filtered out, and the
#: face of proposals and plans.
SHOWN = "#333333"
HIDDEN = "#D0D0D0"
HOLLOW = "#FFFFFF"
#: Stages drawn as hollow dots: not (yet) done.
OPEN_STAGES = ("proposal", "plan")


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: Month names of :func:`timeline_date` (English; translated when shown).
_MONTHS = (
    _("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
    _("July"), _("August"), _("September"), _("October"), _("November"), _("December"),
)
#: The chart's title and source line (English; translated when shown).
TIMELINE_TITLE = _("Kazakhstan's reforms, step by step")
TIMELINE_SOURCE = _("data/reform_timeline.csv (a source URL on every row)")


def timeline_date(event: Event, lang: str = "en") -> str:
    """An event's date as its precision allows, in ``lang``.

    In English this is :func:`kzlib.timeline.date_label` (``"5 January 2022"``,
    ``"from 2025"``, ``"by 28 November 2022"``); in Kazakh and Russian the same
    parts in the catalogue's order.

    Examples
    --------
    >>> from kzlib import timeline
    >>> first = timeline.events(start=2022)[0]
    >>> timeline_date(first), timeline_date(first, "ru"), timeline_date(first, "kk")
    ('5 January 2022', '5 января 2022 г.', '2022 жылғы 5 қаңтар')
    """
    from kzlib import timeline

    _ = translator(lang)
    months = [_(m) for m in _MONTHS]  # every month asked, so the catalogue holds all
    d = event.date
    day = _("{day} {month} {year}").format(day=d.day, month=months[d.month - 1], year=d.year)
    if event.date_precision == "day":
        return day
    if event.date_precision == "month":
        return _("{month} {year}").format(month=months[d.month - 1], year=d.year)
    if event.date_precision == "year":
        return _("from {year}").format(year=d.year)
    if event.date_precision == "on_or_before":
        return _("by {date}").format(date=day)
    return timeline.date_label(event)  # raises the ValueError naming the precision


def draw_timeline(ax: Axes, events: Sequence[Event], shown: Sequence[bool] | None = None,
                  lang: str = "en") -> Any:
    """Draw events as dots: date on the x-axis, category on the y-axis.

    Parameters
    ----------
    ax
        A matplotlib Axes (from :func:`kzlib.plots.new_figure`).
    events
        The events to place, e.g. ``timeline.events()``.
    shown
        One flag per event: True draws it dark, False light grey. Default: all shown.
    lang
        Language of the axis labels, category names and key (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    matplotlib.collections.PathCollection
        The dots, in the order of ``events``, so that :func:`recolour_timeline` can
        update their colours in place.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    from kzlib import timeline

    _ = translator(lang)
    cats = list(timeline.CATEGORIES)
    flags = list(shown) if shown is not None else [True] * len(events)
    xs = [mdates.date2num(e.date) for e in events]
    ys = [cats.index(e.category) for e in events]
    dots = ax.scatter(xs, ys, s=70, zorder=3, linewidths=1.5)
    recolour_timeline(dots, events, flags)
    ax.set_yticks(range(len(cats)), [_(c) for c in cats])
    ax.set_ylim(len(cats) - 0.5, -0.5)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="y", color="#EEEEEE", zorder=0)
    ax.grid(axis="x", which="major", color="#DDDDDD", zorder=0)
    ax.set_xlabel(_("Date"))
    ax.set_ylabel(_("Category"))
    _plain(ax)
    keys = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=SHOWN,
               label=_("done, signed, adopted, held or in force")),
        Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=HOLLOW,
               markeredgecolor=SHOWN, markeredgewidth=1.5, label=_("proposal or plan")),
    ]
    # Above the dots, not below them: below, the key ran into the "Date" label.
    ax.legend(handles=keys, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2,
              frameon=False, fontsize=9)
    return dots


def recolour_timeline(dots: Any, events: Sequence[Event], shown: Sequence[bool]) -> None:
    """Colour the dots of :func:`draw_timeline`: dark if shown, pale if not."""
    edges = [SHOWN if s else HIDDEN for s in shown]
    faces = [HOLLOW if e.stage in OPEN_STAGES else edge
             for e, edge in zip(events, edges, strict=True)]
    dots.set_edgecolors(edges)
    dots.set_facecolors(faces)


def timeline_alt_text(found: Sequence[Event], category: str | None, lang: str = "en") -> str:
    """Alt text naming what the timeline highlights, with counts and dates, in ``lang``."""
    from kzlib import timeline

    _ = translator(lang)
    what = (_("all categories") if category is None
            else _("category {category}").format(category=_(category)))
    if not found:
        return _("Timeline of reform events: none shown for {what} in the chosen years."
                 ).format(what=what)
    counts = timeline.counts_by_category(found)
    parts = ", ".join(f"{_(c)} {n}" for c, n in counts.items() if n)
    return _(
        "Timeline of reform events, dates across and categories down: {n} events "
        "highlighted for {what}, from {first} to {last} ({parts})."
    ).format(n=len(found), what=what, first=timeline_date(found[0], lang),
             last=timeline_date(found[-1], lang), parts=parts)


def timeline_chart(events: Sequence[Event], lang: str = "en") -> Chart:
    """The static timeline of notebook 00: every event, dates across, categories down.

    Parameters
    ----------
    events
        The events to draw, e.g. ``kzlib.timeline.events()``.
    lang
        Language of every text of the chart and of the alt text.

    Returns
    -------
    (Figure, str)
        The figure and its alt text (counts by category, first and last date).
    """
    _ = translator(lang)
    fig, (ax,) = plots.new_figure(9.5, 4.2)
    draw_timeline(ax, events, lang=lang)
    plots.finish(fig, _(TIMELINE_TITLE), _(TIMELINE_SOURCE), label=_("Source"))
    return fig, timeline_alt_text(events, None, lang)


# --- notebook 01: the referendum -------------------------------------------------------

def referendum_denominators(table: pd.DataFrame, lang: str = "en") -> Chart:
    """Horizontal bars: the same Yes votes as a share of each denominator.

    Parameters
    ----------
    table
        :func:`kzlib.referendum.shares_table` (columns ``base`` and ``percent``).
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        The figure (a dashed line marks half) and its alt text with every share.
    """
    _ = translator(lang)
    fig, (ax,) = plots.new_figure(8, 3.6)
    bases = [plots.literal(_(b)) for b in table["base"]]
    bars = ax.barh(bases, list(table["percent"]), color="#555555", edgecolor=plots.EDGE)
    ax.bar_label(bars, labels=[f"{format_number(p, lang, '.2f')}%" for p in table["percent"]],
                 padding=3)
    half = ax.axvline(50, color="#444444", linestyle="--", linewidth=1, zorder=0.5)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel(_("Yes votes, per cent of the denominator"))
    ax.set_ylabel(_("Denominator"))
    # The key sits above the bars, where no bar or label can reach it.
    ax.legend([half], [_("half of the denominator (50%)")], loc="lower right",
              bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    _plain(ax)
    plots.finish(fig, _("The same Yes votes, three denominators"),
                 _("data/referendum_2022.csv (CEC final results)"), label=_("Source"))
    parts = ", ".join(f"{_(b)} {format_number(p, lang, 'g')}"
                      for b, p in zip(table["base"], table["percent"], strict=True))
    alt = _("Horizontal bar chart of Yes votes as per cent of each denominator: {parts}.").format(
        parts=parts)
    return fig, alt


# --- notebook 02: the presidency -------------------------------------------------------

def results_chart(years: tuple[int, ...] = (2019, 2022), lang: str = "en") -> Chart:
    """Bar chart of vote shares (per cent of candidate votes + 'against all') by
    candidate, one panel per election, winner first.

    Bars are horizontal so that every surname reads in full, without rotation.
    Candidates' names are written in ``lang``'s script (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        The figure and its alt text (which lists every share drawn).
    """
    from kzlib.presidency import vote_shares

    _ = translator(lang)
    fig, axes = plots.new_figure(10, 4.2, ncols=len(years))
    alt = []
    for ax, year in zip(axes, years, strict=True):
        shares = vote_shares(year)
        labels = [plots.literal(_(n).split()[-1]) if n != "Against all" else _(n)
                  for n in shares]
        colours = [plots.colour("Against all") if n == "Against all"
                   else plots.OKABE_ITO["sky_blue"] for n in shares]
        bars = ax.barh(labels, list(shares.values()), color=colours, edgecolor=plots.EDGE,
                       linewidth=0.5)
        ax.bar_label(bars, labels=[format_number(s, lang, ".2f") for s in shares.values()],
                     padding=2, fontsize=8)
        ax.set_xlim(0, 100)
        ax.invert_yaxis()
        ax.set_title(f"{year}")
        ax.set_ylabel(_("Candidate (surname) or 'against all'"))
        ax.set_xlabel(_("Share of candidate votes\n+ 'against all' (%)"))
        ax.tick_params(axis="y", labelsize=8)
        _plain(ax)
        alt.append(f"{year}: " + ", ".join(f"{_(n)} {format_number(s, lang, '.2f')}%"
                                           for n, s in shares.items()))
    plots.finish(fig, _("Presidential elections: vote shares"),
                 _("CEC final results via ElectionGuide (2019) and baribar.kz (2022), "
                   "data/presidential_results.csv"), label=_("Source"))
    return fig, _("Bar charts of vote shares.") + " " + "; ".join(alt) + "."


# --- notebook 03: the institutions -----------------------------------------------------

def composition_chart(lang: str = "en") -> Chart:
    """Stacked bars: how the seats of the Mazhilis and the Senate are filled,
    before and after the reform. A kind of seat whose number is not in ``data/``
    is not drawn; the label above the bar names it and calls the total unknown.
    Totals say whether they are sourced or derived (the sum of the parts).
    ``lang`` (``"en"``, ``"kk"``, ``"ru"``) is the language of every word drawn.

    Returns
    -------
    (Figure, str)
        The figure and its alt text (every number drawn).
    """
    import textwrap

    from kzlib.compare.reforms import (
        CHAMBERS,
        COMPONENT_LABELS,
        PERIODS,
        composition,
        composition_table,
    )

    _ = translator(lang)
    labels = {k: _(v) for k, v in COMPONENT_LABELS.items()}
    fig, axes = plots.new_figure(10, 4.6, ncols=len(CHAMBERS))
    totals = composition_table()
    totals = totals[totals["component"] == "total"]
    alt = []
    handles: dict[str, Any] = {}
    kinds = {"derived": _("derived"), "sourced": _("sourced")}
    unknown = _("total unknown: {parts} not in data")
    known = _("total {seats} ({kind})")
    not_in_data = _("not in data")
    for ax, chamber in zip(axes, CHAMBERS, strict=True):
        top = 0
        for x, period in enumerate(PERIODS):
            bottom = 0
            parts = composition(chamber, period)
            missing = [labels[p.component] for p in parts if p.seats is None]
            for part in parts:
                if part.seats is None:
                    continue
                fill = COMPONENT_COLOURS[part.component]
                bar = ax.bar(x, part.seats, bottom=bottom, color=fill, edgecolor=plots.EDGE,
                             linewidth=0.5)
                handles.setdefault(part.component, bar)
                ax.text(x, bottom + part.seats / 2, str(part.seats), ha="center", va="center",
                        fontsize=9, color=plots.text_colour(fill))
                bottom += part.seats
            row = totals[(totals["chamber"] == chamber) & (totals["period"] == period)].iloc[0]
            if missing:
                note = unknown.format(parts=", ".join(missing))
            else:
                kind = "derived" if str(row["status"]).startswith("derived") else "sourced"
                note = known.format(seats=int(row["seats"]), kind=kinds[kind])
            # Wrapped to the bar's slot, so a long note stays clear of the y-axis.
            ax.text(x, bottom + 2, textwrap.fill(note, 22), ha="center", va="bottom",
                    fontsize=8)
            top = max(top, bottom)
            listed = ", ".join(
                f"{labels[p.component]} "
                + (str(p.seats) if p.seats is not None else not_in_data)
                for p in parts)
            alt.append(f"{_(chamber)} {_(period)}: {listed} ({note})")
        ax.set_xticks(range(len(PERIODS)), [_(p) for p in PERIODS])
        ax.set_xlim(-0.75, len(PERIODS) - 0.25)
        ax.set_ylim(0, top * 1.3 + 14)
        ax.set_title(_(chamber))
        ax.set_xlabel(_("Period"))
        ax.set_ylabel(_("Seats"))
        _plain(ax)
    fig.legend([handles[k] for k in COMPONENT_LABELS if k in handles],
               [labels[k] for k in COMPONENT_LABELS if k in handles],
               loc="outside right center", fontsize=8, frameon=False)
    plots.finish(fig, _("How the seats of Parliament are filled, before and after the reform"),
                 _("data/mazhilis_composition.csv, data/senate.csv; "
                   "totals derived except Senate 2023"), label=_("Source"))
    return fig, _("Stacked bar charts of seats.") + " " + "; ".join(alt) + "."


# --- notebook 04: the parties ----------------------------------------------------------

_REGISTRATION_SOURCE = ("data/party_registration_rules.csv (news reports of the laws; "
                        "see the Sources section)")


def rules_chart(lang: str = "en") -> Chart:
    """Step charts of the registration minimums over time (2015 to 2025).

    ``lang`` (``"en"``, ``"kk"``, ``"ru"``) is the language of every word drawn.

    Returns
    -------
    (Figure, str)
        The figure (three panels: members; branch and initiative group; months) and
        its alt text with every value and date.
    """
    from matplotlib.ticker import FuncFormatter

    from kzlib.parties import LABELS, registration_rules

    _ = translator(lang)
    periods = registration_rules()
    start, end = datetime.date(2015, 1, 1), datetime.date(2025, 12, 31)

    def steps(name: str) -> tuple[list[datetime.date], list[int]]:
        xs, ys = [], []
        for p in periods:
            xs.append(max(p.valid_from or start, start))
            ys.append(getattr(p, name))
        xs.append(end)
        ys.append(ys[-1])
        return xs, ys

    fig, axes = plots.new_figure(11.0, 4.2, ncols=3)
    panels = [
        (axes[0], ["members_to_register"], _("Members needed")),
        (axes[1], ["regional_branch_min_members", "initiative_group_min"], _("People")),
        (axes[2], ["months_to_hold_founding_congress", "months_to_form_branches"], _("Months")),
    ]
    colours = [plots.OKABE_ITO["blue"], plots.OKABE_ITO["orange"]]
    styles = ["-", "--"]
    for ax, names, ylabel in panels:
        # A panel may draw fewer lines than there are colours and styles.
        for name, col, style in zip(names, colours, styles, strict=False):
            xs, ys = steps(name)
            ax.step(xs, ys, where="post", color=col, linewidth=2, linestyle=style,
                    label=_(LABELS[name]))
        ax.set_ylim(0, None)
        ax.set_ylabel(ylabel)
        ax.set_xlabel(_("Date the rule applied"))
        # Above the panel: inside, the key sat on the step lines.
        ax.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 1.0))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x, lang,
                                                                                ",.0f")))
        _plain(ax)
    plots.finish(fig, _("Party registration minimums, 2015–2025"), _(_REGISTRATION_SOURCE),
                 label=_("Source"))
    changes = ", ".join(p.valid_from.isoformat() for p in periods if p.valid_from)
    values = "; ".join(
        f"{_(LABELS[n])}: " + " → ".join(format_number(getattr(p, n), lang) for p in periods)
        for n in ("members_to_register", "regional_branch_min_members", "initiative_group_min",
                  "months_to_hold_founding_congress", "months_to_form_branches")
    )
    alt = _("Step charts of the party registration minimums; the rules changed on "
            "{changes}. {values}.").format(changes=changes, values=values)
    return fig, alt


def competition_chart(years: tuple[int, ...] = (2021, 2023), lang: str = "en") -> Chart:
    """Bars: party lists and the effective number of parties (by votes, by list seats).

    ``lang`` (``"en"``, ``"kk"``, ``"ru"``) is the language of every word drawn.

    Returns
    -------
    (Figure, str)
        The figure and its alt text with the numbers (the effective numbers are
        DERIVED).
    """
    from kzlib.parties import competition

    _ = translator(lang)
    results = [competition(y) for y in years]
    fig, (ax,) = plots.new_figure(7.5, 3.8)
    measures = [(_("party lists"), lambda c: c.lists),
                (_("ENP by votes"), lambda c: c.enp_votes),
                (_("ENP by list seats"), lambda c: c.enp_seats)]
    width = 0.8 / len(results)
    colours = [plots.OKABE_ITO["sky_blue"], plots.OKABE_ITO["blue"], plots.OKABE_ITO["orange"]]
    # More colours than elections: the palette is longer on purpose.
    for i, (c, col) in enumerate(zip(results, colours, strict=False)):
        xs = [j + (i - (len(results) - 1) / 2) * width for j in range(len(measures))]
        values = [f(c) for _name, f in measures]
        bars = ax.bar(xs, values, width, color=col, edgecolor=plots.EDGE, linewidth=0.5,
                      label=str(c.year))
        ax.bar_label(bars, labels=[format_number(v, lang, ".2f") if isinstance(v, float)
                                   else str(v) for v in values], padding=2, fontsize=8)
    ax.set_xticks(range(len(measures)), [m for m, _f in measures])
    ax.set_ylabel(_("Number of parties"))
    ax.set_xlabel(_("Measure (ENP = effective number of parties, derived)"))
    ax.margins(y=0.12)
    # Beside the axes: inside, the key covered the tallest bars' labels.
    ax.legend(frameon=False, title=_("Mazhilis\nelection"), loc="upper left",
              bbox_to_anchor=(1.01, 1.0))
    _plain(ax)
    plots.finish(fig, _("More lists, but one party still dominates"),
                 _("CEC results in data/mazhilis_list_results.csv; ENP computed by kzlib"),
                 label=_("Source"))
    alt = _("Bar chart.") + " " + " ".join(
        _("{year}: {lists} party lists, effective number of parties {votes} by votes and "
          "{seats} by list seats.").format(year=c.year, lists=c.lists,
                                           votes=format_number(c.enp_votes, lang, ".2f"),
                                           seats=format_number(c.enp_seats, lang, ".2f"))
        for c in results
    )
    return fig, alt


# --- notebook 05: the threshold --------------------------------------------------------

def threshold_steps(
    seats: pd.DataFrame,
    *,
    year: int,
    house: int = 98,
    base: str = "the party votes",
    sample: Sequence[float] = (0, 3, 4, 5, 6, 7, 10),
    lang: str = "en",
) -> Chart:
    """Step chart: each party's list seats as the threshold rises.

    Parameters
    ----------
    seats
        One row per threshold (index: threshold in per cent, ascending), one
        column per party in the order to show, seats as values: e.g. the
        ``compare_outcomes`` table pivoted on ``scenario``.
    year
        The election whose votes were counted (for the title and source).
    house
        The list seats shared (for the axis label).
    base
        What the threshold is a share of, in words (for the axis label).
    sample
        Thresholds (per cent, present in the index) whose seats the alt text lists.
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``); the
        default ``base`` is translated, other words given as ``base`` are shown as given.

    Returns
    -------
    (Figure, str)
        The figure (legend beside it, in the columns' order) and its alt text.

    Raises
    ------
    ValueError
        If a threshold of ``sample`` is not in the index of ``seats``.

    Examples
    --------
    >>> import pandas as pd
    >>> seats = pd.DataFrame({"A": [60, 65], "B": [38, 33]}, index=[0.0, 10.0])
    >>> fig, alt = threshold_steps(seats, year=2021, sample=(0, 10))
    >>> alt
    'Step chart of 2021 list seats by threshold from 0% to 10%: 0%: A 60, B 38; 10%: A 65, B 33'
    """
    _ = translator(lang)
    parties = list(seats.columns)
    missing = [t for t in sample if t not in seats.index]
    if missing:
        raise ValueError(f"sample must be thresholds in the index of seats, got {missing!r}")
    fig, (ax,) = plots.new_figure(8.5, 4)
    styles = ["-", "--", "-.", ":"]
    for i, party in enumerate(parties):
        ax.step(seats.index, seats[party], where="post", color=plots.colour(party),
                linewidth=2, linestyle=styles[i % len(styles)], label=plots.party_label(party),
                path_effects=plots.outline(plots.colour(party)))
    ax.set_xlabel(_("Threshold (% of {base})").format(base=_(base)))
    ax.set_ylabel(_("List seats (of {house})").format(house=house))
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              title=_("Party"), title_fontsize=8)
    _plain(ax)
    plots.finish(fig, _("{year} votes: seats by threshold").format(year=year),
                 _("CEC results {year} in {path}; seats by kzlib (Hare)").format(
                     year=year, path=_MAZHILIS_SOURCE), label=_("Source"))
    lo, hi = seats.index[0], seats.index[-1]

    def pct(value: float) -> str:
        return format_number(value, lang, "g")

    head = _("Step chart of {year} list seats by threshold from {lo}% to {hi}%: ").format(
        year=year, lo=pct(lo), hi=pct(hi))
    # The sample thresholds as given (e.g. 5 or 5.0), in the reader's decimal sign.
    alt = head + "; ".join(
        f"{format_number(t, lang, '')}%: " + ", ".join(f"{p} {n}" for p, n in seats.loc[t].items())
        for t in sample)
    return fig, alt


def hemicycles(
    panels: Mapping[str, Mapping[str, int]] | pd.DataFrame,
    *,
    title: str,
    source: str,
    lang: str = "en",
) -> Chart:
    """Hemicycles side by side, one per scenario, each with its legend.

    Parameters
    ----------
    panels
        Seats per party for each panel title, or a long table with columns
        ``scenario``, ``party`` and ``seats`` (as ``compare_outcomes`` returns),
        drawn in the order of its scenarios.
    title, source
        The figure's title and source line (translated in ``lang`` when the catalogue
        has them, as are the panel titles; otherwise shown as given).
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        The figure and its alt text (every party with seats, per panel).

    Raises
    ------
    ValueError
        If ``panels`` is empty.

    Examples
    --------
    >>> fig, alt = hemicycles({"2007": {"Nur Otan": 98, "JSDP": 0}}, title="2007", source="CEC")
    >>> alt
    'Hemicycle (2007) of 98 seats: Nur Otan 98.'
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['Nur Otan 98']
    """
    _ = translator(lang)
    if hasattr(panels, "groupby"):
        panels = {name: dict(zip(group.party, group.seats, strict=True))
                  for name, group in panels.groupby("scenario", sort=False)}
    if not panels:
        raise ValueError(f"panels must hold at least one scenario, got {panels!r}")
    fig, axes = plots.new_figure(4.6 * len(panels), 3.8, ncols=len(panels))
    counted = _("{n} seats")
    for ax, (name, seats) in zip(axes, panels.items(), strict=True):
        plots.draw_hemicycle(ax, seats, title=_(name))
        # The "N seats" label drawn by kzlib.plots, in the chart's language.
        ax.texts[0].set_text(counted.format(n=sum(seats.values())))
    plots.finish(fig, _(title), _(source), label=_("Source"))
    alt = "; ".join(
        _("Hemicycle ({name}) of {total} seats: {parts}.").format(
            name=_(name), total=sum(seats.values()),
            parts=", ".join(f"{p} {n}" for p, n in seats.items() if n))
        for name, seats in panels.items())
    return fig, alt


# --- notebook 06: how seats are counted ------------------------------------------------

def remainders(table: pd.DataFrame, *, year: int = 2023, lang: str = "en") -> Chart:
    """Bars of the remainders after the integer parts, largest first.

    Parameters
    ----------
    table
        A count's table (``SeatCount.table()``): columns ``party``, ``passes``,
        ``remainder``, ``remainder_rank`` and ``remainder_seat``.
    year
        The election counted (for the title).
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        The figure (lists that win a remainder seat in full colour, the others
        pale) and its alt text.
    """
    from matplotlib.ticker import FuncFormatter

    _ = translator(lang)
    ranked = table[table.passes].sort_values("remainder_rank")
    left = int(ranked.remainder_seat.sum())
    fig, (ax,) = plots.new_figure(7.5, 3.8)
    remainders = dict(zip(ranked.party, ranked.remainder, strict=True))
    bars = plots.draw_seat_bars(ax, remainders, labels=False,
                                xlabel=_("Party list, largest remainder first"),
                                ylabel=_("Remainder (fraction of a seat)"))
    for bar, won in zip(bars, ranked.remainder_seat, strict=True):
        bar.set_alpha(1.0 if won else 0.35)
    pairs = zip(ranked.remainder, ranked.remainder_seat, strict=True)
    seat = "\n" + _("→ seat")
    ax.bar_label(ax.containers[-1], labels=[format_number(r, lang, ".4f") + (seat if w else "")
                                            for r, w in pairs],
                 fontsize=8, padding=2)
    ax.set_ylim(0, 1.1)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
    # As matplotlib writes them in English (0.00 ... 1.00), in the reader's decimal sign.
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, lang, ".2f")))
    plots.finish(fig, _("{year}: remainders after the integer parts ({left} seats left)").format(
                     year=year, left=left),
                 _("CEC results in {path}; count by kzlib").format(path=_MAZHILIS_SOURCE),
                 label=_("Source"))
    winners = list(ranked.party[ranked.remainder_seat])
    listed = ", ".join(f"{p} {format_number(r, lang, '.4f')}"
                       for p, r in zip(ranked.party, ranked.remainder, strict=True))
    alt = _("Bar chart of {year} remainders, largest first: {listed}. The {n} largest, "
            "{winners}, win the {n} seats left.").format(
        year=year, listed=listed, n=_number_word(left, _),
        winners=f" {_('and')} ".join(winners))
    return fig, alt


#: Number words of :func:`_number_word` (English; translated when shown).
_NUMBER_WORDS = {1: _("one"), 2: _("two"), 3: _("three"), 4: _("four"), 5: _("five")}


def _number_word(n: int, gettext: Callable[[str], str] = str) -> str:
    # Every word asked for each time, so that every language asks the same messages.
    words = {k: gettext(v) for k, v in _NUMBER_WORDS.items()}
    return words.get(n, str(n))


def house_size_steps(
    table: pd.DataFrame,
    paradoxes: Iterable[Any],
    *,
    party: str = "JSDP",
    year: int = 2023,
    lang: str = "en",
) -> Chart:
    """Step chart: one party's seats as the house grows, Hare against Sainte-Laguë.

    Parameters
    ----------
    table
        Index: list seats shared (consecutive house sizes); columns ``hare`` and
        ``sainte-lague``: the party's seats under each method.
    paradoxes
        :func:`kzlib.counting.house_size_paradoxes` results; those of ``party``
        whose next house size is in the table are marked.
    party
        The party drawn.
    year
        The election counted (for the title).
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        The figure and its alt text (each drop under Hare).
    """
    _ = translator(lang)
    sizes = list(table.index)
    # A paradox at S seats is a drop at S + 1: the house size where the seat is lost.
    drops = [p.seats + 1 for p in paradoxes if p.party == party and p.seats + 1 in sizes]
    fig, (ax,) = plots.new_figure(8.5, 3.8)
    ax.step(table.index, table["sainte-lague"], where="mid", color="#999999", linewidth=3,
            label=_("Sainte-Laguë (never drops)"))
    ax.step(table.index, table["hare"], where="mid", color=plots.colour(party), linewidth=2,
            label=_("Hare (article 97-1)"))
    ax.scatter(drops, table.loc[drops, "hare"], color="#000000", zorder=3,
               label=_("one seat more,\none seat fewer"))
    low = int(min(table["hare"].min(), table["sainte-lague"].min()))
    high = int(max(table["hare"].max(), table["sainte-lague"].max()))
    ax.set_yticks(range(low, high + 1))
    ax.set_ylim(low - 0.5, high + 0.8)
    ax.set_xlabel(_("List seats shared (house size)"))
    ax.set_ylabel(_("{party} seats").format(party=plots.literal(party)))
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    _plain(ax)
    plots.finish(fig, _("{year} votes: the {party}'s seats as the house grows").format(
                     year=year, party=plots.literal(party)),
                 _("CEC results in {path}; count by kzlib").format(path=_MAZHILIS_SOURCE),
                 label=_("Source"))
    steps = ", ".join(
        _("{n} seats ({before} to {after})").format(
            n=n, before=table.loc[n - 1, "hare"], after=table.loc[n, "hare"])
        for n in drops)
    alt = _("Step chart of {party} seats for house sizes {first} to {last} under Hare and "
            "Sainte-Laguë. Hare drops at {steps}; Sainte-Laguë never drops.").format(
        party=party, first=sizes[0], last=sizes[-1], steps=steps)
    return fig, alt


# --- notebook 07: the mixed Mazhilis ---------------------------------------------------

def designs_chart(results: Sequence[MixedResult], lang: str = "en") -> Chart:
    """The static chart of notebook 07: one bar per design, split by party.

    Each design is a horizontal bar as long as its house, made of one segment per
    party (party colours; a party's number is written on segments of 4 seats or
    more), with short vertical marks at that house's majority (dashed) and
    two-thirds (dotted) lines.

    Parameters
    ----------
    results
        Designs to draw, top to bottom (e.g. :func:`kzlib.cases.mazhilis_2023_designs`).
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``): the
        designs' names and the rows "Independents" and "Disputed" are translated, party
        names are not.

    Returns
    -------
    (matplotlib.figure.Figure, str)
        The finished figure (title and source line) and its alt text, for
        :func:`kzlib.plots.show`.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    _ = translator(lang)
    # Rows of the seat totals that are not parties, named in the chart's language.
    rows = {"Independents": _("Independents"), "Disputed": _("Disputed")}
    fig, (ax,) = plots.new_figure(10, 1.6 + 0.7 * len(results))
    labels = [plots.literal(_(r.design)) for r in results]
    shown: dict[str, None] = {}
    for row, result in enumerate(results):
        left = 0
        for party, seats in result.total.items():
            if not seats:
                continue
            fill = plots.colour(party)
            ax.barh(row, seats, left=left, height=0.6, color=fill, edgecolor=plots.EDGE,
                    linewidth=0.5)
            if seats >= 4:
                _on_bar(ax, left + seats / 2, row, str(seats), fill, fontsize=8)
            shown[party] = None
            left += seats
        for line, style in ((result.majority_line, "--"), (result.two_thirds_line, ":")):
            ax.plot([line, line], [row - 0.45, row + 0.45], color="#000000", linestyle=style,
                    linewidth=1.2, zorder=3)
    ax.set_yticks(range(len(results)), labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(_("Seats (dashed mark: majority; dotted mark: two-thirds)"))
    ax.set_ylabel(_("Design"))
    _plain(ax)
    handles = [Patch(facecolor=plots.colour(p), edgecolor=plots.EDGE,
                     label=plots.party_label(rows.get(p, p), width=18, lines=1)) for p in shown]
    handles += [Line2D([], [], color="#000000", linestyle="--", label=_("majority")),
                Line2D([], [], color="#000000", linestyle=":", label=_("two-thirds"))]
    fig.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=8)
    plots.finish(fig, _("The 2023 vote under four designs of a 98-seat Mazhilis"),
                 _("CEC list votes and district seats in data/; modelled tiers as labelled; "
                   "kzlib.mixed"), label=_("Source"))
    alt = _("Horizontal bar chart of seats by design.") + " " + " ".join(
        f"{_(r.design)}: " + ", ".join(f"{rows.get(p, p)} {n}" for p, n in r.total.items() if n)
        + " " + _("(majority {majority}, two-thirds {two_thirds} of {house}).").format(
            majority=r.majority_line, two_thirds=r.two_thirds_line, house=r.house_size)
        for r in results)
    return fig, alt


# --- notebook 08: the maslikhats -------------------------------------------------------

def official_seats_chart(lang: str = "en") -> Chart:
    """The static chart of notebook 08: the official list seats of each city council.

    ``lang`` (``"en"``, ``"kk"``, ``"ru"``) is the language of every word drawn.

    Returns
    -------
    (matplotlib.figure.Figure, str)
        One bar panel per council (party colours) with a title and source line, and
        its alt text, for :func:`kzlib.plots.show`.
    """
    from matplotlib.ticker import MaxNLocator

    from kzlib import cases

    _ = translator(lang)
    councils = cases.maslikhat_councils()
    fig, axes = plots.new_figure(10, 4.0, ncols=len(councils))
    seats = {c: cases.maslikhat_election(c).official_seats for c in councils}
    for ax, council in zip(axes, councils, strict=True):
        plots.draw_seat_bars(ax, seats[council],
                             xlabel=_("{council} maslikhat, party list").format(
                                 council=_(council)),
                             ylabel=_("List seats"), wrap=10)
        ax.tick_params(axis="x", labelsize=8)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    plots.finish(fig, _("Official list seats, city maslikhats, 19 March 2023"),
                 _("city election commissions (data/maslikhat_2023_list_results.csv)"),
                 label=_("Source"))
    alt = " ".join(
        _("{council} maslikhat list tier, bar chart of {total} seats: {parts}.").format(
            council=_(council), total=sum(seats[council].values()),
            parts=", ".join(f"{p} {n}" for p, n in seats[council].items() if n))
        for council in councils)
    return fig, alt


# --- notebook 09: the akims ------------------------------------------------------------

_AKIM_SOURCE = "data/akim_selection.csv (news reports; see the Sources section)"
_AKIM_AXIS = {"region": "region", "district": "district", "rural": "rural"}


def _year_fraction(day: datetime.date) -> float:
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def draw_akim_timeline(ax: Axes, gettext: Callable[[str], str] = str) -> None:
    """Draw every rule of akim_selection.csv as a coloured band per level.

    ``gettext`` translates the labels (an explorer passes its language's ``_``, see
    :mod:`kzlib.i18n`); the default keeps them in English.
    """
    from matplotlib.patches import Patch

    from kzlib.akims import FIRST_DAY, HOW_CHOSEN, LAST_DAY, LEVELS, selection_rules

    end_day = datetime.date(LAST_DAY.year + 1, 1, 1)
    rules = selection_rules()
    rows = list(reversed(LEVELS))  # region on top
    for y, level in enumerate(rows):
        for rule in (r for r in rules if r.level == level):
            start = max(rule.valid_from or FIRST_DAY, FIRST_DAY)
            end = min(rule.valid_to or end_day, end_day)
            x0, x1 = _year_fraction(start), _year_fraction(end)
            ax.broken_barh([(x0, x1 - x0)], (y - 0.35, 0.7),
                           facecolors=MODE_COLOURS[rule.how_chosen],
                           edgecolor=plots.EDGE, linewidth=0.5)
    _ = gettext
    ax.set_yticks(range(len(rows)), [_(_AKIM_AXIS[level]) for level in rows])
    ax.set_xlim(FIRST_DAY.year, end_day.year)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlabel(_("Year"))
    ax.set_ylabel(_("Level of akim"))
    ax.legend(handles=[Patch(facecolor=c, edgecolor=plots.EDGE, label=_(HOW_CHOSEN[m]))
                       for m, c in MODE_COLOURS.items()],
              loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False,
              title=_("How the akim is chosen"), title_fontsize=8)
    _plain(ax)


def akim_timeline_alt(prefix: str, gettext: Callable[[str], str] = str) -> str:
    """Alt text of :func:`draw_akim_timeline`, after ``prefix``: every rule by level
    (``gettext`` as in :func:`draw_akim_timeline`)."""
    from kzlib.akims import FIRST_DAY, HOW_CHOSEN, LAST_DAY, LEVELS, selection_rules

    _ = gettext
    parts = []
    for level in LEVELS:
        steps = []
        for r in (r for r in selection_rules() if r.level == level):
            if r.valid_from is None:
                start = _("(start not recorded)")
            elif r.date_precision == "year":
                start = _("from {date}").format(date=r.valid_from.year)
            else:
                start = _("from {date}").format(date=r.valid_from.isoformat())
            steps.append(f"{_(HOW_CHOSEN[r.how_chosen])} {start}")
        parts.append(f"{_(_AKIM_AXIS[level])}: " + _(", then ").join(steps))
    return (f"{prefix} " + _("Timeline {first}–{last} of how akims are chosen.").format(
        first=FIRST_DAY.year, last=LAST_DAY.year) + " " + "; ".join(parts) + ".")


def selection_timeline_chart(lang: str = "en") -> Chart:
    """The static timeline of all three levels, 2010–2025, and its alt text, in ``lang``."""
    _ = translator(lang)
    fig, (ax,) = plots.new_figure(8.5, 3.6)
    draw_akim_timeline(ax, _)
    plots.finish(fig, _("How akims are chosen, by level"), _(_AKIM_SOURCE), label=_("Source"))
    return fig, akim_timeline_alt(_("Chart."), _)


#: The row of the rural winners whose party no source gives (translated; not a party).
_NOT_STATED = "Not stated"


def rural_winners_chart(lang: str = "en") -> Chart:
    """Bars of the 25 July 2021 rural akim winners by party, labelled with DERIVED shares.

    In ``lang`` (party names as in ``data/``; 'Not stated' and the shares in the
    reader's words and decimal sign).
    """
    from kzlib.akims import rural_winners_table

    _ = translator(lang)
    table = rural_winners_table()
    counts = dict(zip(table.party, (int(n) for n in table.akims), strict=True))
    fig, (ax,) = plots.new_figure(7.5, 3.8)
    plots.draw_seat_bars(ax, counts, xlabel=_("Party of the winner ('Not stated': derived)"),
                         ylabel=_("Rural akims elected"), labels=False, wrap=10)
    # The row without a party in the reader's words; party names stay as in data/.
    names = [_(p) if p == _NOT_STATED else p for p in counts]
    # ... wrapped between words, never inside one ("Көрсетілмеген" is longer than 10).
    ax.set_xticks(range(len(names)), [plots.party_label(n, width=max(10, *map(len, n.split())),
                                                        lines=3) for n in names])

    def pct(share: float) -> str:
        return format_number(float(share), lang, ".2f")

    pairs = zip(counts.values(), table.share_pct_derived, strict=True)
    ax.bar_label(ax.containers[-1], labels=[f"{n}\n({pct(share)}%)" for n, share in pairs],
                 fontsize=8, padding=2)
    ax.set_ylim(0, max(counts.values()) * 1.25)
    plots.finish(fig, _("Rural akims elected on 25 July 2021: {count} in all").format(
                     count=sum(counts.values())),
                 _("data/rural_akims_2021.csv (Wikipedia infobox counts; kt.kz total); "
                   "shares derived"), label=_("Source"))
    parts = ", ".join(f"{name} {n} ({pct(s)}%)" for name, n, s in
                      zip(names, counts.values(), table.share_pct_derived, strict=True))
    alt = _("Bar chart of rural akims elected on 25 July 2021 by party (share of all, "
            "derived): {parts}.").format(parts=parts)
    return fig, alt


# --- notebook 10: the what-if lab ------------------------------------------------------

def wasted_votes(summary: pd.DataFrame, lang: str = "en") -> Chart:
    """Stacked bars: the votes that elected no one, by election and rule set, in two parts.

    'Against all' is not a wasted party vote: its voters wanted no one. Each bar stacks
    the votes for lists that won no seat (solid) under the 'against all' votes (white,
    cross-hatched), both as a share of party votes plus 'against all'.

    Parameters
    ----------
    summary
        Rows of ``compare_summary`` for several elections, with columns ``election``,
        ``scenario``, ``no_seat_pct`` and ``against_all_pct``; groups and bars follow
        the order of first appearance.
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``); a
        rule set's name is translated where the catalogue has it (e.g. ``"2021 rules"``),
        other names are shown as given.

    Returns
    -------
    (Figure, str)
        The figure (greys with hatching: rule sets are not parties) and its alt text.

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"election": [2023, 2023], "scenario": ["7%", "5%"],
    ...                         "no_seat_pct": [7.5, 2.3], "against_all_pct": [3.9, 3.9]})
    >>> print(wasted_votes(summary)[1])  # doctest: +NORMALIZE_WHITESPACE
    Stacked bar chart of the votes that elected no one (% of party votes + 'against all'),
    by election and rule set: 2023 7% lists without a seat 7.5, 'against all' 3.9;
    2023 5% lists without a seat 2.3, 'against all' 3.9
    """
    from matplotlib.patches import Patch

    _ = translator(lang)
    elections = list(dict.fromkeys(summary.election))
    scenarios = list(dict.fromkeys(summary.scenario))
    fig, (ax,) = plots.new_figure(8.5, 3.8)
    shades = ["#333333", "#888888", "#BBBBBB", "#DDDDDD"]
    width = 0.8 / len(scenarios)
    for i, name in enumerate(scenarios):
        rows = summary[summary.scenario == name].set_index("election")
        xs = [x + (i - (len(scenarios) - 1) / 2) * width for x in range(len(elections))]
        lists = [rows.no_seat_pct.get(e, 0) for e in elections]
        ax.bar(xs, lists, width=width, color=shades[i % len(shades)], edgecolor="#222222",
               label=plots.literal(_(str(name))))
        ax.bar(xs, [rows.against_all_pct.get(e, 0) for e in elections], width=width,
               bottom=lists, color="white", hatch="xx", edgecolor="#222222")
    ax.set_xticks(range(len(elections)), [str(e) for e in elections])
    ax.set_xlabel(_("Election (party-list votes)"))
    ax.set_ylabel(_("% of party votes + 'against all'"))
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Patch(facecolor="white", hatch="xx", edgecolor="#222222"))
    labels.append(_("'against all' (on top)"))
    ax.legend(handles, labels, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              title=_("Lists without a seat, by rule set"))
    _plain(ax)
    plots.finish(fig, _("Votes that elected no one: lists without a seat, and 'against all'"),
                 _("votes in {path}; seats by kzlib (Hare)").format(path=_MAZHILIS_SOURCE),
                 label=_("Source"))
    part = _("{election} {scenario} lists without a seat {no_seat}, 'against all' {against}")
    alt = _("Stacked bar chart of the votes that elected no one (% of party votes + 'against "
            "all'), by election and rule set: {parts}").format(parts="; ".join(
                part.format(election=r.election, scenario=_(str(r.scenario)),
                            no_seat=format_number(r.no_seat_pct, lang, "g"),
                            against=format_number(r.against_all_pct, lang, "g"))
                for r in summary.itertuples()))
    return fig, alt


# --- notebook 09: direct akim elections spreading post by post (issue 13) -------------

_ROLLOUT_SOURCE = ("model: kzlib.akims.phase_in; reported counts: data/akim_rollout.csv "
                   "(hollow: DERIVED from counts; see the notebook)")


def _reported(result: Rollout) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """The reported shares, split into the sources' own and the DERIVED ones."""
    own, derived = [], []
    for p in result.points:
        if p.share is not None:
            (derived if p.derived else own).append((p.year, float(p.share)))
    return own, derived


def draw_rollout(
    ax: Axes, result: Rollout, gettext: Callable[[str], str] = str
) -> tuple[Any, Any, Any]:
    """Draw the modelled share as steps and the reported shares as dots on ``ax``.

    Returns the three artists (model line, reported dots, DERIVED dots) so that an
    explorer can move them in place with ``set_data``. ``gettext`` translates the
    labels (an explorer passes its language's ``_``); the default keeps English.
    """
    _ = gettext
    years = list(result.shares)
    (model,) = ax.plot(years, [float(v) for v in result.shares.values()], drawstyle="steps-post",
                       color=plots.OKABE_ITO["bluish_green"], linewidth=2.5,
                       label=_("model: terms end evenly"))
    own, derived = _reported(result)
    (dots,) = ax.plot([y + 0.5 for y, _ in own], [v for _, v in own], "o", color="#000000",
                      markersize=8, label=_("reported share"))
    (hollow,) = ax.plot([y + 0.5 for y, _ in derived], [v for _, v in derived], "o",
                        markerfacecolor="white", markeredgecolor="#000000", markersize=8,
                        label=_("count ÷ 2021 posts (DERIVED)"))
    ax.set_xlim(years[0], years[-1] + 1)
    ax.set_ylim(0, 105)
    ax.set_xticks(years[::2])
    ax.set_xlabel(_("Year (step: the share by the end of the year; dot: a count during the "
                    "year)"))
    ax.set_ylabel(_("Posts with a directly elected akim (%)"))
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    _plain(ax)
    return model, dots, hollow


def rollout_alt(result: Rollout, gettext: Callable[[str], str] = str, lang: str = "en") -> str:
    """Alt text of a rollout chart: the model's path and every reported share
    (``gettext`` as in :func:`draw_rollout`; ``lang`` sets how numbers are shown)."""
    from kzlib.i18n import format_number

    _ = gettext
    own, derived = _reported(result)
    steps = ", ".join(f"{y} {format_number(float(v), lang, '.0f')}%"
                      for y, v in result.shares.items()
                      if result.start_year - 1 <= y <= result.full_year)
    # Every message asked for each time, whatever the result (the same words in any language).
    reported, derived_word = _("{year} {share}% reported"), _("{year} {share}% derived")
    none = _("none")
    told = "; ".join([reported.format(year=y, share=format_number(v, lang, ".2f"))
                      for y, v in own]
                     + [derived_word.format(year=y, share=format_number(v, lang, ".2f"))
                        for y, v in derived]) or none
    return _("Chart of the {level} akims' phase-in: model with direct elections from {start} "
             "and terms ending evenly over {years} years: {steps} (all posts by the end of "
             "{full}). Reported shares: {told}.").format(
        level=_(result.level), start=result.start_year, years=result.term_years, steps=steps,
        full=result.full_year, told=told)


def rollout_chart(result: Rollout, lang: str = "en") -> Chart:
    """The phase-in model of one level beside the reported counts (notebook 09), in
    ``lang``."""
    _ = translator(lang)
    fig, (ax,) = plots.new_figure(8.5, 3.8)
    draw_rollout(ax, result, _)
    plots.finish(fig, _("Direct elections spreading post by post: {level} akims").format(
        level=_(result.level)), _(_ROLLOUT_SOURCE), label=_("Source"))
    return fig, rollout_alt(result, _, lang)


# --- notebook 05: votes that elected no one, split; turnout by region (issue 12) -------

__all__ += ["no_seat_split", "turnout_by_region"]


def no_seat_split(summary: pd.DataFrame, lang: str = "en") -> Chart:
    """Stacked bars: votes for lists that won nothing, and 'against all', per election.

    Parameters
    ----------
    summary
        Rows of ``compare_summary`` (one per election), with columns ``scenario``
        (the bar's label), ``no_seat_pct`` and ``against_all_pct``.
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        The figure and its alt text. The two parts are drawn apart: 'against all'
        is a choice on the ballot, not a vote for a list that missed the threshold.

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"scenario": ["2021", "2023"], "no_seat_pct": [8.86, 2.3],
    ...                         "against_all_pct": [0.0, 3.9]})
    >>> no_seat_split(summary)[1]  # doctest: +NORMALIZE_WHITESPACE
    "Stacked bar chart of votes that elected no one (% of party votes + 'against all'):
     2021: lists without a seat 8.86, 'against all' 0; 2023: lists without a seat 2.3,
     'against all' 3.9."
    """
    _ = translator(lang)
    labels = [str(s) for s in summary.scenario]
    no_seat = [float(v) for v in summary.no_seat_pct]
    against = [float(v) for v in summary.against_all_pct]
    fig, (ax,) = plots.new_figure(8.5, 3.8)
    xs = range(len(labels))
    ax.bar(xs, no_seat, width=0.6, color="#BBBBBB", hatch="//", edgecolor="#222222",
           label=_("votes for lists that won no seat"))
    ax.bar(xs, against, width=0.6, bottom=no_seat, color=plots.colour("Against all"),
           edgecolor="#222222", label=_("'against all' (2023 only)"))
    ax.set_xticks(list(xs), labels)
    ax.set_xlabel(_("Election, counted under its own rules"))
    ax.set_ylabel(_("% of party votes + 'against all'"))
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    _plain(ax)
    plots.finish(fig, _("Votes that elected no one: lists below the line, and 'against all'"),
                 _("votes in {path}; seats by kzlib (Hare)").format(path=_MAZHILIS_SOURCE),
                 label=_("Source"))
    part = _("{label}: lists without a seat {no_seat}, 'against all' {against}")
    parts = "; ".join(part.format(label=lab, no_seat=format_number(n, lang, "g"),
                                  against=format_number(a, lang, "g"))
                      for lab, n, a in zip(labels, no_seat, against, strict=True))
    alt = _("Stacked bar chart of votes that elected no one "
            "(% of party votes + 'against all'): {parts}.").format(parts=parts)
    return fig, alt


def turnout_by_region(table: pd.DataFrame, lang: str = "en") -> Chart:
    """Horizontal bars of the 2023 Mazhilis turnout by region, with the national line.

    Parameters
    ----------
    table
        ``data.load("mazhilis_2023_turnout_by_region")``: columns ``region`` and
        ``turnout_pct``; the row ``"Kazakhstan (all)"`` is drawn as a line.
    lang
        Language of the chart's words, the regions' names and the alt text (``"en"``,
        ``"kk"``, ``"ru"``; the names of ``data/`` are the catalogue's messages).

    Returns
    -------
    (Figure, str)
        The figure (regions from lowest to highest turnout) and its alt text.
    """
    _ = translator(lang)
    national = table[table.region == "Kazakhstan (all)"].turnout_pct
    rows = table[table.region != "Kazakhstan (all)"].sort_values("turnout_pct")
    regions = [_(str(r)) for r in rows.region]

    def pct(value: float) -> str:
        return format_number(float(value), lang, ".2f")

    fig, (ax,) = plots.new_figure(8.5, 6.0)
    ys = range(len(rows))
    ax.barh(ys, rows.turnout_pct, color="#888888", edgecolor="#222222")
    ax.set_yticks(list(ys), regions, fontsize=8)
    for y, v in zip(ys, rows.turnout_pct, strict=True):
        # On an opaque patch over the national line, which crosses the labels near it.
        ax.annotate(pct(v), (v, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=7, zorder=3,
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": "white",
                          "edgecolor": "none"})
    if len(national):
        ax.axvline(float(national.iloc[0]), color="#000000", linestyle="--", linewidth=1.2,
                   label=_("Kazakhstan {turnout}%").format(turnout=pct(national.iloc[0])))
        ax.legend(frameon=False, loc="lower right")
    ax.set_xlim(0, 80)
    ax.set_xlabel(_("Ballots received / registered voters (%), preliminary, at poll close"))
    ax.set_ylabel(_("Region or city"))
    _plain(ax)
    plots.finish(fig, _("Mazhilis election, 19 March 2023: turnout by region (preliminary)"),
                 _("CEC at poll close via Kazinform; "
                   "data/mazhilis_2023_turnout_by_region.csv"), label=_("Source"))
    parts = ", ".join(f"{r} {pct(v)}%" for r, v in zip(regions, rows.turnout_pct, strict=True))
    national_part = _("; national {turnout}%.")  # asked whatever the table holds
    alt = _("Horizontal bar chart of preliminary 2023 turnout by region, lowest first: "
            "{parts}").format(parts=parts) + (
        national_part.format(turnout=pct(national.iloc[0])) if len(national) else ".")
    return fig, alt
