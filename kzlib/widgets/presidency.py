"""Notebook 02 widget and chart: how long can one person stay president?

:func:`build_tenure_explorer` wires two controls (the year of the first election
and a rule set) to :func:`kzlib.presidency.max_tenure` and draws the longest
unbroken tenure under every rule set on one timeline, the chosen rule in full
colour and the others faded (one figure, updated in place). The panel is a
:class:`TenureModel` (start year and rule, and the terms) linked to the controls;
the view only draws. The notebook's static chart of the 2019 and 2022 results is
:func:`kzlib.charts.results_chart`.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.presidency import (
    FIRST_YEAR,
    Term,
    TermRule,
    max_tenure,
    tenure_years,
    term_rules,
)
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
)

__all__ = [
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
