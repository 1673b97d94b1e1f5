"""How seats are counted: article 97-1 step by step, methods side by side, paradoxes.

Kazakhstan shares its party-list seats by article 97-1 of the Constitutional Law
"On elections" (paraphrased and quoted by https://qmonitor.kz/politics/5001):

1. only the lists that passed the threshold take part;
2. their votes are added up and divided by the number of seats: the *first
   electoral quotient*, or **quota**;
3. each admitted list's votes are divided by the quota;
4. the **integer part** of that quotient is the number of seats the list gets;
5. the seats left over go, one each, to the lists with the largest fractional
   **remainders** (the 7%-era law: on a tie, the list registered earlier wins).

That is the Hare quota with largest remainders. :func:`article_97_1_steps` lays the
five steps out as a table a student can follow with a calculator;
:func:`compare_methods` counts the same votes by other methods (Droop, D'Hondt,
Sainte-Laguë, modified Sainte-Laguë) with two indices for each;
:func:`house_size_paradoxes` finds house sizes where one more seat costs a list a
seat (the *Alabama paradox*, possible under largest-remainder methods and impossible
under divisor methods); :func:`count_seats` is one method at one house size,
compared with one seat fewer, and :func:`seats_by_house_size` follows one party as
the house grows.

What can happen on election night, with the house size fixed:
:func:`population_paradoxes` (a list grows faster than another, yet loses a seat to
it) and :func:`threshold_effect` (one list just reaching the threshold raises the
quota for everyone). :func:`effective_threshold` is Taagepera's 75% / (M + 1), set
beside the legal threshold by :func:`threshold_yardsticks`.

All seat arithmetic is exact (:func:`kzlib.allocate`); floats appear only in the
display tables. Only the functions that build DataFrames import pandas, inside the
function.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib import indices
from kzlib.allocation import (
    LARGEST_REMAINDER_METHODS,
    METHOD_LABELS,
    Allocation,
    allocate,
    method_name,
)
from kzlib.thresholds import BASES, Threshold, parse_share

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from kzlib.cases import Election

__all__ = [
    "METHOD_LABELS",
    "METHOD_ORDER",
    "POPULATION_EXAMPLE",
    "TEXTBOOK_VOTES",
    "HandCount",
    "Paradox",
    "PopulationParadox",
    "SeatCount",
    "Step",
    "ThresholdEffect",
    "article_97_1_steps",
    "compare_methods",
    "count_seats",
    "effective_threshold",
    "house_size_paradoxes",
    "methods_vs_official",
    "population_paradoxes",
    "seats_by_house_size",
    "threshold_effect",
    "threshold_yardsticks",
]

#: The methods compared, in the order they are shown (Kazakhstan's method first), and
#: how each is named: both read from the one table beside the methods.
METHOD_ORDER: tuple[str, ...] = tuple(METHOD_LABELS)

#: A textbook example of the Alabama paradox (votes in thousands, say): under Hare, C has
#: 1 of 10 seats but 0 of 11. Chosen so that no method meets a tie at any house size from
#: 1 to 150 (a test checks), so no registration order is needed to read it.
TEXTBOOK_VOTES: dict[str, int] = {"A": 373, "B": 304, "C": 41}

#: A textbook example of the population paradox: the same three lists in a first and a
#: second count of one election (10 seats). Every list gains votes; B's vote grows by
#: 3.62%, C's by 1.99%, yet under Hare B loses a seat to C. No method ties at 10 seats.
POPULATION_EXAMPLE: tuple[dict[str, int], dict[str, int]] = (
    {"A": 524, "B": 359, "C": 151},
    {"A": 573, "B": 372, "C": 154},
)

#: The default threshold base: what the CEC publishes percentages of since 2023.
DEFAULT_BASE = "votes_and_against_all"

#: The article's own words for each step (translated from the Russian quoted by qmonitor.kz).
_RULES = (
    "Only the party lists that reach the threshold take part in the distribution.",
    "The votes of the lists that passed are added up and divided by the number of seats "
    "to distribute. The result is the first electoral quotient (the quota).",
    "The votes of each admitted list are divided by the quota.",
    "The integer part of each quotient is the number of seats the list receives.",
    "Seats still left go one each to the lists with the largest fractional remainders "
    "(on equal remainders, the list registered earlier wins: the 7%-era law; not confirmed "
    "for the current text).",
)


# --------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Step:
    """One step of the article 97-1 count.

    Attributes
    ----------
    number
        1 to 5.
    title
        A short name, e.g. ``"The quota"``.
    rule
        What the law says to do at this step, in plain words.
    values
        Party -> the value this step produces, exact: step 1 each list's share of
        the base (0..1), step 2 the votes of each admitted list, step 3 each
        quotient (votes / quota), step 4 each integer part, step 5 each
        remainder (quotient minus its integer part).
    headline
        The step's one number: the base total (step 1), the quota (step 2), the
        sum of the quotients (step 3, always the number of seats), the seats given
        by integer parts (step 4), the seats given by remainders (step 5).
    summary
        One sentence with the numbers, for the notebook.
    """

    number: int
    title: str
    rule: str
    values: dict[str, object]
    headline: int | Fraction | None
    summary: str


@dataclass(frozen=True)
class HandCount(Sequence):
    """The five steps of article 97-1 for one election, and the allocation behind them.

    A ``HandCount`` is a sequence of its :class:`Step` values (``count[0]`` is step
    1, ``len(count) == 5``); :meth:`table` lays out one row per party and
    :meth:`summary` one row per step.

    Attributes
    ----------
    steps
        The five steps, in order.
    allocation
        The :class:`~kzlib.allocation.Allocation` computed by :func:`kzlib.allocate`
        (method ``"hare"``), whose fields the steps show.
    """

    steps: tuple[Step, ...]
    allocation: Allocation

    def __getitem__(self, index):  # type: ignore[override]
        return self.steps[index]

    def __len__(self) -> int:
        return len(self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    @property
    def quota(self) -> Fraction:
        """The quota, in votes per seat (exact)."""
        assert self.allocation.quota is not None
        return self.allocation.quota

    @property
    def seats(self) -> dict[str, int]:
        """Party -> seats after step 5 (0 for lists below the threshold)."""
        return dict(self.allocation.seats)

    def remainder_ranks(self) -> dict[str, int]:
        """Admitted party -> rank of its remainder (1 = largest; equal remainders
        share a rank)."""
        remainders = self.allocation.remainders
        ordered = sorted(set(remainders.values()), reverse=True)
        return {p: ordered.index(r) + 1 for p, r in remainders.items()}

    def table(self, official: Mapping[str, int] | None = None, decimals: int = 4) -> pd.DataFrame:
        """The hand-count table, one row per party (input order).

        Parameters
        ----------
        official
            Party -> official seats; if given, adds the columns ``official_seats``
            and ``match``.
        decimals
            Decimals shown for shares, quotients and remainders (the exact values
            are in :attr:`steps`; ranks and seats are computed exactly).

        Returns
        -------
        pandas.DataFrame
            Columns ``party``, ``votes``, ``share_of_base_pct`` (step 1, per cent),
            ``passes`` (step 1), ``quotient`` (step 3), ``integer_part`` (step 4),
            ``remainder`` and ``remainder_rank`` (step 5), ``remainder_seat``,
            ``seats``. Lists below the threshold have empty step 3–5 cells.
        """
        import pandas as pd

        a = self.allocation
        shares = self.steps[0].values
        quotients = a.quotients
        remainders = a.remainders
        ranks = self.remainder_ranks()
        rows = []
        for party, votes in a.votes.items():
            admitted = party in a.eligible
            row = {
                "party": party,
                "votes": votes if isinstance(votes, int) else float(votes),
                "share_of_base_pct": round(float(shares[party]) * 100, 2),  # type: ignore[arg-type]
                "passes": admitted,
                "quotient": round(float(quotients[party]), decimals) if admitted else None,
                "integer_part": a.automatic_seats[party] if admitted else None,
                "remainder": round(float(remainders[party]), decimals) if admitted else None,
                "remainder_rank": ranks[party] if admitted else None,
                "remainder_seat": party in a.remainder_seats,
                "seats": a.seats[party],
            }
            if official is not None:
                row["official_seats"] = official.get(party, 0)
                row["match"] = official.get(party, 0) == a.seats[party]
            rows.append(row)
        frame = pd.DataFrame(rows)
        for column in ("integer_part", "remainder_rank"):
            frame[column] = frame[column].astype("Int64")
        frame["quotient"] = frame["quotient"].astype("float64")
        frame["remainder"] = frame["remainder"].astype("float64")
        return frame

    def summary(self) -> pd.DataFrame:
        """One row per step: ``step``, ``title``, ``rule`` and ``result`` (the summary)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {"step": s.number, "title": s.title, "rule": s.rule, "result": s.summary}
                for s in self
            ]
        )


