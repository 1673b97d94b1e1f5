"""Notebook 10 widget: the what-if lab.

:func:`build_whatif_explorer` lets a student pick an election's votes (2007, 2021,
2023, or their own pasted ``party,votes`` lines), move vote share from one option
to another, and count the result under up to three rule sets side by side: the
2021 rules, the 2023 list tier, or custom seats/threshold/base/method. Every
number comes from :mod:`kzlib.compare.elections` and :mod:`kzlib.userdata`; a
malformed paste shows a readable message in ``explorer.error``.
"""

from __future__ import annotations

import functools
import html
import textwrap
from typing import Any

import ipywidgets as widgets

from kzlib import plots
from kzlib.compare.elections import (
    AGAINST_ALL,
    ERAS,
    Election,
    era_rules,
    mazhilis_election,
    outcomes_table,
    replay_all,
    scenario_rules,
    shift_votes,
    split_against_all,
    summary_table,
    with_against_all,
)
from kzlib.rules import RuleSet
from kzlib.userdata import format_votes_csv, parse_votes_csv
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer
from kzlib.thresholds import BASE_LABELS

__all__ = ["METHOD_LABELS", "OWN", "SLOTS", "build_whatif_explorer", "whatif_inputs"]

#: Election dropdown value meaning "the votes pasted in the text box".
OWN = "own"
#: The scenario slots, in display order.
SLOTS = ("A", "B", "C")
#: Methods offered for the custom rules.
METHOD_LABELS: dict[str, str] = {
    "hare": "Hare quota, largest remainders (Kazakhstan)",
    "droop": "Droop quota, largest remainders",
    "dhondt": "D'Hondt",
    "sainte-lague": "Sainte-Laguë",
}
_OFF = "off"


@functools.lru_cache(maxsize=3)
def _election(year: int) -> Election:
    # Read once per session; callers never mutate the returned votes.
    return mazhilis_election(year)


def _era_label(era: str) -> str:
    return {
        "2021 rules": "2021 rules (98 seats, 7%)",
        "2023 list tier": "2023 list tier (69 seats, 5%)",
        "custom": "custom (set below)",
    }.get(era, era)


def whatif_inputs(explorer: Explorer) -> dict[str, Any]:
    """What the lab's controls describe, as arguments for the pure functions.

    Returns
    -------
    dict
        ``election`` (an :class:`~kzlib.compare.elections.Election`), ``votes`` and
        ``against_all`` after the vote shift, ``ballots``, and ``scenarios``
        (name -> RuleSet, in slot order, switched-off slots left out).

    Raises
    ------
    ValueError
        If the pasted text is malformed or the shift is impossible (the message
        names the line or the argument).
    """
    c = explorer.controls
    if c["election"].value == OWN:
        votes, against_all = parse_votes_csv(c["paste"].value)
        election = Election(name="your election", votes=votes, against_all=against_all)
    else:
        election = _election(c["election"].value)
    combined = with_against_all(election.votes, election.against_all)
    if c["points"].value:
        combined = shift_votes(
            combined, c["from_party"].value, c["to_party"].value, f"{c['points'].value:.2f}"
        )
    votes, against_all = split_against_all(combined)
    custom = {
        "seats": c["custom_seats"].value,
        "threshold": f"{c['custom_threshold'].value:.2f}%",
        "base": c["custom_base"].value,
        "method": c["custom_method"].value,
    }
    scenarios: dict[str, RuleSet] = {}
    for slot in SLOTS:
        era = c[f"scenario_{slot.lower()}"].value
        if era == _OFF:
            continue
        if era == "custom":
            rule = scenario_rules(custom)
            label = (
                f"custom ({rule.list_seats} seats, {float(rule.threshold.percent):g}%, "
                f"{rule.method})"
            )
        else:
            rule, label = era_rules(era), _era_label(era)
        scenarios[f"{slot}: {label}"] = rule
    if not scenarios:
        raise ValueError("scenarios: switch on at least one of A, B, C, got all off")
    return {
        "election": election,
        "votes": votes,
        "against_all": against_all,
        "ballots": election.ballots,
        "scenarios": scenarios,
    }


def _seat_lookup(outcomes) -> dict[tuple[str, str], int]:
    # Plain dict look-ups: cheaper than pandas indexing on every slider move.
    return {
        (s, p): int(n)
        for s, p, n in zip(outcomes["scenario"], outcomes["party"], outcomes["seats"])
    }


def _table_html(outcomes, summary) -> str:
    seats = _seat_lookup(outcomes)
    pct = dict(zip(outcomes["party"], outcomes["vote_pct"]))
    names = list(summary["scenario"])
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td><td style='text-align:right'>{pct[p]:.2f}%</td>"
        + "".join(
            f"<td style='text-align:right'>{'—' if p == AGAINST_ALL else seats[n, p]}</td>"
            for n in names
        )
        + "</tr>"
        for p in pct
    )
    facts = [
        ("threshold (%)", "threshold_pct", "{:g}"),
        ("lists with seats", "lists_in", "{}"),
        ("Gallagher index", "gallagher", "{:.2f}"),
        ("effective number of parties (seats)", "enp_seats", "{:.2f}"),
        ("wasted votes (%)", "wasted_pct", "{:.2f}"),
    ]
    extra = "".join(
        f"<tr><td colspan='2'><i>{label}</i></td>"
        + "".join(f"<td style='text-align:right'>{fmt.format(v)}</td>" for v in summary[key])
        + "</tr>"
        for label, key, fmt in facts
    )
    return f"<table><tr><th>party</th><th>votes (%)</th>{head}</tr>{rows}{extra}</table>"


