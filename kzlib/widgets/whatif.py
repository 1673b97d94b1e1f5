"""Notebook 10 widget: the what-if lab.

:func:`build_whatif_explorer` lets a student pick an election's votes (2007, 2021,
2023, or their own pasted ``party,votes`` lines), move vote share from one option
to another, and count the result under up to three rule sets side by side: the
2021 rules, the 2023 list tier, or custom seats/threshold/base/method. Every
number comes from :mod:`kzlib.compare.elections` and :mod:`kzlib.userdata`, called
by a :class:`WhatIfModel` the controls are linked to; a malformed paste shows a readable
message in ``explorer.error``. The lab speaks English, Kazakh or Russian (``lang``): its
labels, the rule sets' names, the panel's notes and messages and the chart; the party names
stay as in ``data/`` or as the student typed them.
"""

from __future__ import annotations

import functools
import html
import re
import textwrap
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.allocation import METHOD_LABELS
from kzlib.cases import MAZHILIS_LIST_YEARS, Election, mazhilis_election
from kzlib.compare.elections import (
    AGAINST_ALL,
    ERAS,
    era_rules,
    outcomes_table,
    replay_all,
    scenario_rules,
    shift_votes,
    split_against_all,
    summary_table,
    with_against_all,
)
from kzlib.i18n import format_number, translator
from kzlib.rules import RuleSet
from kzlib.thresholds import BASE_LABELS
from kzlib.userdata import format_votes_csv, parse_votes_csv
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer, ExplorerModel

__all__ = [
    "CUSTOM_METHODS",
    "MAX_PARTIES",
    "MAX_PASTE_CHARACTERS",
    "OWN",
    "SLOTS",
    "WhatIfModel",
    "build_whatif_explorer",
    "whatif_inputs",
]

#: Election dropdown value meaning "the votes pasted in the text box".
OWN = "own"
#: Most parties a pasted election may have: every party gets a bar in three panels, and
#: each move redraws them (1,001 parties took 6 s a move, freezing the kernel; 20 take
#: about 60 ms headless).
MAX_PARTIES = 20
#: Most characters the paste box reads (20 parties fit in far fewer).
MAX_PASTE_CHARACTERS = 20_000
#: The scenario slots, in display order.
SLOTS = ("A", "B", "C")
#: Methods offered for the custom rules (keys of :data:`kzlib.allocation.METHOD_LABELS`).
CUSTOM_METHODS = ("hare", "droop", "dhondt", "sainte-lague")
_OFF = "off"
_CUSTOM = "custom"

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: The rule sets' names (keys of ERAS) and the methods' short names, as shown.
_ERA_NAMES = {"2021 rules": _("2021 rules"), "2023 list tier": _("2023 list tier"),
              "2026 Kurultai": _("2026 Kurultai"), _CUSTOM: _("custom")}
_METHOD_NAMES = {"hare": _("hare"), "droop": _("droop"), "dhondt": _("dhondt"),
                 "sainte-lague": _("sainte-lague")}


@functools.lru_cache(maxsize=8)
def _election(year: int) -> Election:
    # Read once per session; callers never mutate the returned votes.
    return mazhilis_election(year)


@functools.lru_cache(maxsize=8)
def _pasted(text: str) -> Election:
    # Parsed once per text (choices and count both need it); never mutated.
    if len(text) > MAX_PASTE_CHARACTERS:
        raise ValueError(
            f"the box holds at most {MAX_PASTE_CHARACTERS:,} characters, and this text has "
            f"{len(text):,}: paste one line per party"
        )
    votes, against_all = parse_votes_csv(text)
    if len(votes) > MAX_PARTIES:
        raise ValueError(
            f"the lab shows at most {MAX_PARTIES} parties, and this election has "
            f"{len(votes):,}: add the smallest ones up into one row such as 'Others'"
        )
    return Election(name="your election", votes=votes, against_all=against_all)