@dataclass(frozen=True)
class SeatCount:
    """One method at one house size, compared with one seat fewer.

    Attributes
    ----------
    method
        Canonical method name.
    allocation
        The count at ``house_size`` seats.
    previous
        The count of the same votes at ``house_size - 1`` seats (None for one seat).
    lost
        Parties with fewer seats than at ``house_size - 1``: a non-empty tuple is
        the Alabama paradox.
    gallagher
        Gallagher's least-squares index for ``allocation`` (0–100, party votes).
    enp_seats
        Effective number of parties by seats, ``1 / Σ s_i²``.
    """

    method: str
    allocation: Allocation
    previous: Allocation | None
    lost: tuple[str, ...]
    gallagher: float
    enp_seats: float

    @property
    def house_size(self) -> int:
        """Number of seats counted."""
        return self.allocation.house_size

    @property
    def seats(self) -> dict[str, int]:
        """Party -> seats at ``house_size``."""
        return dict(self.allocation.seats)

    @property
    def quota_seats(self) -> int | None:
        """Seats given by the integer parts of the quota, before any remainder seat.

        Returns
        -------
        int or None
            The sum of the allocation's ``automatic_seats`` for a largest-remainder
            method; None for a divisor method, which has no quota.

        Examples
        --------
        >>> count_seats({"A": 6, "B": 6, "C": 2}, 10, "hare").quota_seats
        9
        >>> count_seats({"A": 6, "B": 6, "C": 2}, 10, "dhondt", tie_break=("A", "B", "C")
        ...             ).quota_seats is None
        True
        """
        if self.allocation.quota is None:
            return None
        return sum(self.allocation.automatic_seats.values())


