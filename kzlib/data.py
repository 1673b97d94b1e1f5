"""Load and validate the sourced tables in ``data/``.

Every table in ``data/`` is a tidy CSV file with a ``status`` column (what kind of
figure a row is: final CEC, preliminary, news, derived, unresolved, ...) and a
``source`` URL on every row. ``data/README.md`` describes each file.

This module knows the schema of each file (:data:`CATALOGUE`), checks a file against
it before handing it out, and turns it into a :class:`pandas.DataFrame`.
Validation uses only the standard library; pandas is imported inside :func:`load`,
so ``import kzlib`` never imports pandas.

Examples
--------
>>> from kzlib import data
>>> data.list_datasets()[:2]
['akim_rollout', 'akim_selection']
>>> turnout = data.load("turnout")
>>> list(turnout.columns[:3])
['election', 'date', 'measure']

The real elections in these tables (votes, official seats) are read by
:mod:`kzlib.cases`.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    import pandas

__all__ = [
    "CATALOGUE",
    "DATA_DIR_ENV",
    "PARTY_NAMES",
    "Column",
    "DataError",
    "Dataset",
    "default_data_dir",
    "list_datasets",
    "load",
    "read_rows",
]

#: Environment variable that, when set, replaces the repository's ``data/`` folder.
DATA_DIR_ENV = "KZLIB_DATA_DIR"

#: Canonical short labels used in every ``party`` column, so that charts can give a
#: party the same colour everywhere. ``Against all`` is the ballot option,
#: ``Independents`` are self-nominated winners, and ``Not stated`` marks winners
#: whose affiliation the sources do not give.
PARTY_NAMES: tuple[str, ...] = (
    "Amanat",
    "Nur Otan",
    "Auyl",
    "Respublica",
    "Ak Zhol",
    "QHP",
    "JSDP",
    "Baitaq",
    "Adal",
    "Communist People's Party",
    "Party of Patriots",
    "Rukhaniyat",
    "Adilet",
    "Birlik",
    "Otan",
    "Asar",
    "AIST",
    "Independents",
    "Against all",
    "Not stated",
)

# Column kinds understood by the validator.
KINDS = ("int", "float", "str", "date", "url", "party")

# When a cell may be left empty:
#   "never"          - the cell must always be filled;
#   "allowed"        - the cell may be empty on any row (optional text, open dates);
#   "if_unresolved"  - only on rows whose status contains "unresolved";
#   "if_against_all" - only on rows whose option is "against_all" (no seats, no nominator).
EMPTY_RULES = ("never", "allowed", "if_unresolved", "if_against_all")

_INT_RE = re.compile(r"[+-]?[0-9]+")
# No count in these tables comes near 10**15; a longer cell is a corrupted file.
_MAX_DIGITS = 15
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class DataError(ValueError):
    """A data file does not match its schema.

    The message names the file, the line (as a text editor shows it; the header is
    line 1) and the offending column and value, e.g.
    ``"mazhilis_list_results.csv line 5: votes must be a non-negative integer, got '-3'"``.
    """


@dataclass(frozen=True)
class Column:
    """The schema of one CSV column.

    Parameters
    ----------
    name
        Column name in the header (snake_case).
    kind
        One of ``"int"``, ``"float"``, ``"str"``, ``"date"`` (ISO ``YYYY-MM-DD``),
        ``"url"`` (``http://`` or ``https://``) or ``"party"`` (a label from
        :data:`PARTY_NAMES`).
    non_negative
        For ``int`` and ``float`` columns: reject values below zero.
    empty
        When a cell may be empty; see ``EMPTY_RULES`` in this module.
    choices
        If not empty, the only values allowed in the column.
    """

    name: str
    kind: str
    non_negative: bool = False
    empty: str = "never"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """The schema of one CSV file in ``data/``.

    Parameters
    ----------
    name
        File stem, e.g. ``"mazhilis_list_results"`` for ``mazhilis_list_results.csv``.
    description
        One line on what the table holds.
    columns
        Every column of the file, in order. A file must have exactly these columns.
    status_kinds
        The ``status`` of every row must start with one of these words
        (case-insensitive), e.g. ``"final CEC"`` or ``"derived"``; details may follow.
    key
        The columns that together identify a row (e.g. year, party and option): two
        rows with the same key are a duplicate, which would be counted twice.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    status_kinds: tuple[str, ...]
    key: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        """The CSV file name, e.g. ``"turnout.csv"``."""
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        """Return the :class:`Column` called ``name`` (KeyError if there is none)."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


# Columns shared by every file.
_STATUS = Column("status", "str")
_SOURCE = Column("source", "url")

# Status vocabularies (first words of the status cell).
_RESULT_KINDS = (
    "final CEC",
    "preliminary CEC",
    "official",
    "news",
    "wikipedia",
    "electionguide",
    "derived",
    "unresolved",
    "conflicts",
    "not official",
)
_TIMELINE_KINDS = ("proposal", "signed", "adopted", "held", "done", "in force", "plan")
# The tables on 2024-2026 use the labels of the after-2023 fact sheet, plus "proposed"
# and "not found" (a parameter no source settles is a row, not a silence).
_AFTER_2023_KINDS = (
    "final", "preliminary", "reported", "proposed", "derived", "unresolved", "conflicts",
    "not found",
)

# How a Kazakh or Russian form in the glossary tables is backed: an official page
# (CEC, adilet.zan.kz, akorda.kz, gov.kz) uses it, a news page does, or no source was
# found and the form is our own draft.
_FORM_STATUSES = ("official", "reported", "machine draft")

CATALOGUE: dict[str, Dataset] = {
    "seed_claims": Dataset(
        name="seed_claims",
        description="Claims of the seed article checked against the sourced record, one a row.",
        columns=(
            Column("claim_id", "str"),
            Column("claim", "str"),
            Column(
                "verdict",
                "str",
                choices=(
                    "correct",
                    "correct but incomplete",
                    "approximately right",
                    "broadly supported",
                    "partly correct",
                    "dated",
                    "mislabelled",
                    "inaccurate",
                    "not verified",
                ),
            ),
            Column("explanation", "str"),
            Column("notebook", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS + ("unverified",),
        key=("claim_id",),
    ),
    "mazhilis_composition": Dataset(
        name="mazhilis_composition",
        description="How the Mazhilis seats are filled, before and after the 2022 reform.",
        columns=(
            Column("period", "str", choices=("before 2023", "from 2023")),
            Column("component", "str", choices=("party_list", "apk", "single_member")),
            Column("seats", "int", non_negative=True),
            Column("chosen_by", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("period", "component"),
    ),
    "presidential_term_rules": Dataset(
        name="presidential_term_rules",
        description="Rules on the length and number of presidential terms, old and new.",
        columns=(
            Column("rule", "str", choices=("old", "old_first_president", "new")),
            Column("label", "str"),
            Column("period", "str"),
            Column("term_years", "int", non_negative=True),
            Column("max_terms", "int", non_negative=True, empty="allowed"),
            Column("limit_kind", "str", choices=("consecutive", "lifetime", "none")),
            Column("applies_to", "str"),
            Column("instrument", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("rule",),
    ),
    "reform_changes": Dataset(
        name="reform_changes",
        description="Rules of the state before and after the 2021-2023 reforms, one aspect a row.",
        columns=(
            Column(
                "topic",
                "str",
                choices=(
                    "presidency", "parliament", "institutions", "parties", "akims", "elections"
                ),
            ),
            Column("aspect", "str"),
            Column("before", "str", empty="allowed"),
            Column("after", "str"),
            Column("effective", "date", empty="allowed"),
            Column("instrument", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS + ("unverified",),
        key=("topic", "aspect"),
    ),
    "akim_selection": Dataset(
        name="akim_selection",
        description=(
            "How akims (heads of local administration) are chosen at each level, by period."
        ),
        columns=(
            Column("level", "str", choices=("region", "district", "rural")),
            Column("level_name", "str"),
            Column("valid_from", "date", empty="allowed"),
            Column("valid_to", "date", empty="allowed"),
            Column("date_precision", "str", choices=("day", "year")),
            Column("how_chosen", "str", choices=("appointed", "indirect", "pilot", "direct")),
            Column("chosen_by", "str"),
            Column("detail", "str", empty="allowed"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("level", "valid_from"),
    ),
    "mazhilis_list_results": Dataset(
        name="mazhilis_list_results",
        description=(
            "Mazhilis party-list results 2004 (partial), 2007, 2012, 2016, 2021 and 2023."
        ),
        columns=(
            Column("year", "int", non_negative=True),
            Column("date", "date"),
            Column("party", "party"),
            Column("party_full", "str"),
            Column("option", "str", choices=("party", "against_all")),
            Column("votes", "int", non_negative=True, empty="if_unresolved"),
            Column("percent_reported", "float", non_negative=True),
            Column("list_seats", "int", non_negative=True, empty="if_against_all"),
            Column("list_seats_total", "int", non_negative=True),
            Column("threshold_pct", "float", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("year", "party", "option"),
    ),
    "mazhilis_2023_seats": Dataset(
        name="mazhilis_2023_seats",
        description=(
            "Mazhilis 2023 seats by party and seat type, with two readings of the SMD tier."
        ),
        columns=(
            Column("party", "party"),
            Column("seat_type", "str", choices=("party_list", "smd", "total")),
            Column("seats", "int", non_negative=True),
            Column("variant", "str", choices=("official", "wikipedia", "electionguide")),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("party", "seat_type", "variant"),
    ),
    "maslikhat_2023_list_results": Dataset(
        name="maslikhat_2023_list_results",
        description="Party-list tier of the Astana and Almaty city maslikhats, March 2023.",
        columns=(
            Column("council", "str"),
            Column("party", "party"),
            Column("option", "str", choices=("party", "against_all")),
            Column("votes", "int", non_negative=True),
            Column("percent_reported", "float", non_negative=True, empty="if_against_all"),
            Column("list_seats", "int", non_negative=True, empty="if_against_all"),
            Column("list_seats_total", "int", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("council", "party", "option"),
    ),
    "maslikhat_2023_structure": Dataset(
        name="maslikhat_2023_structure",
        description="Counts describing the 2023 maslikhat system (councils, mandates, tiers).",
        columns=(
            Column("item", "str"),
            Column("value", "int", non_negative=True),
            Column("unit", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("item",),
    ),
    "presidential_results": Dataset(
        name="presidential_results",
        description="Presidential elections of 2019 and 2022, votes by candidate.",
        columns=(
            Column("year", "int", non_negative=True),
            Column("date", "date"),
            Column("candidate", "str"),
            Column("nominated_by", "str", empty="if_against_all"),
            Column("option", "str", choices=("candidate", "against_all")),
            Column("votes", "int", non_negative=True),
            Column("percent_reported", "float", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("year", "candidate", "option"),
    ),
    "referendum_2022": Dataset(
        name="referendum_2022",
        description="Numeric results of the constitutional referendum of 5 June 2022.",
        columns=(
            Column("measure", "str"),
            Column("value", "float", non_negative=True),
            Column("unit", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("measure",),
    ),
    "mazhilis_single_member_tier": Dataset(
        name="mazhilis_single_member_tier",
        description="The Mazhilis single-member tier in 2004 and 2023: districts, rounds, "
                    "candidates and winners (notebook 07).",
        columns=(
            Column("election", "int"),
            Column("measure", "str"),
            Column("value", "int", non_negative=True),
            Column("unit", "str", choices=("seats", "candidates", "percent")),
            Column("note", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("election", "measure"),
    ),
    "turnout": Dataset(
        name="turnout",
        description="Electorate, ballots, vote totals and turnout figures, several bases.",
        columns=(
            Column("election", "str"),
            Column("date", "date"),
            Column("measure", "str"),
            Column("value", "float", non_negative=True),
            Column("unit", "str", choices=("voters", "ballots", "votes", "percent", "electors")),
            Column("base", "str", empty="allowed"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("election", "measure", "base", "source"),
    ),
    "party_registration_rules": Dataset(
        name="party_registration_rules",
        description="Requirements to register a political party, by period.",
        columns=(
            Column("requirement", "str"),
            Column("period", "str"),
            Column("valid_from", "date", empty="allowed"),
            Column("valid_to", "date", empty="allowed"),
            Column("value", "int", non_negative=True),
            Column("unit", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("requirement", "period"),
    ),
    "party_events": Dataset(
        name="party_events",
        description="Registrations, congresses, mergers and renamings of parties.",
        columns=(
            Column("party", "str"),
            Column("party_full", "str", empty="allowed"),
            Column("event", "str"),
            Column("date", "date"),
            Column("detail", "str", empty="allowed"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("party", "event", "date"),
    ),
    "reform_timeline": Dataset(
        name="reform_timeline",
        description="Dated reform steps 2020-2026, with the rule before and after.",
        columns=(
            Column("date", "date"),
            Column("date_precision", "str", choices=("day", "month", "year", "on_or_before")),
            Column("topic", "str"),
            Column(
                "category",
                "str",
                choices=(
                    "elections",
                    "parliament",
                    "presidency",
                    "parties",
                    "institutions",
                    "local government",
                    "constitution",
                ),
            ),
            Column("before", "str", empty="allowed"),
            Column("after", "str"),
            Column("instrument", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_TIMELINE_KINDS,
        key=("date", "topic", "before"),
    ),
    "rural_akims_2021": Dataset(
        name="rural_akims_2021",
        description="Winners of the first direct rural akim elections (25 July 2021) by party.",
        columns=(
            Column("date", "date"),
            Column("party", "party"),
            Column("party_full", "str", empty="allowed"),
            Column("akims", "int", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("date", "party"),
    ),
    "senate": Dataset(
        name="senate",
        description="Composition of the Senate before and after the 2022 reform.",
        columns=(
            Column("period", "str", choices=("before 2023", "from 2023")),
            Column(
                "component",
                "str",
                # "regions" x "elected_per_region" gives the elected seats of 2022 (DERIVED).
                choices=("elected", "appointed", "appointed_on_apk_proposal", "total",
                         "regions", "elected_per_region"),
            ),
            Column("seats", "int", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("period", "component"),
    ),
    # Notebooks 00 and 09 (issue 13): the January 2022 events and the akim roll-out.
    "january_2022": Dataset(
        name="january_2022",
        description="The January 2022 events and the counts reported, with the conflicting tolls.",
        columns=(
            Column("date", "date"),
            Column("date_precision", "str", choices=("day", "on_or_before")),
            Column("topic", "str"),
            Column("figure", "int", non_negative=True, empty="allowed"),
            Column("account", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=("news", "conflicts", "official"),
        key=("date", "topic", "figure"),
    ),
    "akim_rollout": Dataset(
        name="akim_rollout",
        description="Akims elected directly so far, by level and date (reported counts).",
        columns=(
            Column("level", "str", choices=("district", "rural")),
            Column("as_of", "str"),
            Column("year", "int", non_negative=True),
            Column("elected", "int", non_negative=True, empty="allowed"),
            Column("posts", "int", non_negative=True, empty="allowed"),
            Column("share_pct", "float", non_negative=True, empty="allowed"),
            Column("what", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("level", "as_of"),
    ),
    # ---- after 2023: the 2024 and 2026 referendums and the 2026 Constitution
    "referendum_2024_2026": Dataset(
        name="referendum_2024_2026",
        description=(
            "Referendums of 6 October 2024 (nuclear power plant) and 15 March 2026 (new "
            "Constitution): counts and percentages, with conflicting figures kept and labelled."
        ),
        columns=(
            Column("year", "int", non_negative=True),
            Column("date", "date"),
            Column("measure", "str"),
            Column("value", "float", non_negative=True),
            Column("unit", "str"),
            _STATUS,
            Column("note", "str", empty="allowed"),
            _SOURCE,
        ),
        status_kinds=_AFTER_2023_KINDS,
        key=("year", "measure", "source"),
    ),
    "reform_changes_2026": Dataset(
        name="reform_changes_2026",
        description="What the 2026 Constitution changed: before and after, one topic a row.",
        columns=(
            Column("topic", "str"),
            Column("before", "str"),
            Column("after", "str"),
            Column("article", "str", empty="allowed"),
            _STATUS,
            # One or two URLs (" | " between them), or empty where there was nothing before.
            Column("before_source", "str", empty="allowed"),
            _SOURCE,
        ),
        status_kinds=_AFTER_2023_KINDS,
        key=("topic",),
    ),
    "rules_kurultai_2026": Dataset(
        name="rules_kurultai_2026",
        description=(
            "The Kurultai's electoral parameters and how settled each is (the election law "
            "and the August 2026 results were not found)."
        ),
        columns=(
            Column("parameter", "str"),
            Column("value", "str"),
            _STATUS,
            Column("note", "str", empty="allowed"),
            _SOURCE,
        ),
        status_kinds=_AFTER_2023_KINDS,
        key=("parameter", "value"),
    ),
    # Notebook 02 (issue 13): the presidential term rules of each era, and the real tenures.
    "presidential_term_eras": Dataset(
        name="presidential_term_eras",
        description="Presidential term rules of each era since 1995 (years in force), one a row.",
        columns=(
            Column("era", "str", choices=("1995", "1998", "2007", "2022")),
            Column("label", "str"),
            Column("from_year", "int", non_negative=True),
            Column("to_year", "int", non_negative=True, empty="allowed"),
            Column("term_years", "int", non_negative=True),
            Column("max_terms", "int", non_negative=True, empty="allowed"),
            Column("limit_kind", "str", choices=("consecutive", "lifetime", "none")),
            Column("first_president_exempt", "str", choices=("yes", "no")),
            Column("instrument", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("era",),
    ),
    "presidential_tenures": Dataset(
        name="presidential_tenures",
        description="Real presidential tenures and the elections within them, one a row.",
        columns=(
            Column("person", "str"),
            Column("kind", "str", choices=("in office", "election")),
            Column("from_year", "int", non_negative=True),
            Column("to_year", "int", non_negative=True),
            Column("note", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("person", "kind", "from_year"),
    ),
    # --- notebooks 03 and 04, second edition (issues 11 and 13) ---
    "party_membership_minimum": Dataset(
        name="party_membership_minimum",
        description="Members needed to register a party, every step since before 2002.",
        columns=(
            Column("period", "str"),
            Column("from_year", "int", non_negative=True, empty="allowed"),
            Column("to_year", "int", non_negative=True, empty="allowed"),
            Column("members", "int", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("period",),
    ),
    "party_profiles": Dataset(
        name="party_profiles",
        description="Who the parties are: names, founding, leader, stance towards the president.",
        columns=(
            Column("party", "str"),
            Column(
                "attribute",
                "str",
                choices=("names", "founded or registered", "leader",
                         "stance towards the president"),
            ),
            Column("value", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("party", "attribute"),
    ),
    "what_happened_next": Dataset(
        name="what_happened_next",
        description="What became of the 2022-23 institutions by December 2026, per notebook.",
        columns=(
            Column("notebook", "str"),
            Column("date", "date"),
            Column("topic", "str"),
            Column("fact", "str"),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("notebook", "date", "topic"),
    ),
    # Notebook 08 (issue 12): an oblast council beside the two cities. Its official seat
    # split was not found, so there is no list_seats column: kzlib computes it (DERIVED).
    "maslikhat_2023_oblast_list_results": Dataset(
        name="maslikhat_2023_oblast_list_results",
        description="Party-list tier of the Karaganda oblast maslikhat, March 2023 (votes only).",
        columns=(
            Column("council", "str"),
            Column("party", "party"),
            Column("option", "str", choices=("party", "against_all")),
            Column("votes", "int", non_negative=True),
            Column("percent_reported", "float", non_negative=True, empty="if_against_all"),
            Column("list_seats_total", "int", non_negative=True),
            _STATUS,
            _SOURCE,
        ),
        status_kinds=_RESULT_KINDS,
        key=("council", "party", "option"),
    ),
    # Issue 14: the trilingual glossary and the parties' names in English, Kazakh and
    # Russian. Each form has its own source and status; a form no source was found for
    # is a "machine draft" with no URL (the row's status is the weaker of the two).
    "glossary": Dataset(
        name="glossary",
        description="Terms of the collection in English, Kazakh and Russian, each form sourced.",
        columns=(
            Column("term_en", "str"),
            Column("term_kk", "str"),
            Column("term_ru", "str"),
            Column("definition_en", "str"),
            Column("variants", "str", empty="allowed"),
            Column("source_kk", "url", empty="allowed"),
            Column("status_kk", "str", choices=_FORM_STATUSES),
            Column("source_ru", "url", empty="allowed"),
            Column("status_ru", "str", choices=_FORM_STATUSES),
            Column("note", "str", empty="allowed"),
            Column("status", "str", choices=_FORM_STATUSES),
            _SOURCE,
        ),
        status_kinds=_FORM_STATUSES,
        key=("term_en",),
    ),
    "party_names": Dataset(
        name="party_names",
        description="The parties' names in English, Kazakh and Russian, keyed by the short label.",
        columns=(
            Column("party", "party"),
            Column("name_en", "str"),
            Column("name_kk", "str"),
            Column("name_ru", "str"),
            Column("variants", "str", empty="allowed"),
            Column("source_kk", "url", empty="allowed"),
            Column("status_kk", "str", choices=_FORM_STATUSES),
            Column("source_ru", "url", empty="allowed"),
            Column("status_ru", "str", choices=_FORM_STATUSES),
            Column("note", "str", empty="allowed"),
            Column("status", "str", choices=_FORM_STATUSES),
            _SOURCE,
        ),
        status_kinds=_FORM_STATUSES,
        key=("party",),
    ),
}

# Notebook 05 (issue 12): the regional spread of the 2023 Mazhilis turnout.
CATALOGUE["mazhilis_2023_turnout_by_region"] = Dataset(
    name="mazhilis_2023_turnout_by_region",
    description="Mazhilis 2023 turnout by region at poll close (preliminary CEC figures).",
    columns=(
        Column("region", "str"),
        Column("date", "date"),
        Column("turnout_pct", "float", non_negative=True),
        Column("base", "str", choices=("ballots received / registered voters",)),
        _STATUS,
        _SOURCE,
    ),
    status_kinds=("preliminary CEC",),
    key=("region",),
)


def list_datasets() -> list[str]:
    """Return the names of all datasets, sorted.

    Returns
    -------
    list of str
        File stems that :func:`load` accepts.
    """
    return sorted(CATALOGUE)


def default_data_dir() -> Path:
    """Return the folder the CSV files are read from.

    Returns
    -------
    pathlib.Path
        The value of the ``KZLIB_DATA_DIR`` environment variable if it is set and
        not empty; otherwise the copy of ``data/`` installed inside the package
        (``kzlib/_data``, present when kzlib was installed from a wheel); otherwise
        the repository's ``data/`` folder next to ``kzlib/`` (a source checkout or
        an editable install, where ``data/`` is the one copy to edit).
    """
    override = os.environ.get(DATA_DIR_ENV, "")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent
    installed = package / "_data"
    if installed.is_dir():
        return installed
    return package.parent / "data"


def _dataset(name: str) -> Dataset:
    if name not in CATALOGUE:
        valid = ", ".join(list_datasets())
        raise ValueError(f"unknown dataset {name!r}; valid names: {valid}")
    return CATALOGUE[name]


def _empty_allowed(col: Column, row: dict[str, str]) -> bool:
    if col.empty == "allowed":
        return True
    if col.empty == "if_unresolved":
        return "unresolved" in row.get("status", "").lower()
    if col.empty == "if_against_all":
        return row.get("option", "") == "against_all"
    return False


def _check_cell(col: Column, value: str, where: str) -> None:
    """Raise DataError if a non-empty cell does not fit its column."""
    shown = repr(value)
    if col.kind == "int":
        ok = _INT_RE.fullmatch(value) is not None
        if ok and len(value.lstrip("+-0")) > _MAX_DIGITS:
            raise DataError(
                f"{where}: {col.name} must be an integer of at most {_MAX_DIGITS} digits, "
                f"got {value[:20]!r}… ({len(value)} characters)"
            )
        if ok and col.non_negative and int(value) < 0:
            ok = False
        if not ok:
            what = "a non-negative integer" if col.non_negative else "an integer"
            raise DataError(f"{where}: {col.name} must be {what}, got {shown}")
    elif col.kind == "float":
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        ok = math.isfinite(number) and not (col.non_negative and number < 0)
        if not ok:
            what = "a non-negative number" if col.non_negative else "a number"
            raise DataError(f"{where}: {col.name} must be {what}, got {shown}")
    elif col.kind == "date":
        ok = _DATE_RE.fullmatch(value) is not None
        if ok:
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                ok = False
        if not ok:
            raise DataError(f"{where}: {col.name} must be an ISO date YYYY-MM-DD, got {shown}")
    elif col.kind == "url":
        if not value.startswith(("http://", "https://")) or any(c.isspace() for c in value):
            raise DataError(f"{where}: {col.name} must be a URL starting with http, got {shown}")
    elif col.kind == "party":
        if value not in PARTY_NAMES:
            raise DataError(
                f"{where}: {col.name} must be a canonical party name "
                f"(see kzlib.data.PARTY_NAMES), got {shown}"
            )
    elif col.kind != "str":
        raise ValueError(f"column {col.name!r} has an unknown kind {col.kind!r}")
    if col.choices and value not in col.choices:
        allowed = ", ".join(repr(c) for c in col.choices)
        raise DataError(f"{where}: {col.name} must be one of {allowed}, got {shown}")


def read_rows(name: str, data_dir: str | os.PathLike[str] | None = None) -> list[dict[str, str]]:
    """Read one CSV file, check it against its schema and return its rows as text.

    Parameters
    ----------
    name
        Dataset name (file stem), see :func:`list_datasets`.
    data_dir
        Folder holding the CSV files; defaults to :func:`default_data_dir`.

    Returns
    -------
    list of dict
        One ``{column: cell text}`` dict per data row, in file order.

    Raises
    ------
    ValueError
        If ``name`` is not a known dataset.
    DataError
        If the file is missing, has the wrong columns, or a cell does not fit its
        column: wrong type, negative count, forbidden empty cell, a ``source`` that
        is not an http(s) URL, or a ``status`` outside the dataset's vocabulary.
    """
    dataset = _dataset(name)
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    path = folder / dataset.filename
    fname = dataset.filename
    if not path.is_file():
        raise DataError(f"{fname}: file not found in {folder}")

    expected = [col.name for col in dataset.columns]
    rows: list[dict[str, str]] = []
    seen: dict[tuple[str, ...], int] = {}  # key -> line it was first seen on
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Excel "CSV UTF-8") is fine
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            f"{fname} line {line}: the file is not UTF-8 text (byte {raw[err.start]:#04x}); "
            "save it as UTF-8"
        ) from None
    with io.StringIO(text, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            raise DataError(f"{fname} line 1: the file is empty, expected a header")
        missing = [c for c in expected if c not in header]
        if missing:
            raise DataError(f"{fname} line 1: missing column(s) {', '.join(missing)}")
        extra = [c for c in header if c not in expected]
        if extra:
            raise DataError(f"{fname} line 1: unexpected column(s) {', '.join(extra)}")
        if len(set(header)) != len(header):
            raise DataError(f"{fname} line 1: duplicate column names")

        last_line = reader.line_num  # physical lines read so far (the header)
        for cells in reader:
            # A record starts on the line after the previous one ended (a quoted cell
            # may span several lines); that first line is what a reader looks for.
            first = last_line + 1
            where = f"{fname} line {first}"
            last_line = reader.line_num
            if len(cells) != len(header):
                raise DataError(f"{where}: expected {len(header)} cells, got {len(cells)}")
            row = dict(zip(header, cells, strict=True))
            status = row["status"].strip()
            if not status:
                raise DataError(f"{where}: status must not be empty")
            if not status.lower().startswith(tuple(k.lower() for k in dataset.status_kinds)):
                kinds = ", ".join(repr(k) for k in dataset.status_kinds)
                raise DataError(f"{where}: status must start with one of {kinds}, got {status!r}")
            for col in dataset.columns:
                value = row[col.name]
                if value.strip() != value:
                    raise DataError(
                        f"{where}: {col.name} has leading or trailing spaces: {value!r}"
                    )
                if value == "":
                    if not _empty_allowed(col, row):
                        raise DataError(f"{where}: {col.name} must not be empty")
                    continue
                _check_cell(col, value, where)
            key = tuple(row[c] for c in dataset.key)
            if dataset.key and key in seen:
                named = ", ".join(f"{c}={v!r}" for c, v in zip(dataset.key, key, strict=True))
                raise DataError(
                    f"{where}: duplicate row ({named}) already on line {seen[key]}; "
                    "it would be counted twice"
                )
            seen[key] = first
            rows.append({c: row[c] for c in expected})
    if not rows:
        raise DataError(f"{fname}: no data rows")
    return rows


def load(name: str, data_dir: str | os.PathLike[str] | None = None) -> pandas.DataFrame:
    """Load one dataset as a validated DataFrame.

    Parameters
    ----------
    name
        Dataset name: the CSV file stem, e.g. ``"mazhilis_list_results"``.
    data_dir
        Folder holding the CSV files. Defaults to the ``KZLIB_DATA_DIR`` environment
        variable, or else the repository's ``data/`` folder.

    Returns
    -------
    pandas.DataFrame
        Columns in file order. ``int`` columns have the nullable ``Int64`` dtype
        (empty cells are ``<NA>``), ``float`` columns are ``float64`` (empty cells
        are ``NaN``), ``date`` columns are ``datetime64`` (empty cells are ``NaT``),
        and text columns keep their text, with empty cells as ``""``.

    Raises
    ------
    ValueError
        If ``name`` is unknown; the message lists the valid names.
    DataError
        If the file does not match its schema (see :func:`read_rows`).
    """
    import pandas as pd

    dataset = _dataset(name)
    rows = read_rows(name, data_dir)
    frame = {}
    for col in dataset.columns:
        cells = [row[col.name] for row in rows]
        if col.kind == "int":
            frame[col.name] = pd.array([int(c) if c else None for c in cells], dtype="Int64")
        elif col.kind == "float":
            floats = [float(c) if c else math.nan for c in cells]
            frame[col.name] = pd.Series(floats, dtype="float64")
        elif col.kind == "date":
            dates = pd.Series([c or None for c in cells])
            frame[col.name] = pd.to_datetime(dates, format="%Y-%m-%d")
        else:
            frame[col.name] = pd.Series(cells, dtype="object")
    return pd.DataFrame(frame)