def _rule_label(era: str, rule: RuleSet, gettext: Gettext = str, lang: str = "en") -> str:
    """``"2021 rules (98 seats, 7%)"``: the era's name and its rule set's own numbers."""
    _ = gettext
    method = f", {_(_METHOD_NAMES.get(rule.method, rule.method))}" if era == _CUSTOM else ""
    return _("{era} ({seats} seats, {pct}%{method})").format(
        era=_(_ERA_NAMES.get(era, era)), seats=rule.list_seats,
        pct=format_number(float(rule.threshold.percent), lang, "g"), method=method)


def _era_label(era: str, gettext: Gettext = str, lang: str = "en") -> str:
    if era == _CUSTOM:
        return gettext("custom (set below)")
    return _rule_label(era, era_rules(era), gettext, lang)


def _option_name(party: str, gettext: Gettext) -> str:
    # Party names stay as typed or as in data/; the 'against all' option is words.
    return gettext(AGAINST_ALL) if party == AGAINST_ALL else party


def _number_text(text: str, lang: str) -> str:
    # A number kzlib wrote in a message ("20,000", "3.8999"), as a Kazakh or Russian
    # reader writes it (format_number's convention).
    return text if lang == "en" else text.replace(",", "\u202f").replace(".", ",")


#: The groups of the plain messages' patterns that are numbers.
_NUMBERS = ("share", "points", "most", "count")


