"""How sure is this result? Seat ranges from plausible outcomes around one election.

A result is one count of one day's ballots. To see how much its seats hang on small
differences in the vote, :func:`seat_ranges` draws many plausible vote splits *around*
it and counts the seats of each under one or more rule sets:

* the shares of the parties and of 'against all' are drawn from a Dirichlet
  distribution centred on the result, ``rng.dirichlet(sample_size * shares)``: each
  draw's shares vary about as much as those of a random sample of ``sample_size``
  voters (a share ``p`` has a standard deviation of about ``sqrt(p (1 − p) / n)``);
  a larger ``sample_size`` means less noise;
* each draw's votes are ``round(shares × total)`` (the same total of party votes plus
  'against all' as the result), counted exactly by :func:`kzlib.batch.allocate_many`
  under each :class:`~kzlib.rules.RuleSet`'s list tier (method, threshold and base).

This is **sensitivity, not a forecast**: the noise is a stand-in for "a slightly
different vote", with no model of turnout, campaigns, counting disputes or of which
voters would really move. A fixed ``seed`` gives the same draws every time.

numpy is imported here and in :mod:`kzlib.batch` only (``import kzlib`` stays light).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from kzlib._numbers import positive_integer, vote_mapping, whole_number
from kzlib.allocation import TieError
from kzlib.batch import allocate_many
from kzlib.rules import RuleSet

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import NDArray

__all__ = ["QUANTILES", "SeatRanges", "draw_votes", "seat_ranges"]

#: The quantiles of each party's seats that :class:`SeatRanges` reports (5%, median, 95%).
QUANTILES: tuple[float, float, float] = (0.05, 0.5, 0.95)


@dataclass(frozen=True, eq=False)
class SeatRanges:
    """The seats of many plausible outcomes under one rule set.

    Attributes
    ----------
    rules
        The :class:`~kzlib.rules.RuleSet` counted.
    parties
        Party names, in the order of the columns of :attr:`seats`.
    house
        List seats distributed in every draw.
    seats
        A (draws × parties) int64 array: row ``i`` is draw ``i``'s seats.
    passes
        A (draws × parties) bool array: whether each list passed the threshold.
    """

    rules: RuleSet
    parties: tuple[str, ...]
    house: int
    seats: NDArray[np.int64]
    passes: NDArray[np.bool_]

    @property
    def draws(self) -> int:
        """The number of draws."""
        return int(self.seats.shape[0])

    def quantiles(self) -> dict[str, tuple[int, int, int]]:
        """Party -> (5th percentile, median, 95th percentile) of its seats, in whole seats.

        Each is a seat count some draw has (the "inverted CDF" quantile): 5% of the
        draws give the party fewer seats than the first number, at most.
        """
        values = np.quantile(self.seats, QUANTILES, axis=0, method="inverted_cdf")
        return {p: tuple(int(v) for v in values[:, j])  # type: ignore[misc]
                for j, p in enumerate(self.parties)}

    def distribution(self, party: str) -> dict[int, float]:
        """Seats -> share of the draws giving ``party`` that many seats (seats that occur)."""
        if party not in self.parties:
            raise ValueError(f"party must be one of {list(self.parties)}, got {party!r}")
        counts = np.bincount(self.seats[:, self.parties.index(party)])
        return {int(s): float(c) / self.draws for s, c in enumerate(counts) if c}

    def p_passes(self) -> dict[str, float]:
        """Party -> share of the draws in which its list passes the threshold."""
        shares = self.passes.mean(axis=0)
        return {p: float(shares[j]) for j, p in enumerate(self.parties)}

    def p_majority(self) -> float:
        """Share of the draws in which the largest party holds more than half the seats."""
        return float(np.mean(2 * self.seats.max(axis=1) > self.house))

    def p_two_thirds(self) -> float:
        """Share of the draws in which the largest party holds two-thirds of the seats or more."""
        return float(np.mean(3 * self.seats.max(axis=1) >= 2 * self.house))


def _check_shape(sample_size: object, draws: object, seed: object) -> tuple[float, int, int]:
    if isinstance(sample_size, bool) or not isinstance(sample_size, (int, float, np.number)):
        raise TypeError(f"sample_size must be a number of voters, got {sample_size!r}")
    if not np.isfinite(sample_size) or sample_size <= 0:
        raise ValueError(f"sample_size must be a positive number of voters, got {sample_size!r}")
    count = positive_integer(draws, "draws")
    try:
        start = whole_number(seed, "seed")
    except (TypeError, ValueError):
        raise TypeError(f"seed must be a whole number, got {seed!r}") from None
    if start < 0:
        raise ValueError(f"seed must be 0 or more, got {seed!r}")
    return float(sample_size), count, start


def draw_votes(
    votes: Mapping[str, int],
    *,
    against_all: int = 0,
    sample_size: float,
    draws: int = 10_000,
    seed: int = 2023,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Plausible vote counts around a result: Dirichlet noise on the shares.

    Parameters
    ----------
    votes
        Party -> list votes (whole numbers); a party with no votes gets none in every draw.
    against_all
        'Against all' votes (drawn like a party's, never a seat).
    sample_size
        Effective sample size, in voters: the Dirichlet concentration. Each draw's
        shares vary about as much as those of a random sample of this many voters.
    draws
        Number of plausible outcomes.
    seed
        Seed of ``numpy.random.default_rng``: the same seed gives the same draws.

    Returns
    -------
    tuple
        ``(party_votes, against_all)``: a (draws × parties) int64 array (columns in
        the order of ``votes``) and a (draws,) int64 array, each draw ``round(share ×
        total)`` with ``total`` the result's party votes plus 'against all'.

    Raises
    ------
    TypeError, ValueError
        Naming the argument: malformed votes, ``sample_size`` not a positive number,
        ``draws`` < 1, a negative or fractional ``seed``, or no votes at all.

    Examples
    --------
    >>> party_votes, against = draw_votes({"A": 600, "B": 300}, against_all=100,
    ...                                   sample_size=1000, draws=3, seed=1)
    >>> party_votes.tolist(), against.tolist()
    ([[595, 299], [591, 308], [598, 299]], [107, 101, 103])
    >>> draw_votes({"A": 1}, sample_size=0)
    Traceback (most recent call last):
    ...
    ValueError: sample_size must be a positive number of voters, got 0
    """
    counts = vote_mapping(votes, "votes")
    if any(not isinstance(v, int) for v in counts.values()):
        raise ValueError("votes must be whole numbers of votes, got a fraction")
    extra = whole_number(against_all, "against_all")
    if extra < 0:
        raise ValueError(f"against_all must be >= 0, got {against_all!r}")
    size, count, start = _check_shape(sample_size, draws, seed)
    observed = np.array([*counts.values(), extra], dtype=np.float64)
    total = int(sum(counts.values())) + extra
    if total == 0:
        raise ValueError("votes must contain some votes, got none (and no 'against all')")
    present = observed > 0
    shares = np.zeros((count, observed.size))
    # dirichlet needs every concentration > 0: options with no votes stay at zero.
    shares[:, present] = np.random.default_rng(start).dirichlet(
        size * observed[present] / total, size=count)
    drawn = np.rint(shares * total).astype(np.int64)
    return drawn[:, :-1], drawn[:, -1]


