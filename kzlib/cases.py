"""The real elections in ``data/``: one place that reads them, one type that holds them.

A *case* is an election that really happened. This module turns the tables in
``data/`` into :class:`Election` values (votes, 'against all', ballots, the rules
of the day and the official seats) and offers the ready-made calls the notebooks
need for the 2023 Mazhilis and the 2023 city maslikhats. The models
(:mod:`kzlib.mixed`, :mod:`kzlib.counting`, :mod:`kzlib.compare`) never read
``data/``: they take votes and seats as arguments, and this module hands them the
real ones.

* :func:`mazhilis_election` — the Mazhilis party-list vote of 2007, 2012, 2016, 2021
  or 2023 (:data:`MAZHILIS_LIST_YEARS`; :data:`MAZHILIS_YEARS` are the three the
  comparisons use);
* :func:`maslikhat_election` — the list tier of the Astana or Almaty city
  maslikhat, 2023 (:func:`maslikhat_councils`); :func:`maslikhat_oblast_election` and
  :func:`maslikhat_council` add the Karaganda oblast council, whose official split was not
  found (:func:`maslikhat_count` counts it: DERIVED);
* :func:`official_cases` — every count above whose official seats are in ``data/``;
* :func:`district_seats_2023` — the 2023 single-member tier, in one of
  :data:`kzlib.mixed.READINGS`;
* :func:`mazhilis_count`, :func:`mazhilis_2023`, :func:`mazhilis_2023_house`,
  :func:`mazhilis_2023_designs`, :func:`maslikhat_list_tier` — a model called
  with a real case;
* :func:`maslikhat_levels_table`, :func:`reform_changes`, :func:`chamber_rows` —
  other tables the models and notebooks read.

Examples
--------
>>> from kzlib import cases
>>> e = cases.mazhilis_election(2023)
>>> e.votes["Amanat"], e.against_all, e.list_seats, e.official_seats["Amanat"]
(3431510, 248291, 69, 40)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib import mixed
from kzlib.allocation import Allocation, allocate, method_name
from kzlib.counting import HandCount, article_97_1_steps
from kzlib.data import DataError, load, read_rows
from kzlib.rules import RuleSet, maslikhat, mazhilis
from kzlib.thresholds import BASES, Threshold, parse_share

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "MAZHILIS_LIST_YEARS",
    "MAZHILIS_YEARS",
    "Election",
    "chamber_rows",
    "district_seats_2023",
    "maslikhat_councils",
    "maslikhat_election",
    "maslikhat_levels_table",
    "maslikhat_list_tier",
    "mazhilis_2023",
    "mazhilis_2023_designs",
    "mazhilis_2023_house",
    "mazhilis_count",
    "mazhilis_election",
    "official_cases",
    "reform_changes",
    "reform_changes_table",
]

#: Every Mazhilis election with complete party-list votes in ``data/`` (2004 lacks the
#: AIST bloc's votes): the first all-list election, the two closest 7% contests
#: (2012, 2016), the last at 7% and the first at 5%.
MAZHILIS_LIST_YEARS: tuple[int, ...] = (2007, 2012, 2016, 2021, 2023)

#: The three elections the seat-counting and what-if comparisons (and
#: :func:`official_cases`) go through: the first all-list election, the last at 7% and
#: the first at 5%. All of :data:`MAZHILIS_LIST_YEARS` can be counted.
MAZHILIS_YEARS: tuple[int, ...] = (2007, 2021, 2023)

# Measures in data/turnout.csv that count all ballots, by Mazhilis election year.
# 2007 has no 'ballots received' figure in the sources; the nearest is the total of
# votes including blank ballots (Adam Carr/IPU via French Wikipedia). 2016: ballots
# cast (ElectionGuide). 2012: no ballots figure was found, so the base "ballots" is
# not available for it.
_BALLOT_MEASURES = {
    2023: "ballots_received",
    2021: "ballots_received",
    2016: "ballots_cast",
    2012: "",
    2007: "total_votes_incl_blank",
}

DataDir = str | os.PathLike[str] | None
Number = int | Fraction


@dataclass(frozen=True)
class Election:
    """The party-list vote of one election, ready to be counted or replayed.

    Attributes
    ----------
    name
        A label, e.g. ``"Mazhilis 2021"``.
    votes
        Party -> list votes (exact), in the order of the official table.
    against_all
        'Against all' votes (0 when the ballot had no such option).
    ballots
        All ballots received (for the threshold base ``"ballots"``), or None.
    list_seats
        The party-list seats actually filled at this election, or None.
    official_seats
        Party -> official list seats, or None (e.g. for pasted data).
    ballots_note
        What the ``ballots`` figure is, in words.
    year
        The election year, or None.
    rules
        The list rules the election was held under (:mod:`kzlib.rules`), or None.
    """

    name: str
    votes: dict[str, Number]
    against_all: Number = 0
    ballots: Number | None = None
    list_seats: int | None = None
    official_seats: dict[str, int] | None = None
    ballots_note: str = ""
    year: int | None = None
    rules: RuleSet | None = field(default=None, repr=False)

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties, in table order."""
        return tuple(self.votes)