class WhatIfModel(ExplorerModel):
    """The what-if lab's state: one election's votes, a vote shift, up to three rule sets.

    ``result`` is a dict with ``votes``, ``against_all``, ``scenarios``
    (name -> RuleSet), ``failed`` (name -> message, for scenarios that cannot be
    counted; the others are still shown), ``outcomes`` and ``summary``
    (:func:`~kzlib.compare.elections.outcomes_table` /
    :func:`~kzlib.compare.elections.summary_table`); :attr:`choices` are the options
    the votes can move between. Editing :attr:`paste` switches :attr:`election` to
    ``"own"``; another election keeps the shift's parties where they still ran.
    ``lang`` (the first argument; ``"en"`` by default) is the language of the scenario
    names and of the panel's plain messages; the numbers are the same in every language.
    """

    plain_messages = (
        (r"^scenario '(?P<scenario>.+?)': ballots must be given when the threshold base is "
         r"'ballots'",
         _("Scenario {scenario} measures the threshold against all ballots received, and this "
           "election's number of ballots is not known: choose another base for it.")),
        (r"^scenario '(?P<scenario>.+?)': tie for the last (?:remainder |divisor )?seat: "
         r"(?P<parties>.+) are exactly level for (?P<seats>\d+) seat\(s\)",
         _("Scenario {scenario}: {parties} are exactly level for the last {seats} seat(s). The "
           "law gives such a seat to the list registered first, which these votes do not say: "
           "change one count a little.")),
        (r"^points must be at most (?P<share>[\d.]+) \(the share of '(?P<party>.+)', in per "
         r"cent\), got '(?P<points>[\d.]+)'",
         _("'{party}' has only {share}% of the vote to give, and the slider asks for {points} "
           "points: move the slider below {share}.")),
        (r"^to_party must differ from from_party, got '(?P<party>.+)' for both",
         _("Votes move from one option to another: '{party}' is chosen on both sides.")),
        (r"^the box holds at most (?P<most>[\d,]+) characters, and this text has "
         r"(?P<count>[\d,]+): paste one line per party$",
         _("the box holds at most {most} characters, and this text has {count}: paste one "
           "line per party")),
        (r"^the lab shows at most (?P<most>\d+) parties, and this election has "
         r"(?P<count>[\d,]+): add the smallest ones up into one row such as 'Others'$",
         _("the lab shows at most {most} parties, and this election has {count}: add the "
           "smallest ones up into one row such as 'Others'")),
        # The pasted text's mistakes (kzlib.userdata's messages), line by line.
        (r"^line (?P<line>\d+): votes must be a non-negative number, got (?P<got>.+)$",
         _("line {line}: votes must be a non-negative number, got {got}")),
        (r"^line (?P<line>\d+): votes must have at most (?P<most>\d+) digits before the "
         r"decimal point, got (?P<got>.+)$",
         _("line {line}: votes must have at most {most} digits before the decimal point, "
           "got {got}")),
        (r"^line (?P<line>\d+): unbalanced double quotes in (?P<got>.+)$",
         _("line {line}: unbalanced double quotes in {got}")),
        (r"^line (?P<line>\d+): expected 2 cells \(party,votes\), got (?P<cells>\d+) in "
         r"(?P<got>.+); write thousands separators as spaces \(3 431 510\) or quote the "
         r'number \("3,431,510"\)$',
         _("line {line}: expected 2 cells (party,votes), got {cells} in {got}; write "
           'thousands separators as spaces (3 431 510) or quote the number ("3,431,510")')),
        (r"^line (?P<line>\d+): expected 2 cells \(party,votes\), got (?P<cells>\d+) in "
         r"(?P<got>.+)$",
         _("line {line}: expected 2 cells (party,votes), got {cells} in {got}")),
        (r"^line (?P<line>\d+): the party name is empty in (?P<got>.+)$",
         _("line {line}: the party name is empty in {got}")),
        (r"^line (?P<line>\d+): (?P<got>.+) looks like the 'against all' option but is not "
         r"one of its names \(Against all, Против всех, Барлығына қарсы\); write it as one "
         r"of them, or rename the party if it really is a party$",
         _("line {line}: {got} looks like the 'against all' option but is not one of its "
           "names (Against all, Против всех, Барлығына қарсы); write it as one of them, or "
           "rename the party if it really is a party")),
        (r"^line (?P<line>\d+): 'Against all' appears twice \(first on line "
         r"(?P<first>\d+)\), got (?P<got>.+)$",
         _("line {line}: 'Against all' appears twice (first on line {first}), got {got}")),
        (r"^line (?P<line>\d+): party (?P<name>.+) appears twice \(first on line "
         r"(?P<first>\d+)\), got (?P<got>.+)$",
         _("line {line}: party {name} appears twice (first on line {first}), got {got}")),
        (r"^no party rows found: paste one line per party, e\.g\. 'Amanat,3431510'$",
         _("no party rows found: paste one line per party, e.g. 'Amanat,3431510'")),
        (r"^every party has 0 votes: at least one party needs votes$",
         _("every party has 0 votes: at least one party needs votes")),
    )

    def __init__(self, lang: str = "en", **inputs: Any) -> None:
        # Set before the first count: the scenario names and messages speak ``lang``.
        self.lang = lang
        self.gettext = translator(lang)
        # The panel's plain sentences in the model's language (an instance attribute).
        self.plain_messages = tuple(
            (pattern, self.gettext(sentence)) for pattern, sentence in type(self).plain_messages)
        super().__init__(**inputs)

    def plain(self, message: str) -> str:
        """``message`` in the panel's words and language (see :attr:`plain_messages`),
        else unchanged: the sentences name the pattern's groups as ``{placeholders}``."""
        for pattern, sentence in self.plain_messages:
            match = re.search(pattern, message)
            if match:
                shown = {
                    name: (_option_name(value, self.gettext) if name == "party"
                           else _number_text(value, self.lang) if name in _NUMBERS
                           else value)
                    for name, value in match.groupdict().items()
                }
                return sentence.format(**shown)
        return message

    election = traitlets.Any(2021).tag(input=True)
    paste = traitlets.Unicode("").tag(input=True)
    from_party = traitlets.Unicode().tag(input=True)
    to_party = traitlets.Unicode().tag(input=True)
    points = traitlets.Float(0.0).tag(input=True)
    scenario_a = traitlets.Unicode("2021 rules").tag(input=True)
    scenario_b = traitlets.Unicode("2023 list tier").tag(input=True)
    scenario_c = traitlets.Unicode(_CUSTOM).tag(input=True)
    custom_seats = traitlets.Int(98).tag(input=True)
    custom_threshold = traitlets.Float(5.0).tag(input=True)
    custom_base = traitlets.Unicode("votes_and_against_all").tag(input=True)
    custom_method = traitlets.Unicode("hare").tag(input=True)
    #: The parties (and 'Against all') of the chosen election, in table order.
    choices = traitlets.Tuple()

    @traitlets.default("paste")
    def _example(self) -> str:
        example = _election(2023)  # the box starts with the 2023 result as an example
        return format_votes_csv(example.votes, example.against_all)

    @traitlets.default("choices")
    def _first_choices(self) -> tuple[str, ...]:
        election = self.chosen_election()
        return tuple(with_against_all(election.votes, election.against_all))

    @traitlets.default("from_party")
    def _first_from(self) -> str:
        return self.choices[0]

    @traitlets.default("to_party")
    def _first_to(self) -> str:
        return self.choices[-1] if self.choices[-1] != self.from_party else self.choices[0]

    @traitlets.observe("election", "paste")
    def _new_votes(self, change: dict) -> None:
        if change["name"] == "paste" and self.election != OWN:
            self.election = OWN  # editing the box means "use my data"; that updates choices
            return
        try:
            election = self.chosen_election()
        except ValueError:
            return  # a malformed paste: the count reports it
        parties = tuple(with_against_all(election.votes, election.against_all))
        if parties == self.choices:
            return
        # New choices; keep the chosen parties when they still exist.
        with self.hold_trait_notifications():
            old_from, old_to = self.from_party, self.to_party
            self.choices = parties
            self.from_party = old_from if old_from in parties else parties[0]
            default_to = parties[-1] if parties[-1] != self.from_party else parties[0]
            self.to_party = old_to if old_to in parties else default_to

    def chosen_election(self) -> Election:
        """The election whose votes are counted (a year's, or the pasted one).

        Raises
        ------
        ValueError
            If the pasted text is malformed (the message names the line).
        """
        return _pasted(self.paste) if self.election == OWN else _election(self.election)

    def count_inputs(self) -> dict[str, Any]:
        """The arguments of the pure functions: see :func:`whatif_inputs`."""
        election = self.chosen_election()
        combined = with_against_all(election.votes, election.against_all)
        if self.points:
            combined = shift_votes(combined, self.from_party, self.to_party, f"{self.points:.2f}")
        votes, against_all = split_against_all(combined)
        custom = {
            "seats": self.custom_seats,
            "threshold": f"{self.custom_threshold:.2f}%",
            "base": self.custom_base,
            "method": self.custom_method,
        }
        scenarios: dict[str, RuleSet] = {}
        for slot in SLOTS:
            era = getattr(self, f"scenario_{slot.lower()}")
            if era == _OFF:
                continue
            rule = scenario_rules(custom) if era == _CUSTOM else era_rules(era)
            scenarios[f"{slot}: {_rule_label(era, rule, self.gettext, self.lang)}"] = rule
        if not scenarios:
            raise ValueError("scenarios: switch on at least one of A, B, C, got all off")
        return {
            "election": election,
            "votes": votes,
            "against_all": against_all,
            "ballots": election.ballots,
            "scenarios": scenarios,
        }

    def compute(self) -> dict[str, Any]:
        inputs = self.count_inputs()
        votes, against_all = inputs["votes"], inputs["against_all"]
        # One replay per scenario, shared by both tables. A scenario that cannot be
        # counted (a tie, a base this election lacks) is reported beside the others,
        # which are still shown; only when none can be counted is it the panel's error.
        results, failed = {}, {}
        for name, rule in inputs["scenarios"].items():
            try:
                results.update(
                    replay_all(votes, against_all, {name: rule}, ballots=inputs["ballots"])
                )
            except (ValueError, TypeError) as err:
                failed[name] = self.plain(str(err))
        if not results:
            raise ValueError(" ".join(failed.values()))
        return {
            "votes": votes,
            "against_all": against_all,
            "scenarios": inputs["scenarios"],
            "failed": failed,
            "outcomes": outcomes_table(results, against_all),
            "summary": summary_table(results, against_all),
        }


