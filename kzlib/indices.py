"""Disproportionality and fragmentation indices.

All functions take plain mappings (party -> votes, party -> seats) and return a
float for display; the seat arithmetic itself never uses them. Parties present in
one mapping and not the other count as 0 there. Votes for "against all" are not
a party: leave them out (or pass them to :func:`wasted_vote_share` explicitly).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from kzlib._numbers import non_negative_number

__all__ = [
    "effective_number_of_parties",
    "gallagher",
    "loosemore_hanby",
    "shares",
    "wasted_vote_share",
]


def shares(values: Mapping[str, object], name: str = "values") -> dict[str, Fraction]:
    """Each party's exact share (0..1) of the total of ``values``.

    Raises
    ------
    TypeError, ValueError
        If ``values`` is not a mapping of non-negative numbers with a positive total.
    """
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a mapping of party to number, got {type(values).__name__}")
    exact = {}
    for party, value in values.items():
        exact[party] = Fraction(non_negative_number(value, f"{name}[{party!r}]"))
    total = sum(exact.values())
    if total <= 0:
        raise ValueError(f"{name} must have a positive total, got {dict(values)!r}")
    return {party: value / total for party, value in exact.items()}


def _paired(
    votes: Mapping[str, object], seats: Mapping[str, object]
) -> list[tuple[Fraction, Fraction]]:
    v, s = shares(votes, "votes"), shares(seats, "seats")
    parties = list(v) + [p for p in s if p not in v]
    return [(v.get(p, Fraction(0)), s.get(p, Fraction(0))) for p in parties]


def gallagher(votes: Mapping[str, object], seats: Mapping[str, object]) -> float:
    """Gallagher's least-squares index of disproportionality.

    ``LSq = sqrt( 1/2 * sum_i (v_i - s_i)^2 )`` with v_i and s_i the vote and
    seat shares **in per cent**. Scale 0 (perfectly proportional) to 100; most
    list-PR parliaments score below 5, majoritarian ones often above 10.

    Examples
    --------
    >>> gallagher({"A": 60, "B": 40}, {"A": 1, "B": 0})
    40.0
    """
    total = sum((v - s) ** 2 for v, s in _paired(votes, seats))
    return 100 * math.sqrt(float(total) / 2)


def loosemore_hanby(votes: Mapping[str, object], seats: Mapping[str, object]) -> float:
    """Loosemore–Hanby index: ``D = 1/2 * sum_i |v_i - s_i|``, shares in per cent.

    Scale 0 to 100: the percentage of seats held by parties beyond their vote share.

    Examples
    --------
    >>> loosemore_hanby({"A": 60, "B": 40}, {"A": 1, "B": 0})
    40.0
    """
    return float(sum(abs(v - s) for v, s in _paired(votes, seats)) * 100 / 2)


def effective_number_of_parties(values: Mapping[str, object]) -> float:
    """Laakso–Taagepera effective number of parties, ``N = 1 / sum_i p_i^2``.

    Pass votes for the effective number of *electoral* parties and seats for the
    *parliamentary* one. Scale 1 (one party holds everything) up to the number of
    parties (all equal).

    Examples
    --------
    >>> effective_number_of_parties({"A": 50, "B": 50})
    2.0
    """
    return float(1 / sum(p**2 for p in shares(values).values()))


def wasted_vote_share(
    votes: Mapping[str, object], seats: Mapping[str, object], against_all: object = 0
) -> float:
    """Share of votes, in per cent, cast for parties that won no seat.

    ``W = 100 * (sum of votes of seatless parties + against_all) / (all votes + against_all)``.
    "Against all" votes elect nobody, so pass them to count them as wasted.
    Scale 0 to 100.

    Examples
    --------
    >>> wasted_vote_share({"A": 60, "B": 30, "C": 10}, {"A": 3, "B": 2, "C": 0})
    10.0
    """
    if not isinstance(votes, Mapping) or not isinstance(seats, Mapping):
        raise TypeError("votes and seats must be mappings of party to number")
    extra = Fraction(non_negative_number(against_all, "against_all"))
    exact = {p: Fraction(non_negative_number(v, f"votes[{p!r}]")) for p, v in votes.items()}
    total = sum(exact.values()) + extra
    if total <= 0:
        raise ValueError("votes must have a positive total")
    wasted = sum(v for p, v in exact.items() if not seats.get(p, 0)) + extra
    return float(100 * wasted / total)
