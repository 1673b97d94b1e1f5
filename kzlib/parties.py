"""Party registration rules over time, and the competition between party lists.

A would-be party in Kazakhstan needs a minimum number of members, a minimum
membership in each regional branch and an initiative group of a minimum size; the
Ministry of Justice then registers it. These minimums were lowered twice:

============================  ===========  ============  =============
requirement                   before 2020  2020–2022     from Nov 2022
============================  ===========  ============  =============
members to register           40,000       20,000        5,000
members per regional branch   600          600           200
initiative group              1,000        1,000         700
months to hold the congress   2            2             3
months to form branches       6            6             12
============================  ===========  ============  =============

The figures and dates come from ``data/party_registration_rules.csv`` (each row
with its source); nothing is typed in here. The 2020 change was signed around
25 May 2020; the 2022 change is dated 5 November 2022, the day the laws were
signed according to Interfax (the exact act is not verified), and the new values
were applied when Baitaq was registered on 28 November 2022.

Before 2010 our sources give only the membership minimum: a 2002 Law on Political
Parties raised it from 3,000 to 50,000 members (Human Rights Watch, 2004), and the
Senate approved the cut to 40,000 in January 2009 (``party_membership_minimum.csv``,
read by :func:`membership_steps`). So the checks only answer for dates from
:data:`FIRST_DAY` (1 January 2010) to :data:`LAST_DAY` (31 December 2025); no rule
change after 2023 was found.

:func:`registration_check` compares a would-be party with the rules in force on a
day; :func:`branch_floor` multiplies the branch minimum by the number of regions
and sets it against the membership minimum; :func:`competition` computes the
effective number of parties of a Mazhilis election from its list votes and official
list seats; :func:`profile_table` says who the parties are, as far as
``party_profiles.csv`` goes. The functions that return DataFrames import pandas
inside the function.

Examples
--------
>>> check = registration_check(members=6000, branch_members=250, initiative_group=800,
...                            on=2023)
>>> check.registrable, check.rules.members_to_register
(True, 5000)
>>> registration_check(6000, 250, 800, on=2021).failed
('members_to_register', 'regional_branch_min_members', 'initiative_group_min')
"""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from kzlib import _dates, cases, data, indices

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CHECKED",
    "DEADLINES",
    "FIRST_DAY",
    "LABELS",
    "LAST_DAY",
    "PROFILE_ATTRIBUTES",
    "BranchFloor",
    "Competition",
    "MembershipStep",
    "RegistrationCheck",
    "RegistrationRules",
    "Requirement",
    "as_date",
    "branch_floor",
    "competition",
    "competition_table",
    "membership_steps",
    "membership_table",
    "new_registrations",
    "profile_markdown",
    "profile_table",
    "registration_check",
    "registration_rules",
    "rules_on",
    "rules_table",
]

#: The requirements a would-be party's numbers are checked against, in order.
CHECKED: tuple[str, ...] = (
    "members_to_register",
    "regional_branch_min_members",
    "initiative_group_min",
)
#: Deadlines that follow from the rules (not checked: they are time limits).
DEADLINES: tuple[str, ...] = (
    "months_to_hold_founding_congress",
    "months_to_form_branches",
)
#: Plain-English label of each requirement in ``party_registration_rules.csv``.
LABELS: dict[str, str] = {
    "members_to_register": "members needed to register",
    "regional_branch_min_members": "members in each regional branch",
    "initiative_group_min": "citizens in the initiative group",
    "months_to_hold_founding_congress": "months to hold the founding congress",
    "months_to_form_branches": "months to form regional branches",
}
#: First and last day the module answers for (see the module docstring).
FIRST_DAY = datetime.date(2010, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)


def as_date(when: object, name: str = "on") -> datetime.date:
    """Turn a year or a date into the day a rule is looked up for.

    A year stands for **31 December** of that year, that is the rule in force at the
    end of the year (in 2022 the 5,000-member rule, in force from 5 November).

    The checks are :func:`kzlib._dates.as_date`'s, with the days this module's data
    cover (:data:`FIRST_DAY` … :data:`LAST_DAY`).

    ``when`` is a ``datetime.date`` (a ``datetime.datetime`` gives its date) or a year as
    an ``int``; ``name`` is the argument's name in error messages. Raises ``TypeError``
    for anything else and ``ValueError`` outside :data:`FIRST_DAY` … :data:`LAST_DAY`.

    Examples
    --------
    >>> as_date(2022)
    datetime.date(2022, 12, 31)
    """
    return _dates.as_date(when, name, FIRST_DAY, LAST_DAY)


