"""Seat allocation: largest-remainder and divisor methods, in exact arithmetic.

Kazakhstan distributes party-list seats by the **Hare quota with largest
remainders** (article 97-1 of the Constitutional Law "On elections"): add up the
votes of the lists that passed the threshold, divide by the seats to get the
quota, give each list the integer part of votes / quota, then hand the seats left
over to the largest fractional remainders.

Every comparison here is made on integers (votes are scaled to a common
integer unit and compared by cross-multiplication), so a party at exactly a
threshold or a tie between two remainders is seen as exactly that. This module
imports neither pandas nor matplotlib; :meth:`Allocation.table` imports pandas
only when called.
"""

from __future__ import annotations

import heapq
import math
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib._numbers import non_negative_number, positive_integer
from kzlib.thresholds import Threshold, as_threshold

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ALIASES",
    "DIVISOR_METHODS",
    "LARGEST_REMAINDER_METHODS",
    "METHODS",
    "METHOD_LABELS",
    "Allocation",
    "TieError",
    "allocate",
    "method_name",
]

#: Canonical method names and a one-line description of each.
METHODS: dict[str, str] = {
    "hare": "largest remainder with the Hare quota (votes / seats) — Kazakhstan's method",
    "droop": "largest remainder with the Droop quota (votes / (seats + 1))",
    "dhondt": "D'Hondt divisors 1, 2, 3, …",
    "sainte-lague": "Sainte-Laguë divisors 1, 3, 5, …",
    "modified-sainte-lague": "modified Sainte-Laguë divisors 1.4, 3, 5, …",
}
#: How each method is named in tables, dropdowns and charts, in the order they are
#: shown (Kazakhstan's method first). Every label in kzlib reads from this table.
METHOD_LABELS: dict[str, str] = {
    "hare": "Hare quota, largest remainders (article 97-1)",
    "droop": "Droop quota, largest remainders",
    "dhondt": "D'Hondt",
    "sainte-lague": "Sainte-Laguë",
    "modified-sainte-lague": "modified Sainte-Laguë",
}
LARGEST_REMAINDER_METHODS = frozenset({"hare", "droop"})
DIVISOR_METHODS = frozenset({"dhondt", "sainte-lague", "modified-sainte-lague"})

#: Other common names accepted for the methods above.
ALIASES: dict[str, str] = {
    "hamilton": "hare",
    "largest-remainder": "hare",
    "largest remainder": "hare",
    "hare-niemeyer": "hare",
    "vinton": "hare",
    "hagenbach-bischoff": "droop",
    "d'hondt": "dhondt",
    "d’hondt": "dhondt",
    "jefferson": "dhondt",
    "sainte-laguë": "sainte-lague",
    "saint-lague": "sainte-lague",
    "webster": "sainte-lague",
    "modified-sainte-laguë": "modified-sainte-lague",
}


class TieError(ValueError):
    """A genuine tie decides a seat and no tie rule was given.

    Attributes
    ----------
    parties
        The tied parties, in input order.
    seats
        How many of the tied parties can get a seat.
    """

    def __init__(self, message: str, parties: Sequence[str], seats: int) -> None:
        super().__init__(message)
        self.parties = tuple(parties)
        self.seats = seats


def _fold(name: str) -> str:
    """A method name without case, accents, spaces or punctuation ("D’Hondt" -> "dhondt")."""
    plain = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in plain if c.isascii() and c.isalnum())


# Every accepted spelling, folded, -> canonical name.
_LOOKUP = {_fold(n): n for n in METHODS} | {_fold(a): n for a, n in ALIASES.items()}


def method_name(method: object) -> str:
    """Return the canonical name of ``method``.

    Case, accents, spaces, ``_``, ``-`` and apostrophes are ignored, so
    ``"Sainte Laguë"``, ``"d hondt"`` and ``"modified_sainte_lague"`` are all understood.

    Examples
    --------
    >>> method_name("D'Hondt"), method_name("sainte lague"), method_name("Largest remainder")
    ('dhondt', 'sainte-lague', 'hare')

    Raises
    ------
    TypeError
        If ``method`` is not a string.
    ValueError
        If the name is unknown; the message lists the valid names.
    """
    if not isinstance(method, str):
        raise TypeError(f"method must be a string such as 'hare', got {method!r}")
    key = _fold(method)
    if key in _LOOKUP:
        return _LOOKUP[key]
    valid = ", ".join(sorted(METHODS))
    aliases = ", ".join(sorted(ALIASES))
    raise ValueError(f"method must be one of {valid} (aliases: {aliases}), got {method!r}")


