"""Who chooses the akim (head of local administration) at each level, and when.

Kazakhstan has three levels of akims below the President:

* ``"region"`` — the akim of a region (oblast) or of a city of republican
  significance (Astana, Almaty, Shymkent);
* ``"district"`` — the akim of a district or of a city of regional significance;
* ``"rural"`` — the akim of a rural district, village, settlement or city of
  district significance.

``data/akim_selection.csv`` records, for each level, the periods in which the akim
was appointed, elected indirectly by maslikhat (local council) deputies, elected
directly in pilot units only, or elected directly by residents; every row has its
source. :func:`selection` looks up one level on one day (or at the end of one
year) and returns a frozen :class:`Selection`. The rules change on these days:

* rural akims: elected by district maslikhat deputies from August 2013, directly
  by residents from 25 July 2021 (an experiment in one village in 1999 is not
  modelled);
* district akims: 45 pilot direct elections on 5 November 2023, direct elections
  in force from 2025 (the exact day is not in the sources, so ``2025-01-01``);

"Direct" is the rule, not a switch: each post gets its first direct election when
its incumbent's term ends, so the elected share grows year by year (730 of about
2,345 rural posts in July 2021). :func:`phase_in` models that share and
:func:`rollout_points` reads the reported counts of ``data/akim_rollout.csv``.
* regional akims: appointed by the President throughout; since 8 June 2022 the
  maslikhat deputies choose between at least two candidates he proposes.

:func:`winner_shares` turns the 2021 rural akim results (winners by party) into
shares of all akims elected; the Wikipedia infobox's own percentages are
misaligned, so the shares are computed here and are DERIVED.

Examples
--------
>>> selection("rural", 2020).how_chosen
'indirect'
>>> selection("rural", 2021).how_chosen
'direct'
>>> selection("district", 2023).how_chosen
'pilot'
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise
from typing import TYPE_CHECKING

from kzlib import _dates, data, indices

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FIRST_DAY",
    "HOW_CHOSEN",
    "LAST_DAY",
    "LEVELS",
    "ROLLOUT_LEVELS",
    "ROLLOUT_START",
    "Rollout",
    "RolloutPoint",
    "Selection",
    "SelectionRule",
    "as_date",
    "phase_in",
    "rollout",
    "rollout_points",
    "rollout_table",
    "rural_winners_table",
    "selection",
    "selection_rules",
    "selection_table",
    "winner_shares",
]

#: The levels, from the top down.
LEVELS: tuple[str, ...] = ("region", "district", "rural")
#: How an akim is chosen, from the least to the most direct.
HOW_CHOSEN: dict[str, str] = {
    "appointed": "appointed",
    "indirect": "elected by maslikhat deputies",
    "pilot": "directly elected in pilot units only",
    "direct": "directly elected by residents",
}
#: First and last day :func:`selection` answers for: the data start with the rules
#: in force in 2010 (the oldest rule of each level has no recorded start) and end
#: with the sources found, in 2025.
FIRST_DAY = datetime.date(2010, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)


def as_date(when: object, name: str = "year") -> datetime.date:
    """Turn a year or a date into the day looked up.

    A year stands for **31 December** of that year, the rule in force at the end of
    the year (so 2021 gives the direct election of rural akims, in force from 25 July).

    The checks are :func:`kzlib._dates.as_date`'s, with the days this module's data
    cover (:data:`FIRST_DAY` … :data:`LAST_DAY`).

    ``when`` is a ``datetime.date`` (a ``datetime.datetime`` gives its date) or a year as
    an ``int``; ``name`` is the argument's name in error messages. Raises ``TypeError``
    for anything else and ``ValueError`` outside :data:`FIRST_DAY` … :data:`LAST_DAY`.

    Examples
    --------
    >>> as_date(2021)
    datetime.date(2021, 12, 31)
    """
    return _dates.as_date(when, name, FIRST_DAY, LAST_DAY)


@dataclass(frozen=True)
class SelectionRule:
    """One row of ``akim_selection.csv``: how one level's akim is chosen in one period.

    ``valid_to`` is the first day of the next rule; ``None`` means not recorded
    (for ``valid_from``) or still in force (for ``valid_to``). ``date_precision``
    is ``"day"`` or ``"year"`` (``valid_from`` = 1 January stands for the year).
    """

    level: str
    level_name: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    date_precision: str
    how_chosen: str
    chosen_by: str
    detail: str
    status: str
    source: str

    def applies_on(self, day: datetime.date) -> bool:
        """True if the rule was in force on ``day`` (``valid_to`` is excluded)."""
        after_start = self.valid_from is None or self.valid_from <= day
        before_end = self.valid_to is None or day < self.valid_to
        return after_start and before_end


@dataclass(frozen=True)
class Selection:
    """How the akim of ``level`` was chosen on ``on``: the rule found, and the day.

    Attributes
    ----------
    level
        ``"region"``, ``"district"`` or ``"rural"``.
    on
        The day looked up (a year stands for its 31 December).
    rule
        The :class:`SelectionRule` in force that day.
    """

    level: str
    on: datetime.date
    rule: SelectionRule

    @property
    def how_chosen(self) -> str:
        """``"appointed"``, ``"indirect"``, ``"pilot"`` or ``"direct"``."""
        return self.rule.how_chosen

    @property
    def chosen_by(self) -> str:
        """Who chooses, in words."""
        return self.rule.chosen_by

    @property
    def directly_elected(self) -> bool:
        """True where the law gives every post of the level a direct election (each post
        switches when its incumbent's term ends; see :func:`phase_in`)."""
        return self.rule.how_chosen == "direct"

    @property
    def since(self) -> datetime.date | None:
        """First day of the rule (``None`` if not recorded)."""
        return self.rule.valid_from


def _date_or_none(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _rules_from_rows(rows: Sequence[Mapping[str, str]]) -> tuple[SelectionRule, ...]:
    rules = [
        SelectionRule(
            level=r["level"],
            level_name=r["level_name"],
            valid_from=_date_or_none(r["valid_from"]),
            valid_to=_date_or_none(r["valid_to"]),
            date_precision=r["date_precision"],
            how_chosen=r["how_chosen"],
            chosen_by=r["chosen_by"],
            detail=r["detail"],
            status=r["status"],
            source=r["source"],
        )
        for r in rows
    ]
    for level in LEVELS:
        own = sorted((r for r in rules if r.level == level),
                     key=lambda r: r.valid_from or datetime.date.min)
        if not own:
            raise ValueError(f"akim_selection: no rows for level {level!r}")
        if own[0].valid_from is not None and own[0].valid_from > FIRST_DAY:
            raise ValueError(f"akim_selection: level {level!r} starts only on {own[0].valid_from}")
        if own[-1].valid_to is not None and own[-1].valid_to <= LAST_DAY:
            raise ValueError(f"akim_selection: level {level!r} ends on {own[-1].valid_to}")
        for earlier, later in pairwise(own):
            if earlier.valid_to != later.valid_from:
                raise ValueError(
                    f"akim_selection: level {level!r} has a gap or overlap between "
                    f"{earlier.valid_to} and {later.valid_from}"
                )
    unknown = sorted({r.level for r in rules} - set(LEVELS))
    if unknown:
        raise ValueError(f"akim_selection: unknown level(s) {', '.join(unknown)}")
    return tuple(rules)


@functools.lru_cache(maxsize=1)
def _default_rules() -> tuple[SelectionRule, ...]:
    return _rules_from_rows(data.read_rows("akim_selection"))


def selection_rules(rows: Sequence[Mapping[str, str]] | None = None) -> tuple[SelectionRule, ...]:
    """Every rule of ``akim_selection.csv`` (or of ``rows`` shaped like it).

    Raises
    ------
    ValueError
        If a level is missing, its periods leave a gap or overlap, or they do not
        cover :data:`FIRST_DAY` … :data:`LAST_DAY`.
    """
    if rows is None:
        return _default_rules()
    return _rules_from_rows(rows)


def selection(
    level: str, year: int | datetime.date, rules: Sequence[SelectionRule] | None = None
) -> Selection:
    """How the akim of a level was chosen in a year (or on a day).

    Parameters
    ----------
    level
        ``"region"`` (region or city of republican significance), ``"district"``
        (district or city of regional significance) or ``"rural"`` (rural district,
        village, settlement or city of district significance).
    year
        A year from 2010 to 2025, meaning 31 December of that year, or a date.
    rules
        The rules to look in; by default :func:`selection_rules`.

    Returns
    -------
    Selection
        The level, the day and the rule in force that day (with its source).

    Raises
    ------
    TypeError
        If ``level`` is not a string or ``year`` is neither a year nor a date.
    ValueError
        If ``level`` is not one of :data:`LEVELS`, or the day is outside 2010–2025.

    Examples
    --------
    >>> selection("region", datetime.date(2022, 6, 7)).chosen_by.startswith("the President, with")
    True
    >>> selection("district", 2025).directly_elected
    True
    """
    if not isinstance(level, str):
        raise TypeError(f"level must be a string, got {level!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(map(repr, LEVELS))}, got {level!r}")
    day = as_date(year)
    for rule in rules if rules is not None else selection_rules():
        if rule.level == level and rule.applies_on(day):
            return Selection(level=level, on=day, rule=rule)
    raise ValueError(f"year: no rule for level {level!r} on {day.isoformat()}")


def _since_text(rule: SelectionRule) -> str:
    if rule.valid_from is None:
        return "not recorded"
    if rule.date_precision == "year":
        return str(rule.valid_from.year)
    return rule.valid_from.isoformat()


def selection_table(year: int | datetime.date) -> pd.DataFrame:
    """All three levels in one year (or on one day): how chosen, by whom, since when."""
    import pandas as pd

    found = [selection(level, year) for level in LEVELS]
    return pd.DataFrame(
        {
            "level": [s.rule.level_name for s in found],
            "how chosen": [HOW_CHOSEN[s.how_chosen] for s in found],
            "chosen by": [s.chosen_by for s in found],
            "since": [_since_text(s.rule) for s in found],
        }
    )


def winner_shares(akims: Mapping[str, int]) -> dict[str, Fraction]:
    """Each party's share, in per cent, of all akims elected (exact).

    ``share_i = 100 * akims_i / sum(akims)``. Pass every row, including winners whose
    affiliation is not stated, so that the shares add up to exactly 100.

    Raises
    ------
    TypeError, ValueError
        If ``akims`` is not a mapping of non-negative numbers with a positive total
        (see :func:`kzlib.indices.shares`).

    Examples
    --------
    >>> winner_shares({"A": 3, "B": 1})
    {'A': Fraction(75, 1), 'B': Fraction(25, 1)}
    """
    return {party: 100 * share for party, share in indices.shares(akims, "akims").items()}


def rural_winners_table() -> pd.DataFrame:
    """The 25 July 2021 rural akim winners by party, with DERIVED shares.

    Returns
    -------
    pandas.DataFrame
        Columns ``party``, ``akims`` (as in ``rural_akims_2021.csv``),
        ``share_pct_derived`` (share of all akims elected, 2 decimals, computed by
        :func:`winner_shares`) and ``status``.
    """
    import pandas as pd

    rows = data.read_rows("rural_akims_2021")
    counts = {r["party"]: int(r["akims"]) for r in rows}
    shares = winner_shares(counts)
    return pd.DataFrame(
        {
            "party": list(counts),
            "akims": list(counts.values()),
            "share_pct_derived": [round(float(shares[p]), 2) for p in counts],
            "status": [r["status"].split(":")[0].split(";")[0] for r in rows],
        }
    )


#: The years :func:`phase_in` answers for, and the term lengths it accepts.
MODEL_YEARS = (1990, 2100)
TERM_YEARS = (1, 10)


def _whole(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    if not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    return value


def phase_in(start_year: int, term_years: int, years: Sequence[int]) -> dict[int, Fraction]:
    """Share (%) of a level's posts held by directly elected akims at the end of each year.

    A simple model of a reform that applies "as terms end": direct elections start in
    ``start_year``; no incumbent leaves early; the incumbents' terms end evenly over
    ``term_years`` years, so each year ``1 / term_years`` of the posts gets its first
    direct election. At the end of year ``y``::

        share(y) = 0                                         if y < start_year
        share(y) = 100 * min(1, (y - start_year + 1) / term_years)   otherwise

    The model ignores early departures, by-elections and re-elections, and the number of
    posts is taken as fixed; compare it with the reported counts (:func:`rollout_points`).

    Parameters
    ----------
    start_year
        First year with direct elections (1990–2100).
    term_years
        Years over which the incumbents' terms end (1–10).
    years
        The years to report (each 1990–2100).

    Returns
    -------
    dict
        ``{year: share}``, the share in per cent as an exact ``Fraction``.

    Raises
    ------
    TypeError, ValueError
        If an argument is not a whole number in its range (the message names it).

    Examples
    --------
    >>> {y: float(s) for y, s in phase_in(2021, 4, [2020, 2021, 2022, 2025]).items()}
    {2020: 0.0, 2021: 25.0, 2022: 50.0, 2025: 100.0}
    """
    _whole(start_year, "start_year", *MODEL_YEARS)
    _whole(term_years, "term_years", *TERM_YEARS)
    if isinstance(years, (str, bytes)) or not isinstance(years, Sequence):
        raise TypeError(f"years must be a sequence of whole numbers, got {years!r}")
    shares: dict[int, Fraction] = {}
    for year in years:
        _whole(year, "years", *MODEL_YEARS)
        done = max(0, min(term_years, year - start_year + 1))
        shares[year] = Fraction(100 * done, term_years)
    return shares


@dataclass(frozen=True)
class RolloutPoint:
    """One reported count of directly elected akims (a row of ``akim_rollout.csv``).

    ``share`` is the share (%) of the level's posts: the one the source reports, or
    ``elected / posts`` with the latest earlier count of posts (DERIVED, ``derived``
    is then True); ``None`` where no count of posts is known. ``at_least`` marks a
    "more than" count.
    """

    level: str
    as_of: str
    year: int
    elected: int | None
    posts: int | None
    share: Fraction | None
    derived: bool
    at_least: bool
    what: str
    status: str
    source: str


#: The levels whose akims are elected directly, post by post, and the first year of
#: direct elections at each (rural: 25 July 2021; district: from 2025, after the pilot).
ROLLOUT_LEVELS: tuple[str, ...] = ("rural", "district")
ROLLOUT_START: dict[str, int] = {"rural": 2021, "district": 2025}


def _rollout_level(level: object) -> str:
    if not isinstance(level, str):
        raise TypeError(f"level must be 'rural' or 'district', got {level!r}")
    if level not in ROLLOUT_LEVELS:
        raise ValueError(f"level must be 'rural' or 'district', got {level!r}")
    return level


def _int_or_none(text: str) -> int | None:
    return int(text) if text else None


def rollout_points(
    level: str, rows: Sequence[Mapping[str, str]] | None = None
) -> list[RolloutPoint]:
    """The reported counts of directly elected akims of one level, oldest first.

    Parameters
    ----------
    level
        ``"rural"`` or ``"district"``.
    rows
        Rows shaped like ``akim_rollout.csv``; by default the file.

    Returns
    -------
    list of RolloutPoint
        One point per row of the level, by year. A share is the source's own, or the
        count divided by the latest earlier count of posts (DERIVED): the number of
        posts is assumed not to change, which the sources do not confirm.

    Raises
    ------
    ValueError
        If ``level`` is not ``"rural"`` or ``"district"``.

    Examples
    --------
    >>> [(p.year, p.elected) for p in rollout_points("rural")][:2]
    [(1999, None), (2021, 730)]
    """
    _rollout_level(level)
    found = rows if rows is not None else data.read_rows("akim_rollout")
    points = []
    posts_known: int | None = None
    for r in sorted((r for r in found if r["level"] == level), key=lambda r: int(r["year"])):
        elected, posts = _int_or_none(r["elected"]), _int_or_none(r["posts"])
        posts_known = posts or posts_known
        share: Fraction | None = None
        derived = False
        if r["share_pct"]:
            share = Fraction(r["share_pct"])
        elif elected is not None and posts_known:
            share, derived = Fraction(100 * elected, posts_known), True
        points.append(RolloutPoint(
            level=level, as_of=r["as_of"], year=int(r["year"]), elected=elected, posts=posts,
            share=share, derived=derived, at_least="more than" in r["what"], what=r["what"],
            status=r["status"], source=r["source"]))
    return points


@dataclass(frozen=True)
class Rollout:
    """The phase-in model of one level next to the counts reported for it.

    Attributes
    ----------
    level, start_year, term_years
        The model's inputs (see :func:`phase_in`).
    shares
        ``{year: share (%)}`` of the level's posts held by directly elected akims at
        the end of each year of ``years``, by the model.
    full_year
        The year by whose end every post has had a direct election in the model
        (``start_year + term_years - 1``).
    points
        The reported counts of the level (:func:`rollout_points`).
    gaps
        For each point with a share and a year in ``shares``: ``(point, model share
        minus reported share)``, in percentage points.
    """

    level: str
    start_year: int
    term_years: int
    shares: dict[int, Fraction]
    full_year: int
    points: tuple[RolloutPoint, ...]
    gaps: tuple[tuple[RolloutPoint, Fraction], ...]


def rollout(
    level: str, start_year: int, term_years: int, years: Sequence[int] = tuple(range(2019, 2031))
) -> Rollout:
    """Model a level's phase-in and set it beside the reported counts.

    Parameters
    ----------
    level
        ``"rural"`` or ``"district"``.
    start_year, term_years
        As for :func:`phase_in`.
    years
        The years the model reports (default 2019–2030).

    Returns
    -------
    Rollout
        The modelled shares, the year every post has been up for election, the
        reported points, and for each point with a share the gap (model minus
        reported, percentage points).

    Raises
    ------
    TypeError, ValueError
        If ``level`` is not ``"rural"`` or ``"district"``, or another argument is out
        of range (see :func:`phase_in`).

    Examples
    --------
    >>> r = rollout("rural", 2021, 4)
    >>> r.full_year, float(r.shares[2022])
    (2024, 50.0)
    >>> [(p.year, round(float(gap), 2)) for p, gap in r.gaps][:1]
    [(2021, -6.13)]
    """
    _rollout_level(level)
    shares = phase_in(start_year, term_years, years)
    points = tuple(rollout_points(level))
    gaps = tuple((p, shares[p.year] - p.share) for p in points
                 if p.share is not None and p.year in shares)
    return Rollout(level=level, start_year=start_year, term_years=term_years, shares=shares,
                   full_year=start_year + term_years - 1, points=points, gaps=gaps)


def rollout_table(result: Rollout) -> pd.DataFrame:
    """A rollout's reported counts beside the model, as text a student can read.

    Parameters
    ----------
    result
        A :class:`Rollout` (from :func:`rollout`).

    Returns
    -------
    pandas.DataFrame
        One row per reported count: ``reported`` (when), ``elected`` ("more than"
        where the source says so), ``share (%)`` (2 decimals, "DERIVED" where computed
        from counts), ``model, end of year (%)`` and ``model minus reported (points)``;
        empty text where a value does not exist.

    Raises
    ------
    TypeError
        If ``result`` is not a :class:`Rollout`.
    """
    import pandas as pd

    if not isinstance(result, Rollout):
        raise TypeError(f"result must be a kzlib.akims.Rollout, got {result!r}")
    gaps = {p.as_of: gap for p, gap in result.gaps}
    rows = []
    for p in result.points:
        elected = "" if p.elected is None else f"{'more than ' if p.at_least else ''}{p.elected:,}"
        share = "" if p.share is None else f"{float(p.share):.2f}"
        model = result.shares.get(p.year)
        rows.append({
            "reported": p.as_of,
            "elected": elected,
            "share (%)": share + (" DERIVED" if p.derived else ""),
            "model, end of year (%)": "" if model is None else f"{float(model):.2f}",
            "model minus reported (points)": (f"{float(gaps[p.as_of]):+.2f}"
                                              if p.as_of in gaps else ""),
        })
    return pd.DataFrame(rows)
