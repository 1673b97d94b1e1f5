"""Mixed electoral systems: a party-list tier plus a single-member tier.

Since 2023 the Mazhilis (the lower house of Parliament) has 98 seats: 69 filled
from national party lists (5% threshold, Hare quota with largest remainders,
:func:`kzlib.rules.mazhilis`) and 29 in single-member districts, each won by the
candidate with the most votes (plurality). The two tiers are counted **apart**
and the seats are added: a *parallel* system (mixed-member majoritarian). This
module computes such houses and the alternatives a class may want to compare:

* :func:`parallel` — list tier and district tier kept apart, totals added;
* :func:`all_list` — every seat from the lists (Kazakhstan 2007–2021, 98 seats);
* :func:`compensatory` — mixed-member proportional (MMP): the list vote decides
  each party's total, district wins are subtracted, and what happens when a party
  wins more districts than its total (an *overhang*) is an explicit choice
  (:data:`OVERHANG_RULES`);
* :func:`mixed_house` — one call for a widget: any list share of the house, any
  system, with the district tier modelled as stated below.

**What is known and what is modelled.** The 2023 district tier is known only as
party totals, and the sources disagree about one seat
(:func:`kzlib.cases.district_seats_2023`, :data:`READINGS`): Wikipedia gives 22 Amanat + 7
independents, ElectionGuide 22 Amanat + 1 JSDP + 6 independents. The per-district
votes were not found, so no district tier of another size can be *computed*. A
house with a different number of districts therefore needs an explicit
assumption, one of :data:`DISTRICT_MODELS` (:func:`model_districts`). Every
result built on a model says so in its ``note``.

**Majority lines.** ``majority(n) = floor(n / 2) + 1`` and
``two_thirds(n) = ceil(2n / 3)``: 50 and 66 of 98 seats. Independents and the
disputed seat are not a party and never "reach" a line.

The functions take votes and seats as arguments and never read ``data/``; the
real 2023 Mazhilis and the city maslikhats are in :mod:`kzlib.cases`
(:func:`~kzlib.cases.mazhilis_2023`, :func:`~kzlib.cases.mazhilis_2023_designs`).
Nothing here imports pandas or matplotlib at module level; the functions that
return tables import pandas when called.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib._numbers import exact_number, non_negative_number
from kzlib.allocation import Allocation, TieError, allocate
from kzlib.rules import RuleSet, mazhilis

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DESIGNS",
    "DISPUTED",
    "DISTRICT_MODELS",
    "HOUSE_2023",
    "INDEPENDENTS",
    "MAZHILIS_2004",
    "MixedResult",
    "OVERHANG_RULES",
    "READINGS",
    "SYSTEMS",
    "all_list",
    "compare_designs",
    "compensatory",
    "designs_table",
    "majority",
    "mixed_house",
    "model_districts",
    "parallel",
    "plurality",
    "plurality_winner",
    "split_house",
    "two_thirds",
]

#: Label of the self-nominated winners of single-member districts, as in ``data/``.
INDEPENDENTS = "Independents"
#: Label of the single-member seat the sources give to different winners (2023).
DISPUTED = "Disputed"
#: Winners that are not a party: they never count as reaching a majority line.
NON_PARTY = (INDEPENDENTS, DISPUTED)

#: Seats in the Mazhilis of 2023–2026 (69 list + 29 single-member).
HOUSE_2023 = 98

#: The 2004 Mazhilis: 77 seats, 67 single-member + 10 list (IPU Parline,
#: http://archive.ipu.org/parline-e/reports/arc/2165_07.htm).
MAZHILIS_2004: dict[str, int] = {"single_member": 67, "list": 10, "total": 77}

#: How to read the 2023 single-member tier, where the sources disagree on one seat.
READINGS: dict[str, str] = {
    "disputed": "the seat the sources disagree on is shown apart as 'Disputed' "
                "(22 Amanat + 6 independents + 1 disputed)",
    "wikipedia": "English Wikipedia infobox: 22 Amanat + 7 independents",
    "electionguide": "ElectionGuide: 22 Amanat + 1 JSDP + 6 independents",
}

#: Assumptions for a district tier of any size (per-district votes are not available).
DISTRICT_MODELS: dict[str, str] = {
    "2023 result": "ASSUMPTION: districts are won in the same proportions as the 29 districts "
                   "of 2023 (scaled by largest remainders; the disputed seat counts with the "
                   "independents)",
    "list shares": "ASSUMPTION: districts are shared in proportion to the parties' list votes "
                   "(Hare, no threshold); independents win none",
    "leader sweeps": "ASSUMPTION: the party with the most list votes wins every district",
}

#: What the compensatory (MMP) design does with an overhang.
OVERHANG_RULES: dict[str, str] = {
    "keep": "the party keeps its extra district seats and the house grows by that many "
            "(as in New Zealand)",
    "fixed": "the house keeps its size: the party keeps its district seats and the other "
             "parties share the seats that are left in proportion to their votes",
    "level": "the house grows until every party's proportional share covers its district "
             "seats (levelling seats, the idea behind Germany's federal system)",
}

#: Ways of combining the tiers offered by :func:`mixed_house`.
SYSTEMS: dict[str, str] = {
    "parallel": "parallel: list tier and district tier counted apart, seats added "
                "(Kazakhstan 2023–2026)",
    "compensatory": "compensatory (MMP): list votes decide each party's total, district "
                    "wins are subtracted",
}

#: The designs compared by :func:`compare_designs`, in order.
DESIGNS: tuple[str, ...] = (
    "2023 parallel (69 list + 29 districts)",
    "All-list (98 list seats at 5%)",
    "2004-style parallel (13 list + 85 districts, modelled)",
    "Compensatory MMP (69 list + 29 districts)",
)


# --------------------------------------------------------------------------- lines


def _check_size(value: object, name: str, *, allow_zero: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        need = "a non-negative" if allow_zero else "a positive"
        raise ValueError(f"{name} must be {need} integer, got {value!r}")
    return value


def majority(house_size: int) -> int:
    """Seats needed for an absolute majority: ``floor(n / 2) + 1``.

    Parameters
    ----------
    house_size
        Seats in the chamber, n (positive integer).

    Returns
    -------
    int
        Seats (50 for 98, 54 for 107).

    Raises
    ------
    TypeError, ValueError
        If ``house_size`` is not a positive integer.

    Examples
    --------
    >>> majority(98), majority(107)
    (50, 54)
    """
    n = _check_size(house_size, "house_size")
    return n // 2 + 1


def two_thirds(house_size: int) -> int:
    """Seats needed for a two-thirds majority: ``ceil(2n / 3)``.

    Parameters
    ----------
    house_size
        Seats in the chamber, n (positive integer).

    Returns
    -------
    int
        Seats (66 for 98, 72 for 107).

    Raises
    ------
    TypeError, ValueError
        If ``house_size`` is not a positive integer.

    Examples
    --------
    >>> two_thirds(98), two_thirds(99)
    (66, 66)
    """
    n = _check_size(house_size, "house_size")
    return -(-2 * n // 3)


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class MixedResult:
    """A house elected in two tiers, with the tiers kept visible.

    Attributes
    ----------
    design
        A label, e.g. ``"2023 parallel (69 list + 29 districts)"``.
    list_seats
        Party -> seats from the party lists (every party of the result, 0 if none).
    district_seats
        Party (or ``"Independents"``, ``"Disputed"``) -> single-member seats.
    house_size
        Seats in the house, including any overhang or levelling seats. Always
        equals the sum of both tiers.
    system
        ``"parallel"``, ``"compensatory"`` or ``"all-list"``.
    list_allocation
        The party-list allocation behind the list tier (parallel) or behind the
        proportional totals (compensatory); None when no list seat is filled.
    added_seats
        Seats added to the nominal house size by an overhang or levelling rule.
    note
        What was assumed (a district model, an overhang rule), in words.
    """

    design: str
    list_seats: dict[str, int]
    district_seats: dict[str, int]
    house_size: int
    system: str = "parallel"
    list_allocation: Allocation | None = field(default=None, repr=False)
    added_seats: int = 0
    note: str = ""

    def __post_init__(self) -> None:
        total = sum(self.list_seats.values()) + sum(self.district_seats.values())
        if total != self.house_size:
            raise ValueError(
                f"house_size must equal list + district seats ({total}), got {self.house_size}"
            )

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party or category, list parties first (input order)."""
        return tuple(dict.fromkeys([*self.list_seats, *self.district_seats]))

    @property
    def total(self) -> dict[str, int]:
        """Party -> list seats + district seats."""
        return {
            p: self.list_seats.get(p, 0) + self.district_seats.get(p, 0) for p in self.parties
        }

    @property
    def list_tier(self) -> int:
        """Seats filled from party lists."""
        return sum(self.list_seats.values())

    @property
    def district_tier(self) -> int:
        """Seats filled in single-member districts."""
        return sum(self.district_seats.values())

    @property
    def majority_line(self) -> int:
        """``floor(house_size / 2) + 1``."""
        return majority(self.house_size)

    @property
    def two_thirds_line(self) -> int:
        """``ceil(2 * house_size / 3)``."""
        return two_thirds(self.house_size)

    @property
    def largest_party(self) -> str:
        """The party with the most seats (independents and disputed seats excluded)."""
        totals = {p: n for p, n in self.total.items() if p not in NON_PARTY}
        return max(totals, key=lambda p: totals[p])

    def reaches(self, line: int) -> tuple[str, ...]:
        """Parties with at least ``line`` seats (never independents or the disputed seat)."""
        return tuple(p for p, n in self.total.items() if p not in NON_PARTY and n >= line)

    def table(self) -> pd.DataFrame:
        """One row per party: ``party``, ``list_seats``, ``district_seats``, ``total``."""
        import pandas as pd

        total = self.total
        return pd.DataFrame(
            {
                "party": list(self.parties),
                "list_seats": [self.list_seats.get(p, 0) for p in self.parties],
                "district_seats": [self.district_seats.get(p, 0) for p in self.parties],
                "total": [total[p] for p in self.parties],
            }
        )

    def summary(self) -> dict[str, object]:
        """The design in one row: tiers, lines and who reaches them."""
        leader = self.largest_party
        return {
            "design": self.design,
            "list_seats": self.list_tier,
            "district_seats": self.district_tier,
            "house_size": self.house_size,
            "largest_party": leader,
            "largest_party_seats": self.total[leader],
            "majority_line": self.majority_line,
            "majority_reached_by": ", ".join(self.reaches(self.majority_line)) or "nobody",
            "two_thirds_line": self.two_thirds_line,
            "two_thirds_reached_by": ", ".join(self.reaches(self.two_thirds_line)) or "nobody",
        }