@dataclass(frozen=True)
class Allocation:
    """The result of :func:`allocate`, with everything a teaching table needs.

    Attributes
    ----------
    method
        Canonical method name (see :data:`METHODS`).
    house_size
        Number of seats distributed.
    votes
        The votes as given (exact numbers), in input order.
    seats
        Seats of every input party, in input order (0 if eliminated).
    eligible
        Parties admitted to the distribution (passed the threshold), input order.
    threshold
        The threshold applied, or None.
    base_total
        The total the threshold share was measured against (None without threshold).
    quota
        Largest-remainder methods: the quota, in votes. None for divisor methods.
    divisor
        Divisor methods: the final divisor — the votes-per-seat quotient at which
        the last seat was awarded. None for largest-remainder methods.
    quotients
        Eligible party -> votes / quota (or votes / divisor), exact (a property).
    automatic_seats
        Largest-remainder methods: eligible party -> integer part of its quotient.
    remainders
        Largest-remainder methods: eligible party -> fractional part of its quotient
        (a property).
    remainder_seats
        Parties that received a seat for a large remainder, largest first.
    award_order
        Divisor methods: the party that received seat 1, 2, 3, … in order, level
        quotients in input order (a property, built when asked for).
    tie
        Parties whose tie for a seat was settled by ``tie_break`` (empty if none).
    """

    method: str
    house_size: int
    votes: dict[str, int | Fraction]
    seats: dict[str, int]
    eligible: tuple[str, ...]
    threshold: Threshold | None = None
    base_total: int | Fraction | None = None
    quota: Fraction | None = None
    divisor: Fraction | None = None
    automatic_seats: dict[str, int] = field(default_factory=dict)
    remainder_seats: tuple[str, ...] = ()
    tie: tuple[str, ...] = ()
    # Quotients kept as integer numerators over one denominator; the exact
    # Fractions are built on demand (building them on every call would double
    # the cost of an allocation).
    quotient_numerators: dict[str, int] = field(default_factory=dict, repr=False)
    quotient_denominator: int = field(default=1, repr=False)

    @property
    def quotients(self) -> dict[str, Fraction]:
        """Eligible party -> votes / quota (or votes / final divisor), exact."""
        den = self.quotient_denominator
        return {p: Fraction(n, den) for p, n in self.quotient_numerators.items()}

    @property
    def remainders(self) -> dict[str, Fraction]:
        """Largest-remainder methods: eligible party -> fractional part of its quotient."""
        if self.method not in LARGEST_REMAINDER_METHODS:
            return {}
        den = self.quotient_denominator
        return {p: Fraction(n % den, den) for p, n in self.quotient_numerators.items()}

    @property
    def award_order(self) -> tuple[str, ...]:
        """Divisor methods: who received seat 1, 2, 3, …; empty for largest remainders."""
        if self.method not in DIVISOR_METHODS:
            return ()
        index = {p: i for i, p in enumerate(self.eligible)}
        awards = [
            (-Fraction(self.votes[p]) / _scaled_divisor(self.method, k), index[p], p)
            for p in self.eligible
            for k in range(self.seats[p])
        ]
        return tuple(p for *_, p in sorted(awards))

    @property
    def parties(self) -> tuple[str, ...]:
        """All input parties, in input order."""
        return tuple(self.votes)

    def vote_share(self, party: str) -> Fraction:
        """``party``'s share of all votes given (exact, 0..1)."""
        total = sum(self.votes.values())
        return Fraction(self.votes[party]) / total

    def seat_share(self, party: str) -> Fraction:
        """``party``'s share of the seats (exact, 0..1)."""
        return Fraction(self.seats[party], self.house_size)

    def table(self) -> pd.DataFrame:
        """The allocation as a pandas DataFrame, one row per party (input order).

        Columns: ``party``, ``votes``, ``vote_pct``, ``base_pct`` (share of the
        threshold base, only with a threshold), ``eligible``, ``quotient``,
        ``automatic_seats`` and ``remainder`` (largest-remainder methods only),
        ``remainder_seat``, ``seats``, ``seat_pct``. Percentages are of the votes
        given to the listed parties and of the house size; quotients and
        remainders are rounded to 6 decimals for display (the exact values are in
        the attributes).
        """
        import pandas as pd

        total = sum(self.votes.values())
        quotients, remainders = self.quotients, self.remainders
        rows = []
        for party, votes in self.votes.items():
            row: dict[str, object] = {
                "party": party,
                "votes": votes if isinstance(votes, int) else float(votes),
                "vote_pct": round(float(Fraction(votes) * 100 / total), 2),
                **(
                    {"base_pct": round(float(Fraction(votes) * 100 / self.base_total), 2)}
                    if self.base_total
                    else {}
                ),
                "eligible": party in self.eligible,
                "quotient": _round(quotients.get(party)),
            }
            if self.method in LARGEST_REMAINDER_METHODS:
                row["automatic_seats"] = self.automatic_seats.get(party, 0)
                row["remainder"] = _round(remainders.get(party))
                row["remainder_seat"] = party in self.remainder_seats
            row["seats"] = self.seats[party]
            row["seat_pct"] = round(100 * self.seats[party] / self.house_size, 2)
            rows.append(row)
        # Vote counts beyond 64 bits stay Python ints (pandas would try floats and overflow).
        huge = any(isinstance(v, int) and not -(2**63) <= v < 2**63 for v in self.votes.values())
        return pd.DataFrame(
            {
                column: pd.Series(
                    [row[column] for row in rows],
                    dtype=object if huge and column == "votes" else None,
                )
                for column in rows[0]
            }
        )