def whatif_inputs(explorer: Explorer) -> dict[str, Any]:
    """What the lab's controls describe, as arguments for the pure functions.

    Returns
    -------
    dict
        ``election`` (an :class:`~kzlib.cases.Election`), ``votes`` and
        ``against_all`` after the vote shift, ``ballots``, and ``scenarios``
        (name -> RuleSet, in slot order, switched-off slots left out).

    Raises
    ------
    ValueError
        If the pasted text is malformed or the shift is impossible (the message
        names the line or the argument).
    """
    model = explorer.model
    if not isinstance(model, WhatIfModel):
        raise TypeError(
            f"explorer must be built by build_whatif_explorer, "
            f"got one with a {type(model).__name__}"
        )
    return model.count_inputs()


def _seat_lookup(outcomes) -> dict[tuple[str, str], int]:
    # Plain dict look-ups: cheaper than pandas indexing on every slider move.
    return {
        (s, p): int(n)
        for s, p, n in zip(outcomes["scenario"], outcomes["party"], outcomes["seats"],
                           strict=True)
    }


def _table_html(outcomes, summary, failed: dict[str, str] | None = None,
                gettext: Gettext = str, lang: str = "en") -> str:
    _ = gettext
    seats = _seat_lookup(outcomes)
    pct = dict(zip(outcomes["party"], outcomes["vote_pct"], strict=True))
    names = list(summary["scenario"])
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    rows = "".join(
        f"<tr><td>{html.escape(_option_name(p, _))}</td>"
        f"<td style='text-align:right'>{format_number(pct[p], lang, '.2f')}%</td>"
        + "".join(
            f"<td style='text-align:right'>{'—' if p == AGAINST_ALL else seats[n, p]}</td>"
            for n in names
        )
        + "</tr>"
        for p in pct
    )
    facts = [
        (_("threshold (%)"), "threshold_pct", "g"),
        (_("lists with seats"), "lists_in", ""),
        (_("Gallagher index"), "gallagher", ".2f"),
        (_("effective number of parties (seats)"), "enp_seats", ".2f"),
        (_("votes for lists without a seat (%)"), "no_seat_pct", ".2f"),
        (_("'against all' (%: elected no one, wasted by no list)"), "against_all_pct", ".2f"),
    ]
    extra = "".join(
        f"<tr><td colspan='2'><i>{label}</i></td>"
        + "".join(f"<td style='text-align:right'>{format_number(v, lang, spec)}</td>"
                  for v in summary[key])
        + "</tr>"
        for label, key, spec in facts
    )
    notes = "".join(
        "<p role='status'>" + _("<b>{scenario}</b> cannot be counted: {reason}").format(
            scenario=html.escape(name), reason=html.escape(message)) + "</p>"
        for name, message in (failed or {}).items()
    )
    return (f"<table><tr><th>{_('party')}</th><th>{_('votes (%)')}</th>{head}</tr>{rows}"
            f"{extra}</table>{notes}")