@dataclass(frozen=True)
class Paradox:
    """A house size where one more seat costs a party a seat (the Alabama paradox).

    Attributes
    ----------
    seats
        The house size S: the party has ``party_seats`` at S seats and
        ``party_seats_next`` (fewer) at S + 1.
    party
        The party that loses a seat.
    party_seats
        Its seats in a house of ``seats``.
    party_seats_next
        Its seats in a house of ``seats + 1``.
    """

    seats: int
    party: str
    party_seats: int
    party_seats_next: int


# --------------------------------------------------------------------------- helpers


def _as_rule(threshold: object, base: object) -> Threshold | None:
    """The threshold as a :class:`Threshold` with its base, or None."""
    if base is not None and base not in BASES:
        raise ValueError(f"base must be one of {sorted(BASES)}, got {base!r}")
    if threshold is None:
        return None
    if isinstance(threshold, Threshold):
        if base is not None and base != threshold.base:
            raise ValueError(
                f"base must match the base of the Threshold given ({threshold.base!r}), "
                f"got {base!r}"
            )
        return threshold
    share = parse_share(threshold, "threshold")
    return Threshold(share, base=base or DEFAULT_BASE)  # type: ignore[arg-type]


def _pct(share: Fraction, decimals: int = 2) -> str:
    return f"{float(share) * 100:.{decimals}f}%"


def _num(value: int | Fraction, decimals: int = 2) -> str:
    if isinstance(value, int) or (isinstance(value, Fraction) and value.denominator == 1):
        return f"{int(value):,}"
    return f"{float(value):,.{decimals}f}"


def _names(parties: Iterable[str]) -> str:
    names = list(parties)
    if not names:
        return "none"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


# --------------------------------------------------------------------------- article 97-1


