"""Many elections at once: a vectorised (numpy) twin of :func:`kzlib.allocate`.

A what-if lab that draws thousands of plausible results, or a benchmark, needs the
seats of many elections that share a house size and a rule: an ``(N, k)`` array of
votes in (N scenarios, k parties), an ``(N, k)`` array of seats out.
:func:`allocate_many` gives exactly what :func:`kzlib.allocate` gives row by row,
and never breaks a tie silently:

* **largest remainders** (Hare, Droop) are computed in integers only: every
  remainder of a row is a numerator over the same denominator (the admitted votes),
  so comparing two remainders is comparing two integers;
* **divisor methods** (D'Hondt, Sainte-Laguë, modified Sainte-Laguë) pick seats with
  floating-point quotients, then *check* every row exactly in integers: the row is
  right if every quotient that won a seat is strictly larger than every quotient that
  did not. A row that fails the check (a tie, or floats that misordered two
  near-equal quotients) is counted again by :func:`kzlib.allocate` itself;
* thresholds are tested by integer cross-multiplication, as in :func:`kzlib.allocate`.

numpy is imported by this module only (``import kzlib`` stays light).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from kzlib._numbers import positive_integer
from kzlib.allocation import (
    LARGEST_REMAINDER_METHODS,
    TieError,
    allocate,
    method_name,
)
from kzlib.thresholds import Threshold, as_threshold, check_base

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import ArrayLike, NDArray

__all__ = ["allocate_many"]

# Products of votes and small integers must stay inside int64: rows whose votes are
# larger than this (times the factors used) are counted by the exact Python path.
_INT64_SAFE = 2**62


def _votes_array(votes: object) -> NDArray[np.int64]:
    """``votes`` as a 2-D int64 array, checked (shape, integers, no negatives)."""
    if isinstance(votes, (str, bytes)) or votes is None:
        raise TypeError(f"votes must be a 2-D array of vote counts, got {votes!r}")
    try:
        array = np.asarray(votes)
    except (TypeError, ValueError) as error:
        raise TypeError(f"votes must be a 2-D array of vote counts, got {error}") from None
    if array.ndim != 2:
        raise ValueError(
            f"votes must be a 2-D array (scenarios × parties), got shape {array.shape}"
        )
    if array.shape[0] == 0 or array.shape[1] == 0:
        raise ValueError(f"votes must have at least one row and one party, got shape "
                         f"{array.shape}")
    if array.dtype.kind == "b" or array.dtype.kind not in "iuf":
        raise TypeError(f"votes must hold whole numbers of votes, got dtype {array.dtype}")
    if array.dtype.kind == "f":
        if not np.all(np.isfinite(array)) or np.any(array != np.floor(array)):
            raise ValueError("votes must be whole numbers (counts), got a non-integer value")
        if np.any(np.abs(array) >= _INT64_SAFE):
            raise ValueError("votes must be below 2**62, got a larger value")
    if array.dtype.kind == "u" and array.size and array.max() >= _INT64_SAFE:
        raise ValueError("votes must be below 2**62, got a larger value")
    array = array.astype(np.int64)
    if np.any(array < 0):
        row, col = np.argwhere(array < 0)[0]
        raise ValueError(
            f"votes must be non-negative, got {array[row, col]} at row {row}, party {col}"
        )
    return array


def _per_row(value: object, n: int, name: str) -> NDArray[np.int64]:
    """A scalar or an (N,) array of non-negative whole numbers, as (N,) int64."""
    array = np.asarray(value)
    if array.dtype.kind == "b" or array.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be a whole number or an array of them, got {value!r}")
    if array.ndim == 0:
        array = np.full(n, array)
    if array.shape != (n,):
        raise ValueError(f"{name} must be a number or an array of shape ({n},), got shape "
                         f"{array.shape}")
    if array.dtype.kind == "f" and (
        not np.all(np.isfinite(array)) or np.any(array != np.floor(array))
    ):
        raise ValueError(f"{name} must hold whole numbers, got a non-integer value")
    array = array.astype(np.int64)
    if np.any(array < 0):
        raise ValueError(f"{name} must be non-negative, got {array[array < 0][0]}")
    return array


def _rule(threshold: object, base: str | None) -> Threshold | None:
    if base is not None:
        check_base(base, "base")
    if threshold is None:
        return None
    if isinstance(threshold, Threshold):
        if base is not None and base != threshold.base:
            raise ValueError(
                f"base must match the base of the Threshold given ({threshold.base!r}), "
                f"got {base!r}"
            )
        return threshold
    return as_threshold(threshold, base or "votes")


def allocate_many(
    votes: ArrayLike,
    seats: int,
    method: str = "hare",
    threshold: object = None,
    base: str | None = None,
    *,
    against_all: ArrayLike = 0,
    ballots: ArrayLike | None = None,
    ties: Literal["raise", "mask"] = "raise",
) -> NDArray[np.int64] | np.ma.MaskedArray:
    """Distribute ``seats`` in each of N elections at once: (N × k) votes -> (N × k) seats.

    Row ``i`` of the result equals ``kzlib.allocate(dict(zip(names, votes[i])), seats,
    method, threshold, against_all=..., ballots=...).seats`` (in party order), exactly.

    Parameters
    ----------
    votes
        An (N, k) array of whole, non-negative vote counts: N scenarios, k parties
        (the same parties, in the same column order, in every row).
    seats
        Seats to distribute in every scenario (a whole number, 1 or more).
    method
        ``"hare"`` (default), ``"droop"``, ``"dhondt"``, ``"sainte-lague"`` or
        ``"modified-sainte-lague"``; aliases as for :func:`kzlib.method_name`.
    threshold
        None; a share (``0.05``); a string (``"5%"``); or a
        :class:`~kzlib.thresholds.Threshold` with its own base.
    base
        What a bare threshold share is a share of (:data:`kzlib.thresholds.BASES`);
        default ``"votes"``, as :func:`kzlib.allocate`. Must agree with a
        Threshold's own base if both are given.
    against_all
        'Against all' votes: a number for every row or an (N,) array. They count in
        the base ``"votes_and_against_all"`` and win no seat.
    ballots
        Ballots received (a number or an (N,) array); required for the base
        ``"ballots"``.
    ties
        ``"raise"`` (default): a genuine tie for a seat in any row raises
        :class:`~kzlib.allocation.TieError` naming the first tied rows.
        ``"mask"``: return a ``numpy.ma.MaskedArray`` whose tied rows are masked
        (their seats are not decided without a tie rule).

    Returns
    -------
    numpy.ndarray
        (N, k) int64 seats (a masked array with ``ties="mask"``).

    Raises
    ------
    TypeError, ValueError
        On malformed input (shape, negative or fractional votes, seats < 1, an
        unknown method or base), naming the argument; ValueError if in some row no
        party with votes passes the threshold, naming the row.
    TieError
        With ``ties="raise"``, if a genuine tie decides a seat in some row.

    Examples
    --------
    The example of :func:`kzlib.allocate`, then two more scenarios, in one call:

    >>> votes = [[53, 24, 23, 0], [53, 24, 23, 4], [40, 40, 19, 1]]
    >>> allocate_many(votes, 7).tolist()
    [[4, 2, 1, 0], [4, 2, 1, 0], [3, 3, 1, 0]]
    >>> allocate_many(votes, 7, "sainte-lague", "5%").tolist()
    [[3, 2, 2, 0], [3, 2, 2, 0], [3, 3, 1, 0]]

    A tie is reported, never settled silently (A and B level for the last seat):

    >>> allocate_many([[5, 5], [6, 4]], 1, "dhondt", ties="mask").tolist()
    [[None, None], [1, 0]]
    """
    array = _votes_array(votes)
    house = positive_integer(seats, "seats")
    name = method_name(method)
    rule = _rule(threshold, base)
    if ties not in ("raise", "mask"):
        raise ValueError(f"ties must be 'raise' or 'mask', got {ties!r}")
    n = array.shape[0]
    extra = _per_row(against_all, n, "against_all")
    received = None if ballots is None else _per_row(ballots, n, "ballots")
    original_extra, original_received = extra, received

    # Rows whose products could leave int64 are counted exactly in Python (the
    # vectorised pass sees a harmless stand-in row instead).
    factor = 5 * (2 * house + 2) * array.shape[1]
    exact = array.max(axis=1) >= _INT64_SAFE // factor
    if np.any(exact):
        original = array
        array = np.where(exact[:, None], 0, array)
        array[exact, 0] = 1
        extra = np.where(exact, 0, extra)
        if received is not None:
            received = np.where(exact, 1, received)
    else:
        original = array

    eligible = _eligible(array, rule, extra, received)
    weights = np.where(eligible, array, 0)
    totals = weights.sum(axis=1)
    empty = (totals == 0) & ~exact
    if np.any(empty):
        row = int(np.argmax(empty))
        what = "no party has votes" if rule is None else (
            f"threshold {rule.describe()} leaves no party with votes eligible"
        )
        raise ValueError(f"votes: in row {row}, {what}")

    if name in LARGEST_REMAINDER_METHODS:
        result, tied = _largest_remainder(weights, eligible, totals, house, name)
    else:
        result, tied = _divisor(weights, eligible, totals, house, name)
        exact |= tied  # float picks that fail the integer check go through allocate
        tied = np.zeros(n, dtype=bool)
    for row in np.flatnonzero(exact):
        try:
            result[row] = _exact_row(original[row], house, name, rule, original_extra[row],
                                     None if original_received is None else original_received[row])
            tied[row] = False
        except TieError:
            tied[row] = True
    if np.any(tied):
        if ties == "raise":
            rows = np.flatnonzero(tied)
            shown = ", ".join(map(str, rows[:5])) + (" …" if rows.size > 5 else "")
            raise TieError(
                f"votes: a genuine tie decides a seat in {rows.size} row(s) ({shown}); "
                "count those rows with kzlib.allocate(..., tie_break=[...]) or pass "
                "ties='mask'",
                (),
                0,
            )
        return np.ma.MaskedArray(result, mask=np.repeat(tied[:, None], result.shape[1], 1))
    return result


def _eligible(
    array: NDArray[np.int64],
    rule: Threshold | None,
    extra: NDArray[np.int64],
    received: NDArray[np.int64] | None,
) -> NDArray[np.bool_]:
    """Which parties pass the threshold in each row (exact integer comparison)."""
    if rule is None:
        return np.ones(array.shape, dtype=bool)
    party_votes = array.sum(axis=1)
    if rule.base == "votes":
        base_total = party_votes
    elif rule.base == "votes_and_against_all":
        base_total = party_votes + extra
    else:
        if received is None:
            raise ValueError(
                "ballots must be given when the threshold base is 'ballots', got None"
            )
        short = received < party_votes + extra
        if np.any(short):
            row = int(np.argmax(short))
            raise ValueError(
                f"ballots must be at least the votes for parties plus 'against all' "
                f"({party_votes[row] + extra[row]}) in row {row}, got {received[row]}"
            )
        base_total = received
    num, den = rule.share.numerator, rule.share.denominator
    if int(base_total.max()) * num >= _INT64_SAFE or int(array.max()) * den >= _INT64_SAFE:
        # Python ints for enormous counts (rare): still exact.
        lhs = array.astype(object) * den
        rhs = (base_total.astype(object) * num)[:, None]
    else:
        lhs = array * den
        rhs = (base_total * num)[:, None]
    passing = lhs >= rhs if rule.inclusive else lhs > rhs
    return np.asarray(passing & (base_total > 0)[:, None], dtype=bool)


def _largest_remainder(
    weights: NDArray[np.int64],
    eligible: NDArray[np.bool_],
    totals: NDArray[np.int64],
    house: int,
    name: str,
) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
    """Hare or Droop in integers: quotient w·q / V, remainder numerators over V."""
    q = house if name == "hare" else house + 1
    auto, rem = np.divmod(weights * q, totals[:, None])
    # Parties below the threshold rank after every admitted one.
    rem = np.where(eligible, rem, -1)
    left = house - auto.sum(axis=1)
    n, k = weights.shape
    rows = np.arange(n)
    # Largest remainder first, level ones in column order (a stable sort).
    order = np.argsort(-rem, axis=1, kind="stable")
    ranked = np.take_along_axis(rem, order, axis=1)
    rank = np.empty_like(order)
    rank[rows[:, None], order] = np.arange(k)
    seats = auto + (rank < left[:, None])
    tied = np.zeros(n, dtype=bool)
    inner = (left > 0) & (left < k)
    if np.any(inner):
        idx = np.flatnonzero(inner)
        boundary = ranked[idx, left[idx] - 1]
        following = ranked[idx, left[idx]]
        tied[idx] = (following == boundary) & (boundary >= 0)
    # Droop only: every quotient whole, one seat too many; a single holder gives it back,
    # several holders are tied for it.
    over = left < 0
    if np.any(over):
        holders = (auto > 0) & eligible
        single = over & (holders.sum(axis=1) == 1)
        seats = seats - (single[:, None] & holders)
        tied |= over & ~single
    return seats.astype(np.int64), tied


def _divisors(name: str, won: NDArray[np.int64]) -> NDArray[np.int64]:
    """Scaled divisor (×5, so 1.4 is 7) of each party's next seat, given seats won."""
    if name == "dhondt":
        return 5 * (won + 1)
    scaled = 5 * (2 * won + 1)
    if name == "modified-sainte-lague":
        scaled = np.where(won == 0, 7, scaled)
    return scaled