def build_whatif_explorer(year: int | str = 2021) -> Explorer:
    """The what-if lab of notebook 10.

    Parameters
    ----------
    year
        Election shown first: 2007, 2021, 2023 or ``"own"`` (the pasted text box,
        pre-filled with the 2023 result as an example).

    Returns
    -------
    Explorer
        Controls ``election``, ``paste`` (Textarea), ``from_party``, ``to_party``,
        ``points`` (percentage points of party votes + 'against all'),
        ``scenario_a`` / ``scenario_b`` / ``scenario_c`` (an era from
        :data:`~kzlib.compare.elections.ERAS`, C may be ``"off"``), and the custom
        rules ``custom_seats``, ``custom_threshold`` (per cent), ``custom_base``,
        ``custom_method``. ``result`` is a dict with ``votes``, ``against_all``,
        ``scenarios`` (name -> RuleSet), ``outcomes``
        (:func:`~kzlib.compare.elections.compare_outcomes`) and ``summary``
        (:func:`~kzlib.compare.elections.compare_summary`).
    """
    if year not in (2007, 2021, 2023, OWN):
        raise ValueError(f"year must be 2007, 2021, 2023 or 'own', got {year!r}")
    example = _election(2023)
    era_options = [(_era_label(e), e) for e in ERAS]
    controls: dict[str, widgets.Widget] = {
        "election": widgets.Dropdown(
            options=[
                ("2007", 2007),
                ("2021", 2021),
                ("2023", 2023),
                ("your own (paste below)", OWN),
            ],
            value=year,
            description="Votes of the election",
            style=LABEL_STYLE,
        ),
        "paste": widgets.Textarea(
            value=format_votes_csv(example.votes, example.against_all),
            description="Your election (party,votes lines)",
            continuous_update=False,
            rows=8,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="460px"),
        ),
        "from_party": widgets.Dropdown(options=[""], description="Move votes from", style=LABEL_STYLE),
        "to_party": widgets.Dropdown(options=[""], description="to", style=LABEL_STYLE),
        "points": widgets.FloatSlider(
            value=0,
            min=0,
            max=20,
            step=0.1,
            readout_format=".1f",
            description="Percentage points moved",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="420px"),
        ),
        "scenario_a": widgets.Dropdown(
            options=era_options, value="2021 rules", description="Scenario A", style=LABEL_STYLE
        ),
        "scenario_b": widgets.Dropdown(
            options=era_options, value="2023 list tier", description="Scenario B", style=LABEL_STYLE
        ),
        "scenario_c": widgets.Dropdown(
            options=era_options + [("off", _OFF)],
            value="custom",
            description="Scenario C",
            style=LABEL_STYLE,
        ),
        "custom_seats": widgets.BoundedIntText(
            value=98,
            min=1,
            max=300,
            description="Custom: list seats",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="220px"),
        ),
        "custom_threshold": widgets.FloatSlider(
            value=5.0,
            min=0,
            max=10,
            step=0.1,
            readout_format=".1f",
            description="Custom: threshold (%)",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="420px"),
        ),
        "custom_base": widgets.Dropdown(
            options=[(label, key) for key, label in BASE_LABELS.items()],
            value="votes_and_against_all",
            description="Custom: threshold is a share of",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="440px"),
        ),
        "custom_method": widgets.Dropdown(
            options=[(label, key) for key, label in METHOD_LABELS.items()],
            value="hare",
            description="Custom: method",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="420px"),
        ),
    }
    explorer = Explorer(controls=controls)

    fig, axes = plots.new_figure(11, 4.2, ncols=len(SLOTS))
    plots.finish(
        fig,
        "One vote, several rule sets: list seats by party",
        "CEC results in data/mazhilis_list_results.csv or your pasted data; "
        "seats computed by kzlib",
    )
    # Fixed positions (no layout pass on every move); room below for long names.
    fig.set_layout_engine("none")
    for i, ax in enumerate(axes):
        ax.set_position((0.05 + i * 0.33, 0.3, 0.28, 0.55))
        ax.set_xlabel("Party list")
        ax.set_ylabel("List seats")
        ax.spines[["top", "right"]].set_visible(False)
        # Party names are drawn as moving texts (see draw_bars), not tick labels, so that
        # another election only redraws the bars and names, not the whole figure.
        ax.set_xticks([])
        ax.xaxis.set_label_coords(0.5, -0.36)  # below the longest (wrapped) names
    state: dict[str, Any] = {
        "parties": None, "busy": False, "bars": {}, "labels": {}, "names": {}, "key": None
    }

    def moving() -> list:
        artists: list = []
        for ax in axes:
            if ax.get_visible() and ax in state["bars"]:
                artists += [*state["bars"][ax], *state["labels"][ax], *state["names"][ax],
                            ax.title]
        return artists

    chart = BlitChartView(fig, moving)

    def set_party_options(parties: tuple[str, ...]) -> None:
        # New election: new choices; keep the current ones when they still exist.
        old_from, old_to = controls["from_party"].value, controls["to_party"].value
        controls["from_party"].options = parties
        controls["to_party"].options = parties
        controls["from_party"].value = old_from if old_from in parties else parties[0]
        default_to = parties[-1] if parties[-1] != controls["from_party"].value else parties[0]
        controls["to_party"].value = old_to if old_to in parties else default_to

    def draw_bars(parties: tuple[str, ...]) -> None:
        # Another election: swap the bars and names, keep the axes (no full redraw).
        for ax in axes:
            for text in [*state["labels"].get(ax, []), *state["names"].get(ax, [])]:
                text.remove()
            bars = plots.replace_bars(ax, state["bars"].get(ax, []), parties, ticks=False)
            state["bars"][ax] = bars
            state["labels"][ax] = [
                ax.text(b.get_x() + b.get_width() / 2, 0, "", ha="center", va="bottom", fontsize=8)
                for b in bars
            ]
            # Long names hang from under their bar, like rotated tick labels.
            state["names"][ax] = [
                ax.text(i, -0.03, textwrap.fill(p, 14), transform=ax.get_xaxis_transform(),
                        rotation=30, rotation_mode="anchor", ha="right", va="top", fontsize=8)
                for i, p in enumerate(parties)
            ]
        state["parties"] = parties

    def update(change: Any = None) -> None:
        if state["busy"]:
            return  # a change made by this function itself
        state["busy"] = True
        try:
            explorer.show_text("")
            if change is not None and change["owner"] is controls["paste"]:
                controls["election"].value = OWN  # editing the box means "use my data"
            if controls["election"].value == OWN:
                votes, against_all = parse_votes_csv(controls["paste"].value)
                choices = tuple(with_against_all(votes, against_all))
            else:
                e = _election(controls["election"].value)
                choices = tuple(with_against_all(e.votes, e.against_all))
            if tuple(controls["from_party"].options) != choices:
                set_party_options(choices)
            inputs = whatif_inputs(explorer)
        finally:
            state["busy"] = False
        votes, against_all = inputs["votes"], inputs["against_all"]
        # One replay per scenario, shared by both tables.
        results = replay_all(votes, against_all, inputs["scenarios"], ballots=inputs["ballots"])
        outcomes = outcomes_table(results, against_all)
        summary = summary_table(results, against_all)

        parties = tuple(votes)
        if state["parties"] != parties:
            draw_bars(parties)
        names = list(inputs["scenarios"])
        top = max(rule.list_seats for rule in inputs["scenarios"].values())
        key = (len(names), top)
        if state["key"] != key:
            # Panels shown or the seat scale changed: the whole figure is redrawn.
            for i, ax in enumerate(axes):
                ax.set_visible(i < len(names))
                ax.set_ylim(0, top * 1.12)
            state["key"] = key
            chart.invalidate()
        alt_parts = []
        lookup = _seat_lookup(outcomes)
        for ax, name in zip(axes, names):
            seats = {p: lookup[name, p] for p in parties}
            for bar, label, party in zip(state["bars"][ax], state["labels"][ax], parties):
                bar.set_height(seats[party])
                label.set_position((label.get_position()[0], seats[party]))
                label.set_text(str(seats[party]))
            # A fixed y: matplotlib's automatic title placement misreads a title that
            # is hidden while the background is drawn (BlitChartView).
            ax.set_title(name, fontsize=10, y=1.02)
            alt_parts.append(f"{name}: " + ", ".join(f"{p} {n}" for p, n in seats.items() if n))
        chart.refresh(
            "Bar charts of list seats by party under each scenario. " + "; ".join(alt_parts) + "."
        )
        explorer.show_text(_table_html(outcomes, summary))
        explorer.result = {
            "votes": votes,
            "against_all": against_all,
            "scenarios": inputs["scenarios"],
            "outcomes": outcomes,
            "summary": summary,
        }

    explorer.watch(update)
    explorer.children = [
        widgets.HTML("<b>1 · Votes</b>"),
        controls["election"],
        controls["paste"],
        widgets.HTML(
            "<b>2 · What if voters had moved?</b> (points of party votes + 'against all')"
        ),
        widgets.HBox([controls["from_party"], controls["to_party"]]),
        controls["points"],
        widgets.HTML("<b>3 · Rules to compare</b>"),
        widgets.HBox([controls["scenario_a"], controls["scenario_b"], controls["scenario_c"]]),
        widgets.HBox([controls["custom_seats"], controls["custom_threshold"]]),
        widgets.HBox([controls["custom_base"], controls["custom_method"]]),
        chart.widget,
    ]
    return explorer
