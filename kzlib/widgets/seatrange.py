"""Notebook 10 widget: how sure is this result? Seat ranges under two rule sets.

:func:`build_seatrange_explorer` links two controls (the election, and an effective
sample size in voters) to a :class:`SeatRangeModel`, which draws 10,000 plausible
outcomes around the result with :func:`kzlib.uncertainty.seat_ranges` and counts them
under the 2023 list tier (69 seats) and the modelled 2026 Kurultai (145 seats). The
panel shows the numbers first (each party's seats in 5–95% of the draws with the
median, the share of draws in which its list passes, and how often the largest party
holds a majority or two-thirds), then one chart with a range bar per party for each
rule set. The chart's axes are fixed per election, so a move of the slider redraws
only the bars and the medians (:class:`~kzlib.widgets.common.BlitChartView`).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Mapping

import ipywidgets as widgets
import traitlets

from kzlib import plots, rules
from kzlib.cases import Election, mazhilis_election
from kzlib.i18n import format_number, translator
from kzlib.rules import RuleSet
from kzlib.uncertainty import SeatRanges, seat_ranges
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
)

__all__ = [
    "DRAWS",
    "ELECTIONS",
    "RULE_SETS",
    "SAMPLE_SIZES",
    "SEED",
    "SeatRangeModel",
    "build_seatrange_explorer",
]

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: Elections offered (Mazhilis party-list votes in data/).
ELECTIONS: tuple[int, ...] = (2021, 2023)

#: The slider's effective sample sizes, in voters (about evenly spaced on a log scale).
SAMPLE_SIZES: tuple[int, ...] = (200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)

#: Plausible outcomes drawn per update, and the seed that makes them reproducible.
DRAWS = 10_000
SEED = 2023

#: The two rule sets side by side (label, marked for translation -> rule set).
RULE_SETS: dict[str, RuleSet] = {
    _("2023 list tier (69 seats)"): rules.mazhilis(2023),
    _("2026 Kurultai (145 seats, modelled)"): rules.kurultai(2026),
}

_BAD_SIZE = _("The effective sample size must be a positive number of voters.")


@functools.lru_cache(maxsize=len(ELECTIONS))
def _election(year: int) -> Election:
    # Read once per session; callers never mutate the returned votes.
    return mazhilis_election(year)


class SeatRangeModel(ExplorerModel):
    """The explorer's state: one election, one effective sample size.

    ``result`` is the dict returned by :func:`kzlib.uncertainty.seat_ranges`
    (rule-set label -> :class:`~kzlib.uncertainty.SeatRanges`) for :data:`RULE_SETS`,
    :data:`DRAWS` draws and the seed :data:`SEED`.
    """

    election = traitlets.Int(2023).tag(input=True)
    sample_size = traitlets.Int(2_000).tag(input=True)

    plain_messages = ((r"sample_size must be a positive number", _BAD_SIZE),)

    def compute(self) -> dict[str, SeatRanges]:
        e = _election(self.election)
        return seat_ranges(e.votes, RULE_SETS, against_all=e.against_all,
                           sample_size=self.sample_size, draws=DRAWS, seed=SEED)


def _pct(value: float, lang: str) -> str:
    return format_number(100 * value, lang, ".1f") + "%"


def _range_text(q: tuple[int, int, int]) -> str:
    low, median, high = q
    return f"{low}–{high} ({median})" if low != high else f"{median}"


def _summary_html(year: int, sample_size: int, result: Mapping[str, SeatRanges],
                  gettext: Gettext, lang: str) -> str:
    _ = gettext
    ranges = list(result.values())
    parties = ranges[0].parties
    quantiles = [r.quantiles() for r in ranges]
    passes = [r.p_passes() for r in ranges]
    head = "".join(f"<th colspan='2'>{html.escape(_(label))}</th>" for label in result)
    sub = (f"<th>{_('seats, 5–95% (median)')}</th><th>{_('passes the threshold')}</th>"
           * len(ranges))
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td>" + "".join(
            f"<td style='text-align:right'>{_range_text(q[p])}</td>"
            f"<td style='text-align:right'>{_pct(ok[p], lang)}</td>"
            for q, ok in zip(quantiles, passes, strict=True)) + "</tr>"
        for p in parties
    )
    blocs = "".join(
        f"<tr><td>{label}</td>" + "".join(
            f"<td></td><td style='text-align:right'>{_pct(value(r), lang)}</td>"
            for r in ranges) + "</tr>"
        for label, value in (
            (_("largest party: a majority"), SeatRanges.p_majority),
            (_("largest party: two-thirds"), SeatRanges.p_two_thirds),
        )
    )
    election = _("Mazhilis {year}").format(year=year)
    return (
        "<p>" + _("{draws} plausible outcomes around the {election} result, each as uncertain "
                  "as a random sample of <b>{sample}</b> voters. Sensitivity, not a forecast."
                  ).format(draws=format_number(DRAWS, lang), election=html.escape(election),
                           sample=format_number(sample_size, lang)) + "</p>"
        f"<table><tr><th></th>{head}</tr><tr><th>{_('party')}</th>{sub}</tr>"
        f"{rows}{blocs}</table>"
    )


class _RangeChart:
    """One range bar (5–95% of draws) and a median dot per party, per rule set."""

    def __init__(self, gettext: Gettext, lang: str) -> None:
        self._ = _ = gettext
        self.lang = lang
        fig, axes = plots.new_figure(10, 4.2, ncols=len(RULE_SETS))
        plots.finish(
            fig,
            _("Seat ranges in {draws} plausible outcomes (bar: 5–95% of the draws; "
              "dot: median)").format(draws=format_number(DRAWS, lang)),
            _("CEC results in data/mazhilis_list_results.csv; noise and seats by kzlib "
              "(sensitivity, not a forecast)"),
            label=_("Source"),
        )
        # A fixed layout: the constrained layout would measure every label on each move.
        fig.set_layout_engine("none")
        for ax, left in zip(axes, (0.1, 0.6), strict=True):
            ax.set_position((left, 0.2, 0.37, 0.6))
        self.fig, self.axes = fig, axes
        # One bar and one median dot per party, made once for the largest ballot offered
        # and reused (recoloured, hidden) for every election: making artists is slow.
        size = max(len(_election(y).votes) for y in ELECTIONS)
        self.bars = [list(ax.barh(range(size), [0] * size, height=0.6,
                                  edgecolor=plots.EDGE, linewidth=0.5)) for ax in axes]
        self.medians = [ax.plot([], [], "o", color="black", markersize=5, zorder=3)[0]
                        for ax in axes]
        self.year: int | None = None
        self.view = BlitChartView(fig, self._moving)
        self.widget = self.view.widget
        for ax, (label, rule) in zip(axes, RULE_SETS.items(), strict=True):
            house = rule.list_seats or 0
            ax.set_title(_(label), fontsize=10)
            ax.set_xlabel(_("Seats"))
            ax.set_xlim(0, house)
            ax.spines[["top", "right"]].set_visible(False)
            majority = ax.axvline(house / 2, color="#444444", linestyle="--", linewidth=1)
            two_thirds = ax.axvline(2 * house / 3, color="#444444", linestyle=":", linewidth=1)
            ax.legend([majority, two_thirds], [_("majority"), _("two-thirds")],
                      loc="lower right", frameon=False, fontsize=8)

    def _moving(self) -> list:
        return [a for bars in self.bars for a in bars] + list(self.medians)

    def _new_parties(self, parties: tuple[str, ...]) -> None:
        # Another election brings another set of lists: recolour the bars, relabel the axis.
        positions = list(range(len(parties)))
        for ax, bars in zip(self.axes, self.bars, strict=True):
            for i, bar in enumerate(bars):
                bar.set_visible(i < len(parties))
                if i < len(parties):
                    bar.set_facecolor(plots.colour(parties[i]))
            ax.set_yticks(positions, [plots.literal(p) for p in parties], fontsize=9)
            ax.set_ylim(len(parties) - 0.5, -0.5)  # first party on top

    def update(self, year: int, result: Mapping[str, SeatRanges]) -> None:
        """Draw ``result`` and refresh the picture (only the bars move within a year)."""
        _ = self._
        parties = next(iter(result.values())).parties
        if self.year != year:
            self._new_parties(parties)
            self.year = year
            self.view.invalidate(year)
        parts = []
        for i, (label, ranges) in enumerate(result.items()):
            quantiles = ranges.quantiles()
            for bar, party in zip(self.bars[i][:len(parties)], parties, strict=True):
                low, _median, high = quantiles[party]
                # A range of one seat count still shows as a short bar.
                bar.set_x(low - 0.3)
                bar.set_width(high - low + 0.6)
            self.medians[i].set_data([quantiles[p][1] for p in parties], range(len(parties)))
            parts.append(_("{rules}: {parts}.").format(
                rules=_(label),
                parts=", ".join(
                    _("{party} {low}–{high} (median {median})").format(
                        party=p, low=q[0], high=q[2], median=q[1])
                    for p, q in quantiles.items())))
        self.view.refresh(_("Seat ranges.") + " " + " ".join(parts))


def build_seatrange_explorer(year: int = 2023, lang: str = "en") -> Explorer:
    """Seat-range explorer for notebook 10: how sure is this result?

    Parameters
    ----------
    year
        Election shown first: 2021 or 2023 (Mazhilis party-list votes).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` or ``"ru"``.
        Party names stay as in ``data/``.

    Returns
    -------
    Explorer
        Controls ``election`` and ``sample_size`` (voters, :data:`SAMPLE_SIZES`), linked
        to a :class:`SeatRangeModel`; ``result`` is the dict of
        :func:`kzlib.uncertainty.seat_ranges` for those settings.

    Raises
    ------
    ValueError
        If ``year`` is not offered or ``lang`` is not a language of the collection.
    """
    _ = translator(lang)
    check_choice(year, "year", ELECTIONS)
    controls = {
        "election": widgets.Dropdown(
            options=[(str(y), y) for y in ELECTIONS], value=year,
            description=_("Election (Mazhilis party lists)"), style=LABEL_STYLE),
        "sample_size": widgets.SelectionSlider(
            options=[(format_number(n, lang), n) for n in SAMPLE_SIZES], value=2_000,
            description=_("Certainty: a sample of (voters)"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = SeatRangeModel(election=year)
    model.plain_messages = tuple((pattern, _(sentence))
                                 for pattern, sentence in SeatRangeModel.plain_messages)
    chart = _RangeChart(_, lang)

    def show(result: dict[str, SeatRanges]) -> None:
        # The numbers first: they reach the page while the chart is being drawn.
        explorer.show_text(_summary_html(model.election, model.sample_size, result, _, lang))
        chart.update(model.election, result)

    explorer.bind(model, show)
    explorer.children = [
        widgets.HBox([controls["election"], controls["sample_size"]]),
        chart.widget,
    ]
    return explorer