def _passes(
    party_votes: NDArray[np.int64], against_all: NDArray[np.int64], rules: RuleSet
) -> NDArray[np.bool_]:
    """Which lists pass the rule set's threshold in each draw (exact integers)."""
    rule = rules.threshold
    if rule.base == "ballots":
        raise ValueError("rules must not count the threshold in ballots received: draws "
                         "have no ballot count, got a rule set with the base 'ballots'")
    base = party_votes.sum(axis=1)
    if rule.base == "votes_and_against_all":
        base = base + against_all
    lhs = party_votes * rule.share.denominator
    rhs = (base * rule.share.numerator)[:, None]
    return (lhs >= rhs if rule.inclusive else lhs > rhs) & (base > 0)[:, None]


def _count(
    parties: tuple[str, ...],
    party_votes: NDArray[np.int64],
    against_all: NDArray[np.int64],
    rules: RuleSet,
) -> SeatRanges:
    if not isinstance(rules, RuleSet):
        raise TypeError(f"rules must be RuleSets such as rules.mazhilis(2023), got {rules!r}")
    house = rules.list_seats
    if house is None or house == 0:
        raise ValueError(f"rules must have a fixed number of list seats, got {rules.describe()}")
    extra = against_all if rules.against_all else np.zeros_like(against_all)
    passes = _passes(party_votes, extra, rules)
    seats = allocate_many(party_votes, house, rules.method, rules.threshold,
                          against_all=extra, ties="mask")
    # Rows the fast path cannot settle alone go through the rule set itself: a tie for
    # the last seat (settled in the order the parties are given, as a registration
    # order would be), or the one-party rule when a single list passes.
    redo = np.ma.getmaskarray(seats).any(axis=1)
    if rules.one_party_rule:
        redo |= passes.sum(axis=1) == 1
    seats = np.ma.getdata(seats).copy()
    for row in np.flatnonzero(redo):
        votes = dict(zip(parties, (int(v) for v in party_votes[row]), strict=True))
        try:
            result = rules.allocate_list(votes, against_all=int(extra[row]))
        except TieError:
            result = rules.allocate_list(votes, against_all=int(extra[row]),
                                         tie_break=list(parties))
        seats[row] = list(result.seats.values())
    return SeatRanges(rules=rules, parties=parties, house=house, seats=seats, passes=passes)


