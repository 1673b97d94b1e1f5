"""Notebook 08 widget: the party-list tier of the 2023 maslikhats in ``data/``.

:func:`build_maslikhat_explorer` links four controls (council, threshold, what the
threshold is a share of, seat-allocation method) to a :class:`MaslikhatModel`,
which calls :func:`kzlib.cases.maslikhat_count`. The councils are the Astana and Almaty
city maslikhats, whose official list seats of 19 March 2023 the default settings (5% of
party votes plus 'against all', Hare quota) reproduce, and the Karaganda oblast
maslikhat, whose official split was not found (its seats are DERIVED). The chart is one
figure updated in place: each list's share of the base with the threshold line, and its
seats next to the official seats where they are known. Every label, sentence and
chart text is in the explorer's language (``lang``: English, Kazakh or Russian, from
the catalogues of :mod:`kzlib.i18n`); party names stay as in ``data/``.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets
from matplotlib.ticker import MaxNLocator

from kzlib import cases, plots
from kzlib.allocation import METHOD_LABELS, Allocation
from kzlib.compare.elections import base_shares, same_seats
from kzlib.i18n import format_number, translator
from kzlib.thresholds import BASE_LABELS
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_range,
)

__all__ = [
    "BASES",
    "MaslikhatModel",
    "build_maslikhat_explorer",
    "maslikhat_settings",
]

_FAIL_ALPHA = 0.35

Gettext = Callable[[str], str]


#: Threshold bases offered (no ballots figure is in data/ for the councils), first the
#: one the city commissions published their percentages of.
BASES = ("votes_and_against_all", "votes")


@functools.lru_cache(maxsize=8)
def _official(council: str) -> dict[str, int] | None:
    # Read once per session; callers never mutate the returned seats. None: not found.
    return cases.maslikhat_council(council).official_seats


def _base_label(base: str, gettext: Gettext = str) -> str:
    _ = gettext
    return _(BASE_LABELS[base]) + (" " + _("(as published)") if base == BASES[0] else "")


class MaslikhatModel(ExplorerModel):
    """The list-tier explorer's state: one council counted under one rule.

    ``result`` is the :class:`~kzlib.allocation.Allocation` of
    :func:`kzlib.cases.maslikhat_count`.
    """

    council = traitlets.Unicode("Astana city").tag(input=True)
    threshold = traitlets.Float(5.0).tag(input=True)
    base = traitlets.Unicode(BASES[0]).tag(input=True)
    method = traitlets.Unicode("hare").tag(input=True)

    def settings(self) -> dict[str, Any]:
        """The arguments of :func:`kzlib.cases.maslikhat_count` (``council`` plus
        keyword arguments)."""
        return {
            "council": self.council,
            "threshold": f"{self.threshold:.1f}%",
            "base": self.base,
            "method": self.method,
        }

    @property
    def official(self) -> dict[str, int] | None:
        """The council's official list seats, or None where they were not found."""
        return _official(self.council)

    def compute(self) -> Allocation:
        settings = self.settings()
        return cases.maslikhat_count(settings.pop("council"), **settings)


def maslikhat_settings(explorer: Explorer) -> dict[str, Any]:
    """The arguments of :func:`kzlib.cases.maslikhat_count` for the explorer's
    current controls (``council`` plus keyword arguments)."""
    model = explorer.model
    if not isinstance(model, MaslikhatModel):
        raise TypeError(
            f"explorer must be built by build_maslikhat_explorer, "
            f"got one with a {type(model).__name__}"
        )
    return model.settings()


def _summary_html(council: str, result: Allocation, official: dict[str, int] | None,
                  gettext: Gettext = str, lang: str = "en") -> str:
    _ = gettext
    shares = base_shares(result)
    yes, no, not_found = _("yes"), _("no"), _("not found")
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td>"
        f"<td style='text-align:right'>{format_number(shares[p], lang, '.2f')}%</td>"
        f"<td>{yes if p in result.eligible else no}</td>"
        f"<td style='text-align:right'>{result.seats[p]}</td>"
        f"<td style='text-align:right'>{not_found if official is None else official.get(p, 0)}"
        "</td></tr>"
        for p in result.votes
    )
    if official is None:
        verdict = _("<b>The official split of this council was not found:</b> these seats are "
                    "DERIVED from the votes.")
    elif same_seats(result.seats, official):
        verdict = "<b>" + _("Same seats as the official result.") + "</b>"
    else:
        verdict = _("<b>Different from the official result</b> (last column).")
    rule = result.threshold
    assert rule is not None
    return (
        "<p>" + _("{council} maslikhat, {seats} list seats.").format(
            council=html.escape(_(council)), seats=result.house_size)
        + " " + _("Threshold {pct}% of {base} ({total} votes); method: {method}.").format(
            pct=format_number(float(rule.percent), lang, ".1f"),
            base=html.escape(_base_label(rule.base, _)),
            total=format_number(float(result.base_total), lang, ",.0f"),  # type: ignore[arg-type]
            method=html.escape(_(METHOD_LABELS[result.method])))
        + " " + _("Lists that pass: <b>{passed}</b> of {lists}.").format(
            passed=len(result.eligible), lists=len(result.votes))
        + f" {verdict}</p>"
        f"<table><tr><th>{_('party')}</th><th>{_('% of base')}</th><th>{_('passes?')}</th>"
        f"<th>{_('seats')}</th><th>{_('official seats')}</th></tr>{rows}</table>"
    )


