"""How close was each seat? Pivotal votes, exact, for any rule set kzlib counts.

For one election and a :class:`~kzlib.rules.RuleSet`, :func:`margins` answers, for
every party: how many more votes would have won it one more seat (``gain``), and how
few lost votes would have cost it a seat (``loss``), everything else fixed. Each
answer is a :class:`SeatMove`: the exact number of votes, which seats move, and why —
a largest remainder overtaken, a whole quota reached, a divisor quotient overtaken,
the party itself crossing the threshold, or another list crossing it (which
re-prices the quota for everyone). :func:`transfer` counts the fewest votes that,
moved from one named party to another, change the seat result; :func:`against_all_margin`
the fewest extra 'against all' votes that do (they enlarge the threshold base).

How the answers are found, exactly. A party's seats, as a function of its own votes
``x`` with everything else fixed, can jump *down* only where the set of lists that
pass the threshold changes (a list leaving re-prices the quota: the Alabama-like
effect of largest remainders) or where the one-party rule picks another runner-up.
Those points are computed in integers from the threshold rule. Between two of them
the seats never decrease as ``x`` grows (largest remainders and divisor methods are
both monotone in a party's own votes when the admitted lists are fixed), so a binary
search with :func:`kzlib.allocate` as the oracle finds the first ``x`` that wins,
interval by interval. Moving votes between two parties is handled the same way,
plus, where the quota moves while other lists stay fixed (largest remainders, one of
the two parties not admitted), a scan of every point where two remainders or a
quotient and a whole number meet. No floats are involved.

A tie is never counted as a win: unless ``tie_break`` is given, a level remainder or
quotient is settled *against* the change asked about (the party asking for a seat
loses the tie; the party asked about keeps its seat).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib.allocation import LARGEST_REMAINDER_METHODS, Allocation, TieError
from kzlib.rules import RuleSet

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "REASONS",
    "Margin",
    "SeatMove",
    "against_all_margin",
    "margins",
    "margins_table",
    "transfer",
]

#: Why a seat moves, keyed as in :attr:`SeatMove.reason`.
REASONS: dict[str, str] = {
    "remainder": "a largest remainder overtaken",
    "quota": "a whole quota reached (or lost)",
    "divisor": "a divisor quotient overtaken",
    "threshold": "the party itself crosses the threshold",
    "threshold-other": "another list crosses the threshold, which re-prices the quota",
    "runner-up": "the one-party rule admits another runner-up",
}


@dataclass(frozen=True)
class SeatMove:
    """The fewest votes that move a seat, which seats move, and why.

    Attributes
    ----------
    votes
        The number of votes (gained, lost or moved: see the function that made it).
    changes
        Party -> change in seats (only parties whose seats change), e.g.
        ``{"Respublica": 1, "Amanat": -1}``.
    reason
        A key of :data:`REASONS`.
    explanation
        One sentence that says what happens, for a table.
    """

    votes: int
    changes: dict[str, int]
    reason: str
    explanation: str

    @property
    def gainers(self) -> tuple[str, ...]:
        """Parties that gain seats."""
        return tuple(p for p, c in self.changes.items() if c > 0)

    @property
    def losers(self) -> tuple[str, ...]:
        """Parties that lose seats."""
        return tuple(p for p, c in self.changes.items() if c < 0)


@dataclass(frozen=True)
class Margin:
    """How close one party was to one seat more and to one seat fewer.

    Attributes
    ----------
    party
        The party.
    votes
        Its votes.
    seats
        Its seats as counted.
    gain
        The fewest extra votes (everything else fixed, the threshold base growing with
        them) after which it wins at least one seat more; None if no number of votes
        can (e.g. it already holds every seat).
    loss
        The fewest votes it could lose (everything else fixed, the base shrinking with
        them) after which it holds at least one seat fewer; None if it has no seat.
    passes
        Whether it reaches the threshold (True without a threshold).
    line
        The threshold in votes, ``share × base total`` (exact), or None without a
        threshold; ``votes - line`` is how far above (or below) the line it was.
    """

    party: str
    votes: int
    seats: int
    gain: SeatMove | None
    loss: SeatMove | None
    passes: bool = True
    line: Fraction | None = field(default=None)

    @property
    def above_line(self) -> Fraction | None:
        """``votes - line``: votes above the threshold line (negative: below it)."""
        return None if self.line is None else self.votes - self.line


# --------------------------------------------------------------------------- the oracle


@dataclass(frozen=True)
class _Count:
    """One election counted under one rule set (the oracle of every search)."""

    rules: RuleSet
    seats: int | None
    against_all: int
    ballots: int | None
    tie_break: tuple[str, ...] | None

    def run(self, votes: Mapping[str, int], against_all: int | None = None,
            ballots: int | None = None, order: Sequence[str] | None = None) -> Allocation | None:
        """The allocation, or None if no list can be admitted (nobody has seats)."""
        try:
            return self.rules.allocate_list(
                votes,
                against_all=self.against_all if against_all is None else against_all,
                seats=self.seats,
                ballots=self.ballots if ballots is None else ballots,
                tie_break=self.tie_break if self.tie_break is not None else order,
            )
        except TieError:
            raise
        except ValueError as error:
            if "eligible" in str(error) or "positive count" in str(error):
                return None
            raise


def _seats_of(result: Allocation | None, party: str) -> int:
    return 0 if result is None else result.seats[party]


def _seat_map(result: Allocation | None, parties: Sequence[str]) -> dict[str, int]:
    return {p: _seats_of(result, p) for p in parties}


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _binary_first(lo: int, hi: int, pred) -> int:
    """The smallest x in [lo, hi] with pred(x), given pred(hi) and pred monotone."""
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _binary_last(lo: int, hi: int, pred) -> int:
    """The largest x in [lo, hi] with pred(x), given pred(lo) and pred monotone down."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pred(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _order(parties: Sequence[str], last: str | None = None, first: str | None = None
           ) -> tuple[str, ...]:
    """A tie order: ``first`` wins every tie, ``last`` loses every tie, others in order."""
    middle = [p for p in parties if p not in (first, last)]
    return tuple(([first] if first else []) + middle + ([last] if last else []))


