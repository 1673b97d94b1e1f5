"""The 2026 Constitution in numbers: a 145-seat Kurultai replayed, three referendums compared.

Notebook 11 asks two kinds of question, and this module answers both from ``data/``:

* **What would earlier votes have given in the Kurultai?** The 2026 Constitution
  replaced the 98-seat Mazhilis (69 list + 29 single-member seats) with a Kurultai of
  145 deputies, all elected from party lists in one nationwide district. Its election
  law was not found, so the threshold and its base are explicit options of
  :func:`kzlib.rules.kurultai` (5% proposed, 7% in one unofficial source).
  :func:`kurultai_replay` counts the Mazhilis list votes of 2021 or 2023 under those
  rules; :func:`compare_with_mazhilis` sets the result beside the chamber that
  election really produced (largest party's share of seats, the majority and
  two-thirds lines); :func:`replay_table` shows several rule choices side by side.
* **What is each referendum's "yes" a share of?** :func:`load_referendum` returns the
  result of 2022 (:func:`kzlib.referendum.load_2022`), 2024 or 2026 (from
  ``data/referendum_2024_2026.csv``) as a :class:`kzlib.referendum.Referendum`;
  :func:`referendums_table` puts the three side by side with their adoption rules
  (:data:`ADOPTION_RULES`, only where a source states them).

:func:`changes_table` and :func:`parameters_table` return the two other new tables.
No pandas at import time.

Examples
--------
>>> kurultai_replay(2023).seats["Amanat"]
83
>>> c = compare_with_mazhilis(2023)
>>> c.real_largest, c.real_house, c.largest_seats, c.house
(62, 98, 83, 145)
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from kzlib import cases, referendum
from kzlib.allocation import Allocation
from kzlib.data import DataError, read_rows
from kzlib.referendum import Referendum, as_percent, share
from kzlib.rules import RuleSet, kurultai, mazhilis

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ADOPTION_RULES",
    "REFERENDUMS",
    "REPLAY_YEARS",
    "AdoptionRule",
    "Comparison",
    "changes_table",
    "compare_with_mazhilis",
    "kurultai_replay",
    "load_referendum",
    "majority_line",
    "parameters_table",
    "referendums_table",
    "replay_table",
    "two_thirds_line",
]

DataDir = str | os.PathLike[str] | None

#: Elections whose list votes can be replayed in the Kurultai (complete votes in data/).
REPLAY_YEARS: tuple[int, ...] = (2021, 2023)

#: The three national referendums since 2022: year -> (date, subject).
REFERENDUMS: dict[int, tuple[str, str]] = {
    2022: ("5 June 2022", "amendments to the 1995 Constitution"),
    2024: ("6 October 2024", "building a nuclear power plant"),
    2026: ("15 March 2026", "a new Constitution"),
}


@dataclass(frozen=True)
class AdoptionRule:
    """What a referendum needed to be valid and adopted, as far as a source says.

    Attributes
    ----------
    turnout_needed
        Participants had to be *more than* this share of the registered voters;
        None where no source states it.
    yes_needed
        "Yes" had to be *more than* this share of the participants (nationally, or
        in each counted region); None where no source states it.
    regions_needed
        The share of regions that needed a "yes" majority (2022 only), else None.
    text
        The rule in words ("not found in our sources" where none is stated).
    status
        ``"final"``, ``"reported"`` or ``"not found"``.
    source
        The page that states it (empty when not found).
    """

    turnout_needed: Fraction | None
    yes_needed: Fraction | None
    regions_needed: Fraction | None
    text: str
    status: str
    source: str


#: The adoption rules, year -> :class:`AdoptionRule`.
ADOPTION_RULES: dict[int, AdoptionRule] = {
    2022: AdoptionRule(
        turnout_needed=referendum.TURNOUT_NEEDED,
        yes_needed=Fraction(1, 2),
        regions_needed=referendum.REGION_SHARE_NEEDED,
        text="turnout over half of the registered voters; a yes majority of participants "
        "in at least two-thirds of the regions and cities",
        status="reported",
        source="https://astanatimes.com/2022/06/voting-at-kazakhstans-constitutional-"
        "referendum-is-over-with-68-44-percent-turnout/",
    ),
    2024: AdoptionRule(
        turnout_needed=None,
        yes_needed=None,
        regions_needed=None,
        text="not found in our sources",
        status="not found",
        source="",
    ),
    2026: AdoptionRule(
        turnout_needed=Fraction(1, 2),
        yes_needed=Fraction(1, 2),
        regions_needed=None,
        text="valid if more than half of those eligible take part; adopted if more than "
        "half of the participants vote yes",
        status="reported",
        source="https://qazinform.com/news/over-124-mln-kazakhstanis-eligible-to-vote-in-"
        "march-referendum-8e9613",
    ),
}

# The fourth category of ballot each year (with yes, no and invalid it makes up the
# participants): 'ballots with both answers marked' (2024), 'of unestablished form' (2026).
_OTHER = {2024: "both_answers_marked", 2026: "unestablished_form"}


def _check_referendum_year(year: object) -> int:
    if isinstance(year, bool) or year not in REFERENDUMS:
        raise ValueError(f"year must be one of {', '.join(map(str, REFERENDUMS))}, got {year!r}")
    return year  # type: ignore[return-value]


def load_referendum(year: int, data_dir: DataDir = None) -> Referendum:
    """The national result of the referendum of ``year`` (2022, 2024 or 2026).

    2022 comes from :func:`kzlib.referendum.load_2022`; 2024 and 2026 from
    ``referendum_2024_2026.csv``, using the rows that are not marked ``conflicts``.
    The fourth kind of ballot goes into ``other``: the ballots with both answers
    marked (2024; the one of three published figures that makes the parts add up)
    and the ballots "of unestablished form" (2026).

    Parameters
    ----------
    year
        2022, 2024 or 2026.
    data_dir
        Optional data folder, as for :func:`kzlib.data.load`.

    Returns
    -------
    Referendum

    Raises
    ------
    ValueError
        For another year, or if the stored participants differ from the sum of
        the four kinds of ballot (a :class:`~kzlib.data.DataError`).

    Examples
    --------
    >>> r = load_referendum(2026)
    >>> r.participants, as_percent(share(r.yes, of=r.participants))
    (9127192, '87.15%')
    """
    year = _check_referendum_year(year)
    if year == 2022:
        return referendum.load_2022(data_dir)
    values: dict[str, int] = {}
    for row in read_rows("referendum_2024_2026", data_dir):
        if int(row["year"]) == year and not row["status"].startswith("conflicts"):
            values.setdefault(row["measure"], int(float(row["value"])))
    result = Referendum(
        yes=values["yes"],
        no=values["no"],
        invalid_or_blank=values["invalid"],
        other=values[_OTHER[year]],
        registered=values["registered"],
    )
    if result.participants != values["participants"]:
        raise DataError(
            f"referendum_2024_2026.csv: participants in {year} is {values['participants']:,} "
            f"but yes + no + invalid + {_OTHER[year]} = {result.participants:,}"
        )
    return result


def _rule_met(result: Referendum, rule: AdoptionRule) -> str:
    """'yes' / 'no' / 'not found in our sources' for the national part of the rule."""
    if rule.turnout_needed is None or rule.yes_needed is None:
        return "not found in our sources"
    turnout_ok = share(result.participants, of=result.registered) > rule.turnout_needed
    yes_ok = share(result.yes, of=result.participants) > rule.yes_needed
    return "yes" if turnout_ok and yes_ok else "no"


def referendums_table(data_dir: DataDir = None) -> pd.DataFrame:
    """The three referendums side by side: what "yes" is a share of, and what was required.

    Returns
    -------
    pandas.DataFrame
        One row per referendum: ``year``, ``date``, ``subject``, ``registered``,
        ``participants``, ``yes``, ``turnout_pct`` (participants / registered),
        ``yes_pct_of_participants``, ``yes_pct_of_registered`` (per cent, 2
        decimals, computed from the counts), ``rule`` (in words),
        ``national_rule_met`` (turnout and national yes share; the 2022 regional
        condition is in notebook 01) and ``rule_source``.

    Examples
    --------
    >>> t = referendums_table()
    >>> t[["year", "turnout_pct", "yes_pct_of_participants"]].values.tolist()
    [[2022.0, 68.05, 77.18], [2024.0, 63.66, 71.12], [2026.0, 73.12, 87.15]]
    """
    import pandas as pd

    rows = []
    for year, (date, subject) in REFERENDUMS.items():
        r = load_referendum(year, data_dir)
        rule = ADOPTION_RULES[year]
        rows.append({
            "year": year,
            "date": date,
            "subject": subject,
            "registered": r.registered,
            "participants": r.participants,
            "yes": r.yes,
            "turnout_pct": _pct(share(r.participants, of=r.registered)),
            "yes_pct_of_participants": _pct(share(r.yes, of=r.participants)),
            "yes_pct_of_registered": _pct(share(r.yes, of=r.registered)),
            "rule": rule.text,
            "national_rule_met": _rule_met(r, rule),
            "rule_source": rule.source or "none found",
        })
    return pd.DataFrame(rows)


def _pct(value: Fraction) -> float:
    return float(as_percent(value).rstrip("%"))


# --------------------------------------------------------------------------- Kurultai


def _check_replay_year(year: object) -> int:
    if isinstance(year, bool) or year not in REPLAY_YEARS:
        raise ValueError(
            f"year must be one of {', '.join(map(str, REPLAY_YEARS))} "
            f"(elections with complete list votes in data/), got {year!r}"
        )
    return year  # type: ignore[return-value]


def kurultai_replay(
    year: int = 2023, *, threshold: object = "5%", base: str = "votes_and_against_all"
) -> Allocation:
    """The Mazhilis list votes of ``year`` counted for a 145-seat Kurultai.

    :func:`kzlib.rules.kurultai` ``(2026, threshold=threshold, base=base)`` applied to
    the votes, 'against all' and ballots of :func:`kzlib.cases.mazhilis_election`.
    A counterfactual: the same ballots, the new chamber's rules (as far as they are
    known). Voters might have voted differently under other rules.

    Parameters
    ----------
    year
        2021 or 2023 (:data:`REPLAY_YEARS`).
    threshold
        A share such as ``0.05`` or a string such as ``"7%"``.
    base
        ``"votes_and_against_all"``, ``"votes"`` or ``"ballots"``.

    Raises
    ------
    TypeError, ValueError
        On a year without complete votes, or a bad threshold or base.

    Examples
    --------
    >>> kurultai_replay(2023, threshold="7%").seats
    {'Amanat': 96, 'Auyl': 19, 'Respublica': 15, 'Ak Zhol': 15, 'QHP': 0, 'JSDP': 0, 'Baitaq': 0}
    """
    year = _check_replay_year(year)
    rules = kurultai(2026, threshold=threshold, base=base)
    e = cases.mazhilis_election(year)
    return rules.allocate_list(e.votes, against_all=e.against_all, ballots=e.ballots)


def majority_line(house: int) -> int:
    """Seats for a majority of all deputies: more than half, ``floor(house / 2) + 1``.

    Examples
    --------
    >>> majority_line(145), majority_line(98)
    (73, 50)
    """
    return house // 2 + 1


def two_thirds_line(house: int) -> int:
    """Seats for at least two-thirds of all deputies: ``ceil(2 * house / 3)``, exactly.

    Examples
    --------
    >>> two_thirds_line(145), two_thirds_line(98)
    (97, 66)
    """
    return math.ceil(Fraction(2 * house, 3))


@dataclass(frozen=True)
class Comparison:
    """One election's votes in a 145-seat Kurultai, beside the chamber it really elected.

    Attributes
    ----------
    year
        The election (2021 or 2023).
    allocation
        The Kurultai count (:func:`kurultai_replay`).
    rules
        The Kurultai rules used (:func:`kzlib.rules.kurultai`).
    real_seats
        Party -> seats in the chamber that election really produced: 2023 the whole
        Mazhilis of 98 (list + single-member seats, with the one disputed district
        seat shown as ``"Disputed"``); 2021 the Mazhilis of 107 (98 list seats + 9
        elected by the Assembly of People of Kazakhstan, shown as ``"APK"``).
    real_label
        That chamber in words.
    """

    year: int
    allocation: Allocation
    rules: RuleSet
    real_seats: dict[str, int]
    real_label: str

    @property
    def house(self) -> int:
        """Seats in the Kurultai (145)."""
        return self.allocation.house_size

    @property
    def real_house(self) -> int:
        """Seats in the real chamber."""
        return sum(self.real_seats.values())

    @property
    def largest_party(self) -> str:
        """The party with the most votes (the largest in both chambers here)."""
        votes = self.allocation.votes
        return max(votes, key=lambda p: votes[p])

    @property
    def largest_seats(self) -> int:
        """Its seats in the Kurultai."""
        return self.allocation.seats[self.largest_party]

    @property
    def real_largest(self) -> int:
        """Its seats in the real chamber."""
        return self.real_seats.get(self.largest_party, 0)

    @property
    def largest_share(self) -> Fraction:
        """Its share of the Kurultai's seats, exact."""
        return Fraction(self.largest_seats, self.house)

    @property
    def real_largest_share(self) -> Fraction:
        """Its share of the real chamber's seats, exact."""
        return Fraction(self.real_largest, self.real_house)

    def table(self) -> pd.DataFrame:
        """Party, list vote share (% of party votes + 'against all', as text; "—" for seats
        without a list), whether it passes, its Kurultai seats and its real seats."""
        import pandas as pd

        alloc = self.allocation
        total = sum(alloc.votes.values()) + cases.mazhilis_election(self.year).against_all
        parties = list(dict.fromkeys([*alloc.votes, *self.real_seats]))
        return pd.DataFrame({
            "party": parties,
            # Text, so that seats with no list behind them (districts, APK) show a dash.
            "list_vote_pct": [
                f"{float(Fraction(alloc.votes[p]) / total * 100):.2f}" if p in alloc.votes
                else "—" for p in parties
            ],
            "passes": [p in alloc.eligible for p in parties],
            "kurultai_seats": [alloc.seats.get(p, 0) for p in parties],
            "real_seats": [self.real_seats.get(p, 0) for p in parties],
        })