def _check_year(year: object) -> int:
    if isinstance(year, bool) or year not in MAZHILIS_LIST_YEARS:
        valid = ", ".join(map(str, MAZHILIS_LIST_YEARS[:-1])) + f" or {MAZHILIS_LIST_YEARS[-1]}"
        raise ValueError(f"year must be {valid}, got {year!r}")
    return year  # type: ignore[return-value]


def _list_result(rows: list[dict[str, str]]) -> tuple[dict[str, int], int, dict[str, int], int]:
    """Votes, 'against all', official seats and seats filled, from result rows."""
    votes: dict[str, int] = {}
    official: dict[str, int] = {}
    against_all = 0
    seats = 0
    for row in rows:
        seats = int(row["list_seats_total"])
        if row["votes"] == "":  # allowed by the schema on an unresolved row
            raise DataError(
                f"mazhilis_list_results.csv: votes of {row['party'] or 'against all'!r} in "
                f"{row['year']} is empty ({row['status']}); an election cannot be counted "
                "without every list's votes"
            )
        if row["option"] == "against_all":
            against_all += int(row["votes"])
        else:
            votes[row["party"]] = int(row["votes"])
            official[row["party"]] = int(row["list_seats"])
    return votes, against_all, official, seats


def _mazhilis_list(
    year: int, data_dir: DataDir = None
) -> tuple[dict[str, int], int, dict[str, int], int]:
    _check_year(year)
    rows = [r for r in read_rows("mazhilis_list_results", data_dir) if int(r["year"]) == year]
    return _list_result(rows)


def mazhilis_election(year: int, data_dir: DataDir = None) -> Election:
    """The Mazhilis party-list vote of ``year`` from ``data/``.

    Parameters
    ----------
    year
        One of :data:`MAZHILIS_LIST_YEARS` (2007, 2012, 2016, 2021 or 2023).
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    Election
        Votes, 'against all', official list seats and seats filled from
        ``mazhilis_list_results.csv``; ballots from ``turnout.csv`` (2007: total
        votes including blank ballots, the nearest figure the sources give; 2016:
        ballots cast; 2012: None, no figure found); the rules of that year
        (:func:`kzlib.rules.mazhilis`).

    Raises
    ------
    ValueError
        For any other year.

    Examples
    --------
    >>> e = mazhilis_election(2021)
    >>> e.list_seats, e.official_seats["Nur Otan"], e.ballots, e.rules.threshold.describe()
    (98, 76, 7539280, '7% of votes for the parties on the ballot (at or above)')
    >>> e = mazhilis_election(2016)
    >>> e.official_seats["Communist People's Party"], e.ballots, mazhilis_election(2012).ballots
    (7, 7566150, None)
    """
    votes, against_all, official, seats = _mazhilis_list(year, data_dir)
    measure = _BALLOT_MEASURES[year]
    ballots = None
    note = ""
    for row in read_rows("turnout", data_dir):
        if row["election"] == f"mazhilis_{year}" and row["measure"] == measure:
            ballots = int(float(row["value"]))
            note = measure.replace("_", " ") + f" ({row['status']})"
    return Election(
        name=f"Mazhilis {year}",
        votes=dict(votes),
        against_all=against_all,
        ballots=ballots,
        list_seats=seats,
        official_seats=official,
        ballots_note=note,
        year=year,
        rules=mazhilis(year),
    )