def _round(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), 6)


# --------------------------------------------------------------------------- validation


def _check_votes(votes: object) -> dict[str, int | Fraction]:
    if not isinstance(votes, Mapping):
        raise TypeError(
            f"votes must be a mapping of party name to votes, got {type(votes).__name__}"
        )
    if not votes:
        raise ValueError("votes must name at least one party, got an empty mapping")
    checked: dict[str, int | Fraction] = {}
    for party, value in votes.items():
        if not isinstance(party, str) or not party.strip():
            raise TypeError(f"party names in votes must be non-empty strings, got {party!r}")
        checked[party] = non_negative_number(value, f"votes[{party!r}]")
    if not any(checked.values()):
        raise ValueError("votes must contain at least one positive count, got all zeros")
    return checked


def _check_seats(seats: object) -> int:
    return positive_integer(seats, "seats")


def _check_tie_break(tie_break: object, parties: Mapping[str, object]) -> tuple[str, ...] | None:
    if tie_break is None:
        return None
    if isinstance(tie_break, str) or not isinstance(tie_break, Sequence):
        raise TypeError(
            "tie_break must be a list of party names, earliest-registered first, "
            f"got {tie_break!r}"
        )
    # Names not in this election are allowed: a national registration order can be
    # applied to a council where only some of the parties stood.
    return tuple(tie_break)


# --------------------------------------------------------------------------- allocation