@dataclass(frozen=True)
class RegistrationRules:
    """The registration requirements of one period.

    Attributes
    ----------
    period
        The period's label in the data, e.g. ``"2020–2022"``.
    valid_from, valid_to
        First day the rules applied, and the first day of the next rules
        (``None`` = not recorded / still in force).
    members_to_register, regional_branch_min_members, initiative_group_min
        Minimum members, minimum members per regional branch, minimum size of the
        initiative group (people).
    months_to_hold_founding_congress, months_to_form_branches
        Time limits, in months.
    sources
        The source URLs of the period's rows, without repeats.
    """

    period: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    members_to_register: int
    regional_branch_min_members: int
    initiative_group_min: int
    months_to_hold_founding_congress: int
    months_to_form_branches: int
    sources: tuple[str, ...]

    def applies_on(self, day: datetime.date) -> bool:
        """True if these rules were in force on ``day`` (``valid_to`` is excluded)."""
        after_start = self.valid_from is None or self.valid_from <= day
        before_end = self.valid_to is None or day < self.valid_to
        return after_start and before_end


def _date_or_none(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _rules_from_rows(rows: Sequence[Mapping[str, str]]) -> tuple[RegistrationRules, ...]:
    periods: dict[str, dict[str, object]] = {}
    for row in rows:
        period = periods.setdefault(row["period"], {"sources": []})
        for key in ("valid_from", "valid_to"):
            value = _date_or_none(row[key])
            if key in period and period[key] != value:
                raise ValueError(
                    f"party_registration_rules: period {row['period']!r} has two {key} dates, "
                    f"{period[key]} and {value}"
                )
            period[key] = value
        period[row["requirement"]] = int(row["value"])
        if row["source"] not in period["sources"]:  # type: ignore[operator]
            period["sources"].append(row["source"])  # type: ignore[union-attr]
    result = []
    for name, fields in periods.items():
        missing = [r for r in CHECKED + DEADLINES if r not in fields]
        if missing:
            raise ValueError(
                f"party_registration_rules: period {name!r} lacks {', '.join(missing)}"
            )
        result.append(
            RegistrationRules(
                period=name,
                valid_from=fields["valid_from"],  # type: ignore[arg-type]
                valid_to=fields["valid_to"],  # type: ignore[arg-type]
                sources=tuple(fields["sources"]),  # type: ignore[arg-type]
                **{r: fields[r] for r in CHECKED + DEADLINES},  # type: ignore[arg-type]
            )
        )
    result.sort(key=lambda r: r.valid_from or datetime.date.min)
    for earlier, later in pairwise(result):
        if earlier.valid_to != later.valid_from:
            raise ValueError(
                f"party_registration_rules: period {earlier.period!r} ends {earlier.valid_to} "
                f"but {later.period!r} starts {later.valid_from}"
            )
    return tuple(result)


@functools.lru_cache(maxsize=1)
def _default_rules() -> tuple[RegistrationRules, ...]:
    return _rules_from_rows(data.read_rows("party_registration_rules"))


def registration_rules(
    rows: Sequence[Mapping[str, str]] | None = None,
) -> tuple[RegistrationRules, ...]:
    """All periods of registration rules, oldest first.

    Parameters
    ----------
    rows
        Rows shaped like ``party_registration_rules.csv`` (text cells); by default
        the file in ``data/`` (read once per session).

    Returns
    -------
    tuple of RegistrationRules
        Consecutive periods: each one's ``valid_to`` is the next one's ``valid_from``.

    Raises
    ------
    ValueError
        If a period lacks a requirement or the periods leave a gap or overlap.
    """
    if rows is None:
        return _default_rules()
    return _rules_from_rows(rows)


def rules_on(
    on: datetime.date | int, rules: Sequence[RegistrationRules] | None = None
) -> RegistrationRules:
    """The registration rules in force on a day (or at the end of a year).

    Parameters
    ----------
    on
        A date, or a year meaning 31 December of that year (see :func:`as_date`).
    rules
        The periods to look in; by default :func:`registration_rules`.

    Returns
    -------
    RegistrationRules

    Raises
    ------
    TypeError, ValueError
        If ``on`` is not a date or year from 2010 to 2025, or no period covers it.

    Examples
    --------
    >>> rules_on(datetime.date(2022, 11, 4)).members_to_register
    20000
    >>> rules_on(datetime.date(2022, 11, 5)).members_to_register
    5000
    """
    day = as_date(on)
    for period in rules if rules is not None else registration_rules():
        if period.applies_on(day):
            return period
    raise ValueError(f"on: no registration rules cover {day.isoformat()}")


@dataclass(frozen=True)
class Requirement:
    """One requirement and the would-be party's number for it.

    ``met`` is ``value >= required``: the law asks for "at least" each minimum,
    so a party exactly at the minimum meets it.
    """

    name: str
    label: str
    required: int
    value: int

    @property
    def met(self) -> bool:
        """True if ``value`` reaches ``required``."""
        return self.value >= self.required

    @property
    def shortfall(self) -> int:
        """People missing to meet the requirement (0 if met)."""
        return max(0, self.required - self.value)

    @property
    def percent_of_minimum(self) -> float:
        """The number as a percentage of the minimum: ``100 * value / required``.

        100 means exactly at the minimum (met); a party of 2,500 members under a
        5,000-member rule is at 50.0.

        Examples
        --------
        >>> Requirement("members_to_register", "members", 5000, 2500).percent_of_minimum
        50.0
        """
        return 100.0 * self.value / self.required


@dataclass(frozen=True)
class RegistrationCheck:
    """The result of :func:`registration_check`.

    Attributes
    ----------
    on
        The day the rules were looked up for.
    rules
        The rules in force that day.
    requirements
        One :class:`Requirement` per entry of :data:`CHECKED`, in that order.
    """

    on: datetime.date
    rules: RegistrationRules
    requirements: tuple[Requirement, ...]
    regions: int | None = None

    @property
    def branches(self) -> BranchFloor | None:
        """The law's branch floor for :attr:`regions` regions (``None`` if not given)."""
        if self.regions is None:
            return None
        return BranchFloor(self.regions, self.rules.regional_branch_min_members,
                           self.rules.members_to_register)

    @property
    def registrable(self) -> bool:
        """True if every checked requirement is met."""
        return all(r.met for r in self.requirements)

    @property
    def met(self) -> tuple[str, ...]:
        """Names of the requirements met."""
        return tuple(r.name for r in self.requirements if r.met)

    @property
    def failed(self) -> tuple[str, ...]:
        """Names of the requirements failed."""
        return tuple(r.name for r in self.requirements if not r.met)

    def table(self) -> pd.DataFrame:
        """The check as a small table: requirement, required, yours, met, shortfall."""
        import pandas as pd

        return pd.DataFrame(
            {
                "requirement": [r.label for r in self.requirements],
                "required": [r.required for r in self.requirements],
                "yours": [r.value for r in self.requirements],
                "met": ["yes" if r.met else "no" for r in self.requirements],
                "shortfall": [r.shortfall for r in self.requirements],
            }
        )


def _people(value: object, name: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{name} must be a whole number of people, got {value!r}")
    number = operator.index(value)  # type: ignore[arg-type]
    if number < 0:
        raise ValueError(f"{name} must be 0 or more, got {number}")
    return number


def registration_check(
    members: int,
    branch_members: int,
    initiative_group: int,
    on: datetime.date | int,
    rules: Sequence[RegistrationRules] | None = None,
    regions: int | None = None,
) -> RegistrationCheck:
    """Could a party with these numbers register on that day?

    Each number is compared with the minimum in force on ``on``; a requirement is
    met when the number is **at least** the minimum (``value >= required``).

    Parameters
    ----------
    members
        Party members in all (people).
    branch_members
        Members of the party's *smallest* regional branch (people). The law asks
        for the minimum in every region; this check assumes a branch in each.
    initiative_group
        Citizens in the initiative group that founds the party (people).
    on
        A date, or a year meaning 31 December of that year (see :func:`as_date`).
    rules
        The periods to look in; by default :func:`registration_rules`.
    regions
        Number of regions the party has a branch in (one in each region), or
        ``None``. When given, every branch has at least ``branch_members``
        members, so the party has at least ``branch_members * regions``: more
        than ``members`` is refused. The result's ``branches`` then gives the
        law's own floor, ``regions * branch minimum`` (see :func:`branch_floor`).

    Returns
    -------
    RegistrationCheck
        The rules used and one :class:`Requirement` per checked minimum. The
        deadlines (months) are in ``result.rules``; they are time limits and are
        not checked.

    Raises
    ------
    TypeError
        If a number is not a whole number (``2.5``, ``"600"``, ``True``), or
        ``on`` is not a date or year.
    ValueError
        If a number is negative, ``branch_members`` exceeds ``members`` (a branch
        cannot be bigger than the party), ``branch_members * regions`` exceeds
        ``members``, ``regions`` is below 1, or ``on`` is outside 2010–2025.

    Examples
    --------
    >>> registration_check(20000, 600, 1000, on=2021).registrable
    True
    >>> registration_check(19999, 600, 1000, on=2021).failed
    ('members_to_register',)
    >>> registration_check(20000, 600, 1000, on=2021, regions=17).branches.in_branches
    10200
    """
    values = {
        "members_to_register": _people(members, "members"),
        "regional_branch_min_members": _people(branch_members, "branch_members"),
        "initiative_group_min": _people(initiative_group, "initiative_group"),
    }
    if values["regional_branch_min_members"] > values["members_to_register"]:
        raise ValueError(
            f"branch_members ({branch_members}) cannot be larger than members ({members})"
        )
    if regions is not None:
        count = _people(regions, "regions")
        if count < 1:
            raise ValueError(f"regions must be 1 or more, got {count}")
        floor = values["regional_branch_min_members"] * count
        if floor > values["members_to_register"]:
            raise ValueError(
                f"branch_members x regions ({branch_members} x {count} = {floor}) cannot be "
                f"larger than members ({members})"
            )
    period = rules_on(on, rules)
    requirements = tuple(
        Requirement(name=name, label=LABELS[name], required=getattr(period, name),
                    value=values[name])
        for name in CHECKED
    )
    return RegistrationCheck(on=as_date(on), rules=period, requirements=requirements,
                             regions=regions)


def rules_table(rules: Sequence[RegistrationRules] | None = None) -> pd.DataFrame:
    """Every requirement (rows) in every period (columns), as numbers.

    Returns
    -------
    pandas.DataFrame
        Index: the requirement labels of :data:`LABELS`; one column per period,
        oldest first.
    """
    import pandas as pd

    periods = rules if rules is not None else registration_rules()
    return pd.DataFrame(
        {p.period: [getattr(p, name) for name in CHECKED + DEADLINES] for p in periods},
        index=pd.Index([LABELS[name] for name in CHECKED + DEADLINES], name="requirement"),
    )


def new_registrations() -> pd.DataFrame:
    """New party registrations by the Ministry of Justice, with the gap between them.

    Returns
    -------
    pandas.DataFrame
        Columns ``party``, ``date`` (ISO text), ``years_since_previous`` (DERIVED:
        days between this registration and the previous one / 365.25, rounded to
        1 decimal; empty for the first) and ``source``. Sorted by date.
    """
    import pandas as pd

    rows = [
        r for r in data.read_rows("party_events")
        if r["event"] == "registered by Ministry of Justice"
    ]
    rows.sort(key=lambda r: r["date"])
    gaps: list[float | None] = [None]
    for earlier, later in pairwise(rows):
        later_day = datetime.date.fromisoformat(later["date"])
        days = (later_day - datetime.date.fromisoformat(earlier["date"])).days
        gaps.append(round(days / 365.25, 1))
    return pd.DataFrame(
        {
            "party": [r["party"] for r in rows],
            "date": [r["date"] for r in rows],
            "years_since_previous": gaps,
            "source": [r["source"] for r in rows],
        }
    )


@dataclass(frozen=True)
class Competition:
    """Fragmentation of one Mazhilis party-list election.

    Attributes
    ----------
    year
        Election year.
    votes
        List votes by party (without 'against all', which is not a party).
    list_seats
        Official party-list seats by party (CEC).
    enp_votes, enp_seats
        Laakso–Taagepera effective number of parties, ``N = 1 / sum(p_i^2)``, of
        the vote shares and of the list-seat shares (see
        :func:`kzlib.indices.effective_number_of_parties`).
    """

    year: int
    votes: Mapping[str, int]
    list_seats: Mapping[str, int]
    enp_votes: float
    enp_seats: float

    @property
    def lists(self) -> int:
        """Number of party lists on the ballot."""
        return len(self.votes)

    @property
    def lists_with_seats(self) -> int:
        """Number of lists that won at least one list seat."""
        return sum(1 for n in self.list_seats.values() if n)


def competition(year: int) -> Competition:
    """Lists, effective number of parties by votes and by list seats, of one election.

    Parameters
    ----------
    year
        2007, 2012, 2016, 2021 or 2023 (the years with complete list votes in ``data/``).

    Returns
    -------
    Competition
        Computed from the votes and the official list seats of
        :func:`kzlib.cases.mazhilis_election`. Only the party-list tier is used:
        in 2023 one of the 29 single-member seats is disputed (JSDP or an
        independent) and independents are not a party.

    Raises
    ------
    ValueError
        For any other year.
    """
    election = cases.mazhilis_election(year)
    votes, seats = election.votes, election.official_seats
    return Competition(
        year=year,
        votes=votes,
        list_seats=seats,
        enp_votes=indices.effective_number_of_parties(votes),
        enp_seats=indices.effective_number_of_parties(seats),
    )


def competition_table(years: Sequence[int] = (2021, 2023)) -> pd.DataFrame:
    """One row per election: lists, lists with seats, effective numbers (2 decimals).

    The effective numbers are DERIVED (computed by kzlib from sourced votes and
    seats).
    """
    import pandas as pd

    results = [competition(y) for y in years]
    return pd.DataFrame(
        {
            "party lists": [c.lists for c in results],
            "lists with list seats": [c.lists_with_seats for c in results],
            "ENP by votes (derived)": [round(c.enp_votes, 2) for c in results],
            "ENP by list seats (derived)": [round(c.enp_seats, 2) for c in results],
        },
        index=pd.Index([c.year for c in results], name="Mazhilis election"),
    )


# ------------------------------------------------------------------ branches x regions


@dataclass(frozen=True)
class BranchFloor:
    """What the branch minimum asks of a party with a branch in every region.

    Attributes
    ----------
    regions
        Regions (one branch in each).
    branch_minimum, members_minimum
        The rules' minimum members per branch and in all (people).

    Examples
    --------
    >>> BranchFloor(17, 600, 20000).in_branches, BranchFloor(17, 600, 20000).binding
    (10200, 'members')
    """

    regions: int
    branch_minimum: int
    members_minimum: int

    @property
    def in_branches(self) -> int:
        """Members the branches need at least: ``regions * branch_minimum``."""
        return self.regions * self.branch_minimum

    @property
    def share_of_members_minimum(self) -> float:
        """:attr:`in_branches` as a percentage of the membership minimum (per cent)."""
        return 100.0 * self.in_branches / self.members_minimum

    @property
    def outside_branches(self) -> int:
        """Members still needed beyond the branch minimums to reach the membership minimum."""
        return max(0, self.members_minimum - self.in_branches)

    @property
    def binding(self) -> str:
        """Which minimum decides the smallest party that can register: ``"members"``
        (the branch floor fits inside the membership minimum) or ``"branches"``."""
        return "members" if self.in_branches <= self.members_minimum else "branches"

    @property
    def smallest_party(self) -> int:
        """The fewest members that meet both minimums: the larger of the two."""
        return max(self.in_branches, self.members_minimum)


def branch_floor(
    on: datetime.date | int, regions: int, rules: Sequence[RegistrationRules] | None = None
) -> BranchFloor:
    """The branch minimum times the number of regions, against the membership minimum.

    Parameters
    ----------
    on
        A date, or a year meaning 31 December of that year (see :func:`as_date`).
    regions
        Regions a party needs a branch in (17 until 8 June 2022, then 20).
    rules
        The periods to look in; by default :func:`registration_rules`.

    Raises
    ------
    TypeError, ValueError
        If ``regions`` is not a whole number of at least 1, or ``on`` is not valid.

    Examples
    --------
    >>> floor = branch_floor(2021, regions=17)
    >>> floor.in_branches, floor.members_minimum, round(floor.share_of_members_minimum, 1)
    (10200, 20000, 51.0)
    """
    count = _people(regions, "regions")
    if count < 1:
        raise ValueError(f"regions must be 1 or more, got {count}")
    period = rules_on(on, rules)
    return BranchFloor(count, period.regional_branch_min_members, period.members_to_register)


# ------------------------------------------------------------------ the longer history


@dataclass(frozen=True)
class MembershipStep:
    """One period of the membership minimum (``party_membership_minimum.csv``).

    ``from_year`` / ``to_year`` are ``None`` where the period is open.
    """

    period: str
    from_year: int | None
    to_year: int | None
    members: int
    status: str
    source: str


def membership_steps() -> tuple[MembershipStep, ...]:
    """Every step of the membership minimum, oldest first (before 2002 to today).

    Examples
    --------
    >>> [s.members for s in membership_steps()]
    [3000, 50000, 40000, 20000, 5000]
    """
    rows = data.read_rows("party_membership_minimum")
    steps = [
        MembershipStep(r["period"], int(r["from_year"]) if r["from_year"] else None,
                       int(r["to_year"]) if r["to_year"] else None, int(r["members"]),
                       r["status"], r["source"])
        for r in rows
    ]
    return tuple(sorted(steps, key=lambda s: s.from_year or 0))


def membership_table() -> pd.DataFrame:
    """:func:`membership_steps` as a table: period, members, source."""
    import pandas as pd

    steps = membership_steps()
    return pd.DataFrame({"period": [s.period for s in steps],
                         "members needed": [f"{s.members:,}" for s in steps],
                         "source": [s.source for s in steps]})


# ------------------------------------------------------------------ who the parties are

#: The columns of the party profile table, in order.
PROFILE_ATTRIBUTES: tuple[str, ...] = (
    "names", "founded or registered", "leader", "stance towards the president",
)
_NOT_FOUND = "not found in our sources"


def profile_table() -> pd.DataFrame:
    """One row per party, one column per :data:`PROFILE_ATTRIBUTES` (text).

    A cell the sources do not fill says "not found in our sources"; a cell whose
    row is ``unresolved`` says so in brackets.
    """
    import pandas as pd

    rows = data.read_rows("party_profiles")
    parties = list(dict.fromkeys(r["party"] for r in rows))
    cells = {(r["party"], r["attribute"]): r for r in rows}

    def text(party: str, attribute: str) -> str:
        row = cells.get((party, attribute))
        if row is None:
            return _NOT_FOUND
        flag = " (unresolved)" if row["status"].lower().startswith("unresolved") else ""
        return row["value"] + flag

    return pd.DataFrame(
        {a: [text(p, a) for p in parties] for a in PROFILE_ATTRIBUTES},
        index=pd.Index(parties, name="party"),
    )


def profile_markdown() -> str:
    """The party profile table as Markdown, each filled cell linked to its source.

    Examples
    --------
    >>> profile_markdown().splitlines()[0]
    '| party | names | founded or registered | leader | stance towards the president |'
    """
    rows = data.read_rows("party_profiles")
    cells = {(r["party"], r["attribute"]): r for r in rows}
    parties = list(dict.fromkeys(r["party"] for r in rows))
    lines = ["| party | " + " | ".join(PROFILE_ATTRIBUTES) + " |",
             "|---" * (len(PROFILE_ATTRIBUTES) + 1) + "|"]
    for party in parties:
        shown = []
        for attribute in PROFILE_ATTRIBUTES:
            row = cells.get((party, attribute))
            if row is None:
                shown.append(f"*{_NOT_FOUND}*")
                continue
            flag = " **(unresolved)**" if row["status"].lower().startswith("unresolved") else ""
            shown.append(f"{row['value']}{flag} ([source]({row['source']}))")
        lines.append(f"| {party} | " + " | ".join(shown) + " |")
    return "\n".join(lines)
