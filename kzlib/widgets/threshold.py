"""Notebook 05 widget: move the list threshold and watch who gets in.

:func:`build_threshold_explorer` wires five controls (election, threshold, what the
threshold is a share of, list seats, the 2009 one-party rule) to
:func:`kzlib.compare.elections.outcome`, and shows who passes, the seats, the
wasted-vote share, a bar chart of each list's share of the base with the threshold
line, and a parliament half-circle. The chart is one figure updated in place.
"""

from __future__ import annotations

import functools
import html
import math
from typing import Any

import ipywidgets as widgets
from matplotlib.ticker import MaxNLocator

from kzlib import plots
from kzlib.cases import Election, mazhilis_election
from kzlib.compare.elections import outcome, scenario_summary
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer

__all__ = [
    "BASE_LABELS",
    "ELECTIONS",
    "build_threshold_explorer",
    "threshold_settings",
]

#: Elections the explorer offers (Mazhilis party-list votes in data/).
ELECTIONS = (2007, 2021, 2023)

#: Dropdown labels for the threshold base.
BASE_LABELS: dict[str, str] = {
    "votes": "party votes",
    "votes_and_against_all": "party votes + 'against all'",
    "ballots": "all ballots received",
}

_OWN = "own"
_FAIL_ALPHA = 0.35


def threshold_settings(explorer: Explorer) -> dict[str, object]:
    """The keyword arguments of :func:`~kzlib.compare.elections.outcome` for the
    explorer's current controls (plus ``year``), so tests and notebooks can call the
    pure function with exactly what the panel uses."""
    c = explorer.controls
    election = _election(c["election"].value)
    seats = election.list_seats if c["seats"].value == _OWN else c["seats"].value
    return {
        "year": c["election"].value,
        "seats": seats,
        "threshold": f"{c['threshold'].value:.2f}%",
        "base": c["base"].value,
        "ballots": election.ballots,
        "one_party_rule": c["one_party_rule"].value,
    }


@functools.lru_cache(maxsize=len(ELECTIONS))
def _election(year: int) -> Election:
    # Read once per session; callers never mutate the returned votes.
    return mazhilis_election(year)


def _fmt(value: object) -> str:
    return f"{float(value):,.0f}"  # type: ignore[arg-type]


def _summary_html(election: Election, result, summary: dict, settings: dict) -> str:
    shares = {p: float(v) * 100 / float(result.base_total) for p, v in result.votes.items()}
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td><td style='text-align:right'>{shares[p]:.2f}%</td>"
        f"<td>{'yes' if p in result.eligible else 'no'}</td>"
        f"<td style='text-align:right'>{result.seats[p]}</td></tr>"
        for p in result.votes
    )
    official = election.official_seats
    same = (
        official is not None
        and settings["seats"] == election.list_seats
        and all(result.seats[p] == official[p] for p in official)
    )
    verdict = (
        f"<b>Same seats as the official {election.name} result.</b>"
        if same
        else f"Official {election.name} list seats: "
        + ", ".join(f"{html.escape(p)} {n}" for p, n in (official or {}).items() if n)
        + "."
    )
    base_note = BASE_LABELS[summary["base"]]
    if election.against_all == 0 and summary["base"] == "votes_and_against_all":
        base_note += " (no 'against all' option in this election, so the same as party votes)"
    return (
        f"<p>Threshold {summary['threshold_pct']:g}% of {html.escape(base_note)} "
        f"of {_fmt(result.base_total)}: a list needs "
        f"<b>{math.ceil(summary['votes_needed']):,}</b> votes "
        f"or more.<br>"
        f"Lists that pass: <b>{len(result.eligible)}</b> of {len(result.votes)}; "
        f"lists with seats: <b>{summary['lists_in']}</b>. "
        "Wasted votes (lists without a seat + 'against all'): "
        f"<b>{summary['wasted_pct']:.2f}%</b>. "
        f"Gallagher index {summary['gallagher']:.2f}.<br>{verdict}</p>"
        f"<table><tr><th>party</th><th>% of base</th><th>passes?</th><th>seats "
        f"(of {result.house_size})</th></tr>{rows}</table>"
    )


