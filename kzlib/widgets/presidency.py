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

Both explorers take ``lang`` (``"en"``, ``"kk"``, ``"ru"``): labels, panel text and
chart text, including the rule and era texts read from ``data/`` and the presidents'
names, come from the catalogues of :mod:`kzlib.i18n`; the years never change.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.i18n import translator
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


Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


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
    "old": _("Old rule\n(5 years, max 2 in a row)"),
    "old_first_president": _("Old rule,\nFirst President exempt"),
    "new": _("New rule\n(one 7-year term)"),
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


def _assumption(source: str, gettext: Gettext) -> str:
    # The model's assumption and the rule's source, under both panels.
    return (gettext("Assumes every term runs its full length and the same person wins every "
                    "election the rule allows.")
            + " " + gettext("Source") + f": <a href='{html.escape(source)}' target='_blank'>"
            f"{html.escape(source)}</a>")


def _ends(limited: bool, last: int, gettext: Gettext) -> str:
    # The words at the end of a tenure's bars.
    return " " + (gettext("to {year}") if limited else gettext("{year}+, no limit")).format(
        year=last)


def tenure_html(rule: TermRule, terms: list[Term], gettext: Gettext = str) -> str:
    """The numbers the panel shows for one rule and its terms, as HTML (``gettext``:
    the ``_`` of the panel's language)."""
    _ = gettext
    rows = "".join(
        f"<tr><td style='text-align:right'>{t.number}</td><td>{t.start}</td><td>{t.end}</td>"
        f"<td style='text-align:right'>{t.years}</td></tr>"
        for t in terms
    )
    if rule.limited:
        verdict = (_("Longest unbroken tenure: <b>{years} years</b> ({terms} terms), from "
                     "{start} to <b>{end}</b>.") if len(terms) > 1 else
                   _("Longest unbroken tenure: <b>{years} years</b> ({terms} term), from "
                     "{start} to <b>{end}</b>.")).format(
            years=tenure_years(terms), terms=len(terms), start=terms[0].start, end=terms[-1].end)
    else:
        verdict = _("<b>No limit</b>: the timeline stops after {horizon} years ({terms} terms "
                    "shown, to {end}); the rule itself sets no end.").format(
            horizon=HORIZON, terms=len(terms), end=terms[-1].end)
    return (
        "<p>" + _("<b>{rule}</b> — applies to {who} ({period}; {instrument}).").format(
            rule=html.escape(_(rule.label)), who=html.escape(_(rule.applies_to)),
            period=html.escape(_(rule.period)), instrument=html.escape(_(rule.instrument)))
        + f"<br>{verdict}<br>{_assumption(rule.source, _)}</p>"
        f"<table><tr><th>{_('term')}</th><th>{_('from')}</th><th>{_('to')}</th>"
        f"<th>{_('years')}</th></tr>{rows}</table>"
    )


class _TenureChart:
    """One row of term bars per rule set; the chosen rule in full colour, the others faded."""

    def __init__(self, rules: dict[str, TermRule], gettext: Gettext = str) -> None:
        _ = self._ = gettext
        self.rules = rules
        names = list(rules)
        most = max(len(max_tenure(SLIDER_MIN, r, horizon=HORIZON)) for r in rules.values())
        fig, (ax,) = plots.new_figure(9, 3.6)
        plots.finish(fig, _("Longest possible time in office under each rule"),
                     _("data/presidential_term_rules.csv (IPU, Sputnik, East-West Stream); "
                       "timeline computed by kzlib"), label=_("Source"))
        ax.set_xlim(SLIDER_MIN - 1, SLIDER_MAX + HORIZON + 15)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.set_yticks(range(len(names)), [_(_SHORT[n]) for n in names])
        ax.invert_yaxis()
        ax.set_xlabel(_("Year"))
        ax.set_ylabel(_("Rule set"))
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
        _ = self._
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
            self.ends[name].set_text(_ends(rule.limited, last, _))
            self.ends[name].set_alpha(alpha)
            span = (_("{years} years to {end}").format(years=tenure_years(terms), end=last)
                    if rule.limited else _("no limit (shown to {end})").format(end=last))
            described.append(_("{rule}: {terms} term(s), {span}").format(
                rule=_(rule.label), terms=len(terms), span=span))
        self.view.refresh(_("Timeline from {start}, chosen rule: {rule}.").format(
            start=start, rule=_(chosen.label)) + " " + "; ".join(described) + ".")