def allocate(
    votes: Mapping[str, object],
    seats: int,
    method: str = "hare",
    threshold: object = None,
    *,
    tie_break: Sequence[str] | None = None,
    against_all: object = 0,
    ballots: object = None,
) -> Allocation:
    """Distribute ``seats`` among parties in proportion to ``votes``.

    Parameters
    ----------
    votes
        Party -> votes (non-negative, finite; counts or percentages). Input order
        is kept in the result. Floats are read exactly, ``Fraction(str(x))``.
    seats
        Number of seats to distribute (positive integer).
    method
        ``"hare"`` (default), ``"droop"``, ``"dhondt"``, ``"sainte-lague"`` or
        ``"modified-sainte-lague"``; aliases in :data:`ALIASES`.
    threshold
        ``None``; a share in [0, 1) (``0.05``); a string (``"5%"``); or a
        :class:`~kzlib.thresholds.Threshold` that also names its base. A bare
        share is measured against the party votes given (base ``"votes"``).
        A party exactly at the threshold passes unless the Threshold says
        ``inclusive=False``.
    tie_break
        Party names in priority order (for Kazakhstan: the list registered
        earlier wins). Used only when a genuine tie decides a seat.
    against_all
        "Against all" votes; they win no seat but count in the threshold base
        ``"votes_and_against_all"`` (and are part of the ballots).
    ballots
        All ballots received, required for the threshold base ``"ballots"``.

    Returns
    -------
    Allocation
        Seats per party plus the quota or divisor, quotients and remainders.

    Raises
    ------
    TypeError, ValueError
        On malformed input; the message names the argument and the value.
    TieError
        If a genuine tie decides a seat and ``tie_break`` does not settle it.

    Notes
    -----
    *Hare*: quota ``Q = V / S`` where V is the sum of the eligible parties'
    votes; party i gets ``floor(v_i / Q)`` seats, the rest go to the largest
    remainders. *Droop* uses the exact quota ``V / (S + 1)``. Divisor methods
    award seats one at a time to the highest ``v_i / d(s_i)``, with
    ``d(s) = s + 1`` (D'Hondt), ``2s + 1`` (Sainte-Laguë) or the same with
    ``d(0) = 1.4`` (modified Sainte-Laguë).

    Examples
    --------
    Hare quota 100 / 7: whole parts 3, 1, 1; the two largest remainders (A's 0.71
    and B's 0.68 of a quota) take the last two seats. Sainte-Laguë gives C the
    seventh seat instead; a 5% threshold keeps D (4 of 104 votes) out.

    >>> votes = {"A": 53, "B": 24, "C": 23}
    >>> allocate(votes, 7).seats
    {'A': 4, 'B': 2, 'C': 1}
    >>> allocate(votes, 7, "sainte-lague").seats
    {'A': 3, 'B': 2, 'C': 2}
    >>> allocate({**votes, "D": 4}, 7, threshold="5%").seats
    {'A': 4, 'B': 2, 'C': 1, 'D': 0}
    """
    given = _check_votes(votes)
    house = _check_seats(seats)
    name = method_name(method)
    rule = as_threshold(threshold)
    extra = non_negative_number(against_all, "against_all")
    received = None if ballots is None else non_negative_number(ballots, "ballots")
    order = _check_tie_break(tie_break, given)

    base_total = None
    if rule is None:
        eligible = list(given)
    else:
        base_total = _base_total(rule, given, extra, received)
        eligible = _passing(rule, given, base_total)
        if not eligible or not any(given[p] for p in eligible):
            raise ValueError(
                f"threshold {rule.describe()} leaves no party with votes eligible "
                f"(base total {base_total})"
            )

    weights = _as_integers([given[p] for p in eligible])
    common = dict(
        method=name,
        house_size=house,
        votes=given,
        eligible=tuple(eligible),
        threshold=rule,
        base_total=base_total,
    )
    if name in LARGEST_REMAINDER_METHODS:
        return _largest_remainder(eligible, weights, house, name, order, common)
    return _divisor(eligible, weights, house, name, order, common)


def _base_total(
    rule: Threshold,
    given: Mapping[str, int | Fraction],
    against_all: int | Fraction,
    ballots: int | Fraction | None,
) -> int | Fraction:
    party_votes = sum(given.values())
    if rule.base == "votes":
        return party_votes
    if rule.base == "votes_and_against_all":
        return party_votes + against_all
    if ballots is None:
        raise ValueError("ballots must be given when the threshold base is 'ballots', got None")
    if ballots < party_votes + against_all:
        raise ValueError(
            f"ballots must be at least the votes for parties plus 'against all' "
            f"({party_votes + against_all}), got {ballots}"
        )
    return ballots


def _passing(
    rule: Threshold, given: Mapping[str, int | Fraction], base_total: int | Fraction
) -> list[str]:
    """Parties whose votes reach ``rule.share`` of ``base_total`` (integer comparison)."""
    if base_total <= 0:
        return []
    num, den = rule.share.numerator, rule.share.denominator
    if all(type(v) is int for v in given.values()) and type(base_total) is int:
        needed = num * base_total
        if rule.inclusive:
            return [p for p, v in given.items() if v * den >= needed]
        return [p for p, v in given.items() if v * den > needed]
    return [p for p, v in given.items() if rule.passes(v, base_total)]