def maslikhat_councils(data_dir: DataDir = None) -> tuple[str, ...]:
    """The councils whose 2023 list results are in ``data/``.

    Examples
    --------
    >>> maslikhat_councils()
    ('Astana city', 'Almaty city')
    """
    rows = read_rows("maslikhat_2023_list_results", data_dir)
    return tuple(dict.fromkeys(r["council"] for r in rows))


def maslikhat_election(council: str, data_dir: DataDir = None) -> Election:
    """The party-list tier of one 2023 city maslikhat from ``data/``.

    Parameters
    ----------
    council
        ``"Astana city"`` or ``"Almaty city"`` (:func:`maslikhat_councils`).
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    Election
        Votes, 'against all', list seats and official seats from
        ``maslikhat_2023_list_results.csv``; the regional maslikhat rules of 2023
        (:func:`kzlib.rules.maslikhat`: 5% of party votes plus 'against all', Hare).
        No ballots figure is in ``data/`` for the councils.

    Raises
    ------
    ValueError
        If the council is not in ``maslikhat_2023_list_results.csv``.

    Examples
    --------
    >>> e = maslikhat_election("Astana city")
    >>> e.list_seats, e.against_all, e.official_seats["Amanat"]
    (17, 3269, 12)
    """
    all_rows = read_rows("maslikhat_2023_list_results", data_dir)
    rows = [r for r in all_rows if r["council"] == council]
    if not rows:
        valid = ", ".join(map(repr, dict.fromkeys(r["council"] for r in all_rows)))
        raise ValueError(f"council must be one of {valid}, got {council!r}")
    votes, against_all, official, seats = _list_result(rows)
    return Election(
        name=f"{council} maslikhat 2023",
        votes=dict(votes),
        against_all=against_all,
        list_seats=seats,
        official_seats=official,
        year=2023,
        rules=maslikhat(2023, "regional"),
    )


def official_cases(data_dir: DataDir = None) -> tuple[Election, ...]:
    """Every real party-list count in ``data/`` with official seats.

    The Mazhilis elections of :data:`MAZHILIS_YEARS`, then the 2023 list tiers of
    the city maslikhats (:func:`maslikhat_councils`).

    Examples
    --------
    >>> [e.name for e in official_cases()]  # doctest: +NORMALIZE_WHITESPACE
    ['Mazhilis 2007', 'Mazhilis 2021', 'Mazhilis 2023',
     'Astana city maslikhat 2023', 'Almaty city maslikhat 2023']
    """
    mazhilis_cases = [mazhilis_election(year, data_dir) for year in MAZHILIS_YEARS]
    councils = [maslikhat_election(c, data_dir) for c in maslikhat_councils(data_dir)]
    return (*mazhilis_cases, *councils)


# --------------------------------------------------------------------------- Mazhilis 2023


def district_seats_2023(reading: str = "disputed", data_dir: DataDir = None) -> dict[str, int]:
    """The 2023 single-member tier as it happened, in one of :data:`kzlib.mixed.READINGS`.

    Read from ``data/mazhilis_2023_seats.csv`` (rows ``seat_type == "smd"``).
    With ``reading="disputed"`` a party keeps the seats both sources give it, and
    the seat(s) they disagree on are shown as ``"Disputed"``.

    Parameters
    ----------
    reading
        ``"disputed"`` (default), ``"wikipedia"`` or ``"electionguide"``.
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    dict
        Party -> single-member seats (parties with none left out); 29 in all.

    Raises
    ------
    ValueError
        For an unknown reading.

    Examples
    --------
    >>> district_seats_2023("wikipedia")
    {'Amanat': 22, 'Independents': 7}
    >>> district_seats_2023()
    {'Amanat': 22, 'Independents': 6, 'Disputed': 1}
    """
    if reading not in mixed.READINGS:
        valid = ", ".join(map(repr, mixed.READINGS))
        raise ValueError(f"reading must be one of {valid}, got {reading!r}")
    by_variant: dict[str, dict[str, int]] = {"wikipedia": {}, "electionguide": {}}
    for row in read_rows("mazhilis_2023_seats", data_dir):
        if row["seat_type"] == "smd" and row["variant"] in by_variant:
            by_variant[row["variant"]][row["party"]] = int(row["seats"])
    if reading != "disputed":
        return {p: n for p, n in by_variant[reading].items() if n}
    wiki, guide = by_variant["wikipedia"], by_variant["electionguide"]
    agreed = {p: min(wiki.get(p, 0), guide.get(p, 0)) for p in dict.fromkeys([*wiki, *guide])}
    seats = {p: n for p, n in agreed.items() if n}
    disputed = sum(wiki.values()) - sum(seats.values())
    if disputed:
        seats[mixed.DISPUTED] = disputed
    return seats