#: Points per character of a party name at the names' font size (DejaVu Sans, 7.5 pt).
_NAME_FONT, _POINTS_PER_CHAR = 7.5, 4.6


def _name_places(ax: Any, parties: tuple[str, ...]) -> list[tuple[str, float]]:
    """Each party's name under its bar of ``ax``, wrapped to its room, and its drop (points).

    Names (also pasted ones: shown literally by :func:`kzlib.plots.party_label`) take
    at most two lines. When the bars are too close for that, every other name drops
    one row lower, so that each name has the room of two bars.
    """
    n = max(len(parties), 1)
    width_pt = ax.get_position().width * ax.figure.get_figwidth() * 72
    stagger = n > 4
    room = width_pt / n * (2 if stagger else 1) - 6  # points per name, with a gap
    chars = max(4, int(room / _POINTS_PER_CHAR))
    row = 2 * _NAME_FONT * 1.25  # two lines of text, in points
    return [
        (plots.party_label(p, width=chars, lines=2), -3 - (row if stagger and i % 2 else 0))
        for i, p in enumerate(parties)
    ]


class _WhatIfChart:
    """One bar panel of list seats per scenario: one figure, its artists updated in place."""

    def __init__(self, gettext: Gettext = str) -> None:
        _ = self._ = gettext
        fig, axes = plots.new_figure(11, 4.2, ncols=len(SLOTS))
        plots.finish(
            fig,
            _("One vote, several rule sets: list seats by party"),
            _("CEC results in data/mazhilis_list_results.csv or your pasted data; "
              "seats computed by kzlib"),
            label=_("Source"),
        )
        # Fixed positions (no layout pass on every move); room below for long names.
        fig.set_layout_engine("none")
        for i, ax in enumerate(axes):
            ax.set_position((0.05 + i * 0.33, 0.3, 0.28, 0.55))
            ax.set_xlabel(_("Party list"))
            ax.set_ylabel(_("List seats"))
            ax.spines[["top", "right"]].set_visible(False)
            # Party names are drawn as moving texts (see _draw_bars), not tick labels, so
            # that another election only redraws the bars and names, not the whole figure.
            ax.set_xticks([])
            ax.xaxis.set_label_coords(0.5, -0.36)  # below the longest (wrapped) names
        self.axes = axes
        self.parties: tuple[str, ...] | None = None
        self.key: tuple | None = None
        # One bar, value label and name per possible party, made once: another election
        # only recolours, moves and shows/hides them, so the picture stays on the fast
        # path of BlitChartView (creating bars and texts cost ~60 ms a move).
        self.bars = {ax: list(ax.bar(range(MAX_PARTIES), [0] * MAX_PARTIES, edgecolor=plots.EDGE,
                                     linewidth=0.5)) for ax in axes}
        self.labels = {
            ax: [ax.text(i, 0, "", ha="center", va="bottom", fontsize=8)
                 for i in range(MAX_PARTIES)]
            for ax in axes
        }
        self.names = {
            ax: [ax.annotate("", (i, 0), xycoords=ax.get_xaxis_transform(), xytext=(0, -3),
                             textcoords="offset points", ha="center", va="top",
                             fontsize=_NAME_FONT)
                 for i in range(MAX_PARTIES)]
            for ax in axes
        }
        # Why a scenario could not be counted, in its own panel (empty otherwise).
        self.notes = {ax: ax.text(0.5, 0.55, "", transform=ax.transAxes, ha="center",
                                  va="center", fontsize=9, color="#8B3A00") for ax in axes}
        self.view = BlitChartView(fig, self._moving)
        self.widget = self.view.widget

    def _moving(self) -> list:
        artists: list = []
        for ax in self.axes:
            if ax.get_visible():  # hidden bars and texts are skipped by the view
                artists += [*self.bars[ax], *self.labels[ax], ax.title, self.notes[ax]]
        return artists

    def _draw_bars(self, parties: tuple[str, ...]) -> None:
        # Another election: recolour, place and show as many bars and names as parties.
        n = len(parties)
        for ax in self.axes:
            places = _name_places(ax, parties)
            for i, (bar, label, name) in enumerate(
                zip(self.bars[ax], self.labels[ax], self.names[ax], strict=True)
            ):
                shown = i < n
                for artist in (bar, label, name):
                    artist.set_visible(shown)
                if shown:
                    bar.set_facecolor(plots.colour(parties[i]))
                    name.set_text(places[i][0])
                    name.xyann = (0, places[i][1])
            ax.set_xlim(-0.6, n - 0.4)
        self.parties = parties

    def update(self, result: dict[str, Any]) -> None:
        """Draw the lab's ``result`` and refresh the picture."""
        parties = tuple(result["votes"])
        if self.parties != parties:
            self._draw_bars(parties)
        names = list(result["scenarios"])
        top = max(rule.list_seats for rule in result["scenarios"].values())
        # The party names are drawn with the background (up to 60 texts that change
        # only with the parties): moves within one election redraw bars and numbers only.
        key = (len(names), top, parties)
        if self.key != key:
            # Panels shown, the seat scale or the parties changed: the whole figure is
            # redrawn, unless this layout was shown before (the view keeps a few).
            for i, ax in enumerate(self.axes):
                ax.set_visible(i < len(names))
                ax.set_ylim(0, top * 1.12)
            self.key = key
            self.view.invalidate(key)
        alt_parts = []
        _ = self._
        lookup = _seat_lookup(result["outcomes"])
        # Fewer scenarios than panels: the spare panels are hidden, not drawn.
        for ax, name in zip(self.axes, names, strict=False):
            failed = result["failed"].get(name)
            seats = {p: 0 if failed else lookup[name, p] for p in parties}
            for bar, label, party in zip(self.bars[ax], self.labels[ax], parties, strict=False):
                bar.set_height(seats[party])
                label.set_position((label.get_position()[0], seats[party]))
                label.set_text("" if failed else str(seats[party]))
            self.notes[ax].set_text(
                plots.literal(_("Cannot be counted:") + "\n" + textwrap.fill(failed, 42))
                if failed else ""
            )
            # A fixed y: matplotlib's automatic title placement misreads a title that
            # is hidden while the background is drawn (BlitChartView).
            ax.set_title(name, fontsize=10, y=1.02)
            alt_parts.append(
                _("{scenario}: cannot be counted ({reason})").format(scenario=name, reason=failed)
                if failed
                else f"{name}: " + ", ".join(f"{p} {n}" for p, n in seats.items() if n)
            )
        self.view.refresh(
            _("Bar charts of list seats by party under each scenario.") + " "
            + "; ".join(alt_parts) + "."
        )