def _as_integers(values: list[int | Fraction]) -> list[int]:
    """Scale exact values to integers with the same ratios (common denominator)."""
    denominator = 1
    for value in values:
        if isinstance(value, Fraction):
            denominator = math.lcm(denominator, value.denominator)
    if denominator == 1:
        return [int(v) for v in values]
    return [int(v * denominator) for v in values]


def _settle_tie(
    tied: list[str], winners_needed: int, order: tuple[str, ...] | None, what: str
) -> list[str]:
    """Pick ``winners_needed`` of ``tied`` by the tie-break order, or raise TieError."""
    if order is not None and all(p in order for p in tied):
        return sorted(tied, key=order.index)[:winners_needed]
    names = ", ".join(repr(p) for p in tied)
    missing = "" if order is None else " (tie_break does not rank all of them)"
    raise TieError(
        f"tie for {what}: {names} are exactly level for {winners_needed} seat(s){missing}; "
        "pass tie_break=[...] (the 7%-era law: the list registered earlier wins; "
        "not confirmed for the current text)",
        tied,
        winners_needed,
    )


def _largest_remainder(
    eligible: list[str],
    weights: list[int],
    house: int,
    name: str,
    order: tuple[str, ...] | None,
    common: dict,
) -> Allocation:
    total = sum(weights)
    # Quota Q = total / k (k = S for Hare, S + 1 for Droop); quotient = w * k / total.
    k = house if name == "hare" else house + 1
    auto: dict[str, int] = {}
    rem: dict[str, int] = {}  # remainder numerators over `total`
    for party, w in zip(eligible, weights, strict=True):
        auto[party], rem[party] = divmod(w * k, total)
    left = house - sum(auto.values())

    tie: tuple[str, ...] = ()
    by_remainder = sorted(eligible, key=lambda p: -rem[p])  # stable: input order on ties
    if left > 0:
        boundary = rem[by_remainder[left - 1]]
        if left < len(by_remainder) and rem[by_remainder[left]] == boundary:
            above = [p for p in by_remainder if rem[p] > boundary]
            tied = [p for p in eligible if rem[p] == boundary]
            winners = _settle_tie(tied, left - len(above), order, "the last remainder seat")
            tie = tuple(tied)
            chosen = above + [p for p in by_remainder if p in winners]
        else:
            chosen = by_remainder[:left]
    elif left < 0:
        # Only the Droop quota can over-allocate, and only when every quotient is
        # a whole number: then one seat must be taken back from a tied party.
        holders = [p for p in eligible if auto[p] > 0]
        if len(holders) == 1:  # a single list over the threshold: nobody to tie with
            auto[holders[0]] -= 1
        else:
            losers = _settle_tie(
                holders, 1, tuple(reversed(order)) if order else None, "a seat too many"
            )
            auto[losers[0]] -= 1
            tie = tuple(holders)
        chosen = []
    else:
        chosen = []

    seats = {p: 0 for p in common["votes"]}
    for party in eligible:
        seats[party] = auto[party] + (1 if party in chosen else 0)
    eligible_votes = sum(common["votes"][p] for p in eligible)
    return Allocation(
        seats=seats,
        quota=Fraction(eligible_votes) / k,
        quotient_numerators={p: w * k for p, w in zip(eligible, weights, strict=True)},
        quotient_denominator=total,
        automatic_seats=auto,
        remainder_seats=tuple(chosen),
        tie=tie,
        **common,
    )


def _scaled_divisor(name: str, won: int) -> int:
    """The divisor for a party that has ``won`` seats, times 5 (so 1.4 becomes 7)."""
    if name == "dhondt":
        return 5 * (won + 1)
    if name == "modified-sainte-lague" and won == 0:
        return 7
    return 5 * (2 * won + 1)