def mazhilis_count(year: int) -> HandCount:
    """The article 97-1 count of one Mazhilis election under its own rules.

    2023: 69 list seats, 5% of party votes plus 'against all'; 2007 to 2021: 98
    list seats, 7% of party votes (no 'against all' on the ballot). The votes of
    :func:`mazhilis_election` counted by :func:`kzlib.counting.article_97_1_steps`.

    Raises
    ------
    ValueError
        If ``year`` is not one of :data:`MAZHILIS_LIST_YEARS`.

    Examples
    --------
    >>> mazhilis_count(2021).seats["Nur Otan"]
    76
    """
    e = mazhilis_election(year)
    rule = e.rules
    assert rule is not None and rule.list_seats is not None
    return article_97_1_steps(e.votes, rule.list_seats, rule.threshold, e.against_all)


def mazhilis_2023(reading: str = "disputed") -> mixed.MixedResult:
    """The Mazhilis elected on 19 March 2023: the official list tier + the district tier.

    Parameters
    ----------
    reading
        Reading of the disputed single-member seat (:data:`kzlib.mixed.READINGS`).

    Returns
    -------
    MixedResult
        69 list seats (recomputed from the votes; equal to the official
        40/8/6/6/5/4) + 29 district seats.

    Examples
    --------
    >>> mazhilis_2023("wikipedia").total["Amanat"]
    62
    """
    votes, against_all, _, _ = _mazhilis_list(2023)
    return mixed.parallel(votes, district_seats_2023(reading), against_all=against_all,
                          list_seats=69, design=mixed.DESIGNS[0],
                          note=f"District tier as it happened: {mixed.READINGS[reading]}.")


def mazhilis_2023_house(
    *,
    list_share: object = Fraction(69, 98),
    house_size: int = mixed.HOUSE_2023,
    system: str = "parallel",
    district_model: str = "2023 result",
    reading: str = "disputed",
    overhang: str = "keep",
) -> mixed.MixedResult:
    """The 2023 list votes in a house with any list share, system and district assumption.

    :func:`kzlib.mixed.mixed_house` with the 2023 list votes and, as the district
    result the ``"2023 result"`` model scales, :func:`district_seats_2023` in
    ``reading``. The other arguments are those of ``mixed_house``.

    Examples
    --------
    >>> mazhilis_2023_house(reading="wikipedia").total["Amanat"]
    62
    >>> house = mazhilis_2023_house(list_share="50%")
    >>> house.list_tier, house.district_tier, house.note.startswith("District tier: ASSUMPTION")
    (49, 49, True)
    """
    if reading not in mixed.READINGS:
        valid = ", ".join(map(repr, mixed.READINGS))
        raise ValueError(f"reading must be one of {valid}, got {reading!r}")
    # Only the list votes: a widget calls this on every move, and ballots are not needed.
    votes, against_all, _, _ = _mazhilis_list(2023)
    return mixed.mixed_house(
        votes, against_all=against_all, reference=district_seats_2023(reading),
        reference_label=f"the 2023 result ({mixed.READINGS[reading]})", list_share=list_share,
        house_size=house_size, system=system, district_model=district_model, overhang=overhang,
    )


def mazhilis_2023_designs(
    reading: str = "disputed", district_model: str = "2023 result", overhang: str = "keep"
) -> list[mixed.MixedResult]:
    """The 2023 list votes under the four designs of :data:`kzlib.mixed.DESIGNS`.

    :func:`kzlib.mixed.compare_designs` with the 2023 list votes and the 2023
    district tier in ``reading``.

    Examples
    --------
    >>> [r.total["Amanat"] for r in mazhilis_2023_designs(reading="wikipedia")]
    [62, 56, 71, 52]
    """
    votes, against_all, _, _ = _mazhilis_list(2023)
    return mixed.compare_designs(
        votes, district_seats_2023(reading), against_all=against_all,
        district_model=district_model, overhang=overhang,
        note=f"District tier as it happened: {mixed.READINGS[reading]}.",
    )


