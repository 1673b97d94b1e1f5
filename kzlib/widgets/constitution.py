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

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.charts_2026 import _REAL_ALPHA, _WIDTH, draw_majority_lines, seat_shares_alt
from kzlib.constitution import (
    REPLAY_YEARS,
    Comparison,
    compare_with_mazhilis,
    majority_line,
    two_thirds_line,
)
from kzlib.referendum import as_percent
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


class KurultaiModel(ExplorerModel):
    """One election's list votes counted for the Kurultai under one threshold and base.

    ``result`` is the :class:`~kzlib.constitution.Comparison` of
    :func:`~kzlib.constitution.compare_with_mazhilis`.
    """

    election = traitlets.Int(2023).tag(input=True)
    threshold = traitlets.Float(5.0).tag(input=True)
    base = traitlets.Unicode("votes_and_against_all").tag(input=True)

    plain_messages = (
        (r"leaves no party with votes eligible",
         "No list reaches this threshold, so nobody would win a seat: lower the threshold."),
    )

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


def threshold_status(percent: float) -> str:
    """What the sources say about a Kurultai threshold of ``percent``, in words."""
    for value, status in KURULTAI_THRESHOLDS.items():
        if abs(percent - value) < 1e-9:
            return f"{value}%: {status}."
    return f"{percent:g}%: a free choice for this model; no source proposes it."


def _summary_html(c: Comparison) -> str:
    alloc = c.allocation
    t = alloc.threshold
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td>"
        f"<td>{'yes' if p in alloc.eligible else ('no' if p in alloc.votes else '—')}</td>"
        f"<td style='text-align:right'>{alloc.seats.get(p, 0)}</td>"
        f"<td style='text-align:right'>{c.real_seats.get(p, 0)}</td></tr>"
        for p in dict.fromkeys([*alloc.votes, *c.real_seats])
    )
    majority, two_thirds = majority_line(c.house), two_thirds_line(c.house)
    reach = (
        "at least two-thirds" if c.largest_seats >= two_thirds
        else "a majority, short of two-thirds" if c.largest_seats >= majority
        else "no majority"
    )
    return (
        f"<p>Threshold {threshold_status(float(t.percent))} "  # type: ignore[union-attr]
        f"Share of: {html.escape(BASE_LABELS[t.base])}.<br>"  # type: ignore[union-attr]
        f"Lists that pass: <b>{len(alloc.eligible)}</b> of {len(alloc.votes)}.<br>"
        f"{html.escape(c.largest_party)}: <b>{c.largest_seats}</b> of {c.house} Kurultai seats "
        f"= <b>{as_percent(c.largest_share, 1)}</b> ({reach}; a majority needs {majority}, "
        f"two-thirds {two_thirds}). In {html.escape(c.real_label)}: {c.real_largest} of "
        f"{c.real_house} = {as_percent(c.real_largest_share, 1)}.</p>"
        f"<table><tr><th>party</th><th>passes?</th><th>Kurultai seats (of {c.house})</th>"
        f"<th>real seats (of {c.real_house})</th></tr>{rows}</table>"
    )


class _KurultaiChart:
    """The explorer's picture: one figure, its moving parts updated in place.

    What depends only on the election (the parties, the real chamber's pale bars, the
    majority and two-thirds lines, the legend) is drawn once per election and kept
    as the background (:class:`~kzlib.widgets.common.BlitChartView`); a threshold or
    base move redraws only the Kurultai bars, their numbers and the title. The static
    chart of the notebook, :func:`kzlib.charts_2026.draw_seat_shares`, draws the same.
    """

    def __init__(self) -> None:
        fig, (ax,) = plots.new_figure(9, 4.6)
        plots.finish(fig, "The same votes in the old chamber and in a 145-seat Kurultai",
                     "votes and real seats in data/; Kurultai seats computed by kzlib "
                     "(rules assumed where no source settles them)")
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
        ax = self.ax
        ax.clear()
        # Every party with votes or a real seat, so that a threshold move never changes
        # the x-axis (a list that loses its seats keeps its place, at zero).
        parties = list(dict.fromkeys([*c.allocation.votes, *c.real_seats]))
        xs = range(len(parties))
        real = [100 * c.real_seats.get(p, 0) / c.real_house for p in parties]
        colours = [plots.colour(p) for p in parties]
        ax.bar([x - _WIDTH / 2 for x in xs], real, _WIDTH, color=colours, alpha=_REAL_ALPHA,
               edgecolor=plots.EDGE, linewidth=0.5, hatch="//",
               label=f"real chamber ({c.real_house})")
        self.bars = list(ax.bar([x + _WIDTH / 2 for x in xs], [0] * len(parties), _WIDTH,
                                color=colours, edgecolor=plots.EDGE, linewidth=0.5,
                                label=f"Kurultai ({c.house})"))
        self.labels = [ax.text(x + _WIDTH / 2, 0, "", ha="center", va="bottom", fontsize=8)
                       for x in xs]
        draw_majority_lines(ax, c.house, right=len(parties) - 0.5)
        ax.set_xticks(list(xs), [plots.party_label(p, width=12, lines=2) for p in parties],
                      fontsize=8)
        ax.set_xlim(-0.6, len(parties) - 0.4)
        ax.set_ylim(0, 100)
        ax.set_xlabel("Party (number above a bar: its Kurultai seats)")
        ax.set_ylabel("Share of the chamber's seats (%)")
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
        self.ax.set_title(
            f"{c.year} votes; Kurultai threshold {float(t.percent):g}% of "  # type: ignore[union-attr]
            f"{BASE_LABELS[t.base]}", fontsize=10, y=1.02)  # type: ignore[union-attr]
        self.view.refresh(seat_shares_alt(c))


def build_kurultai_explorer(year: int = 2023, threshold: float = 5.0) -> Explorer:
    """Kurultai explorer for notebook 11.

    Parameters
    ----------
    year
        Election whose list votes are shown first: 2021 or 2023.
    threshold
        Threshold shown first, in per cent (0–10).

    Returns
    -------
    Explorer
        Controls ``election``, ``threshold`` (per cent) and ``base``, linked to a
        :class:`KurultaiModel`; ``result`` is the
        :class:`~kzlib.constitution.Comparison` for those settings.

    Raises
    ------
    ValueError, TypeError
        If ``year`` is not offered or ``threshold`` is not a number from 0 to 10.
    """
    check_choice(year, "year", REPLAY_YEARS)
    check_range(threshold, "threshold", 0, 10)
    controls = {
        "election": widgets.Dropdown(
            options=[(f"{y} Mazhilis list votes", y) for y in REPLAY_YEARS], value=year,
            description="Votes of", style=LABEL_STYLE),
        "threshold": widgets.FloatSlider(
            value=threshold, min=0, max=10, step=0.1, description="Kurultai threshold (%)",
            readout_format=".1f", continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="420px")),
        "base": widgets.Dropdown(
            options=[(label, key) for key, label in BASE_LABELS.items()],
            value="votes_and_against_all", description="Threshold is a share of",
            style=LABEL_STYLE),
    }
    explorer = Explorer(controls=controls)
    chart = _KurultaiChart()

    def show(result: Comparison) -> None:
        explorer.show_text(_summary_html(result))  # the numbers first, then the picture
        chart.update(result)

    explorer.bind(KurultaiModel(election=year, threshold=threshold), show)
    explorer.children = [
        controls["election"],
        widgets.HBox([controls["threshold"], controls["base"]]),
        chart.view.widget,
    ]
    return explorer
