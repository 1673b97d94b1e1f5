"""Notebook 05 widget: move the list threshold and watch who gets in.

:func:`build_threshold_explorer` links five controls (election, threshold, what the
threshold is a share of, list seats, the 2009 one-party rule) to a
:class:`ThresholdModel`, which counts with :func:`kzlib.compare.elections.outcome`; the
view shows who passes, the seats, the
wasted-vote share, a bar chart of each list's share of the base with the threshold
line, and a parliament half-circle. The chart is one figure updated in place. The
threshold moves in steps of a quarter point (5% and 7% are steps on the way).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets
from matplotlib.artist import Artist
from matplotlib.legend import Legend
from matplotlib.ticker import MaxNLocator

from kzlib import plots
from kzlib.allocation import Allocation
from kzlib.cases import MAZHILIS_LIST_YEARS, Election, mazhilis_election
from kzlib.compare.elections import (
    base_shares,
    outcome,
    same_seats,
    scenario_summary,
    votes_to_pass,
)
from kzlib.i18n import format_number, translator
from kzlib.thresholds import BASE_LABELS
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
    check_range,
)

__all__ = [
    "ELECTIONS",
    "ThresholdModel",
    "build_threshold_explorer",
    "threshold_settings",
]

#: Elections the explorer offers (Mazhilis party-list votes in data/).
ELECTIONS = MAZHILIS_LIST_YEARS

_OWN = "own"
_FAIL_ALPHA = 0.35

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: What the panel says when a count cannot be made (English; translated when shown).
_NO_BALLOTS = _("Our sources give no count of all ballots for this election: "
                "choose 'party votes' or 'party votes + against all' as the base.")


@functools.lru_cache(maxsize=len(ELECTIONS))
def _election(year: int) -> Election:
    # Read once per session; callers never mutate the returned votes.
    return mazhilis_election(year)


class ThresholdModel(ExplorerModel):
    """The threshold explorer's state: one election counted under one list rule.

    Inputs are named like the explorer's controls; ``result`` is the
    :class:`~kzlib.allocation.Allocation` of :func:`~kzlib.compare.elections.outcome`.
    """

    election = traitlets.Int(2023).tag(input=True)
    threshold = traitlets.Float(5.0).tag(input=True)
    base = traitlets.Unicode("votes_and_against_all").tag(input=True)
    #: ``"own"`` (the election's own list seats) or a number of seats.
    seats = traitlets.Any(_OWN).tag(input=True)
    one_party_rule = traitlets.Bool(False).tag(input=True)

    plain_messages = (
        (
            r"ballots must be given when the threshold base is 'ballots'",
            _NO_BALLOTS,
        ),
    )

    @property
    def chosen_election(self) -> Election:
        """The election the inputs name (votes, 'against all', official seats)."""
        return _election(self.election)

    def settings(self) -> dict[str, object]:
        """The keyword arguments of :func:`~kzlib.compare.elections.outcome`, plus ``year``."""
        election = self.chosen_election
        return {
            "year": self.election,
            "seats": election.list_seats if self.seats == _OWN else self.seats,
            "threshold": f"{self.threshold:.2f}%",
            "base": self.base,
            "ballots": election.ballots,
            "one_party_rule": self.one_party_rule,
        }

    def compute(self) -> Allocation:
        settings = self.settings()
        settings.pop("year")
        election = self.chosen_election
        return outcome(election.votes, election.against_all, **settings)  # type: ignore[arg-type]


def threshold_settings(explorer: Explorer) -> dict[str, object]:
    """The keyword arguments of :func:`~kzlib.compare.elections.outcome` for the
    explorer's current controls (plus ``year``), so tests and notebooks can call the
    pure function with exactly what the panel uses."""
    model = explorer.model
    if not isinstance(model, ThresholdModel):
        raise TypeError(
            f"explorer must be built by build_threshold_explorer, "
            f"got one with a {type(model).__name__}"
        )
    return model.settings()


def _election_name(election: Election, gettext: Gettext) -> str:
    # Election.name is "Mazhilis <year>": the chamber's name is translated, the year kept.
    return gettext("Mazhilis {year}").format(year=election.name.split()[-1])


def _summary_html(
    election: Election, result: Allocation, gettext: Gettext = str, lang: str = "en"
) -> str:
    _ = gettext

    def num(value: float, spec: str) -> str:
        return format_number(value, lang, spec)

    summary = scenario_summary(result, election.against_all)
    shares = base_shares(result)
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td><td style='text-align:right'>{num(shares[p], '.2f')}%"
        f"</td><td>{_('yes') if p in result.eligible else _('no')}</td>"
        f"<td style='text-align:right'>{result.seats[p]}</td></tr>"
        for p in result.votes
    )
    official = election.official_seats
    name = html.escape(_election_name(election, _))
    verdict = (
        "<b>" + _("Same seats as the official {election} result.").format(election=name) + "</b>"
        if same_seats(result.seats, official)
        else _("Official {election} list seats: {seats}.").format(
            election=name,
            seats=", ".join(f"{html.escape(p)} {n}" for p, n in (official or {}).items() if n))
    )
    base_note = _(BASE_LABELS[summary["base"]])  # type: ignore[index]
    if election.against_all == 0 and summary["base"] == "votes_and_against_all":
        base_note += " " + _("(no 'against all' option in this election, so the same as "
                             "party votes)")
    return (
        "<p>" + _("Threshold {pct}% of {base} of {total}: a list needs <b>{votes}</b> votes "
                  "or more.").format(
            pct=num(summary["threshold_pct"], "g"), base=html.escape(base_note),  # type: ignore[arg-type]
            total=num(float(result.base_total), ",.0f"),  # type: ignore[arg-type]
            votes=num(votes_to_pass(result), ","))
        + "<br>"
        + _("Lists that pass: <b>{passed}</b> of {lists}; lists with seats: <b>{seated}</b>.")
        .format(passed=len(result.eligible), lists=len(result.votes),
                seated=summary["lists_in"])
        + " "
        + _("Votes that elected no one: for lists without a seat <b>{no_seat}%</b>, "
            "'against all' <b>{against_all}%</b> (of party votes + 'against all').").format(
            no_seat=num(summary["no_seat_pct"], ".2f"),  # type: ignore[arg-type]
            against_all=num(summary["against_all_pct"], ".2f"))  # type: ignore[arg-type]
        + " "
        + _("Gallagher index {index} (party votes only).").format(
            index=num(summary["gallagher"], ".2f"))  # type: ignore[arg-type]
        + f"<br>{verdict}</p>"
        f"<table><tr><th>{_('party')}</th><th>{_('% of base')}</th><th>{_('passes?')}</th>"
        f"<th>{_('seats (of {seats})').format(seats=result.house_size)}</th></tr>"
        f"{rows}</table>"
    )


class _ThresholdChart:
    """Bars of each list's share of the base with the threshold line, and a half-circle
    of the seats: one figure, its artists updated in place."""

    def __init__(self, gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        fig, (ax_bars, ax_seats) = plots.new_figure(10, 4.4, ncols=2)
        plots.finish(
            fig,
            _("Who passes the threshold, and the seats that follow"),
            _("CEC results in data/mazhilis_list_results.csv; seats computed by kzlib (Hare)"),
            label=_("Source"),
        )
        # A fixed layout, roomy enough for the longest party names (2007): constrained
        # layout would re-measure every label on each slider move and double the cost.
        fig.set_layout_engine("none")
        ax_bars.set_position((0.07, 0.25, 0.42, 0.61))
        ax_seats.set_position((0.53, 0.12, 0.46, 0.74))
        self.ax_bars, self.ax_seats = ax_bars, ax_seats
        self.parties: tuple[str, ...] | None = None
        self.bars: list = []
        self.labels: list = []
        self.key: tuple | None = None
        # Drawn with a placeholder party (no legend entry); update() recolours the seats and
        # replaces the legend below the half-circle with one entry per party with seats.
        self.dots = plots.draw_hemicycle(ax_seats, {"": 69})
        self.view = BlitChartView(
            # In drawing order: the seat counts go over the threshold line.
            fig, lambda: [*self.bars, self.line, *self.labels, self.legend, self.dots[0],
                          self.seat_legend]
        )
        self.seat_legend = _Snapshot(fig.canvas)  # the canvas the view draws on
        self.seats: dict[str, int] | None = None
        self.widget = self.view.widget

        # Axis furniture drawn once; an election switch only swaps the bars (see _draw_bars).
        ax_bars.set_xlabel(_("Party list (the number above a bar: its seats)"))
        ax_bars.set_ylabel(_("Share of the base (%)"))
        ax_bars.spines[["top", "right"]].set_visible(False)
        ax_bars.yaxis.set_major_locator(MaxNLocator(5))
        ax_bars.tick_params(axis="x", labelsize=8)
        self.line = ax_bars.axhline(0, color="#444444", linestyle="--", linewidth=1.2)
        self.legend = ax_bars.legend([self.line], [_("threshold")], loc="upper right",
                                     frameon=False)
        self.line_label = self.legend.get_texts()[0]

    def _draw_bars(self, parties: tuple[str, ...]) -> None:
        # A new election brings another set of lists: swap the bars, keep the axes.
        self.view.invalidate()
        for label in self.labels:
            label.remove()
        # Horizontal names, wrapped onto up to three lines (long 2007 names are shortened).
        self.bars = plots.replace_bars(self.ax_bars, self.bars, parties, wrap=10)
        self.key = None
        # On an opaque white box drawn over the threshold line: a list just under the
        # threshold has its seat count on the line, readable all the same.
        self.labels = [
            self.ax_bars.annotate(
                "", (b.get_x() + b.get_width() / 2, 0), xytext=(0, 1.5),
                textcoords="offset points", ha="center", va="bottom", fontsize=8, zorder=3,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            )
            for b in self.bars
        ]
        self.parties = parties

    def update(self, election: Election, result: Allocation) -> None:
        """Draw ``result`` (a count of ``election``) and refresh the picture."""
        if self.parties != election.parties:
            self._draw_bars(election.parties)
        _, num = self._, functools.partial(format_number, lang=self.lang)
        shares = base_shares(result)
        for bar, label, party in zip(self.bars, self.labels, result.votes, strict=True):
            bar.set_height(shares[party])
            bar.set_alpha(1.0 if party in result.eligible else _FAIL_ALPHA)
            label.xy = (label.xy[0], shares[party])
            label.set_text(str(result.seats[party]))
        pct = float(result.threshold.percent)  # type: ignore[union-attr]
        self.line.set_ydata([pct, pct])
        self.line_label.set_text(_("threshold {pct}%").format(pct=num(pct, spec="g")))
        base = _(BASE_LABELS[result.threshold.base])  # type: ignore[union-attr]
        key = (election.name, base, result.house_size)
        if self.key != key:
            # Limits, titles and the seat layout change: the whole figure is redrawn.
            self.ax_bars.set_ylim(0, max(max(shares.values()), 10) * 1.15 + 1)
            self.ax_bars.set_title(_("{election}: share of {base}").format(
                election=_election_name(election, _), base=base))
            self.ax_seats.set_title(
                _("{seats} list seats, Hare quota").format(seats=result.house_size))
            _reseat_hemicycle(self.ax_seats, self.dots, result.house_size, _)
            self.key = key
            # The key sets everything drawn behind the moving artists (tick labels are
            # the election's parties): a layout seen before is not drawn again.
            self.view.invalidate(key)
        plots.recolour_hemicycle(self.dots, result.seats)
        if result.seats != self.seats:
            self.seats = dict(result.seats)
            self.seat_legend.show(plots.hemicycle_legend(self.ax_seats, self.seats),
                                  tuple(self.seats.items()))
        alt = _seats_alt_text(
            _("Hemicycle"),
            result.seats,
            _("Bars: share of {base} per list, {shares}; threshold line at {pct}%.").format(
                base=base,
                shares=", ".join(f"{p} {num(s, spec='.2f')}%" for p, s in shares.items()),
                pct=num(pct, spec="g")),
            _,
        )
        self.view.refresh(alt)


class _Snapshot(Artist):
    """Stands in for a moving artist that rarely changes: drawn once, then pasted back.

    A matplotlib legend lays out its boxes again on every draw (about 6 ms, a third of
    a slider move), yet the hemicycle's legend changes only with the seats, and a
    student moving the controls back and forth meets the same few seat counts again.
    In the view's moving artists, this draws the legend the first time its ``key`` (the
    seats) is shown, keeps those pixels, and later only pastes them back. That is exact
    because the legend's place is fixed and nothing else is ever drawn there (plain
    figure background below the half-circle), whatever the election or the base.
    """

    #: Pictures kept at most (about 70 KB each: a strip of RGBA pixels).
    KEEP = 32

    def __init__(self, canvas: Any) -> None:
        super().__init__()
        self._canvas = canvas
        self._inner: Legend | None = None
        self._key: Any = None
        self._pixels: dict[Any, Any] = {}

    def show(self, inner: Legend | None, key: Any) -> None:
        """Stand in for ``inner`` (None: draw nothing), whose look ``key`` determines."""
        self._inner, self._key = inner, key

    def set_visible(self, b: bool) -> None:
        super().set_visible(b)
        if self._inner is not None:  # hidden while the view draws its background
            self._inner.set_visible(b)

    def draw(self, renderer: Any) -> None:
        if self._inner is None or not self.get_visible():
            return
        pixels = self._pixels.get(self._key)
        if pixels is None:
            self._inner.draw(renderer)
            box = self._inner.get_window_extent(renderer).padded(2)
            if len(self._pixels) >= self.KEEP:
                self._pixels.clear()
            self._pixels[self._key] = self._canvas.copy_from_bbox(box)
        else:
            self._canvas.restore_region(pixels)


def build_threshold_explorer(
    year: int = 2023, threshold: float = 5.0, lang: str = "en"
) -> Explorer:
    """Threshold explorer for notebook 05.

    Parameters
    ----------
    year
        Election shown first: 2007, 2012, 2016, 2021 or 2023.
    threshold
        Threshold shown first, in per cent (0–10).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`. Party names stay
        as in ``data/``; only the numbers' display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``election``, ``threshold`` (per cent), ``base``, ``seats``
        (``"own"`` = the election's own list seats, or 98 / 69) and
        ``one_party_rule``, linked to a :class:`ThresholdModel`; ``result`` is the
        :class:`~kzlib.allocation.Allocation` returned by
        :func:`~kzlib.compare.elections.outcome` for those settings.

    Raises
    ------
    ValueError
        If ``year`` is not offered, ``threshold`` is outside 0–10 or ``lang`` is not
        a language of the collection.
    """
    _ = translator(lang)
    check_choice(year, "year", ELECTIONS)
    check_range(threshold, "threshold", 0, 10)
    # Steps of a quarter point: 5% and 7% are 20 and 28 key presses from 0, and every
    # entry line the notebook discusses (e.g. Auyl's 5.29% in 2021) falls between steps.
    slider = {"style": LABEL_STYLE, "continuous_update": False, "readout_format": ".2f"}
    controls = {
        "election": widgets.Dropdown(
            options=[(str(y), y) for y in ELECTIONS], value=year,
            description=_("Election (Mazhilis party lists)"), style=LABEL_STYLE),
        "threshold": widgets.FloatSlider(
            value=threshold, min=0, max=10, step=0.25, description=_("Threshold (%)"),
            layout=widgets.Layout(width="420px"), **slider),
        "base": widgets.Dropdown(
            options=[(_(label), key) for key, label in BASE_LABELS.items()],
            value="votes_and_against_all", description=_("Threshold is a share of"),
            style=LABEL_STYLE),
        "seats": widgets.Dropdown(
            options=[(_("the election's own list seats"), _OWN),
                     (_("98 (all-list Mazhilis, 2007–2021)"), 98),
                     (_("69 (list tier from 2023)"), 69)],
            value=_OWN, description=_("List seats"), style=LABEL_STYLE),
        "one_party_rule": widgets.Checkbox(
            value=False,
            description=_("2009 rule: if only one list passes, admit the runner-up"),
            style=LABEL_STYLE, layout=widgets.Layout(width="480px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = ThresholdModel(election=year, threshold=threshold)
    # The panel's plain sentences in the explorer's language (an instance attribute).
    model.plain_messages = tuple((pattern, _(sentence))
                                 for pattern, sentence in ThresholdModel.plain_messages)
    chart = _ThresholdChart(_, lang)

    def show(result: Allocation) -> None:
        # The numbers first: they reach the page while the chart is being drawn.
        explorer.show_text(_summary_html(model.chosen_election, result, _, lang))
        chart.update(model.chosen_election, result)

    explorer.bind(model, show)
    explorer.children = [
        widgets.HBox([controls["election"], controls["seats"]]),
        widgets.HBox([controls["threshold"], controls["base"]]),
        controls["one_party_rule"],
        chart.widget,
    ]
    return explorer


def _reseat_hemicycle(ax, dots, total: int, gettext: Gettext = str) -> None:
    """Move the half-circle's dots for a new number of seats."""
    dots[0].set_offsets(plots.hemicycle_positions(total))
    dots[0].set_sizes([max(12.0, 2400.0 / total)])
    ax.texts[0].set_text(gettext("{seats} seats").format(seats=total))


def _seats_alt_text(kind: str, seats: dict[str, int], extra: str, gettext: Gettext) -> str:
    # plots.seats_alt_text in the explorer's language (same words in English).
    parts = ", ".join(f"{p} {n}" for p, n in seats.items() if n)
    text = gettext("{kind} of {total} seats: {parts}.").format(
        kind=kind, total=sum(seats.values()), parts=parts)
    return f"{text} {extra}".strip()