def _base_total(count: _Count, votes: Mapping[str, int]) -> int | None:
    rule = count.rules.threshold
    if rule is None:
        return None
    if rule.base == "votes":
        return sum(votes.values())
    if rule.base == "votes_and_against_all":
        return sum(votes.values()) + count.against_all
    return count.ballots


def _own_breakpoints(count: _Count, votes: Mapping[str, int], party: str) -> set[int]:
    """Values of ``party``'s votes x at which the admitted lists (or the runner-up) may
    change, the others fixed and the base moving with x: the regime for x >= c differs
    from the one for x < c only at these c."""
    points: set[int] = set()
    for other, v in votes.items():
        if other != party:
            points.update((v, v + 1))  # the one-party rule's runner-up
    rule = count.rules.threshold
    base = _base_total(count, votes)
    if rule is None or base is None:
        return points
    num, den = rule.share.numerator, rule.share.denominator
    rest = base - votes[party]  # base total without the party's own votes
    if num == 0:
        return points | {1}
    # The party passes from x = enter on: x·den >= num·(rest + x), i.e.
    # x·(den − num) >= num·rest (one more vote if the line must be exceeded).
    need = num * rest
    enter = _ceil_div(need, den - num)
    if not rule.inclusive and enter * (den - num) == need:
        enter += 1
    points.add(max(enter, 0))
    # Another list passes while v·den >= num·(rest + x), i.e. x <= v·den/num − rest.
    for other, v in votes.items():
        if other == party:
            continue
        limit = v * den // num - rest
        if not rule.inclusive and (v * den) % num == 0:
            limit -= 1
        points.add(limit + 1)
    return points


def _with(votes: Mapping[str, int], party: str, x: int) -> dict[str, int]:
    new = dict(votes)
    new[party] = x
    return new