def build_threshold_explorer(year: int = 2023, threshold: float = 5.0) -> Explorer:
    """Threshold explorer for notebook 05.

    Parameters
    ----------
    year
        Election shown first: 2007, 2021 or 2023.
    threshold
        Threshold shown first, in per cent (0–10).

    Returns
    -------
    Explorer
        Controls ``election``, ``threshold`` (per cent), ``base``, ``seats``
        (``"own"`` = the election's own list seats, or 98 / 69) and
        ``one_party_rule``; ``result`` is the :class:`~kzlib.allocation.Allocation`
        returned by :func:`~kzlib.compare.elections.outcome` for those settings.

    Raises
    ------
    ValueError
        If ``year`` is not offered or ``threshold`` is outside 0–10.
    """
    if year not in ELECTIONS:
        raise ValueError(f"year must be one of {ELECTIONS}, got {year!r}")
    if not 0 <= threshold <= 10:
        raise ValueError(f"threshold must be between 0 and 10 (per cent), got {threshold!r}")
    controls = {
        "election": widgets.Dropdown(
            options=[(str(y), y) for y in ELECTIONS],
            value=year,
            description="Election (Mazhilis party lists)",
            style=LABEL_STYLE,
        ),
        "threshold": widgets.FloatSlider(
            value=threshold,
            min=0,
            max=10,
            step=0.1,
            readout_format=".1f",
            description="Threshold (%)",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="420px"),
        ),
        "base": widgets.Dropdown(
            options=[(label, key) for key, label in BASE_LABELS.items()],
            value="votes_and_against_all",
            description="Threshold is a share of",
            style=LABEL_STYLE,
        ),
        "seats": widgets.Dropdown(
            options=[
                ("the election's own list seats", _OWN),
                ("98 (all-list Mazhilis, 2007–2021)", 98),
                ("69 (list tier from 2023)", 69),
            ],
            value=_OWN,
            description="List seats",
            style=LABEL_STYLE,
        ),
        "one_party_rule": widgets.Checkbox(
            value=False,
            description="2009 rule: if only one list passes, admit the runner-up",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="480px"),
        ),
    }
    explorer = Explorer(controls=controls)

    fig, (ax_bars, ax_seats) = plots.new_figure(10, 4.4, ncols=2)
    plots.finish(
        fig,
        "Who passes the threshold, and the seats that follow",
        "CEC results in data/mazhilis_list_results.csv; seats computed by kzlib (Hare)",
    )
    # A fixed layout, roomy enough for the longest party names (2007): constrained
    # layout would re-measure every label on each slider move and double the cost.
    fig.set_layout_engine("none")
    ax_bars.set_position((0.07, 0.3, 0.42, 0.56))
    ax_seats.set_position((0.53, 0.12, 0.46, 0.74))
    state: dict[str, Any] = {"parties": None, "bars": [], "labels": [], "total": None, "key": None}
    dots = plots.draw_hemicycle(ax_seats, {"": 69})
    chart = BlitChartView(
        fig, lambda: [*state["bars"], *state["labels"], state["line"], state["legend"], dots[0]]
    )

    # Axis furniture drawn once; an election switch only swaps the bars (see draw_bars).
    ax_bars.set_xlabel("Party list (the number above a bar: its seats)")
    ax_bars.set_ylabel("Share of the base (%)")
    ax_bars.spines[["top", "right"]].set_visible(False)
    ax_bars.yaxis.set_major_locator(MaxNLocator(5))
    ax_bars.tick_params(axis="x", labelsize=8, labelrotation=30)
    state["line"] = ax_bars.axhline(0, color="#444444", linestyle="--", linewidth=1.2)
    state["legend"] = ax_bars.legend(
        [state["line"]], ["threshold"], loc="upper right", frameon=False
    )
    state["line_label"] = state["legend"].get_texts()[0]

    def draw_bars(parties: tuple[str, ...]) -> None:
        # A new election brings another set of lists: swap the bars, keep the axes.
        chart.invalidate()
        for label in state["labels"]:
            label.remove()
        bars = plots.replace_bars(ax_bars, state["bars"], parties)
        # Long names (2007) wrap onto two lines and hang from their tick.
        for tick in ax_bars.get_xticklabels():
            tick.set_horizontalalignment("right")
            tick.set_rotation_mode("anchor")
        state["key"] = None
        state["bars"] = bars
        state["labels"] = [
            ax_bars.text(b.get_x() + b.get_width() / 2, 0, "", ha="center", va="bottom", fontsize=8)
            for b in bars
        ]
        state["parties"] = parties

    def update(_change: object = None) -> None:
        settings = threshold_settings(explorer)
        y = settings.pop("year")
        election = _election(y)  # type: ignore[arg-type]
        result = outcome(election.votes, election.against_all, **settings)  # type: ignore[arg-type]
        summary = scenario_summary(result, election.against_all)

        if state["parties"] != election.parties:
            draw_bars(election.parties)
        shares = [float(v) * 100 / float(result.base_total) for v in result.votes.values()]
        for bar, label, party, share in zip(state["bars"], state["labels"], result.votes, shares):
            bar.set_height(share)
            bar.set_alpha(1.0 if party in result.eligible else _FAIL_ALPHA)
            label.set_position((label.get_position()[0], share))
            label.set_text(str(result.seats[party]))
        pct = float(summary["threshold_pct"])  # type: ignore[arg-type]
        state["line"].set_ydata([pct, pct])
        state["line_label"].set_text(f"threshold {pct:g}%")
        key = (y, settings["base"], result.house_size)
        if state["key"] != key:
            # Limits, titles and the seat layout change: the whole figure is redrawn.
            ax_bars.set_ylim(0, max(max(shares), 10) * 1.15 + 1)
            ax_bars.set_title(f"{election.name}: share of {BASE_LABELS[settings['base']]}")  # type: ignore[index]
            ax_seats.set_title(f"{result.house_size} list seats, Hare quota")
            _reseat_hemicycle(ax_seats, dots, result.house_size)
            state["key"] = key
            chart.invalidate()
        plots.recolour_hemicycle(dots, result.seats)
        alt = plots.seats_alt_text(
            "Hemicycle",
            result.seats,
            f"Bars: share of {BASE_LABELS[settings['base']]} per list, "  # type: ignore[index]
            + ", ".join(f"{p} {s:.2f}%" for p, s in zip(result.votes, shares))
            + f"; threshold line at {pct:g}%.",
        )
        chart.refresh(alt)
        explorer.show_text(_summary_html(election, result, summary, settings))
        explorer.result = result

    explorer.watch(update)
    explorer.children = [
        widgets.HBox([controls["election"], controls["seats"]]),
        widgets.HBox([controls["threshold"], controls["base"]]),
        controls["one_party_rule"],
        chart.widget,
    ]
    return explorer


def _reseat_hemicycle(ax, dots, total: int) -> None:
    """Move the half-circle's dots for a new number of seats."""
    dots[0].set_offsets(plots.hemicycle_positions(total))
    dots[0].set_sizes([max(12.0, 2400.0 / total)])
    ax.texts[0].set_text(f"{total} seats")