def article_97_1_steps(
    votes: Mapping[str, object],
    seats: int,
    threshold: object,
    against_all: object = 0,
    base: str | None = None,
    *,
    ballots: object = None,
    tie_break: Sequence[str] | None = None,
) -> HandCount:
    """Article 97-1 step by step: threshold, quota, quotients, integer parts, remainders.

    Parameters
    ----------
    votes
        Party -> list votes (non-negative). Input order is kept.
    seats
        Party-list seats to distribute (69 for the Mazhilis from 2023, 98 before).
    threshold
        The threshold: a share (``0.05``), a string (``"5%"``), a
        :class:`~kzlib.thresholds.Threshold`, or None for no threshold.
    against_all
        'Against all' votes: they win no seat but count in the base
        ``"votes_and_against_all"``.
    base
        What the threshold is a share of (see :data:`kzlib.thresholds.BASES`);
        default ``"votes_and_against_all"`` (what the CEC publishes since 2023;
        with no 'against all' votes it equals ``"votes"``). Must agree with a
        Threshold's own base if both are given.
    ballots
        All ballots received; needed only for the base ``"ballots"``.
    tie_break
        Parties in registration order, earliest first. Without it, equal
        remainders that decide a seat raise :class:`~kzlib.allocation.TieError`.

    Returns
    -------
    HandCount
        Five :class:`Step` values and the allocation. Formulae: quota
        ``Q = (Σ votes of admitted lists) / seats`` (votes per seat); quotient
        ``q_i = v_i / Q``; integer part ``floor(q_i)`` seats; remainder
        ``q_i - floor(q_i)``; the ``seats - Σ floor(q_i)`` leftover seats go to the
        largest remainders.

    Raises
    ------
    TypeError, ValueError
        On malformed input; the message names the argument and the value.
    TieError
        If equal remainders decide a seat and ``tie_break`` does not settle it.

    Notes
    -----
    The 2009 rule for a single list over the threshold (the runner-up is admitted
    with a 0.7 coefficient) is not part of this hand count; step 1 says when it
    would apply (see :meth:`kzlib.rules.RuleSet.allocate_list`).

    Examples
    --------
    >>> count = article_97_1_steps({"A": 620, "B": 290, "C": 90}, 4, "5%")
    >>> count.quota
    Fraction(250, 1)
    >>> count[3].values
    {'A': 2, 'B': 1, 'C': 0}
    >>> count[4].summary
    'The 1 seat left goes to the largest remainder: A (0.48); next in line was C (0.36).'
    """
    rule = _as_rule(threshold, base)
    a = allocate(
        votes, seats, "hare", rule, tie_break=tie_break, against_all=against_all, ballots=ballots
    )
    given = a.votes
    admitted = list(a.eligible)
    below = [p for p in given if p not in a.eligible]

    # Step 1: who passes.
    total = a.base_total if a.base_total is not None else sum(given.values())
    shares = {p: Fraction(v) / total for p, v in given.items()}
    if rule is None:
        s1 = f"No threshold: all {len(given)} lists take part."
    else:
        needed = rule.share * total
        s1 = (
            f"The base is {_num(total)} votes ({BASES[rule.base]}); {_pct(rule.share, 0)} of it is "
            f"{_num(needed)} votes. {len(admitted)} of {len(given)} lists "
            f"{'passes' if len(admitted) == 1 else 'pass'}: {_names(admitted)}"
            + (f"; below the threshold: {_names(below)}." if below else ".")
        )
        if len(admitted) == 1:
            s1 += (
                " Only one list passes. Since a 2009 amendment the runner-up is admitted "
                "too (if that rule is still law); that rule is not part of this count."
            )
    step1 = Step(1, "Who passes the threshold", _RULES[0], shares, total, s1)

    # Step 2: the quota.
    admitted_votes = sum(given[p] for p in admitted)
    quota = a.quota
    assert quota is not None
    step2 = Step(
        2,
        "The quota",
        _RULES[1],
        {p: given[p] for p in admitted},
        quota,
        f"{_num(admitted_votes)} votes for the admitted lists / {a.house_size} seats = "
        f"a quota of {_num(quota)} votes per seat.",
    )

    # Step 3: quotients.
    quotients = a.quotients
    step3 = Step(
        3,
        "Each list's quotient",
        _RULES[2],
        dict(quotients),
        sum(quotients.values(), Fraction(0)),
        "Quotients: "
        + ", ".join(f"{p} {float(q):.4f}" for p, q in quotients.items())
        + f". Together they add up to exactly {a.house_size}, the number of seats.",
    )

    # Step 4: integer parts.
    automatic = dict(a.automatic_seats)
    given_out = sum(automatic.values())
    left = a.house_size - given_out
    step4 = Step(
        4,
        "Integer parts",
        _RULES[3],
        automatic,
        given_out,
        "Integer parts: "
        + ", ".join(f"{p} {n}" for p, n in automatic.items())
        + f". That gives out {given_out} {'seat' if given_out == 1 else 'seats'}; {left} "
        + ("seat is" if left == 1 else "seats are")
        + " left.",
    )

    # Step 5: remainders.
    remainders = a.remainders
    order = sorted(admitted, key=lambda p: (-remainders[p], admitted.index(p)))
    if left == 0:
        s5 = "No seat is left: the remainders decide nothing."
    else:
        winners = ", ".join(f"{p} ({float(remainders[p]):.2f})" for p in a.remainder_seats)
        noun = "seat left goes" if left == 1 else "seats left go"
        s5 = (
            f"The {left} {noun} to the largest "
            + ("remainder" if left == 1 else "remainders")
            + f": {winners}."
        )
        if len(order) > left:
            runner = order[left]
            if a.tie:
                s5 += (
                    f" {_names(a.tie)} had equal remainders; the tie rule (earlier-registered "
                    f"list first) decided."
                )
            elif remainders[runner] > 0 and len(admitted) > 1:
                s5 = s5[:-1] + f"; next in line was {runner} ({float(remainders[runner]):.2f})."
    step5 = Step(5, "Remainders", _RULES[4], dict(remainders), len(a.remainder_seats), s5)
    return HandCount(steps=(step1, step2, step3, step4, step5), allocation=a)


def methods_vs_official(
    elections: Iterable[Election], methods: Iterable[str] = METHOD_ORDER
) -> pd.DataFrame:
    """Which methods reproduce each official result.

    Parameters
    ----------
    elections
        Real counts with their rules and official seats, e.g.
        :func:`kzlib.cases.official_cases`: each needs ``name``, ``votes``,
        ``against_all``, ``list_seats``, ``rules`` (for the threshold) and
        ``official_seats``.
    methods
        Method names, one column each (default :data:`METHOD_ORDER`).

    Returns
    -------
    pandas.DataFrame
        One row per election: ``case``, ``seats``, then one column per method:
        ``"same"`` if the method gives every party its official seats, otherwise
        the differences, e.g. ``"Amanat 41 (40), JSDP 3 (4)"`` (method's seats,
        official in brackets).

    Raises
    ------
    ValueError
        If an election lacks its rules, seats or official seats.
    """
    import pandas as pd

    names = _methods(methods)
    rows = []
    for case in elections:
        if case.rules is None or case.list_seats is None or case.official_seats is None:
            raise ValueError(
                f"elections must carry rules, list_seats and official_seats, got {case.name!r}"
            )
        official = case.official_seats
        row: dict[str, object] = {"case": case.name, "seats": case.list_seats}
        for name in names:
            got = allocate(case.votes, case.list_seats, name, case.rules.threshold,
                           against_all=case.against_all)
            diffs = [
                f"{p} {got.seats[p]} ({official.get(p, 0)})"
                for p in case.votes
                if got.seats[p] != official.get(p, 0)
            ]
            row[name] = "same" if not diffs else ", ".join(diffs)
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- methods