def _controls(model: WhatIfModel) -> dict[str, widgets.Widget]:
    """The lab's controls, each showing the model's value of the same name."""
    _, lang = model.gettext, model.lang
    style = {"style": LABEL_STYLE}
    slider = {"min": 0, "step": 0.1, "readout_format": ".1f", "continuous_update": False,
              "layout": widgets.Layout(width="420px"), **style}
    eras = [(_era_label(e, _, lang), e) for e in ERAS]

    def dropdown(options: list, name: str, description: str, **kwargs: Any) -> widgets.Dropdown:
        return widgets.Dropdown(options=options, value=getattr(model, name),
                                description=description, **style, **kwargs)

    return {
        "election": dropdown(
            [(str(y), y) for y in MAZHILIS_LIST_YEARS] + [(_("your own (paste below)"), OWN)],
            "election", _("Votes of the election")),
        "paste": widgets.Textarea(
            value=model.paste, description=_("Your election (party,votes lines)"),
            continuous_update=False, rows=8, layout=widgets.Layout(width="460px"), **style),
        "from_party": dropdown(_options(model.choices, _), "from_party", _("Move votes from")),
        "to_party": dropdown(_options(model.choices, _), "to_party", _("to", "move votes")),
        "points": widgets.FloatSlider(
            value=model.points, max=20, description=_("Percentage points moved"), **slider),
        "scenario_a": dropdown(eras, "scenario_a", _("Scenario {slot}").format(slot="A")),
        "scenario_b": dropdown(eras, "scenario_b", _("Scenario {slot}").format(slot="B")),
        "scenario_c": dropdown(eras + [(_("off"), _OFF)], "scenario_c",
                               _("Scenario {slot}").format(slot="C")),
        "custom_seats": widgets.BoundedIntText(
            value=model.custom_seats, min=1, max=300, description=_("Custom: list seats"),
            layout=widgets.Layout(width="220px"), **style),
        "custom_threshold": widgets.FloatSlider(
            value=model.custom_threshold, max=10, description=_("Custom: threshold (%)"),
            **slider),
        "custom_base": dropdown([(_(label), key) for key, label in BASE_LABELS.items()],
                                "custom_base", _("Custom: threshold is a share of"),
                                layout=widgets.Layout(width="440px")),
        "custom_method": dropdown([(_(METHOD_LABELS[m]), m) for m in CUSTOM_METHODS],
                                  "custom_method", _("Custom: method"),
                                  layout=widgets.Layout(width="420px")),
    }


