"""Notebook 11 widget: an earlier election's votes in a 145-seat, list-only Kurultai.

:func:`build_kurultai_explorer` links three controls (the election whose list votes
are replayed, the threshold, what the threshold is a share of) to a
:class:`KurultaiModel`, whose result is one call to
:func:`kzlib.constitution.compare_with_mazhilis`. The view shows each party's seats in
the Kurultai beside the chamber that election really produced, the largest party's
share of seats in both, the majority and two-thirds lines, and what the sources say
about the threshold chosen (5% proposed, 7% in one unofficial source, anything else
a free choice). The chart is one figure redrawn in place.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.charts_2026 import (
    _REAL_ALPHA,
    _WIDTH,
    _majority_lines,
    _non_party_name,
    _percent,
    _seat_shares_alt,
)
from kzlib.constitution import (
    REPLAY_YEARS,
    Comparison,
    compare_with_mazhilis,
    majority_line,
    two_thirds_line,
)
from kzlib.i18n import format_number, translator
from kzlib.rules import KURULTAI_THRESHOLDS
from kzlib.thresholds import BASE_LABELS
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
    check_range,
)

__all__ = ["KurultaiModel", "build_kurultai_explorer", "kurultai_settings"]

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


_NO_LIST = _("No list reaches this threshold, so nobody would win a seat: lower the threshold.")


class KurultaiModel(ExplorerModel):
    """One election's list votes counted for the Kurultai under one threshold and base.

    ``result`` is the :class:`~kzlib.constitution.Comparison` of
    :func:`~kzlib.constitution.compare_with_mazhilis`.
    """

    election = traitlets.Int(2023).tag(input=True)
    threshold = traitlets.Float(5.0).tag(input=True)
    base = traitlets.Unicode("votes_and_against_all").tag(input=True)

    plain_messages = ((r"leaves no party with votes eligible", _NO_LIST),)

    def settings(self) -> dict[str, object]:
        """The arguments of :func:`~kzlib.constitution.compare_with_mazhilis` for the inputs."""
        return {"year": self.election, "threshold": f"{self.threshold:.2f}%", "base": self.base}

    def compute(self) -> Comparison:
        return compare_with_mazhilis(**self.settings())  # type: ignore[arg-type]


def kurultai_settings(explorer: Explorer) -> dict[str, object]:
    """The keyword arguments of :func:`~kzlib.constitution.compare_with_mazhilis` that the
    panel uses for its current controls (so tests and notebooks can call it directly)."""
    model = explorer.model
    if not isinstance(model, KurultaiModel):
        raise TypeError(
            "explorer must be built by build_kurultai_explorer, "
            f"got one with a {type(model).__name__}"
        )
    return model.settings()


def threshold_status(percent: float, gettext: Gettext = str, lang: str = "en") -> str:
    """What the sources say about a Kurultai threshold of ``percent``, in words (in the
    language of ``gettext``, the number written the ``lang`` way)."""
    _ = gettext
    for value, status in KURULTAI_THRESHOLDS.items():
        if abs(percent - value) < 1e-9:
            return _("{pct}%: {status}.").format(pct=value, status=_(status))
    return _("{pct}%: a free choice for this model; no source proposes it.").format(
        pct=format_number(percent, lang, "g"))


def _summary_html(c: Comparison, gettext: Gettext = str, lang: str = "en") -> str:
    _ = gettext
    alloc = c.allocation
    t = alloc.threshold
    rows = "".join(
        f"<tr><td>{html.escape(_non_party_name(p, _))}</td>"
        f"<td>{_('yes') if p in alloc.eligible else (_('no') if p in alloc.votes else '—')}</td>"
        f"<td style='text-align:right'>{alloc.seats.get(p, 0)}</td>"
        f"<td style='text-align:right'>{c.real_seats.get(p, 0)}</td></tr>"
        for p in dict.fromkeys([*alloc.votes, *c.real_seats])
    )
    majority, two_thirds = majority_line(c.house), two_thirds_line(c.house)
    # All three asked for, whichever is shown: every verdict has its translation.
    verdicts = (_("at least two-thirds"), _("a majority, short of two-thirds"),
                _("no majority"))
    reach = verdicts[0 if c.largest_seats >= two_thirds
                     else 1 if c.largest_seats >= majority else 2]
    status = threshold_status(float(t.percent), _, lang)  # type: ignore[union-attr]
    base = _(BASE_LABELS[t.base])  # type: ignore[union-attr]
    return (
        "<p>" + _("Threshold {status} Share of: {base}.").format(
            status=status, base=html.escape(base))
        + "<br>"
        + _("Lists that pass: <b>{passed}</b> of {lists}.").format(
            passed=len(alloc.eligible), lists=len(alloc.votes))
        + "<br>"
        + _("{party}: <b>{seats}</b> of {house} Kurultai seats = <b>{share}</b> ({reach}; a "
            "majority needs {majority}, two-thirds {two_thirds}). In {chamber}: {real} of "
            "{real_house} = {real_share}.").format(
            party=html.escape(c.largest_party), seats=c.largest_seats, house=c.house,
            share=_percent(c.largest_share, lang), reach=reach, majority=majority,
            two_thirds=two_thirds, chamber=html.escape(_(c.real_label)), real=c.real_largest,
            real_house=c.real_house, real_share=_percent(c.real_largest_share, lang))
        + "</p>"
        f"<table><tr><th>{_('party')}</th><th>{_('passes?')}</th>"
        f"<th>{_('Kurultai seats (of {seats})').format(seats=c.house)}</th>"
        f"<th>{_('real seats (of {seats})').format(seats=c.real_house)}</th></tr>{rows}</table>"
    )


class _KurultaiChart:
    """The explorer's picture: one figure, its moving parts updated in place.

    What depends only on the election (the parties, the real chamber's pale bars, the
    majority and two-thirds lines, the legend) is drawn once per election and kept
    as the background (:class:`~kzlib.widgets.common.BlitChartView`); a threshold or
    base move redraws only the Kurultai bars, their numbers and the title. The static
    chart of the notebook, :func:`kzlib.charts_2026.draw_seat_shares`, draws the same.
    """

    def __init__(self, gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        fig, (ax,) = plots.new_figure(9, 4.6)
        plots.finish(fig, _("The same votes in the old chamber and in a 145-seat Kurultai"),
                     _("votes and real seats in data/; Kurultai seats computed by kzlib "
                       "(rules assumed where no source settles them)"), label=_("Source"))
        # A fixed layout: constrained layout would measure every label on every move.
        fig.set_layout_engine("none")
        ax.set_position((0.08, 0.24, 0.9, 0.58))
        self.ax = ax
        self.year: int | None = None
        self.parties: list[str] = []
        self.bars: list = []
        self.labels: list = []
        self.view = BlitChartView(fig, lambda: [*self.bars, *self.labels, self.ax.title])

    def _draw_election(self, c: Comparison) -> None:
        # Everything that stays while only the threshold or its base moves.
        ax, _ = self.ax, self._
        ax.clear()
        # Every party with votes or a real seat, so that a threshold move never changes
        # the x-axis (a list that loses its seats keeps its place, at zero).
        parties = list(dict.fromkeys([*c.allocation.votes, *c.real_seats]))
        xs = range(len(parties))
        real = [100 * c.real_seats.get(p, 0) / c.real_house for p in parties]
        colours = [plots.colour(p) for p in parties]
        ax.bar([x - _WIDTH / 2 for x in xs], real, _WIDTH, color=colours, alpha=_REAL_ALPHA,
               edgecolor=plots.EDGE, linewidth=0.5, hatch="//",
               label=_("real chamber ({seats})").format(seats=c.real_house))
        self.bars = list(ax.bar([x + _WIDTH / 2 for x in xs], [0] * len(parties), _WIDTH,
                                color=colours, edgecolor=plots.EDGE, linewidth=0.5,
                                label=_("Kurultai ({seats})").format(seats=c.house)))
        self.labels = [ax.text(x + _WIDTH / 2, 0, "", ha="center", va="bottom", fontsize=8)
                       for x in xs]
        _majority_lines(ax, c.house, len(parties) - 0.5, _)
        ax.set_xticks(list(xs), [plots.party_label(_non_party_name(p, _), width=12, lines=2)
                                 for p in parties], fontsize=8)
        ax.set_xlim(-0.6, len(parties) - 0.4)
        ax.set_ylim(0, 100)
        ax.set_xlabel(_("Party (number above a bar: its Kurultai seats)"))
        ax.set_ylabel(_("Share of the chamber's seats (%)"))
        ax.legend(loc="upper right", frameon=False, fontsize=8, bbox_to_anchor=(1.0, 0.86))
        ax.spines[["top", "right"]].set_visible(False)
        self.parties, self.year = parties, c.year
        self.view.invalidate(c.year)

    def update(self, c: Comparison) -> None:
        """Draw the comparison ``c`` and refresh the picture."""
        if c.year != self.year:
            self._draw_election(c)
        for bar, label, party in zip(self.bars, self.labels, self.parties, strict=True):
            seats = c.allocation.seats.get(party, 0)
            bar.set_height(100 * seats / c.house)
            label.set_position((label.get_position()[0], 100 * seats / c.house + 0.8))
            label.set_text(str(seats) if party in c.allocation.votes else "")
        t = c.allocation.threshold
        _ = self._
        self.ax.set_title(_("{year} votes; Kurultai threshold {pct}% of {base}").format(
            year=c.year, pct=format_number(float(t.percent), self.lang, "g"),  # type: ignore[union-attr]
            base=_(BASE_LABELS[t.base])), fontsize=10, y=1.02)  # type: ignore[union-attr]
        self.view.refresh(_seat_shares_alt(c, _, self.lang))


def build_kurultai_explorer(
    year: int = 2023, threshold: float = 5.0, lang: str = "en"
) -> Explorer:
    """Kurultai explorer for notebook 11.

    Parameters
    ----------
    year
        Election whose list votes are shown first: 2021 or 2023.
    threshold
        Threshold shown first, in per cent (0–10).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`. Party names stay
        as in ``data/``; only the numbers' display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``election``, ``threshold`` (per cent) and ``base``, linked to a
        :class:`KurultaiModel`; ``result`` is the
        :class:`~kzlib.constitution.Comparison` for those settings.

    Raises
    ------
    ValueError, TypeError
        If ``year`` is not offered, ``threshold`` is not a number from 0 to 10 or
        ``lang`` is not a language of the collection.
    """
    _ = translator(lang)
    check_choice(year, "year", REPLAY_YEARS)
    check_range(threshold, "threshold", 0, 10)
    controls = {
        "election": widgets.Dropdown(
            options=[(_("{year} Mazhilis list votes").format(year=y), y) for y in REPLAY_YEARS],
            value=year, description=_("Votes of"), style=LABEL_STYLE),
        "threshold": widgets.FloatSlider(
            value=threshold, min=0, max=10, step=0.1, description=_("Kurultai threshold (%)"),
            readout_format=".1f", continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="420px")),
        "base": widgets.Dropdown(
            options=[(_(label), key) for key, label in BASE_LABELS.items()],
            value="votes_and_against_all", description=_("Threshold is a share of"),
            style=LABEL_STYLE),
    }
    explorer = Explorer(controls=controls, lang=lang)
    chart = _KurultaiChart(_, lang)

    def show(result: Comparison) -> None:
        # The numbers first, then the picture.
        explorer.show_text(_summary_html(result, _, lang))
        chart.update(result)

    model = KurultaiModel(election=year, threshold=threshold)
    # The panel's plain sentences in the explorer's language (an instance attribute).
    model.plain_messages = tuple((pattern, _(sentence))
                                 for pattern, sentence in KurultaiModel.plain_messages)
    explorer.bind(model, show)
    explorer.children = [
        controls["election"],
        widgets.HBox([controls["threshold"], controls["base"]]),
        chart.view.widget,
    ]
    return explorer