def _own_count(count: _Count, votes: Mapping[str, int], party: str, x: int,
               order: Sequence[str]) -> Allocation | None:
    """The count with ``party`` at x votes; the base (and ballots) move with x."""
    shift = x - votes[party]
    ballots = None if count.ballots is None else count.ballots + shift
    return count.run(_with(votes, party, x), ballots=ballots, order=order)


def _classify(count: _Count, before: Allocation | None, after: Allocation | None,
              party: str, moved: int, what: str) -> SeatMove:
    """Which seats move between two counts, and why, as a SeatMove."""
    parties = list(before.votes if before is not None else after.votes)  # type: ignore[union-attr]
    old, new = _seat_map(before, parties), _seat_map(after, parties)
    changes = {p: new[p] - old[p] for p in parties if new[p] != old[p]}
    passing_before, passing_after = _passing(count, before), _passing(count, after)
    rule = count.rules.threshold
    if passing_before != passing_after:
        crossed = sorted(passing_before ^ passing_after, key=parties.index)
        reason = "threshold" if party in crossed else "threshold-other"
        direction = [f"{p} {'reaches' if p in passing_after else 'falls below'} it"
                     for p in crossed]
        base_note = ""
        if rule is not None and rule.base == "votes_and_against_all" and count.against_all:
            base_note = " (the base includes 'against all')"
        detail = f"the threshold{base_note}: " + ", ".join(direction)
    elif (before and after) and before.eligible != after.eligible:
        reason, detail = "runner-up", "the one-party rule admits another runner-up"
    elif count.rules.method in LARGEST_REMAINDER_METHODS:
        a_old = before.automatic_seats if before else {}
        a_new = after.automatic_seats if after else {}
        whole = [p for p in changes if a_old.get(p, 0) != a_new.get(p, 0)]
        reason = "quota" if whole else "remainder"
        detail = REASONS[reason]
    else:
        reason, detail = "divisor", REASONS["divisor"]
    moves = ", ".join(f"{p} {c:+d}" for p, c in changes.items()) or "no seat"
    explanation = f"{what} {moved:,} votes: {moves} ({detail})."
    return SeatMove(votes=moved, changes=changes, reason=reason, explanation=explanation)


def _passing(count: _Count, result: Allocation | None) -> frozenset[str]:
    if result is None:
        return frozenset()
    rule = result.threshold
    if rule is None:
        return frozenset(result.votes)
    return frozenset(p for p, v in result.votes.items() if rule.passes(v, result.base_total))


# --------------------------------------------------------------------------- gain and loss


def _gain(count: _Count, votes: dict[str, int], party: str, seats: int,
          house: int) -> SeatMove | None:
    if seats >= house:
        return None
    order = _order(list(votes), last=party)
    v = votes[party]

    def wins(x: int) -> bool:
        return _seats_of(_own_count(count, votes, party, x, order), party) > seats

    starts = sorted({v + 1} | {c for c in _own_breakpoints(count, votes, party) if c > v + 1})
    # Far enough that the party's quotient dwarfs every other list's: beyond it the
    # party's seats no longer grow (every list but the party would hold under 1/4 of a
    # quota or a divisor step).
    others = sum(votes.values()) + count.against_all + (count.ballots or 0) + 1
    far = starts[-1] + 8 * others * (house + 2)
    ends = [s - 1 for s in starts[1:]] + [far]
    for lo, hi in zip(starts, ends, strict=True):
        if wins(hi):
            x = _binary_first(lo, hi, wins)
            before = count.run(votes, order=order)
            after = _own_count(count, votes, party, x, order)
            return _classify(count, before, after, party, x - v, f"{party} gains")
    return None


def _loss(count: _Count, votes: dict[str, int], party: str, seats: int) -> SeatMove | None:
    if seats == 0:
        return None
    order = _order(list(votes), first=party)
    v = votes[party]

    def loses(y: int) -> bool:
        return _seats_of(_own_count(count, votes, party, y, order), party) < seats

    # Intervals of y (the votes left), highest first: [c, next c − 1].
    cuts = sorted({0} | {c for c in _own_breakpoints(count, votes, party) if 0 < c < v})
    ends = [c - 1 for c in cuts[1:]] + [v - 1]
    for lo, hi in reversed(list(zip(cuts, ends, strict=True))):
        if lo <= hi and loses(lo):
            y = _binary_last(lo, hi, loses)
            before = count.run(votes, order=order)
            after = _own_count(count, votes, party, y, order)
            return _classify(count, before, after, party, v - y, f"{party} loses")
    return None