class _MaslikhatChart:
    """Each list's share of the base with the threshold line, and its seats next to the
    official seats: one figure, its artists updated in place."""

    def __init__(self, councils: tuple[str, ...], gettext: Gettext = str,
                 lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        # One fixed party order for every council, so the bars are built once.
        parties = list(dict.fromkeys(
            p for c in councils for p in cases.maslikhat_council(c).votes))
        most_seats = max(cases.maslikhat_council(c).list_seats or 0 for c in councils)
        fig, (ax_share, ax_seats) = plots.new_figure(9.5, 4.2, ncols=2)
        fig.set_layout_engine("none")
        ax_share.set_position((0.07, 0.25, 0.4, 0.6))
        ax_seats.set_position((0.57, 0.25, 0.4, 0.6))
        plots.finish(fig, _("Maslikhat list seats, 19 March 2023"),
                     _("city and oblast election commissions (data/maslikhat_2023_list_results"
                       ".csv, maslikhat_2023_oblast_list_results.csv); seats by kzlib"),
                     label=_("Source"))
        colours = [plots.colour(p) for p in parties]
        self.parties = parties
        self.share_bars = ax_share.bar(parties, [0] * len(parties), color=colours,
                                       edgecolor=plots.EDGE, linewidth=0.5)
        self.line = ax_share.axhline(0, color="#444444", linestyle="--", linewidth=1.2)
        self.line_label = ax_share.text(len(parties) - 0.5, 0, "", ha="right", va="bottom",
                                        fontsize=8)
        ax_share.set_ylim(0, 80)
        ax_share.set_ylabel(_("Share of the base (%)"))
        ax_share.set_xlabel(_("Party list"))
        self.seat_bars = ax_seats.bar(parties, [0] * len(parties), color=colours,
                                      edgecolor=plots.EDGE, linewidth=0.5,
                                      label=_("seats (these settings)"))
        (self.marks,) = ax_seats.plot(range(len(parties)), [0] * len(parties), linestyle="none",
                                      marker="_", markersize=18, markeredgewidth=2.5,
                                      color="#000000", label=_("official seats"))
        # Each count sits a little above its bar and the official mark, so neither hides it.
        self.seat_labels = [ax_seats.annotate("", (b.get_x() + b.get_width() / 2, 0),
                                              xytext=(0, 4), textcoords="offset points",
                                              ha="center", va="bottom", fontsize=8)
                            for b in self.seat_bars]
        ax_seats.set_ylim(0, most_seats + 1)
        ax_seats.set_ylabel(_("List seats"))
        ax_seats.set_xlabel(_("Party list"))
        ax_seats.legend(loc="upper right", frameon=False, fontsize=8)
        # Horizontal names, wrapped (rotated ones ran into each other and the axis label).
        names = [plots.party_label(p, width=10, lines=3) for p in parties]
        for ax in (ax_share, ax_seats):
            ax.set_xticks(range(len(parties)), names)
            ax.tick_params(axis="x", labelsize=8)
            ax.spines[["top", "right"]].set_visible(False)
        ax_seats.yaxis.set_major_locator(MaxNLocator(integer=True))
        self.headings = [ax.text(0.5, 1.03, "", transform=ax.transAxes, ha="center",
                                 va="bottom", fontsize=10) for ax in (ax_share, ax_seats)]
        moving = [*self.share_bars, self.line, self.line_label, *self.seat_bars, self.marks,
                  *self.seat_labels, *self.headings]
        self.view = BlitChartView(fig, lambda: moving)
        self.widget = self.view.widget

    def update(self, council: str, result: Allocation, official: dict[str, int] | None) -> None:
        """Draw ``result`` (a count of ``council``) and refresh the picture."""
        _, lang = self._, self.lang
        name = _(council)
        shares = base_shares(result)
        known = official or {}
        for i, party in enumerate(self.parties):
            self.share_bars[i].set_height(shares.get(party, 0))
            self.share_bars[i].set_alpha(1.0 if party in result.eligible else _FAIL_ALPHA)
            seats = result.seats.get(party, 0)
            self.seat_bars[i].set_height(seats)
            label = self.seat_labels[i]
            label.xy = (label.xy[0], max(seats, known.get(party, 0)))
            self.seat_labels[i].set_text(str(seats))
        # No marks where the official split was not found (NaN draws nothing).
        self.marks.set_ydata([known.get(p, 0) if official is not None else float("nan")
                              for p in self.parties])
        rule = result.threshold
        assert rule is not None
        pct = float(rule.percent)
        self.line.set_ydata([pct, pct])
        self.line_label.set_position((len(self.parties) - 0.5, pct))
        self.line_label.set_text(_("threshold {pct}%").format(pct=format_number(pct, lang, "g")))
        self.headings[0].set_text(_("{council}: share of {base}").format(
            council=name, base=_(BASE_LABELS[rule.base])))
        self.headings[1].set_text(_("{council}: {seats} list seats").format(
            council=name, seats=result.house_size))
        derived = _("not found (these seats are DERIVED)")
        alt = _seats_alt_text(
            _("{council} maslikhat list tier, bar chart").format(council=name), result.seats,
            _("Share of the base per list: {shares}; threshold line at {pct}%. "
              "Official seats: {official}.").format(
                shares=", ".join(f"{p} {format_number(s, lang, '.2f')}%"
                                 for p, s in shares.items()),
                pct=format_number(pct, lang, "g"),
                official=(", ".join(f"{p} {n}" for p, n in known.items() if n)
                          if official is not None else derived)), _)
        self.view.refresh(alt)


def build_maslikhat_explorer(
    council: str = "Astana city", threshold: float = 5.0, lang: str = "en"
) -> Explorer:
    """List-tier explorer for notebook 08.

    Parameters
    ----------
    council
        Council shown first: ``"Astana city"``, ``"Almaty city"`` or
        ``"Karaganda oblast"`` (:func:`kzlib.cases.maslikhat_all_councils`).
    threshold
        Threshold shown first, in per cent (0–10).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian). Party names stay as in ``data/``; only the numbers'
        display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``council``, ``threshold`` (per cent), ``base`` and ``method``,
        linked to a :class:`MaslikhatModel`; ``result`` is the
        :class:`~kzlib.allocation.Allocation` of :func:`kzlib.cases.maslikhat_count`
        for those settings (:func:`maslikhat_settings`).

    Raises
    ------
    ValueError
        If the council is unknown, the threshold is outside 0–10 or ``lang`` is not a
        language of the collection.
    """
    _ = translator(lang)
    councils = tuple(cases.maslikhat_all_councils())
    if council not in councils:
        valid = ", ".join(map(repr, councils))
        raise ValueError(f"council must be one of {valid}, got {council!r}")
    check_range(threshold, "threshold", 0, 10)
    controls = {
        "council": widgets.Dropdown(options=[(_(c), c) for c in councils], value=council,
                                    description=_("Maslikhat"), style=LABEL_STYLE),
        "threshold": widgets.FloatSlider(
            value=threshold, min=0, max=10, step=0.1, readout_format=".1f",
            description=_("Threshold (%)"), continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="420px")),
        "base": widgets.Dropdown(options=[(_base_label(b, _), b) for b in BASES],
                                 value=BASES[0], description=_("Threshold is a share of"),
                                 style=LABEL_STYLE),
        "method": widgets.Dropdown(options=[(_(label), m) for m, label in METHOD_LABELS.items()],
                                   value="hare", description=_("Seat method"), style=LABEL_STYLE),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = MaslikhatModel(council=council, threshold=threshold)
    chart = _MaslikhatChart(councils, _, lang)

    def show(result: Allocation) -> None:
        # The numbers first: they reach the page while the chart is being drawn.
        explorer.show_text(_summary_html(model.council, result, model.official, _, lang))
        chart.update(model.council, result, model.official)

    explorer.bind(model, show)
    explorer.children = [
        widgets.HBox([controls["council"], controls["method"]]),
        widgets.HBox([controls["threshold"], controls["base"]]),
        chart.widget,
    ]
    return explorer


def _seats_alt_text(kind: str, seats: dict[str, int], extra: str, gettext: Gettext) -> str:
    # plots.seats_alt_text in the explorer's language (same words in English).
    parts = ", ".join(f"{p} {n}" for p, n in seats.items() if n)
    text = gettext("{kind} of {total} seats: {parts}.").format(
        kind=kind, total=sum(seats.values()), parts=parts)
    return f"{text} {extra}".strip()