def _options(choices: tuple[str, ...], gettext: Gettext) -> list[tuple[str, str]]:
    # (label, value) pairs: the 'against all' option is shown in the panel's language.
    return [(_option_name(choice, gettext), choice) for choice in choices]


def build_whatif_explorer(year: int | str = 2021, lang: str = "en") -> Explorer:
    """The what-if lab of notebook 10.

    Parameters
    ----------
    year
        Election shown first: 2007, 2012, 2016, 2021, 2023 or ``"own"`` (the pasted text box,
        pre-filled with the 2023 result as an example).
    lang
        Language of the labels, panel text, scenario names, messages and chart: ``"en"``,
        ``"kk"`` (Kazakh) or ``"ru"`` (Russian), from the catalogues of
        :mod:`kzlib.i18n`. Party names stay as in ``data/`` or as pasted; only the
        numbers' display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``election``, ``paste`` (Textarea), ``from_party``, ``to_party``,
        ``points`` (percentage points of party votes + 'against all'),
        ``scenario_a`` / ``scenario_b`` / ``scenario_c`` (an era from
        :data:`~kzlib.compare.elections.ERAS`, C may be ``"off"``), and the custom
        rules ``custom_seats``, ``custom_threshold`` (per cent), ``custom_base``,
        ``custom_method``, linked to a :class:`WhatIfModel`. ``result`` is a dict with
        ``votes``, ``against_all``, ``scenarios`` (name -> RuleSet), ``outcomes``
        (:func:`~kzlib.compare.elections.compare_outcomes`) and ``summary``
        (:func:`~kzlib.compare.elections.compare_summary`); the scenario names are in
        ``lang``.

    Raises
    ------
    ValueError
        If ``year`` is not offered or ``lang`` is not a language of the collection.
    """
    _ = translator(lang)
    if year not in (*MAZHILIS_LIST_YEARS, OWN):
        years = ", ".join(map(str, MAZHILIS_LIST_YEARS))
        raise ValueError(f"year must be {years} or 'own', got {year!r}")
    model = WhatIfModel(lang, election=year)
    controls = _controls(model)
    explorer = Explorer(controls=controls, lang=lang)
    chart = _WhatIfChart(_)

    def show_table(result: dict[str, Any]) -> None:
        explorer.show_text(_table_html(result["outcomes"], result["summary"], result["failed"],
                                       _, lang))

    def show(result: dict[str, Any]) -> None:
        # The numbers first: they reach the page while the chart is being drawn.
        show_table(result)
        chart.update(result)

    def new_choices(change: dict) -> None:
        # New options reset a dropdown to its first one: put the model's choice back,
        # and count once, when both are set.
        chosen = model.from_party, model.to_party
        with model.hold_trait_notifications():
            options = _options(change["new"], _)
            controls["from_party"].options = controls["to_party"].options = options
            model.from_party, model.to_party = chosen

    def on_error(change: dict) -> None:
        # A table next to the message would show numbers for other settings. When it
        # goes, show the table again: settings counted before get no new result.
        if change["new"]:
            explorer.show_text("")
        elif model.result is not None:
            show_table(model.result)

    model.observe(new_choices, names="choices")
    model.observe(on_error, names="error")
    explorer.bind(model, show)
    explorer.children = [
        widgets.HTML(_("<b>1 · Votes</b>")),
        controls["election"],
        controls["paste"],
        widgets.HTML(
            _("<b>2 · What if voters had moved?</b> (points of party votes + 'against all')")
        ),
        widgets.HBox([controls["from_party"], controls["to_party"]]),
        controls["points"],
        widgets.HTML(_("<b>3 · Rules to compare</b>")),
        widgets.HBox([controls["scenario_a"], controls["scenario_b"], controls["scenario_c"]]),
        widgets.HBox([controls["custom_seats"], controls["custom_threshold"]]),
        widgets.HBox([controls["custom_base"], controls["custom_method"]]),
        chart.widget,
    ]
    return explorer