def _methods(methods: object) -> tuple[str, ...]:
    if isinstance(methods, str) or not isinstance(methods, Iterable):
        raise TypeError(f"methods must be a list of method names, got {methods!r}")
    names = tuple(method_name(m) for m in methods)
    if not names:
        raise ValueError("methods must name at least one method, got an empty list")
    return tuple(dict.fromkeys(names))


def count_seats(
    votes: Mapping[str, object],
    seats: int,
    method: str = "hare",
    threshold: object = None,
    against_all: object = 0,
    base: str | None = None,
    *,
    ballots: object = None,
    tie_break: Sequence[str] | None = None,
) -> SeatCount:
    """Count ``votes`` by ``method`` at ``seats`` seats, and compare with one seat fewer.

    Parameters are as for :func:`article_97_1_steps`, plus ``method`` (any name
    :func:`kzlib.method_name` accepts).

    Returns
    -------
    SeatCount
        The allocation, the allocation at ``seats - 1`` (None when ``seats`` is
        1), the parties that lost a seat going from ``seats - 1`` to ``seats``
        (the Alabama paradox), the Gallagher index and the effective number of
        parties by seats.

    Raises
    ------
    TypeError, ValueError, TieError
        As :func:`kzlib.allocate`.

    Examples
    --------
    >>> count_seats({"A": 6, "B": 6, "C": 2}, 11).lost
    ('C',)
    >>> count_seats({"A": 6, "B": 6, "C": 2}, 11, "sainte-lague", tie_break=["A", "B", "C"]).lost
    ()
    """
    name = method_name(method)
    rule = _as_rule(threshold, base)
    options = dict(tie_break=tie_break, against_all=against_all, ballots=ballots)
    now = allocate(votes, seats, name, rule, **options)
    before = None
    lost: tuple[str, ...] = ()
    if now.house_size > 1:
        before = allocate(votes, now.house_size - 1, name, rule, **options)
        lost = tuple(p for p in now.seats if now.seats[p] < before.seats[p])
    winners = {p: s for p, s in now.seats.items() if s}
    return SeatCount(
        method=name,
        allocation=now,
        previous=before,
        lost=lost,
        gallagher=indices.gallagher(now.votes, now.seats),
        enp_seats=indices.effective_number_of_parties(winners),
    )


