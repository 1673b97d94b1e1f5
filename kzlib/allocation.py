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

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib._numbers import exact_number, non_negative_number
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


def method_name(method: object) -> str:
    """Return the canonical name of ``method`` (case, ``_`` and spaces ignored).

    Raises
    ------
    TypeError
        If ``method`` is not a string.
    ValueError
        If the name is unknown; the message lists the valid names.
    """
    if not isinstance(method, str):
        raise TypeError(f"method must be a string such as 'hare', got {method!r}")
    key = method.strip().lower().replace("_", "-")
    if key in METHODS:
        return key
    if key in ALIASES:
        return ALIASES[key]
    if key.replace("-", " ") in ALIASES:
        return ALIASES[key.replace("-", " ")]
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
        Divisor methods: the party that received seat 1, 2, 3, … in order.
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
    award_order: tuple[str, ...] = ()
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
        return pd.DataFrame(rows)


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
    if isinstance(seats, bool) or type(seats).__name__ == "bool_":
        raise TypeError(f"seats must be a positive integer, got {seats!r}")
    if isinstance(seats, float) and seats.is_integer():
        seats = int(seats)
    try:
        number = exact_number(seats, "seats")
    except (TypeError, ValueError):
        raise TypeError(f"seats must be a positive integer, got {seats!r}") from None
    if not isinstance(number, int) or number <= 0:
        raise ValueError(f"seats must be a positive integer, got {seats!r}")
    return number


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
    >>> allocate({"A": 60, "B": 30, "C": 10}, 5).seats
    {'A': 3, 'B': 2, 'C': 0}
    >>> allocate({"A": 60, "B": 30, "C": 10}, 5, "dhondt").seats
    {'A': 3, 'B': 2, 'C': 0}
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
        "pass tie_break=[...] (in Kazakhstan the list registered earlier wins)",
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
    for party, w in zip(eligible, weights):
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
        quotient_numerators={p: w * k for p, w in zip(eligible, weights)},
        quotient_denominator=total,
        automatic_seats=auto,
        remainder_seats=tuple(chosen),
        tie=tie,
        **common,
    )


def _divisor(
    eligible: list[str],
    weights: list[int],
    house: int,
    name: str,
    order: tuple[str, ...] | None,
    common: dict,
) -> Allocation:
    # Divisors scaled by 5 so that modified Sainte-Laguë's 1.4 is an integer (7).
    def divisor(won: int) -> int:
        if name == "dhondt":
            return 5 * (won + 1)
        if name == "modified-sainte-lague" and won == 0:
            return 7
        return 5 * (2 * won + 1)

    won = dict.fromkeys(eligible, 0)
    awarded: list[str] = []
    tie: tuple[str, ...] = ()
    last_num, last_den = 0, 1
    while len(awarded) < house:
        best_num, best_den, best = -1, 1, []
        for party, w in zip(eligible, weights):
            d = divisor(won[party])
            # Compare w / d with best_num / best_den by cross-multiplication.
            lhs, rhs = w * best_den, best_num * d
            if lhs > rhs:
                best_num, best_den, best = w, d, [party]
            elif lhs == rhs:
                best.append(party)
        left = house - len(awarded)
        if len(best) > left:
            tie = tuple(best)
            best = _settle_tie(best, left, order, f"seat {len(awarded) + 1}")
        for party in best:
            won[party] += 1
            awarded.append(party)
        last_num, last_den = best_num, best_den

    seats = {p: 0 for p in common["votes"]}
    seats.update(won)
    # The final divisor in vote units: (last quotient) expressed in the original votes.
    scale = Fraction(sum(common["votes"][p] for p in eligible), sum(weights))
    final = Fraction(last_num * 5, last_den) * scale
    return Allocation(
        seats=seats,
        divisor=final,
        # quotient = w / (5 * last_num / last_den) in the integer weights' units
        quotient_numerators={p: w * last_den for p, w in zip(eligible, weights)} if last_num else {},
        quotient_denominator=5 * last_num if last_num else 1,
        award_order=tuple(awarded),
        tie=tie,
        **common,
    )