# --------------------------------------------------------------------------- maslikhats


def maslikhat_list_tier(
    council: str,
    *,
    threshold: object = "5%",
    base: str = "votes_and_against_all",
    method: str = "hare",
    seats: int | None = None,
) -> Allocation:
    """The party-list tier of a 2023 city maslikhat under rules you choose.

    Defaults are the official rules (5% of party votes + 'against all', Hare
    quota over the admitted lists), which reproduce the official seats:
    Astana 12/3/1/1, Almaty 12/3/3/2/1.

    Parameters
    ----------
    council
        ``"Astana city"`` or ``"Almaty city"`` (:func:`maslikhat_councils`).
    threshold
        A share in [0, 1) or a string such as ``"5%"``.
    base
        ``"votes_and_against_all"`` or ``"votes"`` (no ballots figure is in
        ``data/`` for the councils).
    method
        ``"hare"``, ``"droop"``, ``"dhondt"``, ``"sainte-lague"`` … (see
        :data:`kzlib.allocation.METHODS`).
    seats
        List seats; default the council's own (17 Astana, 21 Almaty).

    Returns
    -------
    Allocation

    Raises
    ------
    TypeError, ValueError
        On an unknown council, base or method, or a bad threshold or seat count.

    Examples
    --------
    >>> maslikhat_list_tier("Astana city").seats
    {'Amanat': 12, 'Ak Zhol': 3, 'QHP': 1, 'Baitaq': 1, 'Respublica': 0, 'Auyl': 0}
    """
    return _count_council(maslikhat_election(council), threshold, base, method, seats)


def _count_council(
    e: Election, threshold: object, base: str, method: str, seats: int | None
) -> Allocation:
    # One count for every council: the city list tiers and the oblast council alike.
    if base not in ("votes_and_against_all", "votes"):
        valid = ", ".join(repr(b) for b in BASES if b != "ballots")
        raise ValueError(f"base must be one of {valid}, got {base!r}")
    name = method_name(method)
    if seats is None:
        seats = e.list_seats
    elif isinstance(seats, bool) or not isinstance(seats, int):
        raise TypeError(f"seats must be an integer, got {seats!r}")
    elif seats <= 0:
        raise ValueError(f"seats must be a positive integer, got {seats!r}")
    rule = Threshold(parse_share(threshold, "threshold"), base=base)  # type: ignore[arg-type]
    return allocate(e.votes, seats, name, rule, against_all=e.against_all)  # type: ignore[arg-type]


def maslikhat_levels_table(data_dir: DataDir = None) -> pd.DataFrame:
    """The 2023 maslikhat structure by level, from ``maslikhat_2023_structure.csv``.

    Rows: regional level (oblasts + Astana, Almaty, Shymkent; half list, half
    single-member), district and city level (all single-member), and all
    maslikhats. Seat counts by level are DERIVED on the assumption that the
    regional councils are split exactly in half (the status column says so).

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``councils``, ``list_share``, ``seats``, ``list_seats``,
        ``single_member_seats``, ``status``.
    """
    import pandas as pd

    v = {r["item"]: int(r["value"]) for r in read_rows("maslikhat_2023_structure", data_dir)}
    regional = v["regional_level_mandates_if_exact_50_50"]
    lower = v["district_and_city_mandates"]
    rows = [
        ("regional (17 oblasts + Astana, Almaty, Shymkent)", v["regional_level_maslikhats"],
         "50%", regional, v["mandates_party_list"], regional - v["mandates_party_list"],
         "councils official; seats DERIVED (assumes exact halves)"),
        ("districts and cities of regional significance",
         v["city_maslikhats"] + v["district_maslikhats"], "0%", lower, 0, lower,
         "councils official; seats DERIVED (assumes exact halves)"),
        ("all maslikhats", v["maslikhats_total"], "", v["mandates_total"],
         v["mandates_party_list"], v["mandates_single_member"],
         "official; list seats DERIVED (total minus single-member)"),
    ]
    return pd.DataFrame(rows, columns=["level", "councils", "list_share", "seats", "list_seats",
                                       "single_member_seats", "status"])


# --------------------------------------------------------------------------- reforms


