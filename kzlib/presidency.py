"""Presidential term rules and presidential election results.

Two questions, both answered from ``data/``:

* **How long can one person stay president?** A :class:`TermRule` (one row of
  ``data/presidential_term_rules.csv``) says how long a term lasts and how many
  terms one person may serve. :func:`max_tenure` lays out the longest *unbroken*
  tenure a rule allows for someone first elected in a given year, as a list of
  :class:`Term` values. It assumes every term runs its full length (no early
  elections) and that the person wins every election the rule allows.
* **How concentrated was the vote?** :func:`presidential_votes` reads
  ``data/presidential_results.csv``; :func:`effective_number_of_candidates` gives
  the Laakso–Taagepera effective number of candidates, ``N = 1 / sum_i p_i^2``;
  :func:`vote_shares` gives each option's share of the CEC's base;
  :func:`results_summary` puts 2019 and 2022 side by side with turnout.

The three rule sets:

* ``"old"`` — 5-year terms, at most two in a row (2007–2022);
* ``"old_first_president"`` — the same term length, but the First President was
  exempt from the limit (2007 amendments);
* ``"new"`` — one 7-year term, no re-election (law amending the Constitution,
  signed 17 September 2022).

**Which rule applied when?** The rules changed four times: 5-year terms in the 1995
Constitution, 7 years without a limit from October 1998, 5 years and two in a row from
2007 (the First President exempt), one 7-year term from September 2022 (kept by the
2026 Constitution). :func:`term_eras` reads them with their years from
``data/presidential_term_eras.csv``; :func:`era_for` finds the one in force in a year,
and :func:`era_tenure` lays out the longest tenure *under the rule of the year of the
first election*, saying whether the rule changed before that tenure would have ended.
:func:`real_tenures` reads who actually held office (``data/presidential_tenures.csv``).

Only :func:`results_summary` and :func:`tenure_table` import pandas, inside the
function.

Examples
--------
>>> [(t.start, t.end) for t in max_tenure(2022, "new")]
[(2022, 2029)]
>>> [(t.start, t.end) for t in max_tenure(2019, "old")]
[(2019, 2024), (2024, 2029)]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzlib import indices
from kzlib.data import read_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ERA_FIRST_YEAR",
    "changes_markdown",
    "eras_markdown",
    "real_tenures_markdown",
    "turnout_markdown",
    "EraTenure",
    "RealTenure",
    "TermEra",
    "era_for",
    "era_tenure",
    "real_tenures",
    "term_eras",
    "ELECTION_YEARS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "RULES",
    "Term",
    "TermRule",
    "effective_number_of_candidates",
    "max_tenure",
    "presidential_votes",
    "results_summary",
    "tenure_table",
    "tenure_years",
    "term_rule",
    "term_rules",
    "turnout_pct",
    "vote_shares",
]

#: Rule-set names, in the order of ``data/presidential_term_rules.csv``.
RULES: tuple[str, ...] = ("old", "old_first_president", "new")

#: Earliest and latest start year :func:`max_tenure` accepts (independence, and a
#: horizon far enough for "what if" questions).
FIRST_YEAR = 1991
LAST_YEAR = 2100

#: Presidential elections with results in ``data/presidential_results.csv``.
ELECTION_YEARS: tuple[int, ...] = (2019, 2022)

_LIMIT_KINDS = ("consecutive", "lifetime", "none")


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@dataclass(frozen=True)
class TermRule:
    """One set of rules on the length and number of presidential terms.

    Parameters
    ----------
    name
        ``"old"``, ``"old_first_president"`` or ``"new"``.
    label
        The rule in words.
    term_years
        Length of one term, in years (positive).
    max_terms
        How many terms one person may serve, or ``None`` for no limit.
    limit_kind
        ``"consecutive"`` (at most ``max_terms`` in a row), ``"lifetime"`` (at
        most ``max_terms`` ever) or ``"none"``.
    applies_to, period, instrument, status, source
        Who the rule covers, when it applied, the act that set it, how it is
        sourced, and the source URL.
    """

    name: str
    label: str
    term_years: int
    max_terms: int | None
    limit_kind: str
    applies_to: str = ""
    period: str = ""
    instrument: str = ""
    status: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if not _positive_int(self.term_years):
            raise ValueError(f"term_years must be a positive integer, got {self.term_years!r}")
        if self.limit_kind not in _LIMIT_KINDS:
            raise ValueError(
                f"limit_kind must be one of {', '.join(_LIMIT_KINDS)}, got {self.limit_kind!r}"
            )
        if self.limit_kind == "none":
            if self.max_terms is not None:
                raise ValueError(
                    f"max_terms must be None when limit_kind is 'none', got {self.max_terms!r}"
                )
        elif not _positive_int(self.max_terms):
            raise ValueError(
                f"max_terms must be a positive integer when limit_kind is {self.limit_kind!r}, "
                f"got {self.max_terms!r}"
            )

    @property
    def limited(self) -> bool:
        """True if the rule caps the number of terms one person can serve in a row."""
        return self.max_terms is not None


@dataclass(frozen=True)
class Term:
    """One presidential term: the ``number``-th term, from ``start`` to ``end`` (years)."""

    number: int
    start: int
    end: int

    @property
    def years(self) -> int:
        """Length of the term in years (``end - start``)."""
        return self.end - self.start


def _rule_from_row(row: dict[str, str]) -> TermRule:
    return TermRule(
        name=row["rule"],
        label=row["label"],
        term_years=int(row["term_years"]),
        max_terms=int(row["max_terms"]) if row["max_terms"] else None,
        limit_kind=row["limit_kind"],
        applies_to=row["applies_to"],
        period=row["period"],
        instrument=row["instrument"],
        status=row["status"],
        source=row["source"],
    )


def term_rules(data_dir: str | os.PathLike[str] | None = None) -> dict[str, TermRule]:
    """Return every rule set in ``data/presidential_term_rules.csv``.

    Parameters
    ----------
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    dict
        ``{name: TermRule}`` in file order.
    """
    rows = read_rows("presidential_term_rules", data_dir)
    return {row["rule"]: _rule_from_row(row) for row in rows}


def term_rule(name: str, data_dir: str | os.PathLike[str] | None = None) -> TermRule:
    """Return one rule set by name.

    Parameters
    ----------
    name
        ``"old"``, ``"old_first_president"`` or ``"new"``.
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    TermRule

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`RULES`; the message lists them.
    TypeError
        If ``name`` is not a string.

    Examples
    --------
    >>> term_rule("new").term_years
    7
    """
    if not isinstance(name, str):
        raise TypeError(f"rule must be a rule name such as 'new' or a TermRule, got {name!r}")
    rules = term_rules(data_dir)
    if name not in rules:
        raise ValueError(f"unknown rule {name!r}; valid rules: {', '.join(rules)}")
    return rules[name]


def _check_year(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole year such as 2022, got {value!r}")
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValueError(f"{name} must be between {FIRST_YEAR} and {LAST_YEAR}, got {value!r}")
    return value


def max_tenure(start_year: int, rule: str | TermRule, *, horizon: int = 30) -> list[Term]:
    """The longest unbroken tenure a rule allows, term by term.

    Term ``k`` (from 1) runs from ``start_year + (k-1) * term_years`` to
    ``start_year + k * term_years``. A rule with a limit (``"consecutive"`` or
    ``"lifetime"``) allows ``max_terms`` terms in a row, so the tenure lasts
    ``max_terms * term_years`` years. A rule without a limit has no end: the list
    then holds every term that *begins* within ``horizon`` years of
    ``start_year``.

    Parameters
    ----------
    start_year
        Year of the first election (:data:`FIRST_YEAR`–:data:`LAST_YEAR`).
    rule
        A rule name (``"old"``, ``"old_first_president"``, ``"new"``) or a
        :class:`TermRule`.
    horizon
        For rules without a limit only: how many years ahead to lay out terms
        (positive integer, default 30).

    Returns
    -------
    list of Term
        The terms in order; never empty.

    Raises
    ------
    TypeError
        If ``start_year`` or ``horizon`` is not an integer, or ``rule`` is neither
        a string nor a TermRule.
    ValueError
        If ``start_year`` is out of range, ``horizon`` is not positive, or the
        rule name is unknown.

    Examples
    --------
    >>> [(t.number, t.start, t.end) for t in max_tenure(2019, "old")]
    [(1, 2019, 2024), (2, 2024, 2029)]
    >>> len(max_tenure(2000, "old_first_president", horizon=30))
    6
    """
    _check_year(start_year, "start_year")
    if isinstance(horizon, bool) or not isinstance(horizon, int):
        raise TypeError(f"horizon must be a whole number of years, got {horizon!r}")
    if horizon < 1:
        raise ValueError(f"horizon must be at least 1 year, got {horizon!r}")
    if isinstance(rule, str):
        rule = term_rule(rule)
    elif not isinstance(rule, TermRule):
        raise TypeError(f"rule must be a rule name such as 'new' or a TermRule, got {rule!r}")

    if rule.max_terms is not None:
        count = rule.max_terms
    else:
        count = -(-horizon // rule.term_years)  # terms that begin before start_year + horizon
    step = rule.term_years
    return [Term(k + 1, start_year + k * step, start_year + (k + 1) * step) for k in range(count)]


def tenure_years(terms: list[Term]) -> int:
    """Total years in office over a list of terms (the sum of ``Term.years``).

    Examples
    --------
    >>> tenure_years(max_tenure(2019, "old"))
    10
    """
    return sum(term.years for term in terms)


def tenure_table(
    start_year: int, *, horizon: int = 30, data_dir: str | os.PathLike[str] | None = None
) -> pd.DataFrame:
    """Longest unbroken tenure under every rule set, for one start year.

    Returns
    -------
    pandas.DataFrame
        One row per rule: ``rule``, ``label``, ``term_years``, ``terms``,
        ``first_year``, ``last_year``, ``years_in_office`` and ``limited``
        (False: no limit, so the row stops at the ``horizon``).
    """
    import pandas as pd

    rows = []
    for rule in term_rules(data_dir).values():
        terms = max_tenure(start_year, rule, horizon=horizon)
        rows.append({
            "rule": rule.name,
            "label": rule.label,
            "term_years": rule.term_years,
            "terms": len(terms),
            "first_year": terms[0].start,
            "last_year": terms[-1].end,
            "years_in_office": tenure_years(terms),
            "limited": rule.limited,
        })
    return pd.DataFrame(rows)


# ------------------------------------------------------------------ election results


def _check_election_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be an integer such as 2022, got {year!r}")
    if year not in ELECTION_YEARS:
        valid = ", ".join(str(y) for y in ELECTION_YEARS)
        raise ValueError(f"year must be one of {valid}, got {year!r}")
    return year


def presidential_votes(
    year: int, data_dir: str | os.PathLike[str] | None = None
) -> tuple[dict[str, int], int]:
    """Votes by candidate in one presidential election.

    Parameters
    ----------
    year
        2019 or 2022.
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    (dict, int)
        ``{candidate: votes}`` in the order of the official table, and the
        'against all' votes (0 in 2019, when the ballot had no such option).

    Raises
    ------
    ValueError, TypeError
        For any other year.

    Examples
    --------
    >>> votes, against_all = presidential_votes(2022)
    >>> votes["Kassym-Jomart Tokayev"], against_all
    (6456393, 460484)
    """
    _check_election_year(year)
    candidates: dict[str, int] = {}
    against_all = 0
    for row in read_rows("presidential_results", data_dir):
        if int(row["year"]) != year:
            continue
        if row["option"] == "against_all":
            against_all += int(row["votes"])
        else:
            candidates[row["candidate"]] = int(row["votes"])
    return candidates, against_all


def vote_shares(year: int, data_dir: str | os.PathLike[str] | None = None) -> dict[str, float]:
    """Each candidate's share, and 'against all''s, of one presidential election.

    Formula: ``share = votes * 100 / (candidate votes + 'against all' votes)``, in
    per cent, rounded to 2 decimals: the base of the CEC's published percentages.

    Parameters
    ----------
    year
        2019 or 2022.
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    dict
        ``{candidate: percent}``, the winner first (most votes first, ties in the
        official table's order), then ``"Against all"`` when the ballot had that
        option (2022 only).

    Raises
    ------
    ValueError, TypeError
        For any other year.

    Examples
    --------
    >>> shares = vote_shares(2022)
    >>> shares["Kassym-Jomart Tokayev"], shares["Against all"]
    (81.31, 5.8)
    """
    candidates, against_all = presidential_votes(year, data_dir)
    options = dict(sorted(candidates.items(), key=lambda kv: kv[1], reverse=True))
    if against_all:
        options["Against all"] = against_all
    base = sum(options.values())
    return {name: round(votes * 100 / base, 2) for name, votes in options.items()}


def effective_number_of_candidates(
    year: int, *, include_against_all: bool = False, data_dir: str | os.PathLike[str] | None = None
) -> float:
    """Laakso–Taagepera effective number of candidates by votes.

    ``N = 1 / sum_i p_i^2``, with ``p_i`` each candidate's share of the candidates'
    votes (and of 'against all', counted as one more option, when
    ``include_against_all`` is True). 1 means one candidate took every vote; N
    equal candidates give N.

    Parameters
    ----------
    year
        2019 or 2022.
    include_against_all
        Count 'against all' as an option (only matters in 2022).
    data_dir
        Optional data folder.

    Returns
    -------
    float

    Examples
    --------
    >>> round(effective_number_of_candidates(2019), 2)
    1.87
    """
    if not isinstance(include_against_all, bool):
        raise TypeError(f"include_against_all must be True or False, got {include_against_all!r}")
    candidates, against_all = presidential_votes(year, data_dir)
    options = dict(candidates)
    if include_against_all and against_all:
        options["Against all"] = against_all
    return indices.effective_number_of_parties(options)


def turnout_pct(year: int, data_dir: str | os.PathLike[str] | None = None) -> float:
    """Turnout of one presidential election, in per cent, from ``data/turnout.csv``.

    2022: ballots received / registered voters (final CEC). 2019: ballots cast /
    registered voters (Wikipedia infobox; preliminary CEC figure 77.4).
    """
    _check_election_year(year)
    for row in read_rows("turnout", data_dir):
        if row["election"] == f"presidential_{year}" and row["measure"] == "turnout_pct":
            return float(row["value"])
    raise ValueError(f"turnout.csv has no turnout_pct row for presidential_{year}")


def results_summary(data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The 2019 and 2022 presidential elections side by side.

    Returns
    -------
    pandas.DataFrame
        One row per year: ``year``, ``candidates`` (number on the ballot),
        ``winner``, ``winner_pct`` and ``against_all_pct`` (per cent of candidate
        votes + 'against all', the CEC's base), ``runner_up_pct``,
        ``turnout_pct``, ``enc`` (effective number of candidates) and
        ``enc_with_against_all``. Percentages rounded to 2 decimals, ENC to 2.
    """
    import pandas as pd

    rows = []
    for year in ELECTION_YEARS:
        candidates, _against_all = presidential_votes(year, data_dir)
        shares = vote_shares(year, data_dir)
        (winner, winner_pct), (_, runner_up_pct) = list(shares.items())[:2]
        rows.append({
            "year": year,
            "candidates": len(candidates),
            "winner": winner,
            "winner_pct": winner_pct,
            "runner_up_pct": runner_up_pct,
            "against_all_pct": shares.get("Against all", 0.0),
            "turnout_pct": turnout_pct(year, data_dir),
            "enc": round(effective_number_of_candidates(year, data_dir=data_dir), 2),
            "enc_with_against_all": round(
                effective_number_of_candidates(year, include_against_all=True, data_dir=data_dir), 2
            ),
        })
    return pd.DataFrame(rows)


# ------------------------------------------------------------------ rules by era

#: The first year with a term rule in ``data/presidential_term_eras.csv`` (the 1995
#: Constitution); earlier years have no rule in our data.
ERA_FIRST_YEAR = 1995


@dataclass(frozen=True)
class TermEra:
    """The presidential term rule in force from ``from_year`` until ``to_year``.

    An era covers the years ``from_year <= year < to_year`` (``to_year`` None: still
    in force), so every year belongs to exactly one era: an election in the year a
    rule changed (1998, 2007, 2022) counts under the new rule.

    Attributes
    ----------
    name, label
        The era (the year its rule was adopted) and the rule in words.
    from_year, to_year
        The years it covers (``to_year`` exclusive; None while in force).
    rule
        The :class:`TermRule` for every president.
    first_president_exempt
        True if the First President had no limit in this era (2007–2022).
    instrument, status, source
        The act, how it is sourced, the source URL.
    """

    name: str
    label: str
    from_year: int
    to_year: int | None
    rule: TermRule
    first_president_exempt: bool
    instrument: str
    status: str
    source: str

    def covers(self, year: int) -> bool:
        """True if ``year`` falls in the era."""
        return self.from_year <= year and (self.to_year is None or year < self.to_year)

    @property
    def years(self) -> str:
        """The era's years in words, e.g. ``'1998-2007'`` or ``'from 2022'``."""
        return f"from {self.from_year}" if self.to_year is None else (
            f"{self.from_year}-{self.to_year}")


def term_eras(data_dir: str | os.PathLike[str] | None = None) -> dict[str, TermEra]:
    """Every era of ``data/presidential_term_eras.csv``, oldest first.

    Examples
    --------
    >>> [(e.name, e.rule.term_years, e.rule.max_terms) for e in term_eras().values()]
    [('1995', 5, 2), ('1998', 7, None), ('2007', 5, 2), ('2022', 7, 1)]
    """
    eras = {}
    for row in read_rows("presidential_term_eras", data_dir):
        rule = TermRule(
            name=row["era"], label=row["label"], term_years=int(row["term_years"]),
            max_terms=int(row["max_terms"]) if row["max_terms"] else None,
            limit_kind=row["limit_kind"], applies_to="every president",
            period=row["from_year"] + "-" + row["to_year"], instrument=row["instrument"],
            status=row["status"], source=row["source"])
        eras[row["era"]] = TermEra(
            name=row["era"], label=row["label"], from_year=int(row["from_year"]),
            to_year=int(row["to_year"]) if row["to_year"] else None, rule=rule,
            first_president_exempt=row["first_president_exempt"] == "yes",
            instrument=row["instrument"], status=row["status"], source=row["source"])
    return dict(sorted(eras.items(), key=lambda kv: kv[1].from_year))


def era_for(year: int, data_dir: str | os.PathLike[str] | None = None) -> TermEra:
    """The era whose rule was in force in ``year``.

    Raises
    ------
    TypeError
        If ``year`` is not a whole year.
    ValueError
        If ``year`` is before :data:`ERA_FIRST_YEAR` (no rule in our data) or after
        :data:`LAST_YEAR`.

    Examples
    --------
    >>> era_for(2000).name, era_for(2019).name, era_for(2022).name
    ('1998', '2007', '2022')
    """
    _check_year(year, "year")
    if year < ERA_FIRST_YEAR:
        raise ValueError(f"year must be {ERA_FIRST_YEAR} or later (the first term rule in our "
                         f"data is the 1995 Constitution's), got {year!r}")
    for era in term_eras(data_dir).values():
        if era.covers(year):
            return era
    raise ValueError(f"no term rule in data/presidential_term_eras.csv covers {year!r}")


@dataclass(frozen=True)
class EraTenure:
    """The longest tenure under the rule in force in the year of the first election.

    Attributes
    ----------
    start_year
        The year of the first election.
    era
        The :class:`TermEra` in force that year.
    first_president
        True if the tenure is the First President's (his exemption applies in an era
        that has one).
    terms
        The terms, laid out by :func:`max_tenure` under the era's rule.
    limited
        False if the rule sets no end (the terms stop at the horizon).
    changed_in
        The year the era's rule was replaced, if that happens before the tenure
        would end (the rest of the tenure is then hypothetical), else None.
    """

    start_year: int
    era: TermEra
    first_president: bool
    terms: tuple[Term, ...]
    limited: bool
    changed_in: int | None

    @property
    def end(self) -> int:
        """The year the last term ends."""
        return self.terms[-1].end

    @property
    def years(self) -> int:
        """Years in office over all terms."""
        return tenure_years(list(self.terms))


def era_tenure(
    start_year: int,
    *,
    first_president: bool = False,
    horizon: int = 30,
    data_dir: str | os.PathLike[str] | None = None,
) -> EraTenure:
    """The longest unbroken tenure under the rule in force in ``start_year``.

    The rule of the era that covers ``start_year`` (:func:`era_for`) is applied for
    the whole tenure, as if it never changed; ``changed_in`` says when it did.

    Parameters
    ----------
    start_year
        Year of the first election (:data:`ERA_FIRST_YEAR` to :data:`LAST_YEAR`).
    first_president
        Apply the First President's exemption where the era had one (2007–2022).
    horizon
        For a rule without a limit: how many years of terms to lay out.
    data_dir
        Optional data folder.

    Returns
    -------
    EraTenure

    Raises
    ------
    TypeError, ValueError
        As :func:`era_for` and :func:`max_tenure`; ``first_president`` must be a bool.

    Examples
    --------
    >>> t = era_tenure(1999)
    >>> t.era.name, t.limited, t.changed_in, len(t.terms)
    ('1998', False, 2007, 5)
    >>> t = era_tenure(2019)
    >>> t.era.name, t.end, t.changed_in
    ('2007', 2029, 2022)
    >>> era_tenure(2012, first_president=True).limited
    False
    """
    if not isinstance(first_president, bool):
        raise TypeError(f"first_president must be True or False, got {first_president!r}")
    era = era_for(start_year, data_dir)
    rule = era.rule
    if first_president and era.first_president_exempt:
        rule = TermRule(name=f"{era.name}_first_president", label=f"{era.label} (exempt)",
                        term_years=rule.term_years, max_terms=None, limit_kind="none",
                        applies_to="the First President", period=rule.period,
                        instrument=rule.instrument, status=rule.status, source=rule.source)
    terms = tuple(max_tenure(start_year, rule, horizon=horizon))
    end = terms[-1].end
    changed = era.to_year if era.to_year is not None and era.to_year < end else None
    return EraTenure(start_year, era, first_president and era.first_president_exempt, terms,
                     rule.limited, changed)


@dataclass(frozen=True)
class RealTenure:
    """One row of ``data/presidential_tenures.csv``: a span in office, or an election."""

    person: str
    kind: str
    from_year: int
    to_year: int
    note: str
    source: str


def real_tenures(data_dir: str | os.PathLike[str] | None = None) -> tuple[RealTenure, ...]:
    """Who actually held office, and elections within the tenures, in file order.

    Examples
    --------
    >>> [(t.person.split()[-1], t.from_year, t.to_year) for t in real_tenures()
    ...  if t.kind == "in office"]
    [('Nazarbayev', 1990, 2019), ('Tokayev', 2019, 2029)]
    """
    return tuple(
        RealTenure(row["person"], row["kind"], int(row["from_year"]), int(row["to_year"]),
                   row["note"], row["source"])
        for row in read_rows("presidential_tenures", data_dir))


# ------------------------------------------------------------------ tables for the notebook


def _md_cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def changes_markdown(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The presidency rows of ``data/reform_changes.csv`` as a Markdown table, in full.

    Columns: aspect, before, after, effective (empty where the source gives no date),
    source.

    Examples
    --------
    >>> changes_markdown().splitlines()[2].startswith("| term length | 5 years | 7 years |")
    True
    """
    rows = [r for r in read_rows("reform_changes", data_dir) if r["topic"] == "presidency"]
    return _md_table(["aspect", "before", "after", "effective", "source"],
                     [[r["aspect"], r["before"], r["after"], r["effective"], r["source"]]
                      for r in rows])


def eras_markdown(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The eras of :func:`term_eras` as a Markdown table (years, term, limit, source).

    Examples
    --------
    >>> eras_markdown().splitlines()[3].split(" | ")[:3]
    ['| 1998', '1998-2007', '7 years']
    """
    limits = {"consecutive": "at most {n} in a row", "lifetime": "{n} term only",
              "none": "no limit"}
    rows = []
    for era in term_eras(data_dir).values():
        limit = limits[era.rule.limit_kind].format(n=era.rule.max_terms)
        if era.first_president_exempt:
            limit += "; the First President exempt"
        rows.append([era.name, era.years, f"{era.rule.term_years} years", limit,
                     era.instrument, era.source])
    return _md_table(["era", "years", "term", "limit", "instrument", "source"], rows)


def real_tenures_markdown(data_dir: str | os.PathLike[str] | None = None) -> str:
    """The rows of :func:`real_tenures` as a Markdown table.

    Examples
    --------
    >>> real_tenures_markdown().splitlines()[0]
    '| person | what | years | note | source |'
    """
    rows = []
    for t in real_tenures(data_dir):
        years = str(t.from_year) if t.from_year == t.to_year else f"{t.from_year}-{t.to_year}"
        rows.append([t.person, t.kind, years, t.note, t.source])
    return _md_table(["person", "what", "years", "note", "source"], rows)


def turnout_markdown(data_dir: str | os.PathLike[str] | None = None) -> str:
    """Every presidential row of ``data/turnout.csv`` as a Markdown table, in full.

    Columns: election, measure, value (counts with thousands separators), status.

    Examples
    --------
    >>> turnout_markdown().splitlines()[0]
    '| election | measure | value | status |'
    """
    rows = []
    for r in read_rows("turnout", data_dir):
        if not r["election"].startswith("presidential"):
            continue
        value = float(r["value"])
        shown = f"{int(value):,}" if value.is_integer() and value > 1000 else r["value"]
        rows.append([r["election"], r["measure"], shown, r["status"]])
    return _md_table(["election", "measure", "value", "status"], rows)
