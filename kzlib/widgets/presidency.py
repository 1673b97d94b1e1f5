"""Notebook 02 widget and chart: how long can one person stay president?

:func:`build_tenure_explorer` wires two controls (the year of the first election
and a rule set) to :func:`kzlib.presidency.max_tenure` and draws the longest
unbroken tenure under every rule set on one timeline, the chosen rule in full
colour and the others faded (one figure, updated in place). The panel is a
:class:`TenureModel` (start year and rule, and the terms) linked to the controls;
the view only draws.

:func:`build_era_explorer` is the notebook's explorer: one slider (the year of the
first election, from 1995) picks the rule *in force that year*
(:func:`kzlib.presidency.era_tenure`), so no rule is applied outside its period; the
chart shows the eras as bands, the hypothetical tenure (faded after the rule changed)
and the real tenures beside it. The notebook's static chart of the 2019 and 2022 results is
:func:`kzlib.charts.results_chart`.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.presidency import (
    ERA_FIRST_YEAR,
    FIRST_YEAR,
    EraTenure,
    RealTenure,
    Term,
    TermEra,
    TermRule,
    era_tenure,
    max_tenure,
    real_tenures,
    tenure_years,
    term_eras,
    term_rules,
)
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
    check_range,
)

__all__ = [
    "ERA_SLIDER_MAX",
    "ERA_SLIDER_MIN",
    "EraTenureModel",
    "build_era_explorer",
    "era_tenure_html",
    "HORIZON",
    "RULE_COLOURS",
    "SLIDER_MAX",
    "SLIDER_MIN",
    "TenureModel",
    "build_tenure_explorer",
    "tenure_html",
    "tenure_settings",
]


#: Years laid out for a rule without a limit.
HORIZON = 30
#: Range of the start-year slider.
SLIDER_MIN = FIRST_YEAR
SLIDER_MAX = 2030
#: One colour per rule set (Okabe–Ito; none of them is a party colour's meaning).
RULE_COLOURS: dict[str, str] = {
    "old": plots.OKABE_ITO["orange"],
    "old_first_president": plots.OKABE_ITO["reddish_purple"],
    "new": plots.OKABE_ITO["bluish_green"],
}
_SHORT = {
    "old": "Old rule\n(5 years, max 2 in a row)",
    "old_first_president": "Old rule,\nFirst President exempt",
    "new": "New rule\n(one 7-year term)",
}
_FADED = 0.25


class TenureModel(ExplorerModel):
    """A start year and a rule set, and the longest tenure the rule allows.

    ``result`` is :func:`~kzlib.presidency.max_tenure` ``(start_year, rule,
    horizon=HORIZON)``; :meth:`tenures` lays out every rule set from the same year.
    """

    start_year = traitlets.Int(2022).tag(input=True)
    rule = traitlets.Unicode("new").tag(input=True)

    def __init__(self, rules: dict[str, TermRule], **inputs: Any) -> None:
        #: The rule sets offered, by name (read once, when the panel is built).
        self.rules = rules
        super().__init__(**inputs)

    def compute(self) -> list[Term]:
        return max_tenure(self.start_year, self.rules[self.rule], horizon=HORIZON)

    def tenures(self) -> dict[str, list[Term]]:
        """The longest tenure under every rule set, from the current start year."""
        return {name: max_tenure(self.start_year, rule, horizon=HORIZON)
                for name, rule in self.rules.items()}


def tenure_settings(explorer: Explorer) -> dict[str, object]:
    """The arguments of :func:`~kzlib.presidency.max_tenure` for the panel's
    current controls (``horizon`` included)."""
    c = explorer.controls
    return {"start_year": c["start_year"].value, "rule": c["rule"].value, "horizon": HORIZON}


def tenure_html(rule: TermRule, terms: list[Term]) -> str:
    """The numbers the panel shows for one rule and its terms, as HTML."""
    rows = "".join(
        f"<tr><td style='text-align:right'>{t.number}</td><td>{t.start}</td><td>{t.end}</td>"
        f"<td style='text-align:right'>{t.years}</td></tr>"
        for t in terms
    )
    if rule.limited:
        verdict = (f"Longest unbroken tenure: <b>{tenure_years(terms)} years</b> "
                   f"({len(terms)} term{'s' if len(terms) > 1 else ''}), "
                   f"from {terms[0].start} to <b>{terms[-1].end}</b>.")
    else:
        verdict = (f"<b>No limit</b>: the timeline stops after {HORIZON} years "
                   f"({len(terms)} terms shown, to {terms[-1].end}); the rule itself sets no end.")
    return (
        f"<p><b>{html.escape(rule.label)}</b> — applies to {html.escape(rule.applies_to)} "
        f"({html.escape(rule.period)}; {html.escape(rule.instrument)}).<br>{verdict}<br>"
        f"Assumes every term runs its full length and the same person wins every election the "
        f"rule allows. Source: <a href='{html.escape(rule.source)}' target='_blank'>"
        f"{html.escape(rule.source)}</a></p>"
        f"<table><tr><th>term</th><th>from</th><th>to</th><th>years</th></tr>{rows}</table>"
    )


class _TenureChart:
    """One row of term bars per rule set; the chosen rule in full colour, the others faded."""

    def __init__(self, rules: dict[str, TermRule]) -> None:
        self.rules = rules
        names = list(rules)
        most = max(len(max_tenure(SLIDER_MIN, r, horizon=HORIZON)) for r in rules.values())
        fig, (ax,) = plots.new_figure(9, 3.6)
        plots.finish(fig, "Longest possible time in office under each rule",
                     "data/presidential_term_rules.csv (IPU, Sputnik, East-West Stream); "
                     "timeline computed by kzlib")
        ax.set_xlim(SLIDER_MIN - 1, SLIDER_MAX + HORIZON + 15)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_yticks(range(len(names)), [_SHORT[n] for n in names])
        ax.invert_yaxis()
        ax.set_xlabel("Year")
        ax.set_ylabel("Rule set")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        self.rows = {name: row for row, name in enumerate(names)}
        self.bars: dict[str, list[Any]] = {}
        self.ends: dict[str, Any] = {}
        for name, row in self.rows.items():
            self.bars[name] = list(ax.barh([row] * most, [0] * most, left=[SLIDER_MIN] * most,
                                           height=0.55, color=RULE_COLOURS[name],
                                           edgecolor=plots.EDGE, linewidth=0.6))
            self.ends[name] = ax.text(SLIDER_MIN, row, "", va="center", ha="left", fontsize=9)
        # Lay the figure out once, then freeze it: re-running the constrained layout on
        # every move would cost more than the drawing itself.
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        self.view = BlitChartView(
            fig, lambda: [a for name in names for a in (*self.bars[name], self.ends[name])])
        self.widget = self.view.widget

    def update(self, start: int, chosen: TermRule, tenures: dict[str, list[Term]]) -> None:
        """Place every rule's terms, fade the rules not chosen, and set the alt text."""
        described = []
        for name, terms in tenures.items():
            rule = self.rules[name]
            alpha = 1.0 if name == chosen.name else _FADED
            for k, bar in enumerate(self.bars[name]):
                bar.set_visible(k < len(terms))
                if k < len(terms):
                    bar.set_x(terms[k].start)
                    bar.set_width(terms[k].years)
                    bar.set_alpha(alpha)
            last = terms[-1].end
            self.ends[name].set_position((last, self.rows[name]))
            self.ends[name].set_text(f" to {last}" if rule.limited else f" {last}+, no limit")
            self.ends[name].set_alpha(alpha)
            span = (f"{tenure_years(terms)} years to {last}" if rule.limited
                    else f"no limit (shown to {last})")
            described.append(f"{rule.label}: {len(terms)} term(s), {span}")
        self.view.refresh(f"Timeline from {start}, chosen rule: {chosen.label}. "
                          + "; ".join(described) + ".")