def reform_changes(data_dir: DataDir = None) -> list[dict[str, str]]:
    """The rows of ``reform_changes.csv`` (rules before and after), as text, in file order."""
    return read_rows("reform_changes", data_dir)


def reform_changes_table(data_dir: DataDir = None) -> pd.DataFrame:
    """``reform_changes.csv`` as a validated DataFrame (see :func:`kzlib.data.load`)."""
    return load("reform_changes", data_dir)


def chamber_rows(chamber: str, data_dir: DataDir = None) -> list[dict[str, str]]:
    """How the seats of a chamber are filled: the rows of its composition table.

    Parameters
    ----------
    chamber
        ``"Mazhilis"`` (``mazhilis_composition.csv``) or ``"Senate"`` (``senate.csv``).

    Raises
    ------
    ValueError
        For any other chamber.
    """
    files = {"Mazhilis": "mazhilis_composition", "Senate": "senate"}
    if chamber not in files:
        raise ValueError(f"chamber must be 'Mazhilis' or 'Senate', got {chamber!r}")
    return read_rows(files[chamber], data_dir)


# ------------------------------------------------------------------- maslikhats: all councils


def maslikhat_oblast_councils(data_dir: DataDir = None) -> tuple[str, ...]:
    """The oblast councils whose 2023 list votes are in ``data/``.

    Their official seat split was not found, so they are kept apart from
    :func:`maslikhat_councils` (whose seats are official) and from :func:`official_cases`.

    Examples
    --------
    >>> maslikhat_oblast_councils()
    ('Karaganda oblast',)
    """
    rows = read_rows("maslikhat_2023_oblast_list_results", data_dir)
    return tuple(dict.fromkeys(r["council"] for r in rows))


def maslikhat_oblast_election(council: str, data_dir: DataDir = None) -> Election:
    """The party-list tier of one 2023 oblast maslikhat, from ``data/``.

    Parameters
    ----------
    council
        ``"Karaganda oblast"`` (:func:`maslikhat_oblast_councils`).
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    Election
        Votes, 'against all' and the list seats at stake from
        ``maslikhat_2023_oblast_list_results.csv``; ``official_seats`` is None (not
        found); the regional maslikhat rules of 2023 (:func:`kzlib.rules.maslikhat`).

    Raises
    ------
    ValueError
        If the council is not in ``maslikhat_2023_oblast_list_results.csv``.

    Examples
    --------
    >>> e = maslikhat_oblast_election("Karaganda oblast")
    >>> e.list_seats, e.against_all, e.official_seats
    (18, 8905, None)
    """
    all_rows = read_rows("maslikhat_2023_oblast_list_results", data_dir)
    rows = [r for r in all_rows if r["council"] == council]
    if not rows:
        valid = ", ".join(map(repr, dict.fromkeys(r["council"] for r in all_rows)))
        raise ValueError(f"council must be one of {valid}, got {council!r}")
    votes = {r["party"]: int(r["votes"]) for r in rows if r["option"] == "party"}
    against_all = sum(int(r["votes"]) for r in rows if r["option"] == "against_all")
    return Election(
        name=f"{council} maslikhat 2023",
        votes=votes,
        against_all=against_all,
        list_seats=int(rows[0]["list_seats_total"]),
        year=2023,
        rules=maslikhat(2023, "regional"),
    )


def maslikhat_all_councils(data_dir: DataDir = None) -> tuple[str, ...]:
    """Every 2023 council with list votes in ``data/``: the cities, then the oblasts.

    Examples
    --------
    >>> maslikhat_all_councils()
    ('Astana city', 'Almaty city', 'Karaganda oblast')
    """
    return (*maslikhat_councils(data_dir), *maslikhat_oblast_councils(data_dir))


def maslikhat_council(council: str, data_dir: DataDir = None) -> Election:
    """Any council of :func:`maslikhat_all_councils` as an :class:`Election`.

    A city comes with its official seats; an oblast with ``official_seats=None``.

    Raises
    ------
    ValueError
        If the council is in neither table.

    Examples
    --------
    >>> maslikhat_council("Almaty city").official_seats["Ak Zhol"]
    1
    >>> maslikhat_council("Shymkent city")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: council must be one of 'Astana city', ..., got 'Shymkent city'
    """
    if council in maslikhat_councils(data_dir):
        return maslikhat_election(council, data_dir)
    if council in maslikhat_oblast_councils(data_dir):
        return maslikhat_oblast_election(council, data_dir)
    valid = ", ".join(map(repr, maslikhat_all_councils(data_dir)))
    raise ValueError(f"council must be one of {valid}, got {council!r}")