# --------------------------------------------------------------------------- checks


def _check_seat_map(seats: object, name: str) -> dict[str, int]:
    if not isinstance(seats, Mapping):
        raise TypeError(f"{name} must be a mapping of party to seats, got {type(seats).__name__}")
    checked: dict[str, int] = {}
    for party, value in seats.items():
        if not isinstance(party, str) or not party.strip():
            raise TypeError(f"party names in {name} must be non-empty strings, got {party!r}")
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name}[{party!r}] must be an integer, got {value!r}")
        if value < 0:
            raise ValueError(f"{name}[{party!r}] must be >= 0, got {value!r}")
        checked[party] = value
    return checked


def _check_share(value: object, name: str) -> Fraction:
    """A share in [0, 1] (both ends allowed), exact; strings like '70%' accepted."""
    if isinstance(value, str):
        text = value.strip()
        try:
            share = Fraction(text[:-1].strip()) / 100 if text.endswith("%") else Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(
                f"{name} must be a share such as 0.7 or a string such as '70%', got {value!r}"
            ) from None
    else:
        share = Fraction(exact_number(value, name))
    if not 0 <= share <= 1:
        raise ValueError(f"{name} must be between 0 and 1, got {value!r}")
    return share


def _check_choice(value: object, name: str, choices: Mapping[str, str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value  # type: ignore[return-value]


def _rules(rules: RuleSet | None) -> RuleSet:
    if rules is None:
        return mazhilis(2023)
    if not isinstance(rules, RuleSet):
        raise TypeError(f"rules must be a kzlib.rules.RuleSet or None, got {type(rules).__name__}")
    return rules


# --------------------------------------------------------------------------- districts


def split_house(house_size: int, list_share: object) -> tuple[int, int]:
    """Split a house into list seats and single-member seats.

    ``list seats = floor(list_share * house_size + 1/2)`` (rounded half up, exact),
    the rest are single-member seats.

    Parameters
    ----------
    house_size
        Seats in the house (positive integer).
    list_share
        Share of the house elected from lists, 0 to 1 inclusive (``0.7``,
        ``Fraction(69, 98)`` or ``"70%"``).

    Returns
    -------
    (int, int)
        List seats and single-member seats; they add up to ``house_size``.

    Raises
    ------
    TypeError, ValueError
        If ``house_size`` is not a positive integer or ``list_share`` is outside 0–1.

    Examples
    --------
    >>> split_house(98, "70%")
    (69, 29)
    >>> split_house(98, Fraction(10, 77))
    (13, 85)
    """
    n = _check_size(house_size, "house_size")
    share = _check_share(list_share, "list_share")
    list_seats = math.floor(share * n + Fraction(1, 2))
    return list_seats, n - list_seats


def plurality_winner(votes: Mapping[str, object], *, tie_break: Sequence[str] | None = None) -> str:
    """The winner of one single-member district: the most votes wins (plurality).

    Parameters
    ----------
    votes
        Candidate or party -> votes in the district.
    tie_break
        Names in priority order, used only if two or more are level at the top.
        The tie rule of the current law was not found, so none is assumed.

    Returns
    -------
    str

    Raises
    ------
    TypeError, ValueError
        On malformed votes (the message names the entry).
    TieError
        If the top is tied and ``tie_break`` does not settle it.

    Examples
    --------
    >>> plurality_winner({"Amanat": 40, "Independent A": 35, "Auyl": 25})
    'Amanat'
    """
    if not isinstance(votes, Mapping) or not votes:
        raise TypeError(f"votes must be a non-empty mapping of candidate to votes, got {votes!r}")
    exact = {}
    for name, value in votes.items():
        exact[name] = non_negative_number(value, f"votes[{name!r}]")
    best = max(exact.values())
    top = [n for n, v in exact.items() if v == best]
    if len(top) == 1:
        return top[0]
    if tie_break is not None and all(n in tie_break for n in top):
        return sorted(top, key=list(tie_break).index)[0]
    raise TieError(
        f"tie for first place: {', '.join(map(repr, top))} have {best} votes each; "
        "pass tie_break=[...] (the tie rule of the current law was not found)",
        top,
        1,
    )


def plurality(
    districts: Sequence[Mapping[str, object]],
    *,
    labels: Mapping[str, str] | None = None,
    tie_break: Sequence[str] | None = None,
) -> dict[str, int]:
    """Seats won in single-member districts, one plurality race per district.

    Parameters
    ----------
    districts
        One mapping per district: candidate -> votes.
    labels
        Optional candidate -> party label (e.g. ``{"A. Karimov": "Independents"}``);
        a candidate without a label counts under their own name.
    tie_break
        Passed to :func:`plurality_winner`.

    Returns
    -------
    dict
        Party (or candidate) -> districts won, in order of first win.

    Raises
    ------
    TypeError, ValueError, TieError
        As :func:`plurality_winner`; also if ``districts`` is not a sequence.

    Examples
    --------
    >>> plurality([{"Amanat": 5, "Auyl": 3}, {"Amanat": 2, "Independents": 4}])
    {'Amanat': 1, 'Independents': 1}
    """
    if isinstance(districts, (str, Mapping)) or not isinstance(districts, Sequence):
        raise TypeError(
            "districts must be a list of mappings (one per district), "
            f"got {type(districts).__name__}"
        )
    won: dict[str, int] = {}
    for i, district in enumerate(districts):
        try:
            winner = plurality_winner(district, tie_break=tie_break)
        except TieError as err:
            raise TieError(f"district {i + 1}: {err}", err.parties, 1) from None
        party = (labels or {}).get(winner, winner)
        won[party] = won.get(party, 0) + 1
    return won


def model_districts(
    n_districts: int,
    model: str = "2023 result",
    *,
    reference: Mapping[str, int] | None = None,
    list_votes: Mapping[str, object] | None = None,
) -> dict[str, int]:
    """A modelled single-member tier of ``n_districts`` seats (an ASSUMPTION).

    Per-district results of 2023 are not available, so a district tier of
    another size cannot be computed; it has to be assumed. The models
    (:data:`DISTRICT_MODELS`):

    * ``"2023 result"`` — scale a district result as it happened (``reference``,
      e.g. :func:`kzlib.cases.district_seats_2023`) to ``n_districts`` by largest
      remainders: party p gets about ``n_districts * d_p / 29``. With as many
      districts as the reference it *is* the reference. Scaled to any other size,
      a ``"Disputed"`` seat is counted with the independents first: a doubt about
      who won one real seat cannot be multiplied into several modelled seats.
    * ``"list shares"`` — share the districts by the list votes (Hare, no
      threshold); independents win none.
    * ``"leader sweeps"`` — the party with the most list votes wins every district.

    Parameters
    ----------
    n_districts
        Number of single-member districts (0 or more).
    model
        One of :data:`DISTRICT_MODELS`.
    reference
        Party -> districts won in the real result; required for ``"2023 result"``.
    list_votes
        Party -> list votes; required for ``"list shares"`` and ``"leader sweeps"``.

    Returns
    -------
    dict
        Party -> districts won (summing to ``n_districts``).

    Raises
    ------
    TypeError, ValueError
        For a bad count, an unknown model, or a missing ``reference`` or ``list_votes``.

    Examples
    --------
    >>> model_districts(58, reference={"Amanat": 22, "Independents": 7})
    {'Amanat': 44, 'Independents': 14}
    >>> model_districts(4, "leader sweeps", list_votes={"A": 60, "B": 40})
    {'A': 4, 'B': 0}
    >>> model_districts(85, reference={"Amanat": 22, "Independents": 6, "Disputed": 1})
    {'Amanat': 64, 'Independents': 21}
    """
    n = _check_size(n_districts, "n_districts", allow_zero=True)
    _check_choice(model, "model", DISTRICT_MODELS)
    if model == "2023 result":
        if reference is None:
            raise ValueError(f"reference must be given for the district model {model!r}, got None")
        actual = _check_seat_map(reference, "reference")
        if n != sum(actual.values()) and actual.get(DISPUTED):
            actual = {p: v for p, v in actual.items() if p != DISPUTED}
            actual[INDEPENDENTS] = actual.get(INDEPENDENTS, 0) + reference[DISPUTED]
        if n == 0:
            return dict.fromkeys(actual, 0)
        return dict(allocate(actual, n, "hare", tie_break=list(actual)).seats)
    if list_votes is None:
        raise ValueError(f"list_votes must be given for the district model {model!r}, got None")
    if n == 0:
        return dict.fromkeys(list_votes, 0)
    if model == "list shares":
        return dict(allocate(list_votes, n, "hare", tie_break=list(list_votes)).seats)
    leader = plurality_winner(list_votes, tie_break=list(list_votes))
    return {p: (n if p == leader else 0) for p in list_votes}


# --------------------------------------------------------------------------- designs


def _ordered(list_votes: Mapping[str, object], districts: Mapping[str, int]) -> list[str]:
    return list(dict.fromkeys([*list_votes, *districts]))


def parallel(
    list_votes: Mapping[str, object],
    district_seats: Mapping[str, int],
    *,
    against_all: object = 0,
    list_seats: int = 69,
    rules: RuleSet | None = None,
    tie_break: Sequence[str] | None = None,
    design: str = "parallel",
    note: str = "",
) -> MixedResult:
    """A parallel (mixed-member majoritarian) house: tiers counted apart, seats added.

    The list tier distributes ``list_seats`` by ``rules`` (default
    :func:`kzlib.rules.mazhilis` 2023: 5% of party votes + 'against all', Hare);
    the district seats are taken as given and simply added:
    ``total_p = list_p + district_p``.

    Parameters
    ----------
    list_votes
        Party -> list votes.
    district_seats
        Party (or ``"Independents"``, ``"Disputed"``) -> single-member seats won
        (e.g. :func:`kzlib.cases.district_seats_2023`, :func:`plurality`, :func:`model_districts`).
    against_all
        'Against all' list votes (in the threshold base from 2023).
    list_seats
        Seats filled from lists (0 or more).
    rules
        The list rules; default ``rules.mazhilis(2023)``.
    tie_break
        Party names in priority order, used only if a genuine tie decides a list
        seat (otherwise a tie raises :class:`~kzlib.allocation.TieError`).
    design, note
        Labels kept in the result.

    Returns
    -------
    MixedResult

    Raises
    ------
    TypeError, ValueError
        On malformed input; the message names the argument.

    Examples
    --------
    >>> r = parallel({"A": 600, "B": 400}, {"A": 3, "Independents": 1}, list_seats=5)
    >>> r.total, r.house_size
    ({'A': 6, 'B': 2, 'Independents': 1}, 9)
    """
    rule = _rules(rules)
    districts = _check_seat_map(district_seats, "district_seats")
    seats = _check_size(list_seats, "list_seats", allow_zero=True)
    if not isinstance(list_votes, Mapping):
        raise TypeError(
            f"list_votes must be a mapping of party to votes, got {type(list_votes).__name__}"
        )
    allocation = None
    won: dict[str, int] = dict.fromkeys(list_votes, 0)
    if seats:
        allocation = rule.allocate_list(list_votes, against_all=against_all, seats=seats,
                                        tie_break=tie_break)
        won = dict(allocation.seats)
    parties = _ordered(list_votes, districts)
    return MixedResult(
        design=design,
        list_seats={p: won.get(p, 0) for p in parties},
        district_seats={p: districts.get(p, 0) for p in parties},
        house_size=seats + sum(districts.values()),
        system="parallel" if districts and any(districts.values()) else "all-list",
        list_allocation=allocation,
        note=note,
    )


def all_list(
    list_votes: Mapping[str, object],
    *,
    against_all: object = 0,
    seats: int = HOUSE_2023,
    rules: RuleSet | None = None,
    design: str = "all-list",
) -> MixedResult:
    """Every seat from party lists (as in 2007–2021, without the 9 indirect seats).

    Parameters
    ----------
    list_votes, against_all, rules
        As :func:`parallel`.
    seats
        Seats in the house (default 98).

    Returns
    -------
    MixedResult
        ``system == "all-list"``, no district seats.

    Examples
    --------
    >>> all_list({"A": 600, "B": 400}, seats=10).total
    {'A': 6, 'B': 4}
    """
    size = _check_size(seats, "seats")
    return parallel(list_votes, {}, against_all=against_all, list_seats=size, rules=rules,
                    design=design)


def _proportional(rule: RuleSet, votes: Mapping[str, object], against_all: object, seats: int,
                  tie_break: Sequence[str] | None) -> Allocation:
    return rule.allocate_list(votes, against_all=against_all, seats=seats, tie_break=tie_break)


def compensatory(
    list_votes: Mapping[str, object],
    district_seats: Mapping[str, int],
    *,
    against_all: object = 0,
    house_size: int = HOUSE_2023,
    rules: RuleSet | None = None,
    overhang: str = "keep",
    tie_break: Sequence[str] | None = None,
    design: str = "compensatory (MMP)",
    note: str = "",
) -> MixedResult:
    """A compensatory (mixed-member proportional, MMP) house.

    1. Seats won by candidates who are not on a list (``"Independents"``, the
       ``"Disputed"`` seat, or any name not in ``list_votes``) are set aside:
       ``pool = house_size - those seats``.
    2. The list vote shares ``pool`` seats among the lists by ``rules``
       (threshold and Hare, as for the list tier): each party's entitlement E_p.
    3. List seats top each party up: ``list_p = E_p - district_p``.
    4. If ``district_p > E_p`` the party has an *overhang*, handled by
       ``overhang`` (:data:`OVERHANG_RULES`): ``"keep"`` (house grows),
       ``"fixed"`` (house stays; the other parties share what is left, repeated
       until no new overhang) or ``"level"`` (the pool grows until every
       entitlement covers the district seats; a party below the threshold cannot
       be levelled and keeps its district seats as overhang).

    No party ever has fewer seats than the districts it won.

    Parameters
    ----------
    list_votes, district_seats, against_all, rules
        As :func:`parallel`.
    house_size
        Nominal seats in the house (before any overhang).
    overhang
        ``"keep"`` (default), ``"fixed"`` or ``"level"``.
    tie_break
        As :func:`parallel` (also used when the remaining seats are re-shared).
    design, note
        Labels kept in the result; the overhang rule is appended to ``note``.

    Returns
    -------
    MixedResult
        ``added_seats`` holds the overhang or levelling seats added.

    Raises
    ------
    TypeError, ValueError
        On malformed input, more district seats than ``house_size``, or an unknown
        ``overhang`` rule.

    Examples
    --------
    >>> r = compensatory({"A": 500, "B": 500}, {"A": 4}, house_size=10)
    >>> r.list_seats, r.total
    ({'A': 1, 'B': 5}, {'A': 5, 'B': 5})
    >>> compensatory({"A": 500, "B": 500}, {"A": 8}, house_size=10).house_size
    13
    """
    rule = _rules(rules)
    districts = _check_seat_map(district_seats, "district_seats")
    nominal = _check_size(house_size, "house_size")
    _check_choice(overhang, "overhang", OVERHANG_RULES)
    if not isinstance(list_votes, Mapping):
        raise TypeError(
            f"list_votes must be a mapping of party to votes, got {type(list_votes).__name__}"
        )
    won_districts = sum(districts.values())
    if won_districts > nominal:
        raise ValueError(
            f"district_seats must not exceed house_size ({nominal}), got {won_districts} in all"
        )
    outside = sum(n for p, n in districts.items() if p not in list_votes)
    pool = nominal - outside
    d = {p: districts.get(p, 0) for p in list_votes}

    allocation: Allocation | None = None
    entitled: dict[str, int] = dict.fromkeys(list_votes, 0)
    if pool > 0:
        allocation = _proportional(rule, list_votes, against_all, pool, tie_break)
        entitled = dict(allocation.seats)

    if overhang == "fixed" and allocation is not None:
        entitled = _fixed_house(allocation, d, pool, rule.method, tie_break)
    elif overhang == "level" and allocation is not None:
        levellable = [p for p in allocation.eligible if allocation.votes[p] > 0]
        n = pool
        # Hare is not house-monotone, so step one seat at a time; the bound stops a
        # runaway (it is never reached for a party with a positive share).
        while any(entitled[p] < d[p] for p in levellable) and n < 100 * max(nominal, 1):
            n += 1
            allocation = _proportional(rule, list_votes, against_all, n, tie_break)
            entitled = dict(allocation.seats)

    list_part = {p: max(entitled[p] - d[p], 0) for p in list_votes}
    parties = _ordered(list_votes, districts)
    list_seats = {p: list_part.get(p, 0) for p in parties}
    district_part = {p: districts.get(p, 0) for p in parties}
    size = sum(list_seats.values()) + sum(district_part.values())
    return MixedResult(
        design=design,
        list_seats=list_seats,
        district_seats=district_part,
        house_size=size,
        system="compensatory",
        list_allocation=allocation,
        added_seats=size - nominal,
        note=f"{note} Overhang rule: {OVERHANG_RULES[overhang]}.".strip(),
    )


def _fixed_house(first: Allocation, d: Mapping[str, int], pool: int, method: str,
                 tie_break: Sequence[str] | None) -> dict[str, int]:
    """Entitlements in a fixed-size house: overhanging parties keep their districts,
    the others share the rest among themselves, until no new overhang appears."""
    entitled = dict(first.seats)
    fixed: dict[str, int] = {}
    while True:
        over = [p for p in first.votes if p not in fixed and entitled[p] < d.get(p, 0)]
        if not over:
            return entitled
        for p in over:
            fixed[p] = d[p]
        left = pool - sum(fixed.values())
        others = {p: first.votes[p] for p in first.eligible if p not in fixed}
        entitled = {p: fixed.get(p, 0) for p in first.votes}
        if left > 0 and any(others.values()):
            shared = allocate(others, left, method, tie_break=tie_break)
            entitled.update(shared.seats)


# --------------------------------------------------------------------------- one call


def mixed_house(
    list_votes: Mapping[str, object],
    *,
    against_all: object = 0,
    reference: Mapping[str, int] | None = None,
    reference_label: str = "the district result given",
    list_share: object = Fraction(69, 98),
    house_size: int = HOUSE_2023,
    system: str = "parallel",
    district_model: str = "2023 result",
    overhang: str = "keep",
) -> MixedResult:
    """A 2023-style house with any list share, system and district assumption.

    ``list_seats, districts = split_house(house_size, list_share)``; the district
    tier is ``model_districts(districts, district_model, ...)`` — ``reference``
    itself when it has exactly ``districts`` seats and the model is
    ``"2023 result"`` — and the tiers are combined by ``system`` (:data:`SYSTEMS`).
    :func:`kzlib.cases.mazhilis_2023_house` calls it with the 2023 election.

    Parameters
    ----------
    list_votes
        Party -> list votes.
    against_all
        'Against all' list votes.
    reference
        Party -> districts won as it happened; required for the ``"2023 result"``
        model (e.g. :func:`kzlib.cases.district_seats_2023`).
    reference_label
        What ``reference`` is, in words, for the result's ``note``.
    list_share
        Share of the house from lists, 0 to 1 (default 69/98; ``"70%"`` gives the
        same split).
    house_size
        Nominal seats (default 98).
    system
        ``"parallel"`` or ``"compensatory"``.
    district_model
        One of :data:`DISTRICT_MODELS`.
    overhang
        For ``"compensatory"``: one of :data:`OVERHANG_RULES`.

    Returns
    -------
    MixedResult
        Its ``note`` states the district assumption.

    Raises
    ------
    TypeError, ValueError
        On a bad argument; the message names it.

    Examples
    --------
    >>> r = mixed_house({"A": 600, "B": 400}, reference={"A": 3, "Independents": 1},
    ...                 list_share="60%", house_size=10)
    >>> r.list_seats, r.district_seats
    ({'A': 4, 'B': 2, 'Independents': 0}, {'A': 3, 'B': 0, 'Independents': 1})
    """
    _check_choice(system, "system", SYSTEMS)
    _check_choice(district_model, "district_model", DISTRICT_MODELS)
    _check_choice(overhang, "overhang", OVERHANG_RULES)
    n_list, n_districts = split_house(house_size, list_share)
    districts = model_districts(n_districts, district_model, reference=reference,
                                list_votes=list_votes)
    as_given = (district_model == "2023 result" and reference is not None
                and n_districts == sum(reference.values()))
    where = (
        f"District tier: {reference_label}."
        if as_given else f"District tier: {DISTRICT_MODELS[district_model]}."
    )
    label = f"{SYSTEMS[system].split(':')[0]}: {n_list} list + {n_districts} districts"
    if system == "parallel":
        return parallel(list_votes, districts, against_all=against_all, list_seats=n_list,
                        design=label, note=where)
    return compensatory(list_votes, districts, against_all=against_all, house_size=house_size,
                        overhang=overhang, design=label, note=where)


def compare_designs(
    list_votes: Mapping[str, object],
    district_seats: Mapping[str, int],
    *,
    against_all: object = 0,
    district_model: str = "2023 result",
    overhang: str = "keep",
    note: str = "",
) -> list[MixedResult]:
    """One list vote and one district result under the four designs of :data:`DESIGNS`.

    1. 2023 parallel: 69 list seats plus ``district_seats`` as they happened;
    2. all-list: 98 list seats, 5%;
    3. 2004-style parallel: the 2004 proportions (10 list of 77) applied to 98
       seats, ``split_house(98, 10/77)`` = 13 list + 85 districts, the district
       tier from ``district_model`` (an ASSUMPTION);
    4. compensatory (MMP) with ``district_seats`` and ``overhang``.

    :func:`kzlib.cases.mazhilis_2023_designs` calls it with the 2023 election.

    Parameters
    ----------
    list_votes, against_all
        As :func:`parallel`.
    district_seats
        Party -> single-member seats won (29 in 2023).
    district_model
        One of :data:`DISTRICT_MODELS`, for the 2004-style house.
    overhang
        One of :data:`OVERHANG_RULES`, for the compensatory house.
    note
        What ``district_seats`` is, kept in the first design's ``note``.

    Returns
    -------
    list of MixedResult

    Examples
    --------
    >>> votes = {"A": 600, "B": 300, "C": 100}
    >>> [r.house_size for r in compare_designs(votes, {"A": 20, "Independents": 9})]
    [98, 98, 98, 98]
    """
    actual = parallel(list_votes, district_seats, against_all=against_all, list_seats=69,
                      design=DESIGNS[0], note=note)
    share_2004 = Fraction(MAZHILIS_2004["list"], MAZHILIS_2004["total"])
    n_list, n_districts = split_house(HOUSE_2023, share_2004)
    modelled = model_districts(n_districts, district_model, reference=district_seats,
                               list_votes=list_votes)
    style_2004 = parallel(list_votes, modelled, against_all=against_all, list_seats=n_list,
                          design=DESIGNS[2],
                          note=f"District tier: {DISTRICT_MODELS[district_model]}.")
    mmp = compensatory(list_votes, district_seats, against_all=against_all,
                       overhang=overhang, design=DESIGNS[3])
    everything = all_list(list_votes, against_all=against_all, design=DESIGNS[1])
    return [actual, everything, style_2004, mmp]


def designs_table(results: Sequence[MixedResult]) -> pd.DataFrame:
    """One row per design (:meth:`MixedResult.summary`), as a DataFrame."""
    import pandas as pd

    if not all(isinstance(r, MixedResult) for r in results):
        raise TypeError("results must be a list of MixedResult values")
    return pd.DataFrame([r.summary() for r in results])