def build_tenure_explorer(start_year: int = 2022, rule: str = "new") -> Explorer:
    """Tenure explorer for notebook 02.

    Parameters
    ----------
    start_year
        Year of the first election shown first (:data:`SLIDER_MIN`–:data:`SLIDER_MAX`).
    rule
        Rule set shown first: ``"old"``, ``"old_first_president"`` or ``"new"``.

    Returns
    -------
    Explorer
        Controls ``start_year`` and ``rule``; ``result`` is the list of
        :class:`~kzlib.presidency.Term` returned by
        :func:`~kzlib.presidency.max_tenure` for those settings.

    Raises
    ------
    ValueError
        If ``start_year`` is outside the slider's range or ``rule`` is unknown.
    """
    rules = term_rules()
    check_choice(rule, "rule", rules)
    in_range = isinstance(start_year, int) and SLIDER_MIN <= start_year <= SLIDER_MAX
    if isinstance(start_year, bool) or not in_range:
        raise ValueError(
            f"start_year must be a year from {SLIDER_MIN} to {SLIDER_MAX}, got {start_year!r}"
        )
    controls = {
        "start_year": widgets.IntSlider(
            value=start_year, min=SLIDER_MIN, max=SLIDER_MAX, step=1,
            description="Year of the first election", continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="460px")),
        "rule": widgets.Dropdown(
            options=[(r.label, name) for name, r in rules.items()], value=rule,
            description="Rule set", style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls)
    model = TenureModel(rules, start_year=start_year, rule=rule)
    chart = _TenureChart(rules)

    def show(terms: list[Term]) -> None:
        chosen = rules[model.rule]
        chart.update(model.start_year, chosen, model.tenures())
        explorer.show_text(tenure_html(chosen, terms))

    explorer.bind(model, show)
    explorer.children = [controls["start_year"], controls["rule"], chart.widget]
    return explorer