def build_tenure_explorer(start_year: int = 2022, rule: str = "new",
                          lang: str = "en") -> Explorer:
    """Tenure explorer for notebook 02.

    Parameters
    ----------
    start_year
        Year of the first election shown first (:data:`SLIDER_MIN`–:data:`SLIDER_MAX`).
    rule
        Rule set shown first: ``"old"``, ``"old_first_president"`` or ``"new"``.
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`.

    Returns
    -------
    Explorer
        Controls ``start_year`` and ``rule``; ``result`` is the list of
        :class:`~kzlib.presidency.Term` returned by
        :func:`~kzlib.presidency.max_tenure` for those settings.

    Raises
    ------
    ValueError
        If ``start_year`` is outside the slider's range, ``rule`` is unknown or ``lang``
        is not a language of the collection.
    """
    _ = translator(lang)
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
            description=_("Year of the first election"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
        "rule": widgets.Dropdown(
            options=[(_(r.label), name) for name, r in rules.items()], value=rule,
            description=_("Rule set"), style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = TenureModel(rules, start_year=start_year, rule=rule)
    chart = _TenureChart(rules, _)

    def show(terms: list[Term]) -> None:
        chosen = rules[model.rule]
        chart.update(model.start_year, chosen, model.tenures())
        explorer.show_text(tenure_html(chosen, terms, _))

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


def _era_years(era: TermEra, gettext: Gettext) -> str:
    # TermEra.years in the panel's language ("1998-2007", "from 2022").
    if era.to_year is None:
        return gettext("from {year}").format(year=era.from_year)
    return f"{era.from_year}-{era.to_year}"


def era_tenure_html(tenure: EraTenure, gettext: Gettext = str) -> str:
    """The numbers the era panel shows, as HTML (``gettext``: the ``_`` of the panel's
    language)."""
    _ = gettext
    era = tenure.era
    rows = "".join(
        f"<tr><td style='text-align:right'>{t.number}</td><td>{t.start}</td><td>{t.end}</td></tr>"
        for t in tenure.terms)
    if tenure.limited:
        span = _("Longest unbroken tenure under this rule: <b>{years} years</b>, {start} to "
                 "<b>{end}</b>.").format(years=tenure.years, start=tenure.start_year,
                                         end=tenure.end)
    else:
        span = _("<b>No limit</b> under this rule: the terms are shown for {horizon} years only "
                 "(to {end}).").format(horizon=HORIZON, end=tenure.end)
    if tenure.changed_in is not None:
        span += " " + _("But the rule changed in <b>{year}</b>: after that year this tenure is "
                        "hypothetical (it assumes the rule had stayed).").format(
            year=tenure.changed_in)
    who = (" " + _("The First President's exemption applies.")) if tenure.first_president else ""
    return (
        "<p>" + _("First election in {year}: the rule in force was <b>{rule}</b> ({years}; "
                  "{instrument}).").format(
            year=tenure.start_year, rule=html.escape(_(era.label)),
            years=_era_years(era, _), instrument=html.escape(_(era.instrument)))
        + f"{who}<br>{span}<br>{_assumption(era.source, _)}</p>"
        f"<table><tr><th>{_('term')}</th><th>{_('from')}</th><th>{_('to')}</th></tr>{rows}</table>")


class _EraChart:
    """The eras as background bands, the hypothetical tenure, and the real tenures."""

    def __init__(self, eras: dict[str, TermEra], real: tuple[RealTenure, ...],
                 gettext: Gettext = str) -> None:
        _ = self._ = gettext
        fig, (ax,) = plots.new_figure(9, 3.4)
        right = ERA_SLIDER_MAX + HORIZON + 2
        ax.set_xlim(1988, right)
        people = list(dict.fromkeys(t.person for t in real))
        rows = [_("Hypothetical tenure")] + [_("{person} (real)").format(person=_(p))
                                             for p in people]
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
        ax.set_xlabel(_("Year (▼ an election in our data)"))
        ax.set_ylabel(_("Tenure"))
        ax.spines[["top", "right"]].set_visible(False)
        plots.finish(fig, _("Presidential tenure under the rule in force, and in reality"),
                     _("data/presidential_term_eras.csv, data/presidential_tenures.csv "
                       "(RFE/RL, e-history.kz, Sputnik, IPU, CEC); timeline by kzlib"),
                     label=_("Source"))
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
        _ = self._
        for k, bar in enumerate(self.bars):
            bar.set_visible(k < len(tenure.terms))
            if k < len(tenure.terms):
                term = tenure.terms[k]
                bar.set_x(term.start)
                bar.set_width(term.years)
                hypothetical = tenure.changed_in is not None and term.start >= tenure.changed_in
                bar.set_alpha(0.35 if hypothetical else 1.0)
        self.end.set_position((tenure.end, 0))
        self.end.set_text(_ends(tenure.limited, tenure.end, _))
        self.change.set_visible(tenure.changed_in is not None)
        if tenure.changed_in is not None:
            self.change.set_xdata([tenure.changed_in, tenure.changed_in])
        changed = (_("; the rule changed in {year}, so the terms after it are faded "
                     "(hypothetical)").format(year=tenure.changed_in)
                   if tenure.changed_in is not None else "")
        self.view.refresh(
            _("Timeline from 1988: coloured bands for the rule eras; a hypothetical tenure from "
              "{start} under the {era} rule, {terms} term(s) to {end}{changed}; grey bars for "
              "the real tenures of Nazarbayev (1990-2019) and Tokayev (2019-2029).").format(
                start=tenure.start_year, era=tenure.era.name, terms=len(tenure.terms),
                end=tenure.end, changed=changed))


_FAIL_LINE = plots.OKABE_ITO["vermillion"]


def build_era_explorer(start_year: int = 2019, first_president: bool = False,
                       lang: str = "en") -> Explorer:
    """Era tenure explorer for notebook 02: the rule of the year, on a real timeline.

    Parameters
    ----------
    start_year
        Year of the first election shown first (:data:`ERA_SLIDER_MIN` to
        :data:`ERA_SLIDER_MAX`).
    first_president
        Whether the tenure is the First President's shown first.
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`.

    Returns
    -------
    Explorer
        Controls ``start_year`` (slider) and ``first_president`` (checkbox);
        ``result`` is the :class:`~kzlib.presidency.EraTenure`.

    Raises
    ------
    TypeError, ValueError
        If ``start_year`` is outside the slider, ``first_president`` is not a bool or
        ``lang`` is not a language of the collection.
    """
    _ = translator(lang)
    check_range(start_year, "start_year", ERA_SLIDER_MIN, ERA_SLIDER_MAX)
    if not isinstance(start_year, int):
        raise TypeError(f"start_year must be a whole year, got {start_year!r}")
    check_choice(first_president, "first_president", (True, False))
    controls = {
        "start_year": widgets.IntSlider(
            value=start_year, min=ERA_SLIDER_MIN, max=ERA_SLIDER_MAX, step=1,
            description=_("Year of the first election"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
        "first_president": widgets.Checkbox(
            value=first_president, description=_("the First President (his 2007 exemption)"),
            indent=False),
    }
    explorer = Explorer(controls=controls, lang=lang)
    chart = _EraChart(term_eras(), real_tenures(), _)

    def show(tenure: EraTenure) -> None:
        chart.update(tenure)
        explorer.show_text(era_tenure_html(tenure, _))

    explorer.bind(EraTenureModel(start_year=start_year, first_president=first_president), show)
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.children = [controls["start_year"], controls["first_president"], chart.widget]
    return explorer