def compare_methods(
    votes: Mapping[str, object],
    seats: int,
    threshold: object = None,
    against_all: object = 0,
    methods: Iterable[str] = METHOD_ORDER,
    base: str | None = None,
    *,
    ballots: object = None,
    tie_break: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The same votes counted by several methods, side by side.

    Parameters
    ----------
    votes, seats, threshold, against_all, base, ballots, tie_break
        As for :func:`article_97_1_steps`; the threshold is applied before every
        method.
    methods
        Method names, in the order of the rows (default :data:`METHOD_ORDER`).

    Returns
    -------
    pandas.DataFrame
        One row per method: ``method`` (canonical name), ``label``, ``family``
        (``"largest remainder"`` or ``"divisor"``), one column of seats per party
        (input order), ``gallagher`` (least-squares index of disproportionality,
        0–100, ``sqrt(½ Σ (v_i − s_i)²)`` with shares in per cent of the party
        votes) and ``enp_seats`` (effective number of parties by seats,
        ``1 / Σ s_i²``), both rounded to 3 decimals.

    Raises
    ------
    TypeError, ValueError, TieError
        As :func:`kzlib.allocate`; ``methods`` must be a non-empty list of names.

    Examples
    --------
    >>> table = compare_methods({"A": 55, "B": 32, "C": 13}, 5)
    >>> table[["method", "A", "B", "C"]].values.tolist()[:3]
    [['hare', 3, 1, 1], ['droop', 3, 2, 0], ['dhondt', 3, 2, 0]]
    """
    import pandas as pd

    names = _methods(methods)
    rule = _as_rule(threshold, base)
    rows = []
    for name in names:
        a = allocate(
            votes, seats, name, rule, tie_break=tie_break, against_all=against_all, ballots=ballots
        )
        winners = {p: s for p, s in a.seats.items() if s}
        rows.append(
            {
                "method": name,
                "label": METHOD_LABELS[name],
                "family": "largest remainder" if name in LARGEST_REMAINDER_METHODS else "divisor",
                **a.seats,
                "gallagher": round(indices.gallagher(a.votes, a.seats), 3),
                "enp_seats": round(indices.effective_number_of_parties(winners), 3),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- paradoxes


def _house_sizes(seats_range: object) -> list[int]:
    if isinstance(seats_range, (str, bytes)) or not isinstance(seats_range, Iterable):
        raise TypeError(f"seats_range must be a range or list of house sizes, got {seats_range!r}")
    sizes = list(seats_range)
    if not sizes:
        raise ValueError(f"seats_range must contain at least one house size, got {seats_range!r}")
    for size in sizes:
        if isinstance(size, bool) or not isinstance(size, int):
            raise TypeError(f"seats_range must hold whole numbers, got {size!r}")
        if size < 1:
            raise ValueError(f"seats_range must hold house sizes of 1 or more, got {size!r}")
    return sorted(set(sizes))


def house_size_paradoxes(
    votes: Mapping[str, object],
    method: str,
    seats_range: Iterable[int],
    threshold: object = None,
    against_all: object = 0,
    base: str | None = None,
    *,
    ballots: object = None,
    tie_break: Sequence[str] | None = None,
) -> list[Paradox]:
    """Every house size S in ``seats_range`` where a party has fewer seats at S + 1.

    This is the **Alabama paradox**: in 1880 the US Census Office found that
    Alabama would get 8 seats in a House of 299 but 7 in a House of 300 under the
    largest-remainder (Hamilton) method
    (http://www.ctl.ua.edu/math103/apportionment/paradoxs.htm). Largest-remainder methods
    (Hare, Droop) can show it; divisor methods (D'Hondt, Sainte-Laguë) never do, because they
    hand out seats one at a time and never take one back.

    Parameters
    ----------
    votes
        Party -> votes.
    method
        Any method name :func:`kzlib.method_name` accepts.
    seats_range
        House sizes S to check (each compared with S + 1), e.g. ``range(1, 151)``.
    threshold, against_all, base, ballots, tie_break
        As for :func:`article_97_1_steps`.

    Returns
    -------
    list of Paradox
        One entry per (house size, party) that loses a seat, by house size then
        input order; empty if none.

    Raises
    ------
    TypeError, ValueError
        If ``seats_range`` is empty or holds anything but whole numbers >= 1, or
        on malformed votes (the message names the argument).
    TieError
        If a tie decides a seat at some house size and ``tie_break`` does not
        settle it (the message names the seat).

    Examples
    --------
    >>> votes = {"A": 6, "B": 6, "C": 2}
    >>> found = house_size_paradoxes(votes, "hare", range(1, 13), tie_break=list("ABC"))
    >>> [(p.seats, p.party, p.party_seats, p.party_seats_next) for p in found]
    [(3, 'C', 1, 0), (10, 'C', 2, 1)]
    """
    sizes = _house_sizes(seats_range)
    name = method_name(method)
    rule = _as_rule(threshold, base)
    cache: dict[int, dict[str, int]] = {}

    def seats_at(size: int) -> dict[str, int]:
        if size not in cache:
            cache[size] = allocate(
                votes, size, name, rule, tie_break=tie_break, against_all=against_all,
                ballots=ballots,
            ).seats
        return cache[size]

    found = []
    for size in sizes:
        now, bigger = seats_at(size), seats_at(size + 1)
        for party, n in now.items():
            if bigger[party] < n:
                found.append(Paradox(size, party, n, bigger[party]))
    return found


# --------------------------------------------------------------------------- election night


@dataclass(frozen=True)
class PopulationParadox:
    """A list whose votes grew faster than another's, yet it lost a seat to it.

    Attributes
    ----------
    party
        The list that grew faster and lost a seat.
    other
        The list that grew more slowly (or not at all) and gained a seat.
    party_growth, other_growth
        Growth of each list's votes from the first count to the second, in per
        cent of its first-count votes (exact).
    party_seats, other_seats
        (seats in the first count, seats in the second count) of each list.
    """

    party: str
    other: str
    party_growth: Fraction
    other_growth: Fraction
    party_seats: tuple[int, int]
    other_seats: tuple[int, int]


@dataclass(frozen=True)
class ThresholdEffect:
    """What happens to everyone when one list just reaches the threshold.

    Attributes
    ----------
    party
        The list that was below the threshold.
    votes_before
        Its votes.
    votes_needed
        The fewest whole votes with which it reaches the threshold, if the extra
        votes come from people who had not voted (the base grows with them).
    before, after
        The two allocations: the real votes, and the votes with ``party`` at
        ``votes_needed``.
    changes
        Party -> change in seats (after minus before), for every list whose seats
        change.
    """

    party: str
    votes_before: int | Fraction
    votes_needed: int
    before: Allocation
    after: Allocation
    changes: dict[str, int]


def _growth(before: int | Fraction, after: int | Fraction) -> Fraction:
    return Fraction(after - before) * 100 / before


def population_paradoxes(
    before: Mapping[str, object],
    after: Mapping[str, object],
    seats: int,
    method: str = "hare",
    threshold: object = None,
    base: str | None = None,
    *,
    against_all_before: object = 0,
    against_all_after: object = 0,
    tie_break: Sequence[str] | None = None,
) -> list[PopulationParadox]:
    """Lists that grew faster than another list between two counts, yet lost a seat to it.

    This is the **population paradox** (M. Balinski and H. P. Young, *Fair Representation*,
    1982): with the number of seats fixed, a list whose vote grows by a larger percentage
    than another's should not lose a seat while the other gains one ("the faster growing
    state should not lose a seat while a slower growing state maintains or gains a seat",
    OpenStax, *Contemporary Mathematics* 11.5,
    https://openstax.org/books/contemporary-mathematics/pages/11-5-fairness-in-apportionment-methods).
    Largest-remainder methods (Hare, Droop) can show it; divisor methods cannot.
    Between a preliminary and a final count it could happen on election night.

    Parameters
    ----------
    before, after
        Party -> votes in the first and the second count (the same parties).
    seats
        The house size, the same in both counts.
    method
        Any name :func:`kzlib.method_name` accepts.
    threshold, base, tie_break
        As for :func:`article_97_1_steps`.
    against_all_before, against_all_after
        'Against all' votes in each count (for the threshold base).

    Returns
    -------
    list of PopulationParadox
        One entry per (party, other) pair, in input order; empty if none. Only lists
        with votes in the first count are compared (growth needs a starting figure).

    Raises
    ------
    ValueError
        If ``before`` and ``after`` name different parties; otherwise as
        :func:`kzlib.allocate` (TypeError, ValueError, TieError).

    Examples
    --------
    >>> before = {"A": 524, "B": 359, "C": 151}
    >>> after = {"A": 573, "B": 372, "C": 154}
    >>> p = population_paradoxes(before, after, 10)[0]
    >>> p.party, round(float(p.party_growth), 2), p.party_seats
    ('B', 3.62, (4, 3))
    >>> p.other, round(float(p.other_growth), 2), p.other_seats
    ('C', 1.99, (1, 2))
    """
    if not isinstance(before, Mapping) or not isinstance(after, Mapping):
        raise TypeError(
            f"before and after must be mappings of party -> votes, got {before!r} and {after!r}"
        )
    if set(before) != set(after):
        raise ValueError(
            f"before and after must name the same parties, got {sorted(before)} and "
            f"{sorted(after)}"
        )
    name = method_name(method)
    rule = _as_rule(threshold, base)
    first = allocate(
        before, seats, name, rule, tie_break=tie_break, against_all=against_all_before
    )
    second = allocate(
        after, seats, name, rule, tie_break=tie_break, against_all=against_all_after
    )
    grown = {
        p: _growth(first.votes[p], second.votes[p]) for p in first.votes if first.votes[p] > 0
    }
    found = []
    for p, p_growth in grown.items():
        if second.seats[p] >= first.seats[p]:
            continue
        for q, q_growth in grown.items():
            if q != p and p_growth > q_growth and second.seats[q] > first.seats[q]:
                found.append(
                    PopulationParadox(
                        p, q, p_growth, q_growth,
                        (first.seats[p], second.seats[p]), (first.seats[q], second.seats[q]),
                    )
                )
    return found


def threshold_effect(
    votes: Mapping[str, object],
    seats: int,
    party: str,
    threshold: object,
    against_all: object = 0,
    base: str | None = None,
    *,
    method: str = "hare",
    tie_break: Sequence[str] | None = None,
) -> ThresholdEffect:
    """Seats before and after ``party`` just reaches the threshold with new votes.

    A list that crosses the threshold adds its votes to the admitted total, so the
    quota rises and *every* admitted list's quotient falls: the newcomer's seats
    come out of everyone's count. The extra votes are taken to come from people who
    had not voted, so the base grows with them: the fewest whole votes ``v`` with
    ``v >= t × (B − b + v)``, where ``B`` is the base total and ``b`` the party's
    votes, i.e. ``v = ceil(t × (B − b) / (1 − t))`` for an inclusive threshold ``t``
    (one more vote if the threshold must be exceeded and that lands exactly on it).

    Parameters
    ----------
    votes, seats, threshold, against_all, base, tie_break
        As for :func:`article_97_1_steps` (``threshold`` is required). The base
        ``"ballots"`` is not accepted (a ballot total cannot be moved by this rule).
    party
        A list below the threshold.
    method
        Any name :func:`kzlib.method_name` accepts.

    Returns
    -------
    ThresholdEffect

    Raises
    ------
    ValueError
        If ``party`` is not in ``votes`` or already passes, if there is no
        threshold, or for the base ``"ballots"``; otherwise as :func:`kzlib.allocate`.

    Examples
    --------
    >>> effect = threshold_effect({"A": 600, "B": 300, "C": 40}, 10, "C", "5%")
    >>> effect.votes_needed, effect.before.seats, effect.after.seats
    (48, {'A': 7, 'B': 3, 'C': 0}, {'A': 6, 'B': 3, 'C': 1})
    >>> effect.changes  # C's one seat comes out of A's count
    {'A': -1, 'C': 1}
    """
    rule = _as_rule(threshold, base)
    if rule is None:
        raise ValueError("threshold must be given, got None")
    if rule.base == "ballots":
        raise ValueError("base must be 'votes' or 'votes_and_against_all', got 'ballots'")
    name = method_name(method)
    options = dict(tie_break=tie_break, against_all=against_all)
    now = allocate(votes, seats, name, rule, **options)
    if party not in now.votes:
        raise ValueError(f"party must be one of {list(now.votes)}, got {party!r}")
    if party in now.eligible:
        raise ValueError(f"party must be below the threshold, got {party!r}, which passes")
    own = now.votes[party]
    assert now.base_total is not None
    rest = now.base_total - own
    share = rule.share
    needed_exact = share * rest / (1 - share)
    needed = -(-needed_exact.numerator // needed_exact.denominator)  # ceiling
    if not rule.inclusive and needed == needed_exact:
        needed += 1
    new_votes = {p: (needed if p == party else v) for p, v in now.votes.items()}
    then = allocate(new_votes, seats, name, rule, **options)
    changes = {p: then.seats[p] - now.seats[p] for p in now.seats if then.seats[p] != now.seats[p]}
    return ThresholdEffect(party, own, needed, now, then, changes)


def effective_threshold(seats: int) -> Fraction:
    """Taagepera's effective threshold of one district of ``seats`` seats, in per cent.

    ``T = 75% / (M + 1)``: the vote share at which a list is about as likely as not
    to win its first seat in a district of magnitude M, with no legal threshold
    (R. Taagepera, "Effective magnitude and effective threshold", *Electoral
    Studies* 17(4), 1998, pp. 393–404, doi:10.1016/S0261-3794(97)00053-X;
    https://escholarship.org/uc/item/0jc296kf). It is a rule of thumb from many
    elections, not a guarantee for any one count.

    Parameters
    ----------
    seats
        The district magnitude M (a whole number, 1 or more).

    Returns
    -------
    Fraction
        The threshold in per cent.

    Raises
    ------
    TypeError, ValueError
        If ``seats`` is not a whole number of 1 or more.

    Examples
    --------
    >>> round(float(effective_threshold(69)), 2)
    1.07
    >>> effective_threshold(1)  # a single-member district: 37.5%
    Fraction(75, 2)
    """
    if isinstance(seats, bool) or not isinstance(seats, int):
        raise TypeError(f"seats must be a whole number, got {seats!r}")
    if seats < 1:
        raise ValueError(f"seats must be 1 or more, got {seats!r}")
    return Fraction(75, seats + 1)


def threshold_yardsticks(seats: int, legal: object) -> dict[str, Fraction]:
    """Three yardsticks for one nationwide district, each in per cent.

    Parameters
    ----------
    seats
        The number of list seats M.
    legal
        The legal threshold, e.g. ``"5%"`` or ``0.05``.

    Returns
    -------
    dict
        ``"legal threshold"``: the law's share; ``"effective threshold"``:
        Taagepera's 75% / (M + 1) (:func:`effective_threshold`); ``"one Hare quota"``:
        100% / M, the share of the *admitted* votes that buys one whole seat.

    Examples
    --------
    >>> {k: round(float(v), 2) for k, v in threshold_yardsticks(69, "5%").items()}
    {'legal threshold': 5.0, 'effective threshold': 1.07, 'one Hare quota': 1.45}
    """
    share = parse_share(legal, "legal")
    return {
        "legal threshold": share * 100,
        "effective threshold": effective_threshold(seats),
        "one Hare quota": Fraction(100, seats),
    }


def seats_by_house_size(
    votes: Mapping[str, object],
    party: str,
    sizes: Iterable[int],
    methods: Iterable[str] = ("hare", "sainte-lague"),
    threshold: object = None,
    against_all: object = 0,
    base: str | None = None,
) -> pd.DataFrame:
    """One party's seats at each house size, one column per method.

    Parameters
    ----------
    votes, threshold, against_all, base
        As for :func:`count_seats`.
    party
        The party followed (a key of ``votes``).
    sizes
        House sizes, e.g. ``range(60, 101)`` (whole numbers of 1 or more).
    methods
        Method names, one column each (default Hare and Sainte-Laguë).

    Returns
    -------
    pandas.DataFrame
        Index ``list seats`` (the sizes, ascending); one column of seats per method,
        named by its canonical name.

    Raises
    ------
    ValueError
        If ``party`` is not in ``votes``; otherwise as :func:`house_size_paradoxes`.

    Examples
    --------
    >>> seats_by_house_size(TEXTBOOK_VOTES, "C", range(10, 12)).to_dict()
    {'hare': {10: 1, 11: 0}, 'sainte-lague': {10: 1, 11: 1}}
    """
    import pandas as pd

    if party not in votes:
        raise ValueError(f"party must be one of {list(votes)}, got {party!r}")
    house = _house_sizes(sizes)
    names = _methods(methods)
    rule = _as_rule(threshold, base)
    table = pd.DataFrame(
        {
            m: [allocate(votes, n, m, rule, against_all=against_all).seats[party] for n in house]
            for m in names
        },
        index=pd.Index(house, name="list seats"),
    )
    return table