def _real_chamber(year: int) -> tuple[dict[str, int], str]:
    if year == 2023:
        house = cases.mazhilis_2023()
        return dict(house.total), "the Mazhilis elected in 2023 (69 list + 29 single-member)"
    e = cases.mazhilis_election(year)
    seats = dict(e.official_seats or {})
    seats["APK"] = mazhilis(year).indirect_seats
    return seats, f"the Mazhilis elected in {year} (98 list + 9 APK)"


def compare_with_mazhilis(
    year: int = 2023, *, threshold: object = "5%", base: str = "votes_and_against_all"
) -> Comparison:
    """The votes of ``year`` in a 145-seat Kurultai, beside the chamber they really elected.

    Parameters
    ----------
    year, threshold, base
        As for :func:`kurultai_replay`.

    Returns
    -------
    Comparison

    Raises
    ------
    TypeError, ValueError
        As for :func:`kurultai_replay`.

    Examples
    --------
    >>> c = compare_with_mazhilis(2023)
    >>> c.largest_party, as_percent(c.largest_share, 1), as_percent(c.real_largest_share, 1)
    ('Amanat', '57.2%', '63.3%')
    """
    year = _check_replay_year(year)
    allocation = kurultai_replay(year, threshold=threshold, base=base)
    real, label = _real_chamber(year)
    return Comparison(year, allocation, kurultai(2026, threshold=threshold, base=base),
                      real, label)


