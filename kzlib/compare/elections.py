"""Counterfactual replays: one election's votes under several rule sets, side by side.

The question behind every function here is "what if the same ballots had been
counted under other rules?" A *scenario* is a :class:`~kzlib.rules.RuleSet` (for
example ``rules.mazhilis(2021)``: 98 list seats, 7%) or a small mapping of
settings (``{"seats": 98, "threshold": "5%"}``) turned into one by
:func:`scenario_rules`. :func:`replay` counts one election under one scenario;
:func:`compare_outcomes` and :func:`compare_summary` put several side by side as
tidy DataFrames. :func:`shift_votes` moves vote share from one party to another,
exactly, for "what if 2 points had gone the other way?". :func:`entry_thresholds`
and :func:`threshold_by_base` answer "at which threshold does a list get in?" and
"5% of what?"; :func:`official_check` sets kzlib's count beside the official seats.

Conventions used throughout:

* Percentages of votes are of **party votes plus 'against all'** (what the Central
  Election Commission publishes since 2023; before 2021 there was no 'against
  all', so this is simply the party vote).
* Under rules from before 'against all' existed (``RuleSet.against_all`` is
  False, e.g. ``rules.mazhilis(2021)``), the 'against all' votes of a later
  election are left out of the threshold base; those voters still elect nobody,
  so they count as wasted in :func:`scenario_summary`.
* Vote counts are exact (``int`` or ``fractions.Fraction``); floats appear only in
  display tables.

Only the functions that return DataFrames import pandas, inside the function.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib import indices
from kzlib._numbers import (
    check_exponent,
    exact_number,
    non_negative_number,
    positive_integer,
    vote_mapping,
)
from kzlib.allocation import Allocation, TieError, method_name
from kzlib.rules import RuleSet, kurultai, mazhilis
from kzlib.thresholds import BASES, Threshold, check_base, parse_share

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from kzlib.cases import Election

__all__ = [
    "AGAINST_ALL",
    "ERAS",
    "compare_outcomes",
    "compare_summary",
    "custom_rules",
    "entry_thresholds",
    "era_rules",
    "official_check",
    "outcome",
    "outcomes_table",
    "replay",
    "replay_all",
    "scenario_rules",
    "scenario_summary",
    "shift_votes",
    "split_against_all",
    "summary_table",
    "threshold_by_base",
    "with_against_all",
]

#: The label of the 'against all' ballot option, as in ``data/``.
AGAINST_ALL = "Against all"

#: Named rule eras for the what-if lab: label -> description.
ERAS: dict[str, str] = {
    "2021 rules": "Mazhilis 2009–2021: 98 list seats, 7% of party votes, Hare, one-party rule",
    "2023 list tier": "Mazhilis from 2023: 69 list seats, 5% of party votes + 'against all', Hare",
    "2026 Kurultai": (
        "Kurultai from 2026: 145 list seats, one nationwide district; 5% as the President "
        "proposed and Hare as for the Mazhilis (the election law is not in our sources)"
    ),
    "custom": "your own seats, threshold, base and method",
}

Number = int | Fraction


# --------------------------------------------------------------------------- rule sets


def custom_rules(
    seats: int,
    threshold: object,
    base: str = "votes_and_against_all",
    method: str = "hare",
    *,
    one_party_rule: bool = False,
    era: str = "custom",
) -> RuleSet:
    """A party-list rule set of your own, for a replay.

    Parameters
    ----------
    seats
        List seats to fill (positive integer).
    threshold
        A share in [0, 1) (``0.05``), a string (``"5%"``), a ``Fraction`` or a
        :class:`~kzlib.thresholds.Threshold` (whose base then wins over ``base``).
    base
        What the threshold is a share of: ``"votes"``, ``"votes_and_against_all"``
        or ``"ballots"`` (see :data:`kzlib.thresholds.BASES`).
    method
        ``"hare"`` (Kazakhstan's), ``"droop"``, ``"dhondt"``, ``"sainte-lague"`` …
    one_party_rule
        Admit the runner-up when only one list passes (the 2009 amendment).
    era
        Label shown by :meth:`RuleSet.describe`.

    Returns
    -------
    RuleSet
        A Mazhilis-like, all-list rule set with 'against all' on the ballot.

    Raises
    ------
    TypeError, ValueError
        If an argument is malformed; the message names it and its value.

    Examples
    --------
    >>> rule = custom_rules(98, "5%")
    >>> rule.list_seats, rule.threshold.describe()
    (98, "5% of votes for the parties plus 'against all' (at or above)")
    """
    seats = positive_integer(seats, "seats")
    check_base(base)
    if isinstance(threshold, Threshold):
        rule = threshold
    else:
        rule = Threshold(parse_share(threshold, "threshold"), base=base)  # type: ignore[arg-type]
    if not isinstance(one_party_rule, bool):
        raise TypeError(f"one_party_rule must be True or False, got {one_party_rule!r}")
    return RuleSet(
        chamber="mazhilis",
        era=era,
        level=None,
        total_seats=seats,
        list_seats=seats,
        smd_seats=0,
        indirect_seats=0,
        list_share=Fraction(1),
        threshold=rule,
        method=method_name(method),
        one_party_rule=one_party_rule,
        against_all=True,
        tie_rule="none given: a tie raises TieError",
        sources={},
    )


def era_rules(era: str) -> RuleSet:
    """The rule set of a named era in :data:`ERAS` (not ``"custom"``).

    Raises
    ------
    ValueError
        If ``era`` is not ``"2021 rules"``, ``"2023 list tier"`` or ``"2026 Kurultai"``.
    """
    if era == "2021 rules":
        return mazhilis(2021)
    if era == "2023 list tier":
        return mazhilis(2023)
    if era == "2026 Kurultai":
        return kurultai(2026)  # its open parameters carry their status (RuleSet.status)
    valid = ", ".join(repr(e) for e in ERAS if e != "custom")
    raise ValueError(f"era must be one of {valid} (use custom_rules for 'custom'), got {era!r}")


_SPEC_KEYS = ("rules", "seats", "threshold", "base", "method", "one_party_rule")


def scenario_rules(spec: RuleSet | Mapping[str, object]) -> RuleSet:
    """Turn a scenario into a :class:`~kzlib.rules.RuleSet`.

    Parameters
    ----------
    spec
        A ``RuleSet`` (returned unchanged), or a mapping with the keys of
        :func:`custom_rules` (``seats``, ``threshold``, ``base``, ``method``,
        ``one_party_rule``). With a ``"rules"`` key the mapping starts from that
        RuleSet (or era name, see :data:`ERAS`) and overrides only the keys given,
        e.g. ``{"rules": "2023 list tier", "seats": 98}``.

    Raises
    ------
    TypeError, ValueError
        For another type, unknown keys, or a custom scenario without ``seats`` or
        ``threshold``.

    Examples
    --------
    >>> scenario_rules({"rules": "2023 list tier", "seats": 98}).list_seats
    98
    """
    if isinstance(spec, RuleSet):
        return spec
    if not isinstance(spec, Mapping):
        raise TypeError(
            "a scenario must be a RuleSet or a mapping such as "
            f"{{'seats': 98, 'threshold': '5%'}}, "
            f"got {type(spec).__name__}"
        )
    unknown = [k for k in spec if k not in _SPEC_KEYS]
    if unknown:
        raise ValueError(f"scenario keys must be among {', '.join(_SPEC_KEYS)}, got {unknown}")
    start = spec.get("rules")
    if start is None:
        missing = [k for k in ("seats", "threshold") if k not in spec]
        if missing:
            raise ValueError(f"a custom scenario needs {' and '.join(missing)}, got {dict(spec)!r}")
        return custom_rules(**{k: v for k, v in spec.items() if k != "rules"})  # type: ignore[arg-type]
    base_rules = era_rules(start) if isinstance(start, str) else start
    if not isinstance(base_rules, RuleSet):
        raise TypeError(f"scenario 'rules' must be a RuleSet or an era name, got {start!r}")
    seats = spec.get("seats", base_rules.list_seats)
    base = spec.get("base", base_rules.threshold.base)
    threshold = spec.get("threshold", base_rules.threshold.share)
    derived = custom_rules(
        seats,  # type: ignore[arg-type]
        threshold,
        base,  # type: ignore[arg-type]
        spec.get("method", base_rules.method),  # type: ignore[arg-type]
        one_party_rule=spec.get("one_party_rule", base_rules.one_party_rule),  # type: ignore[arg-type]
    )
    return replace(
        base_rules,
        list_seats=derived.list_seats,
        total_seats=derived.list_seats
        if base_rules.smd_seats == 0 and not base_rules.indirect_seats
        else base_rules.total_seats,
        threshold=derived.threshold,
        method=derived.method,
        one_party_rule=derived.one_party_rule,
    )


# --------------------------------------------------------------------------- replays


def replay(
    votes: Mapping[str, object],
    against_all: object,
    rules: RuleSet | Mapping[str, object],
    *,
    ballots: object = None,
) -> Allocation:
    """Count one election's list votes under ``rules``.

    Parameters
    ----------
    votes
        Party -> list votes.
    against_all
        'Against all' votes. Ignored (left out of the threshold base) when the
        rules come from an era without that option (``rules.against_all`` False).
    rules
        A scenario (see :func:`scenario_rules`).
    ballots
        All ballots received; needed only for the threshold base ``"ballots"``.

    Returns
    -------
    Allocation

    Raises
    ------
    TypeError, ValueError
        On malformed input or when no list passes the threshold.

    Examples
    --------
    >>> replay({"A": 60, "B": 34, "C": 6}, 0, {"seats": 10, "threshold": "7%"}).seats
    {'A': 6, 'B': 4, 'C': 0}
    """
    rule = scenario_rules(rules)
    counted = against_all if rule.against_all else 0
    return rule.allocate_list(votes, against_all=counted, ballots=ballots)


def outcome(
    votes: Mapping[str, object],
    against_all: object = 0,
    *,
    seats: int,
    threshold: object,
    method: str = "hare",
    base: str = "votes_and_against_all",
    ballots: object = None,
    one_party_rule: bool = False,
) -> Allocation:
    """Seats under one explicit set of list rules (a thin wrapper over :func:`kzlib.allocate`).

    ``seats`` list seats go by ``method`` to the lists with at least ``threshold``
    of ``base``; with ``one_party_rule`` the runner-up is admitted when only one
    list passes (2009 amendment, see :mod:`kzlib.rules`).

    Raises
    ------
    TypeError, ValueError
        On malformed input (the message names the argument).

    Examples
    --------
    >>> from kzlib.cases import mazhilis_election
    >>> votes = mazhilis_election(2021).votes
    >>> outcome(votes, seats=98, threshold="5%").seats
    {'Nur Otan': 72, 'Ak Zhol': 11, 'QHP': 9, 'Auyl': 6, 'Adal': 0}
    """
    rule = custom_rules(seats, threshold, base, method, one_party_rule=one_party_rule)
    return replay(votes, against_all, rule, ballots=ballots)


def replay_all(
    votes: Mapping[str, object],
    against_all: object,
    scenarios: Mapping[str, RuleSet | Mapping[str, object]],
    *,
    ballots: object = None,
) -> dict[str, Allocation]:
    """:func:`replay` under every scenario: name -> Allocation, in the order given.

    Raises
    ------
    TypeError, ValueError
        If ``scenarios`` is empty or not a mapping, or a scenario fails; the
        message starts with the scenario's name. A tie that decides a seat is
        re-raised as :class:`~kzlib.allocation.TieError` (a ValueError) with the
        scenario's name.
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise ValueError(
            f"scenarios must be a non-empty mapping of name to rules, got {scenarios!r}"
        )
    results = {}
    for name, spec in scenarios.items():
        try:
            results[name] = replay(votes, against_all, spec, ballots=ballots)
        except TieError as err:
            raise TieError(f"scenario {name!r}: {err}", err.parties, err.seats) from None
        except (TypeError, ValueError) as err:
            raise type(err)(f"scenario {name!r}: {err}") from None
    return results


#: What each percentage in :func:`scenario_summary` is a share of. They differ: the
#: Gallagher index compares seat shares with shares of the *party* votes only, while
#: the wasted-vote figures count 'against all' in the base.
SUMMARY_BASES: dict[str, str] = {
    "gallagher": "party votes only ('against all' left out)",
    "enp_seats": "seats of the scenario",
    "no_seat_pct": "party votes + 'against all'",
    "against_all_pct": "party votes + 'against all'",
    "wasted_pct": "party votes + 'against all'",
}


def scenario_summary(allocation: Allocation, against_all: object = 0) -> dict[str, object]:
    """Headline numbers of one replay.

    Parameters
    ----------
    allocation
        A result of :func:`replay` (or :func:`kzlib.allocate`).
    against_all
        'Against all' votes of the election (they elect nobody: wasted).

    Returns
    -------
    dict
        ``seats`` (list seats filled), ``threshold_pct`` (float, per cent, or None),
        ``base``, ``method``, ``votes_needed`` (threshold × base total, exact, or
        None), ``lists_in`` (lists that won seats), ``largest_party`` and
        ``largest_seats``, ``gallagher`` (least-squares index, 0–100, party votes
        only), ``enp_seats`` (effective number of parties by seats,
        ``1 / Σ s_i²``), ``no_seat_pct`` (votes for lists that won nothing),
        ``against_all_pct`` ('against all'), and ``wasted_pct``, their sum: every
        vote that elected no one. The three are per cent of party votes + 'against
        all' (:data:`SUMMARY_BASES` gives the base of every figure). 'Against all'
        is a deliberate choice, not a vote for a list that missed out; keep the two
        apart when you compare elections with and without the option.

    Examples
    --------
    >>> a = outcome({"A": 60, "B": 30, "C": 5}, 5, seats=10, threshold="7%")
    >>> s = scenario_summary(a, 5)
    >>> s["no_seat_pct"], s["against_all_pct"], s["wasted_pct"]
    (5.0, 5.0, 10.0)
    """
    aa = Fraction(exact_number(against_all, "against_all"))
    seats = allocation.seats
    winners = [p for p, s in seats.items() if s]
    largest = max(seats, key=lambda p: seats[p])
    rule = allocation.threshold
    total = sum(Fraction(v) for v in allocation.votes.values()) + aa
    no_seat = sum(Fraction(v) for p, v in allocation.votes.items() if not seats[p])
    return {
        "seats": allocation.house_size,
        "threshold_pct": None if rule is None else float(rule.percent),
        "base": None if rule is None else rule.base,
        "method": allocation.method,
        "votes_needed": None if rule is None else rule.share * allocation.base_total,
        "lists_in": len(winners),
        "largest_party": largest,
        "largest_seats": seats[largest],
        "gallagher": indices.gallagher(allocation.votes, seats),
        "enp_seats": indices.effective_number_of_parties({p: seats[p] for p in winners}),
        "no_seat_pct": float(100 * no_seat / total),
        "against_all_pct": float(100 * aa / total),
        "wasted_pct": indices.wasted_vote_share(allocation.votes, seats, aa),
    }


def _display_number(value: Number) -> int | float:
    return value if isinstance(value, int) else round(float(value), 2)


def compare_outcomes(
    votes: Mapping[str, object],
    against_all: object,
    scenarios: Mapping[str, RuleSet | Mapping[str, object]],
    *,
    ballots: object = None,
) -> pd.DataFrame:
    """One election under several scenarios, as a tidy table.

    Parameters
    ----------
    votes, against_all, ballots
        As for :func:`replay`.
    scenarios
        Name -> scenario (see :func:`scenario_rules`), in display order.

    Returns
    -------
    pandas.DataFrame
        One row per (scenario, party): ``scenario``, ``party``, ``votes``,
        ``vote_pct`` (per cent of party votes + 'against all', 2 decimals),
        ``eligible`` (passed the threshold), ``seats``, ``seat_pct`` (per cent of
        the scenario's list seats, 2 decimals). An ``Against all`` row (never
        eligible, no seats) follows the parties when there were such votes.

    Examples
    --------
    >>> t = compare_outcomes({"A": 60, "B": 34, "C": 6}, 0,
    ...                      {"7%": {"seats": 10, "threshold": "7%"},
    ...                       "5%": {"seats": 10, "threshold": "5%"}})
    >>> t.pivot(index="party", columns="scenario", values="seats")[["7%", "5%"]].to_dict()
    {'7%': {'A': 6, 'B': 4, 'C': 0}, '5%': {'A': 6, 'B': 3, 'C': 1}}
    """
    return outcomes_table(replay_all(votes, against_all, scenarios, ballots=ballots), against_all)


def outcomes_table(results: Mapping[str, Allocation], against_all: object = 0) -> pd.DataFrame:
    """The table of :func:`compare_outcomes` from replays already made (:func:`replay_all`)."""
    import pandas as pd

    aa = exact_number(against_all, "against_all")
    rows = []
    for name, alloc in results.items():
        total = sum(alloc.votes.values()) + aa
        for party, v in alloc.votes.items():
            rows.append(
                {
                    "scenario": name,
                    "party": party,
                    "votes": _display_number(v),
                    "vote_pct": round(float(Fraction(v) * 100 / total), 2),
                    "eligible": party in alloc.eligible,
                    "seats": alloc.seats[party],
                    "seat_pct": round(100 * alloc.seats[party] / alloc.house_size, 2),
                }
            )
        if aa:
            rows.append(
                {
                    "scenario": name,
                    "party": AGAINST_ALL,
                    "votes": _display_number(aa),
                    "vote_pct": round(float(Fraction(aa) * 100 / total), 2),
                    "eligible": False,
                    "seats": 0,
                    "seat_pct": 0.0,
                }
            )
    return pd.DataFrame(rows)


def compare_summary(
    votes: Mapping[str, object],
    against_all: object,
    scenarios: Mapping[str, RuleSet | Mapping[str, object]],
    *,
    ballots: object = None,
) -> pd.DataFrame:
    """One row of headline numbers per scenario (see :func:`scenario_summary`).

    Returns
    -------
    pandas.DataFrame
        Columns ``scenario``, ``seats``, ``threshold_pct``, ``base``, ``method``,
        ``lists_in``, ``largest_party``, ``largest_seats``, ``gallagher``,
        ``enp_seats``, ``wasted_pct``, ``no_seat_pct``, ``against_all_pct`` (floats
        rounded to 2 decimals; ``wasted_pct`` = ``no_seat_pct`` + ``against_all_pct``,
        kept for callers that read one figure). The base of each column is in
        :data:`SUMMARY_BASES`.
    """
    return summary_table(replay_all(votes, against_all, scenarios, ballots=ballots), against_all)


def summary_table(results: Mapping[str, Allocation], against_all: object = 0) -> pd.DataFrame:
    """The table of :func:`compare_summary` from replays already made (:func:`replay_all`)."""
    import pandas as pd

    rows = []
    for name, alloc in results.items():
        s = scenario_summary(alloc, against_all)
        rows.append(
            {
                "scenario": name,
                "seats": s["seats"],
                "threshold_pct": s["threshold_pct"],
                "base": s["base"],
                "method": s["method"],
                "lists_in": s["lists_in"],
                "largest_party": s["largest_party"],
                "largest_seats": s["largest_seats"],
                "gallagher": round(s["gallagher"], 2),  # type: ignore[arg-type]
                "enp_seats": round(s["enp_seats"], 2),  # type: ignore[arg-type]
                "wasted_pct": round(s["wasted_pct"], 2),  # type: ignore[arg-type]
                "no_seat_pct": round(s["no_seat_pct"], 2),  # type: ignore[arg-type]
                "against_all_pct": round(s["against_all_pct"], 2),  # type: ignore[arg-type]
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- vote shifts


def shift_votes(
    votes: Mapping[str, object], from_party: str, to_party: str, points: object
) -> dict[str, Number]:
    """Move ``points`` percentage points of the vote from one party to another.

    ``moved = points / 100 × T``, where T is the total of ``votes``; ``from_party``
    loses ``moved`` votes and ``to_party`` gains them, so T is unchanged. The
    arithmetic is exact (the result may hold ``Fraction`` votes). To measure the
    points against party votes + 'against all' (the CEC's base), include 'against
    all' as a key first (:func:`with_against_all`) — then it can also give or
    receive votes.

    Parameters
    ----------
    votes
        Party -> votes.
    from_party, to_party
        Two different keys of ``votes``.
    points
        Percentage points to move, ``0 <= points <= from_party's share`` (a number
        or a string such as ``"2.5"``).

    Returns
    -------
    dict
        A new mapping, same keys and order.

    Raises
    ------
    TypeError, ValueError
        If a party is unknown, the parties are equal, or ``points`` is negative or
        more than ``from_party`` has; the message names the argument and value.

    Examples
    --------
    >>> shift_votes({"A": 600, "B": 300, "C": 100}, "A", "C", 5)
    {'A': 550, 'B': 300, 'C': 150}
    """
    if not isinstance(votes, Mapping) or not votes:
        raise TypeError(f"votes must be a non-empty mapping of party to votes, got {votes!r}")
    exact = {}
    for party, value in votes.items():
        exact[party] = non_negative_number(value, f"votes[{party!r}]")
    for name, party in (("from_party", from_party), ("to_party", to_party)):
        if party not in exact:
            valid = ", ".join(repr(p) for p in exact)
            raise ValueError(f"{name} must be one of {valid}, got {party!r}")
    if from_party == to_party:
        raise ValueError(f"to_party must differ from from_party, got {to_party!r} for both")
    if isinstance(points, str):
        check_exponent(points, "points")  # before Fraction(), which would hang on "1e999999999"
        try:
            amount = Fraction(points.strip())
        except ValueError:
            raise ValueError(
                f"points must be a number of percentage points, got {points!r}"
            ) from None
    else:
        amount = Fraction(exact_number(points, "points"))
    if amount < 0:
        raise ValueError(
            f"points must be >= 0 (swap from_party and to_party to move votes the other way), "
            f"got {points!r}"
        )
    total = sum(exact.values())
    available = Fraction(exact[from_party]) * 100 / total if total else Fraction(0)
    if amount > available:
        # Truncated, not rounded: the number shown is always a valid choice.
        most = math.floor(available * 10_000) / 10_000
        raise ValueError(
            f"points must be at most {most:.4f} (the share of {from_party!r}, in per cent), "
            f"got {points!r}"
        )
    moved = amount * total / 100
    result: dict[str, Number] = {}
    for party, value in exact.items():
        new = Fraction(value)
        if party == from_party:
            new -= moved
        elif party == to_party:
            new += moved
        result[party] = int(new) if new.denominator == 1 else new
    return result


def with_against_all(votes: Mapping[str, object], against_all: object) -> dict[str, Number]:
    """``votes`` plus an ``'Against all'`` entry (only if ``against_all`` > 0).

    Raises
    ------
    ValueError
        If ``votes`` already has an 'Against all' key.
    """
    combined = vote_mapping(votes)
    if AGAINST_ALL in combined:
        raise ValueError(f"votes already has an {AGAINST_ALL!r} entry, got {combined!r}")
    extra = non_negative_number(against_all, "against_all")
    if extra:
        combined[AGAINST_ALL] = extra
    return combined


def split_against_all(votes: Mapping[str, object]) -> tuple[dict[str, Number], Number]:
    """The inverse of :func:`with_against_all`: (party votes, 'against all' votes)."""
    exact = vote_mapping(votes)
    return {p: v for p, v in exact.items() if p != AGAINST_ALL}, exact.get(AGAINST_ALL, 0)


# --------------------------------------------------------------------------- thresholds


def entry_thresholds(
    votes: Mapping[str, object],
    against_all: object = 0,
    *,
    base: str = "votes_and_against_all",
    ballots: object = None,
) -> dict[str, Fraction]:
    """The highest threshold (in per cent) each party still passes.

    A party with ``v`` votes passes an inclusive threshold ``t`` of a base total
    ``B`` when ``v >= t × B``, so the highest such t is ``100 × v / B`` per cent:
    its share of the base. Any threshold at or below that number lets it in.

    Parameters
    ----------
    votes, against_all, ballots
        As for :func:`replay`.
    base
        ``"votes"``, ``"votes_and_against_all"`` or ``"ballots"``.

    Returns
    -------
    dict
        Party -> exact per cent of the base (``Fraction``).

    Raises
    ------
    ValueError
        For an unknown base, or ``"ballots"`` without ``ballots``.

    Examples
    --------
    >>> {p: round(float(t), 2) for p, t in entry_thresholds({"A": 930, "B": 70}).items()}
    {'A': 93.0, 'B': 7.0}
    """
    check_base(base)
    exact = vote_mapping(votes)
    aa = non_negative_number(against_all, "against_all")
    if base == "votes":
        total = sum(exact.values())
    elif base == "votes_and_against_all":
        total = sum(exact.values()) + aa
    else:
        if ballots is None:
            raise ValueError("ballots must be given when the base is 'ballots', got None")
        total = exact_number(ballots, "ballots")
    if total <= 0:
        raise ValueError(f"the {base} total must be positive, got {total}")
    return {p: Fraction(v) * 100 / total for p, v in exact.items()}


def threshold_by_base(
    votes: Mapping[str, object],
    against_all: object = 0,
    *,
    threshold: object,
    ballots: object = None,
) -> pd.DataFrame:
    """How high one threshold is on each base, and which lists it admits.

    Parameters
    ----------
    votes, against_all
        As for :func:`replay`.
    threshold
        A share (``0.05``) or a string (``"5%"``).
    ballots
        All ballots received; without it the ``"ballots"`` row is left out.

    Returns
    -------
    pandas.DataFrame
        One row per base: ``base``, ``base_total``, ``votes_needed`` (the smallest
        whole number of votes at or above ``threshold × base_total``),
        ``lists_admitted``, ``closest_list`` (the admitted list with the fewest
        votes) and ``closest_pct`` (its share of the base, per cent, 2 decimals).

    Examples
    --------
    >>> table = threshold_by_base({"A": 90, "B": 6, "C": 4}, 10, threshold="5%")
    >>> table[["base", "votes_needed"]].values.tolist()
    [['votes', 5], ['votes_and_against_all', 6]]
    """
    import pandas as pd

    share = parse_share(threshold, "threshold")
    exact = vote_mapping(votes)
    rows = []
    for base in BASES:
        if base == "ballots" and ballots is None:
            continue
        entry = entry_thresholds(exact, against_all, base=base, ballots=ballots)
        admitted = [p for p, t in entry.items() if t >= share * 100]
        total = _base_total(exact, against_all, base, ballots)
        closest = min(admitted, key=lambda p: exact[p]) if admitted else None
        rows.append(
            {
                "base": base,
                "base_total": _display_number(_normal(total)),
                "votes_needed": math.ceil(share * total),
                "lists_admitted": len(admitted),
                "closest_list": closest,
                "closest_pct": None if closest is None else round(float(entry[closest]), 2),
            }
        )
    return pd.DataFrame(rows)


def _normal(value: Fraction) -> Number:
    return int(value) if value.denominator == 1 else value


def _base_total(
    exact: Mapping[str, Number], against_all: object, base: str, ballots: object
) -> Fraction:
    aa = exact_number(against_all, "against_all")
    if base == "votes":
        return Fraction(sum(exact.values()))
    if base == "votes_and_against_all":
        return Fraction(sum(exact.values()) + aa)
    return Fraction(exact_number(ballots, "ballots"))


def official_check(election: Election) -> pd.DataFrame:
    """The official list seats of an election next to kzlib's count.

    kzlib counts the election's votes under its own rules (``election.rules``,
    e.g. :func:`kzlib.rules.mazhilis` of that year).

    Parameters
    ----------
    election
        A real election with its rules and official seats, e.g.
        :func:`kzlib.cases.mazhilis_election`.

    Returns
    -------
    pandas.DataFrame
        One row per party: ``year``, ``party``, ``votes``, ``official_seats``,
        ``kzlib_seats``, ``match``.

    Raises
    ------
    ValueError
        If the election carries no rules or no official seats.

    Examples
    --------
    >>> from kzlib.cases import mazhilis_election
    >>> bool(official_check(mazhilis_election(2023))["match"].all())
    True
    """
    import pandas as pd

    e, year = election, election.year
    if e.rules is None or e.official_seats is None:
        raise ValueError(f"election must carry rules and official_seats, got {e.name!r}")
    seats = replay(e.votes, e.against_all, e.rules).seats
    official = e.official_seats or {}
    return pd.DataFrame(
        [
            {
                "year": year,
                "party": p,
                "votes": v,
                "official_seats": official[p],
                "kzlib_seats": seats[p],
                "match": official[p] == seats[p],
            }
            for p, v in e.votes.items()
        ]
    )


# --------------------------------------------------------------------------- for the explorers


def base_shares(allocation: Allocation) -> dict[str, float]:
    """Each list's share of the threshold base, in per cent, for charts and tables.

    ``share = votes / base total × 100``, where the base total is the one the
    threshold was measured against (:attr:`~kzlib.allocation.Allocation.base_total`).

    Parameters
    ----------
    allocation
        A count with a threshold (e.g. from :func:`outcome` or :func:`replay`).

    Returns
    -------
    dict
        Party -> per cent of the base (float), in the order of ``allocation.votes``.

    Raises
    ------
    ValueError
        If the count has no threshold base (``base_total`` is None or 0).

    Examples
    --------
    >>> a = outcome({"A": 600, "B": 300, "C": 50}, 50, seats=10, threshold="5%")
    >>> base_shares(a)
    {'A': 60.0, 'B': 30.0, 'C': 5.0}
    """
    if not allocation.base_total:
        raise ValueError(
            f"allocation must have a threshold base, got base_total={allocation.base_total!r}"
        )
    total = float(allocation.base_total)
    return {party: float(votes) * 100 / total for party, votes in allocation.votes.items()}


def votes_to_pass(allocation: Allocation) -> int | None:
    """The fewest whole votes with which a list reaches the threshold of ``allocation``.

    ``ceil(share × base total)`` for an inclusive threshold ("5% and more"), one more
    vote when the threshold must be exceeded; None without a threshold.

    Examples
    --------
    >>> a = outcome({"A": 600, "B": 300, "C": 51}, 50, seats=10, threshold="5%")
    >>> votes_to_pass(a)  # 5% of 1,001 = 50.05
    51
    """
    rule = allocation.threshold
    if rule is None or allocation.base_total is None:
        return None
    needed = rule.share * allocation.base_total
    whole = math.ceil(needed)
    return whole if rule.inclusive or whole > needed else whole + 1


def pass_margins(allocation: Allocation) -> dict[str, float]:
    """How far each list was above (+) or below (−) the threshold line, in votes.

    ``votes − share × base total`` for every list, rounded to 2 decimals: how many
    votes a list could have lost and still passed (positive), or needed to gain
    (negative, about; one vote more where the threshold must be exceeded).

    Raises
    ------
    ValueError
        If ``allocation`` has no threshold.

    Examples
    --------
    >>> a = outcome({"A": 600, "B": 330, "C": 70}, 0, seats=10, threshold="7%")
    >>> pass_margins(a)  # the line is 7% of 1,000 = 70 votes
    {'A': 530.0, 'B': 260.0, 'C': 0.0}
    """
    rule = allocation.threshold
    if rule is None or allocation.base_total is None:
        raise ValueError(f"allocation must have a threshold, got threshold={rule!r}")
    line = rule.share * allocation.base_total
    return {p: round(float(Fraction(v) - line), 2) for p, v in allocation.votes.items()}


def same_seats(seats: Mapping[str, int], official: Mapping[str, int] | None) -> bool:
    """Whether a count gives every party its official number of seats.

    A party missing on one side counts as 0 seats there.

    Parameters
    ----------
    seats
        Party -> seats of a count.
    official
        Party -> official seats, or None (no official result: always False).

    Examples
    --------
    >>> same_seats({"A": 3, "B": 2, "C": 0}, {"A": 3, "B": 2})
    True
    >>> same_seats({"A": 4, "B": 1}, {"A": 3, "B": 2})
    False
    """
    if official is None:
        return False
    return all(seats.get(p, 0) == official.get(p, 0) for p in {**seats, **official})


# Kept with the block above (not in the list at the top) so that this block merges as one.
__all__ += ["SUMMARY_BASES", "base_shares", "pass_margins", "same_seats", "votes_to_pass"]