def seat_ranges(
    votes: Mapping[str, int],
    rules: Mapping[str, RuleSet],
    *,
    against_all: int = 0,
    sample_size: float,
    draws: int = 10_000,
    seed: int = 2023,
) -> dict[str, SeatRanges]:
    """Seat ranges under several rule sets, from the same plausible outcomes.

    Parameters
    ----------
    votes
        Party -> list votes of the result (whole numbers).
    rules
        Label -> :class:`~kzlib.rules.RuleSet` with a fixed number of list seats, e.g.
        ``{"2023 list tier": rules.mazhilis(2023), "2026 Kurultai": rules.kurultai()}``.
        Every rule set counts the same draws. A rule set without 'against all' on the
        ballot counts those draws with none.
    against_all, sample_size, draws, seed
        As for :func:`draw_votes`.

    Returns
    -------
    dict
        Label -> :class:`SeatRanges` (in the order of ``rules``).

    Raises
    ------
    TypeError, ValueError
        Naming the argument, as for :func:`draw_votes`; if ``rules`` is empty or holds
        something that is not a RuleSet, or a rule set without fixed list seats or
        with a threshold counted in ballots.

    Examples
    --------
    The 2023 Mazhilis lists, 10,000 draws as uncertain as a sample of 2,000 voters:

    >>> from kzlib import rules
    >>> from kzlib.cases import mazhilis_election
    >>> e = mazhilis_election(2023)
    >>> ranges = seat_ranges(e.votes, {"2023": rules.mazhilis(2023), "2026": rules.kurultai()},
    ...                      against_all=e.against_all, sample_size=2000)
    >>> r = ranges["2023"]
    >>> r.draws, r.house, r.quantiles()["Amanat"]
    (10000, 69, (38, 40, 43))
    >>> r.p_passes()["JSDP"], r.p_majority(), r.p_two_thirds()
    (0.6464, 1.0, 0.0)

    The JSDP, 0.2 points above the line, passes in about two draws of three; when it
    passes it takes 8 or 9 of the Kurultai's 145 seats, rarely more:

    >>> {s: round(p, 3) for s, p in ranges["2026"].distribution("JSDP").items()}
    {0: 0.354, 7: 0.0, 8: 0.375, 9: 0.237, 10: 0.033, 11: 0.002}
    """
    if not isinstance(rules, Mapping) or not rules:
        raise TypeError(f"rules must be a non-empty mapping of label -> RuleSet, got {rules!r}")
    counts = vote_mapping(votes, "votes")
    party_votes, extra = draw_votes(counts, against_all=against_all, sample_size=sample_size,
                                    draws=draws, seed=seed)
    parties = tuple(counts)
    return {label: _count(parties, party_votes, extra, rule) for label, rule in rules.items()}