def replay_table(
    year: int = 2023,
    thresholds: tuple[object, ...] = ("5%", "7%"),
    bases: tuple[str, ...] = ("votes_and_against_all", "votes"),
) -> pd.DataFrame:
    """Kurultai seats per party for every threshold and base given (one column each).

    Returns
    -------
    pandas.DataFrame
        Index: the parties; columns ``"5%, party votes + 'against all'"`` and so on
        (labels from :data:`kzlib.thresholds.BASE_LABELS`).

    Examples
    --------
    >>> replay_table(2023).loc["QHP"].tolist()
    [11, 11, 0, 11]
    """
    import pandas as pd

    from kzlib.thresholds import BASE_LABELS

    columns = {}
    for threshold in thresholds:
        for base in bases:
            rules = kurultai(2026, threshold=threshold, base=base)
            name = f"{float(rules.threshold.percent):g}%, {BASE_LABELS[base]}"
            columns[name] = kurultai_replay(year, threshold=threshold, base=base).seats
    table = pd.DataFrame(columns)
    table.index.name = "party"
    return table


# --------------------------------------------------------------------------- tables


def changes_table(data_dir: DataDir = None) -> pd.DataFrame:
    """``reform_changes_2026.csv``: topic, before, after, article, status, sources."""
    from kzlib.data import load

    return load("reform_changes_2026", data_dir)


def parameters_table(data_dir: DataDir = None) -> pd.DataFrame:
    """``rules_kurultai_2026.csv``: each electoral parameter, its value and its status."""
    from kzlib.data import load

    return load("rules_kurultai_2026", data_dir)