# ------------------------------------------------------------------ era explorer

#: Range of the era explorer's start-year slider: from the 1995 Constitution.
ERA_SLIDER_MIN = ERA_FIRST_YEAR
ERA_SLIDER_MAX = 2030
#: Light background colours of the eras, oldest first.
_ERA_SHADES = ("#F2F2F2", "#FBE3C9", "#E3EEF7", "#DDF1EA")
_REAL_COLOUR = "#555555"


class EraTenureModel(ExplorerModel):
    """A first-election year (and whether the person is the First President), and the
    longest tenure under the rule in force that year.

    ``result`` is :func:`~kzlib.presidency.era_tenure` ``(start_year,
    first_president=..., horizon=HORIZON)``.
    """

    start_year = traitlets.Int(2019).tag(input=True)
    first_president = traitlets.Bool(False).tag(input=True)

    def compute(self) -> EraTenure:
        return era_tenure(self.start_year, first_president=self.first_president,
                          horizon=HORIZON)


def era_tenure_html(tenure: EraTenure) -> str:
    """The numbers the era panel shows, as HTML."""
    era = tenure.era
    rows = "".join(
        f"<tr><td style='text-align:right'>{t.number}</td><td>{t.start}</td><td>{t.end}</td></tr>"
        for t in tenure.terms)
    if tenure.limited:
        span = (f"Longest unbroken tenure under this rule: <b>{tenure.years} years</b>, "
                f"{tenure.start_year} to <b>{tenure.end}</b>.")
    else:
        span = (f"<b>No limit</b> under this rule: the terms are shown for {HORIZON} years only "
                f"(to {tenure.end}).")
    if tenure.changed_in is not None:
        span += (f" But the rule changed in <b>{tenure.changed_in}</b>: after that year this "
                 f"tenure is hypothetical (it assumes the rule had stayed).")
    who = " The First President's exemption applies." if tenure.first_president else ""
    return (
        f"<p>First election in {tenure.start_year}: the rule in force was "
        f"<b>{html.escape(era.label)}</b> ({era.years}; {html.escape(era.instrument)}).{who}<br>"
        f"{span}<br>Assumes every term runs its full length and the same person wins every "
        f"election the rule allows. Source: <a href='{html.escape(era.source)}' target='_blank'>"
        f"{html.escape(era.source)}</a></p>"
        f"<table><tr><th>term</th><th>from</th><th>to</th></tr>{rows}</table>")