def _check(votes: object, rules: object) -> dict[str, int]:
    if not isinstance(rules, RuleSet):
        raise TypeError(f"rules must be a RuleSet such as rules.mazhilis(2023), got {rules!r}")
    if not isinstance(votes, Mapping) or not votes:
        raise TypeError(f"votes must be a non-empty mapping of party -> votes, got {votes!r}")
    checked = {}
    for party, value in votes.items():
        if isinstance(value, bool) or not isinstance(value, int) and not (
            hasattr(value, "__index__")
        ):
            raise TypeError(f"votes[{party!r}] must be a whole number of votes, got {value!r}")
        if int(value) < 0:
            raise ValueError(f"votes[{party!r}] must be non-negative, got {value!r}")
        checked[party] = int(value)
    return checked


def _whole(value: object, name: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    if int(value) < 0:  # type: ignore[call-overload]
        raise ValueError(f"{name} must be non-negative, got {value!r}")
    return int(value)  # type: ignore[call-overload]


def _setup(votes, rules, against_all, seats, ballots, tie_break):
    checked = _check(votes, rules)
    count = _Count(
        rules=rules,
        seats=seats,
        against_all=_whole(against_all, "against_all"),
        ballots=None if ballots is None else _whole(ballots, "ballots"),
        tie_break=None if tie_break is None else tuple(tie_break),
    )
    result = count.run(checked)  # raises as allocate does (a tie included)
    if result is None:
        raise ValueError("votes: no list passes the threshold, so no seat can move")
    return checked, count, result


def margins(
    votes: Mapping[str, int],
    rules: RuleSet,
    *,
    against_all: int = 0,
    seats: int | None = None,
    ballots: int | None = None,
    tie_break: Sequence[str] | None = None,
) -> dict[str, Margin]:
    """For every party, the fewest votes to win one seat more and to lose one.

    Parameters
    ----------
    votes
        Party -> list votes (whole numbers).
    rules
        A :class:`~kzlib.rules.RuleSet`, e.g. ``rules.mazhilis(2023)``: its threshold
        (with its base), method and one-party rule are applied.
    against_all
        'Against all' votes (in the threshold base from 2023).
    seats
        List seats (default: the rule set's; required for a maslikhat).
    ballots
        Ballots received, for the base ``"ballots"``; they move with a party's votes.
    tie_break
        Registration order, earliest first. Without it a tie is settled against the
        change (see the module notes).

    Returns
    -------
    dict
        Party -> :class:`Margin` (input order). ``gain`` and ``loss`` count votes
        gained or lost by that party alone: new voters or voters staying at home, so
        the threshold base moves with them.

    Raises
    ------
    TypeError, ValueError
        On malformed input (naming the argument), or if no list passes.
    TieError
        If the result itself rests on a tie and ``tie_break`` is not given.

    Examples
    --------
    The 2023 Mazhilis lists (CEC final results in ``data/``), 69 list seats, 5% of party
    votes plus 'against all':

    >>> from kzlib import rules
    >>> from kzlib.cases import mazhilis_election
    >>> e = mazhilis_election(2023)
    >>> m = margins(e.votes, rules.mazhilis(2023), against_all=e.against_all)
    >>> jsdp = m["JSDP"]
    >>> jsdp.seats, jsdp.line, float(jsdp.above_line)
    (4, Fraction(6366441, 20), 12735.95)

    The JSDP was 12,735.95 votes above the 5% line of the base as counted. Votes it
    loses leave the base too (voters staying at home), so it takes 13,407 lost votes to
    fall below the line; no remainder or quota would have cost it a seat sooner, and
    all four of its seats move at once:

    >>> jsdp.loss.votes, jsdp.loss.reason, jsdp.loss.changes
    (13407, 'threshold', {'Amanat': 2, 'Respublica': 1, 'Ak Zhol': 1, 'JSDP': -4})
    >>> m["Baitaq"].gain.votes, m["Baitaq"].gain.reason, m["Baitaq"].gain.changes
    (180938, 'threshold', {'Amanat': -3, 'Baitaq': 3})

    Votes to gain and to lose for one seat more or fewer, list by list:

    >>> {p: (x.gain.votes, x.loss.votes) for p, x in m.items() if x.seats}
    {'Amanat': (219451, 54274), 'Auyl': (37692, 61124), 'Respublica': (19156, 96054), \
'Ak Zhol': (27284, 73467), 'QHP': (37518, 57202), 'JSDP': (47318, 13407)}
    >>> m["Respublica"].gain.explanation
    'Respublica gains 19,156 votes: Amanat -1, Respublica +1 (a largest remainder overtaken).'
    """
    checked, count, result = _setup(votes, rules, against_all, seats, ballots, tie_break)
    house = result.house_size
    rule = rules.threshold
    line = None if rule is None else rule.share * result.base_total
    passing = _passing(count, result)
    out = {}
    for party, v in checked.items():
        own = result.seats[party]
        out[party] = Margin(
            party=party,
            votes=v,
            seats=own,
            gain=_gain(count, checked, party, own, house),
            loss=_loss(count, checked, party, own),
            passes=party in passing,
            line=line,
        )
    return out


def margins_table(found: Mapping[str, Margin]) -> pd.DataFrame:
    """"How close was each seat": one row per party of :func:`margins`' result.

    Parameters
    ----------
    found
        The mapping returned by :func:`margins`.

    Returns
    -------
    pandas.DataFrame
        Columns ``party``, ``votes``, ``seats``; ``gain_votes`` (votes to win one seat
        more), ``gain_from`` (the parties that would give up a seat), ``gain_reason``;
        ``loss_votes`` (votes whose loss costs a seat), ``loss_to`` (the parties that
        would take it), ``loss_reason``. Empty cells where there is no such seat; the
        reasons are the sentences of :data:`REASONS`.

    Examples
    --------
    >>> from kzlib import rules
    >>> from kzlib.cases import mazhilis_election
    >>> e = mazhilis_election(2023)
    >>> table = margins_table(margins(e.votes, rules.mazhilis(2023), against_all=e.against_all))
    >>> table.iloc[2].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'party': 'Respublica', 'votes': 547154, 'seats': 6, 'gain_votes': 19156,
     'gain_from': 'Amanat', 'gain_reason': 'a largest remainder overtaken',
     'loss_votes': 96054, 'loss_to': 'Amanat', 'loss_reason': 'a whole quota reached (or lost)'}
    """
    import pandas as pd

    rows = []
    for party, m in found.items():
        gain, loss = m.gain, m.loss
        rows.append({
            "party": party,
            "votes": m.votes,
            "seats": m.seats,
            "gain_votes": None if gain is None else gain.votes,
            "gain_from": None if gain is None else ", ".join(gain.losers),
            "gain_reason": None if gain is None else REASONS[gain.reason],
            "loss_votes": None if loss is None else loss.votes,
            "loss_to": None if loss is None else ", ".join(loss.gainers),
            "loss_reason": None if loss is None else REASONS[loss.reason],
        })
    table = pd.DataFrame(rows)
    for column in ("gain_votes", "loss_votes"):
        table[column] = table[column].astype("Int64")
    return table


# --------------------------------------------------------------------------- transfers


def _transfer_breakpoints(count: _Count, votes: Mapping[str, int], source: str,
                          target: str) -> set[int]:
    """Values of t (votes moved) where the admitted lists or the runner-up may change."""
    a, b = votes[source], votes[target]
    points: set[int] = set()
    for other, v in votes.items():
        if other not in (source, target):
            # source: a − t = v, v ± 1; target: b + t = v, v ± 1
            points.update({a - v - 1, a - v, a - v + 1, v - b - 1, v - b, v - b + 1})
    half = (a - b) // 2  # where the two meet (the runner-up may change there)
    points.update({half, half + 1, half + 2})
    rule = count.rules.threshold
    base = _base_total(count, votes)
    if rule is not None and base is not None and rule.share.numerator:
        num, den = rule.share.numerator, rule.share.denominator
        line = Fraction(num * base, den)
        for x in (math.floor(line), math.ceil(line), math.ceil(line) + 1):
            points.update({a - x, a - x + 1, x - b, x - b + 1})
    return {t for t in points if 1 <= t <= a}


def _events(count: _Count, votes: Mapping[str, int], eligible: Sequence[str], source: str,
            target: str, lo: int, hi: int) -> list[int]:
    """Every t in [lo, hi] at or just after which a largest-remainder count can change
    while the admitted lists are fixed: where a quotient meets a whole number or two
    quotients differ by a whole number (quotient = votes × k / admitted votes)."""
    house = count.seats if count.seats is not None else count.rules.list_seats
    assert house is not None
    k = house if count.rules.method == "hare" else house + 1
    slope = {p: (-1 if p == source else 1 if p == target else 0) for p in eligible}
    total = sum(votes[p] for p in eligible)
    gamma = sum(slope.values())
    pairs = [(p, None) for p in eligible] + [
        (p, q) for i, p in enumerate(eligible) for q in eligible[i + 1:]
    ]
    found: set[int] = {lo}  # the interval's first point: a new regime starts there
    for p, q in pairs:
        c = votes[p] - (votes[q] if q else 0)
        d = slope[p] - (slope[q] if q else 0)

        def value(t: int, c: int = c, d: int = d) -> Fraction:
            return Fraction((c + d * t) * k, total + gamma * t)

        first, last = sorted((value(lo), value(hi)))
        for m in range(math.floor(first), math.ceil(last) + 1):
            # (c + d·t)·k = m·(total + γ·t)  ->  t = (m·total − c·k) / (d·k − m·γ)
            den = d * k - m * gamma
            if den == 0:
                continue
            t = Fraction(m * total - c * k, den)
            for x in (math.floor(t), math.ceil(t), math.ceil(t) + 1):
                if lo <= x <= hi:
                    found.add(x)
    return sorted(found)


def transfer(
    votes: Mapping[str, int],
    rules: RuleSet,
    source: str,
    target: str,
    *,
    against_all: int = 0,
    seats: int | None = None,
    ballots: int | None = None,
    tie_break: Sequence[str] | None = None,
) -> SeatMove | None:
    """The fewest votes that, moved from ``source`` to ``target``, change the seat result.

    The votes change hands: the threshold base does not move. The result changes when
    any party's seats change.

    Parameters
    ----------
    votes, rules, against_all, seats, ballots, tie_break
        As for :func:`margins`.
    source, target
        Two different parties of ``votes``.

    Returns
    -------
    SeatMove or None
        None if even moving all of ``source``'s votes changes nothing.

    Raises
    ------
    TypeError, ValueError
        As for :func:`margins`, or if ``source``/``target`` is not a party of
        ``votes`` or they are the same.

    Examples
    --------
    How many votes moved from Amanat to Respublica in 2023 would have given Respublica a
    seventh seat:

    >>> from kzlib import rules
    >>> from kzlib.cases import mazhilis_election
    >>> e = mazhilis_election(2023)
    >>> move = transfer(e.votes, rules.mazhilis(2023), "Amanat", "Respublica",
    ...                 against_all=e.against_all)
    >>> move.votes, move.changes, move.reason
    (14159, {'Amanat': -1, 'Respublica': 1}, 'remainder')

    Fewer votes than it would need as new voters (19,156, :func:`margins`): each vote
    moved also takes one from Amanat.
    """
    checked, count, result = _setup(votes, rules, against_all, seats, ballots, tie_break)
    for name, value in (("source", source), ("target", target)):
        if value not in checked:
            raise ValueError(f"{name} must be one of {list(checked)}, got {value!r}")
    if source == target:
        raise ValueError(f"target must differ from source, got {target!r} twice")
    # A tie counts as no change: the target loses ties, the source wins them.
    order = _order(list(checked), first=source, last=target)
    before = count.run(checked, order=order)
    baseline = _seat_map(before, list(checked))
    a = checked[source]
    if a == 0:
        return None

    def moved(t: int) -> Allocation | None:
        new = dict(checked)
        new[source] -= t
        new[target] += t
        return count.run(new, order=order)

    def changed(t: int) -> bool:
        return _seat_map(moved(t), list(checked)) != baseline

    cuts = sorted({1} | _transfer_breakpoints(count, checked, source, target))
    ends = [c - 1 for c in cuts[1:]] + [a]
    for lo, hi in zip(cuts, ends, strict=True):
        if lo > hi:
            continue
        at_lo = moved(lo)
        # Largest remainders with exactly one of the two admitted: the quota moves while
        # the other admitted lists stay fixed, so they can trade seats among
        # themselves (the Alabama effect). Scan every point where that can happen.
        # (Under the one-party rule only two lists share the seats: monotone, no scan.)
        admitted = list(at_lo.eligible) if at_lo is not None else []
        lr = count.rules.method in LARGEST_REMAINDER_METHODS
        by_threshold = set(admitted) == _passing(count, at_lo)
        if (lr and by_threshold and len(admitted) >= 2
                and (source in admitted) != (target in admitted)):
            for t in _events(count, checked, admitted, source, target, lo, hi):
                if changed(t):
                    return _classify(count, before, moved(t), source, t,
                                     f"moving from {source} to {target}")
            continue
        if changed(hi):
            t = _binary_first(lo, hi, changed)
            return _classify(count, before, moved(t), source, t,
                             f"moving from {source} to {target}")
    return None


def against_all_margin(
    votes: Mapping[str, int],
    rules: RuleSet,
    *,
    against_all: int = 0,
    seats: int | None = None,
    ballots: int | None = None,
    tie_break: Sequence[str] | None = None,
) -> SeatMove | None:
    """The fewest extra 'against all' votes (new voters) that change the seat result.

    'Against all' wins no seat, but where it counts in the threshold base (the 2023
    Mazhilis rules) more of it raises the line every list must reach. With the base
    ``"ballots"`` the ballots grow with it; with the base ``"votes"`` it changes nothing.
    A tie that appears on the way is settled in input order unless ``tie_break`` is
    given.

    Parameters
    ----------
    votes, rules, against_all, seats, ballots, tie_break
        As for :func:`margins`.

    Returns
    -------
    SeatMove or None
        None if no number of 'against all' votes changes the seats.

    Examples
    --------
    >>> from kzlib import rules
    >>> from kzlib.cases import mazhilis_election
    >>> e = mazhilis_election(2023)
    >>> move = against_all_margin(e.votes, rules.mazhilis(2023), against_all=e.against_all)
    >>> move.votes, move.reason, move.changes["JSDP"]
    (254720, 'threshold-other', -4)
    """
    checked, count, result = _setup(votes, rules, against_all, seats, ballots, tie_break)
    rule = rules.threshold
    if rule is None or rule.base == "votes" or rule.share == 0:
        return None
    base = _base_total(count, checked)
    assert base is not None
    num, den = rule.share.numerator, rule.share.denominator
    parties = list(checked)
    baseline = _seat_map(result, parties)
    # A list leaves when num·(base + t) > v·den (or >= for a strict threshold).
    points = set()
    for v in checked.values():
        limit = v * den // num - base  # largest t at which it still passes
        if not rule.inclusive and (v * den) % num == 0:
            limit -= 1
        if limit + 1 >= 1:
            points.add(limit + 1)
    # A tie that appears on the way is settled in input order (a stand-in for the
    # registration order) unless tie_break is given.
    order = parties
    for t in sorted(points):
        after = count.run(
            checked,
            against_all=count.against_all + t,
            ballots=None if count.ballots is None else count.ballots + t,
            order=order,
        )
        if _seat_map(after, parties) != baseline:
            return _classify(count, result, after, "'against all'", t,
                             "'against all' gains")
    return None