def _divisor(
    weights: NDArray[np.int64],
    eligible: NDArray[np.bool_],
    totals: NDArray[np.int64],
    house: int,
    name: str,
) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
    """Divisor methods: a float pick, then an integer check of every row.

    Returns the seats and the rows that failed the check (to be counted exactly).
    """
    n, k = weights.shape
    # Start below the answer (the estimate of kzlib.allocation._divisor, in integers):
    # D'Hondt floor(w·S / V); Sainte-Laguë quotients at or above V / (S − k/2).
    spare = house if name == "dhondt" else 2 * house - k
    if spare > 0:
        t = (weights * (5 * spare)) // totals[:, None]
        if name == "dhondt":
            won = t // 5
        else:
            odd = (t // 5 + 1) // 2
            won = odd if name == "sainte-lague" else (t >= 7) + np.maximum(odd - 1, 0)
    else:
        won = np.zeros_like(weights)
    won = np.where(weights > 0, won, 0)
    rows = np.arange(n)
    wf = weights.astype(np.float64)
    left = house - won.sum(axis=1)
    while np.any(left > 0):
        need = left > 0
        quotient = np.where(weights > 0, wf / _divisors(name, won), -1.0)
        best = np.argmax(quotient, axis=1)  # first of equal floats: checked below
        won[rows[need], best[need]] += 1
        left = left - need
    # Exact check: every quotient that won (w / d(s − 1)) must beat every one that did
    # not (w / d(s)); cross-multiplied, w_a · d_b(s_b) > w_b · d_a(s_a − 1) for all a, b.
    last = np.where(won > 0, _divisors(name, won - 1), 1)
    nxt = _divisors(name, won)
    lhs = weights[:, :, None] * nxt[:, None, :]  # a won, b next: w_a · d(s_b)
    rhs = weights[:, None, :] * last[:, :, None]  # w_b · d(s_a − 1)
    holds = (lhs > rhs) | ~(won > 0)[:, :, None] | ~(weights > 0)[:, None, :]
    failed = ~holds.all(axis=(1, 2))
    return won.astype(np.int64), failed


def _exact_row(
    row: NDArray[np.int64],
    house: int,
    name: str,
    rule: Threshold | None,
    against_all: int,
    ballots: int | None,
) -> list[int]:
    """One row through :func:`kzlib.allocate` (exact Python integers)."""
    parties = {f"p{i}": int(v) for i, v in enumerate(row)}
    result = allocate(
        parties, house, name, rule, against_all=int(against_all),
        ballots=None if ballots is None else int(ballots),
    )
    return list(result.seats.values())