class _EraChart:
    """The eras as background bands, the hypothetical tenure, and the real tenures."""

    def __init__(self, eras: dict[str, TermEra], real: tuple[RealTenure, ...]) -> None:
        fig, (ax,) = plots.new_figure(9, 3.4)
        right = ERA_SLIDER_MAX + HORIZON + 2
        ax.set_xlim(1988, right)
        people = list(dict.fromkeys(t.person for t in real))
        rows = ["Hypothetical tenure"] + [f"{p} (real)" for p in people]
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_yticks(range(len(rows)), rows)
        ax.invert_yaxis()
        for shade, era in zip(_ERA_SHADES, eras.values(), strict=False):
            end = era.to_year if era.to_year is not None else right
            ax.axvspan(era.from_year, end, color=shade, zorder=0)
            ax.text((era.from_year + min(end, 2045)) / 2, -0.62, era.name,
                    ha="center", va="top", fontsize=7)
        for t in real:
            row = 1 + people.index(t.person)
            if t.kind == "in office":
                ax.barh(row, t.to_year - t.from_year, left=t.from_year, height=0.45,
                        color=_REAL_COLOUR, edgecolor=plots.EDGE, linewidth=0.6)
            else:
                ax.plot(t.from_year + 0.5, row - 0.33, marker="v", color="black", markersize=6)
        ax.set_xlabel("Year (▼ an election in our data)")
        ax.set_ylabel("Tenure")
        ax.spines[["top", "right"]].set_visible(False)
        plots.finish(fig, "Presidential tenure under the rule in force, and in reality",
                     "data/presidential_term_eras.csv, data/presidential_tenures.csv "
                     "(RFE/RL, e-history.kz, Sputnik, IPU, CEC); timeline by kzlib")
        most = -(-HORIZON // min(e.rule.term_years for e in eras.values()))
        self.bars = list(ax.barh([0] * most, [0] * most, left=[1990] * most, height=0.5,
                                 color=plots.OKABE_ITO["bluish_green"], edgecolor=plots.EDGE,
                                 linewidth=0.6))
        self.end = ax.text(1990, 0, "", va="center", ha="left", fontsize=9)
        self.change = ax.axvline(1990, color=_FAIL_LINE, linestyle=":", linewidth=1.5)
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        self.view = BlitChartView(fig, lambda: [*self.bars, self.end, self.change])
        self.widget = self.view.widget

    def update(self, tenure: EraTenure) -> None:
        """Lay out the hypothetical terms; mark where the rule changed, if it did."""
        for k, bar in enumerate(self.bars):
            bar.set_visible(k < len(tenure.terms))
            if k < len(tenure.terms):
                term = tenure.terms[k]
                bar.set_x(term.start)
                bar.set_width(term.years)
                hypothetical = tenure.changed_in is not None and term.start >= tenure.changed_in
                bar.set_alpha(0.35 if hypothetical else 1.0)
        self.end.set_position((tenure.end, 0))
        self.end.set_text(f" to {tenure.end}" if tenure.limited else f" {tenure.end}+, no limit")
        self.change.set_visible(tenure.changed_in is not None)
        if tenure.changed_in is not None:
            self.change.set_xdata([tenure.changed_in, tenure.changed_in])
        changed = (f"; the rule changed in {tenure.changed_in}, so the terms after it are "
                   f"faded (hypothetical)" if tenure.changed_in is not None else "")
        self.view.refresh(
            f"Timeline from 1988: coloured bands for the rule eras; a hypothetical tenure from "
            f"{tenure.start_year} under the {tenure.era.name} rule, {len(tenure.terms)} term(s) "
            f"to {tenure.end}{changed}; grey bars for the real tenures of Nazarbayev "
            f"(1990-2019) and Tokayev (2019-2029).")


_FAIL_LINE = plots.OKABE_ITO["vermillion"]


def build_era_explorer(start_year: int = 2019, first_president: bool = False) -> Explorer:
    """Era tenure explorer for notebook 02: the rule of the year, on a real timeline.

    Parameters
    ----------
    start_year
        Year of the first election shown first (:data:`ERA_SLIDER_MIN` to
        :data:`ERA_SLIDER_MAX`).
    first_president
        Whether the tenure is the First President's shown first.

    Returns
    -------
    Explorer
        Controls ``start_year`` (slider) and ``first_president`` (checkbox);
        ``result`` is the :class:`~kzlib.presidency.EraTenure`.

    Raises
    ------
    TypeError, ValueError
        If ``start_year`` is outside the slider or ``first_president`` is not a bool.
    """
    check_range(start_year, "start_year", ERA_SLIDER_MIN, ERA_SLIDER_MAX)
    if not isinstance(start_year, int):
        raise TypeError(f"start_year must be a whole year, got {start_year!r}")
    check_choice(first_president, "first_president", (True, False))
    controls = {
        "start_year": widgets.IntSlider(
            value=start_year, min=ERA_SLIDER_MIN, max=ERA_SLIDER_MAX, step=1,
            description="Year of the first election", continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
        "first_president": widgets.Checkbox(
            value=first_president, description="the First President (his 2007 exemption)",
            indent=False),
    }
    explorer = Explorer(controls=controls)
    chart = _EraChart(term_eras(), real_tenures())

    def show(tenure: EraTenure) -> None:
        chart.update(tenure)
        explorer.show_text(era_tenure_html(tenure))

    explorer.bind(EraTenureModel(start_year=start_year, first_president=first_president), show)
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.children = [controls["start_year"], controls["first_president"], chart.widget]
    return explorer