def maslikhat_count(
    council: str,
    *,
    threshold: object = "5%",
    base: str = "votes_and_against_all",
    method: str = "hare",
    seats: int | None = None,
) -> Allocation:
    """The party-list tier of any 2023 council in ``data/`` under rules you choose.

    As :func:`maslikhat_list_tier`, for the oblast councils too. For Karaganda oblast the
    official split was not found: what this returns is DERIVED (the rules that reproduce
    both city councils, applied to the oblast's votes).

    Parameters
    ----------
    council
        A council of :func:`maslikhat_all_councils`.
    threshold, base, method, seats
        As for :func:`maslikhat_list_tier`.

    Returns
    -------
    Allocation

    Raises
    ------
    TypeError, ValueError
        On an unknown council, base or method, or a bad threshold or seat count.

    Examples
    --------
    >>> maslikhat_count("Karaganda oblast").seats
    {'Amanat': 10, 'Auyl': 2, 'Ak Zhol': 2, 'QHP': 2, 'Baitaq': 1, 'Respublica': 1}
    """
    return _count_council(maslikhat_council(council), threshold, base, method, seats)


def maslikhat_options_table(council: str) -> pd.DataFrame:
    """Every option on one council's list ballot, 'against all' included, most votes first.

    Shares are of party votes plus 'against all' (the base the commissions published);
    ``seats`` are counted under the official rules (:func:`maslikhat_count`); 'against
    all' is not a list and wins none. The ``official`` column is there only for councils
    whose official split is in ``data/`` (not for Karaganda oblast).

    Returns
    -------
    pandas.DataFrame
        Columns ``option``, ``votes``, ``share_pct`` (2 decimals), ``seats`` and, where
        known, ``official``.

    Examples
    --------
    >>> t = maslikhat_options_table("Almaty city")
    >>> list(t.option)[-3:], list(t.seats)[-3:]
    (['Against all', 'Ak Zhol', 'Auyl'], [0, 1, 0])
    >>> list(maslikhat_options_table("Karaganda oblast").columns)
    ['option', 'votes', 'share_pct', 'seats']
    """
    import pandas as pd

    e = maslikhat_council(council)
    seats = maslikhat_count(council).seats
    options = {**e.votes, "Against all": e.against_all}
    base = sum(options.values())
    rows = [
        {"option": name, "votes": votes, "share_pct": round(100 * votes / base, 2),
         "seats": seats.get(name, 0),
         **({} if e.official_seats is None else {"official": e.official_seats.get(name, 0)})}
        for name, votes in sorted(options.items(), key=lambda kv: -kv[1])
    ]
    return pd.DataFrame(rows)


def against_all_to_exclude(council: str, party: str, threshold: object = "5%") -> int:
    """The fewest extra 'against all' votes that would push ``party`` below the threshold.

    The extra votes come from new voters, so every list keeps its votes and only the
    base (party votes + 'against all') grows. A list passes at exactly the threshold, so
    it fails once ``votes / (base + extra) < threshold``, i.e. at
    ``extra = floor(votes / threshold - base) + 1``; 0 if it is already below.

    Parameters
    ----------
    council
        A council of :func:`maslikhat_all_councils`.
    party
        A list on that council's ballot.
    threshold
        A share in [0, 1) or a string such as ``"5%"``.

    Returns
    -------
    int
        Extra 'against all' votes.

    Raises
    ------
    ValueError
        On an unknown council or party, or a bad threshold.

    Examples
    --------
    >>> against_all_to_exclude("Astana city", "Respublica")  # already below 5%
    0
    """
    e = maslikhat_council(council)
    if party not in e.votes:
        valid = ", ".join(map(repr, e.votes))
        raise ValueError(f"party must be one of {valid}, got {party!r}")
    share = parse_share(threshold, "threshold")
    if share == 0:
        raise ValueError(f"threshold must be above 0 to exclude a list, got {threshold!r}")
    base = sum(e.votes.values()) + e.against_all
    gap = Fraction(e.votes[party]) / share - base
    return 0 if gap < 0 else int(gap) + 1