class _Next:
    """A party's next quotient ``weight / divisor``; the heap pops the largest first,
    level quotients in input order (integer cross-multiplication, no Fractions)."""

    __slots__ = ("divisor", "index", "weight")

    def __init__(self, weight: int, divisor: int, index: int) -> None:
        self.weight, self.divisor, self.index = weight, divisor, index

    def __lt__(self, other: _Next) -> bool:
        lhs, rhs = self.weight * other.divisor, other.weight * self.divisor
        return lhs > rhs or (lhs == rhs and self.index < other.index)


def _seats_at(name: str, weight: int, num: int, den: int) -> int:
    """How many of a party's quotients ``weight / d`` are at least ``num / den``.

    With ``t = floor(weight * den / num)``, the largest scaled divisor allowed, the
    count is ``t // 5`` for D'Hondt (divisors 5, 10, 15, …) and ``(t // 5 + 1) // 2``
    for Sainte-Laguë (5, 15, 25, …); modified Sainte-Laguë's first divisor is 7.
    """
    t = weight * den // num
    if name == "dhondt":
        return t // 5
    odd = (t // 5 + 1) // 2
    if name == "modified-sainte-lague":
        return (1 if t >= 7 else 0) + max(odd - 1, 0)
    return odd


def _divisor(
    eligible: list[str],
    weights: list[int],
    house: int,
    name: str,
    order: tuple[str, ...] | None,
    common: dict,
) -> Allocation:
    # The seats go to the `house` largest quotients w / d(k). Rather than award them
    # one at a time (cost growing with the seats), start from every quotient at or
    # above an estimate that never gives out more than `house` seats, then award
    # the few seats left in order of the next quotient. For D'Hondt the estimate is
    # W / house (sum of floor(w * house / W) <= house); for Sainte-Laguë and the
    # modified method W / (house - n / 2) (rounding adds at most n / 2 seats).
    # Every quotient taken at the start is then strictly above the last seat's, so
    # a tie can only arise among the seats left, exactly as seat by seat.
    total, n = sum(weights), len(weights)
    spare = house if name == "dhondt" else 2 * house - n
    if spare > 0:
        # Estimate num / den in the scaled units of `_scaled_divisor`.
        num, den = total, 5 * spare
        won = [_seats_at(name, w, num, den) for w in weights]
    else:
        won = [0] * n
    given = sum(won)

    # Seats left: pop the largest next quotient (exact), all level ones together.
    heap = [_Next(w, _scaled_divisor(name, k), i)
            for i, (w, k) in enumerate(zip(weights, won, strict=True)) if w > 0]
    heapq.heapify(heap)
    tie: tuple[str, ...] = ()
    last: tuple[int, int] | None = None
    while given < house:
        top = heapq.heappop(heap)
        level = [top.index]
        while heap and heap[0].weight * top.divisor == top.weight * heap[0].divisor:
            level.append(heapq.heappop(heap).index)  # pops in input order
        left = house - given
        if len(level) > left:
            tie = tuple(eligible[i] for i in level)
            winners = set(_settle_tie(list(tie), left, order, f"seat {given + 1}"))
            level = [i for i in level if eligible[i] in winners]
        for i in level:
            won[i] += 1
            heapq.heappush(heap, _Next(weights[i], _scaled_divisor(name, won[i]), i))
        given += len(level)
        last = (weights[level[0]], _scaled_divisor(name, won[level[0]] - 1))
    if last is None:
        # Every seat came from the estimate: the last seat went at the smallest
        # quotient among each party's last seat (first such party in input order).
        last = min(
            ((weights[i], _scaled_divisor(name, won[i] - 1)) for i in range(n) if won[i]),
            key=lambda pair: Fraction(pair[0], pair[1]),
        )
    last_num, last_den = last

    seats = {p: 0 for p in common["votes"]}
    seats.update(zip(eligible, won, strict=True))
    # The final divisor in vote units: (last quotient) expressed in the original votes.
    scale = Fraction(sum(common["votes"][p] for p in eligible), sum(weights))
    final = Fraction(last_num * 5, last_den) * scale
    return Allocation(
        seats=seats,
        divisor=final,
        # quotient = w / (5 * last_num / last_den) in the integer weights' units
        quotient_numerators=(
            {p: w * last_den for p, w in zip(eligible, weights, strict=True)} if last_num else {}
        ),
        quotient_denominator=5 * last_num if last_num else 1,
        tie=tie,
        **common,
    )
