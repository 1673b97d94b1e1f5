"""kzlib reproduces every official seat result in data/, via the rule sets and via allocate.

The official seats are typed here by hand from the CEC results (the sources are in
data/mazhilis_list_results.csv and data/maslikhat_2023_list_results.csv), so a test
fails if either the count or the data changes.
"""

from __future__ import annotations

import pytest

from kzlib import Threshold, allocate, cases, rules
from kzlib.cases import MAZHILIS_LIST_YEARS, MAZHILIS_YEARS

# Parties with no seat are left out; official_list_seats() adds them back as 0.
OFFICIAL_MAZHILIS = {
    2007: {"Nur Otan": 98},
    2012: {"Nur Otan": 83, "Ak Zhol": 8, "Communist People's Party": 7},
    2016: {"Nur Otan": 84, "Ak Zhol": 7, "Communist People's Party": 7},
    2021: {"Nur Otan": 76, "Ak Zhol": 12, "QHP": 10},
    2023: {"Amanat": 40, "Auyl": 8, "Respublica": 6, "Ak Zhol": 6, "QHP": 5, "JSDP": 4},
}
OFFICIAL_MASLIKHAT = {
    "Astana city": {"Amanat": 12, "Ak Zhol": 3, "QHP": 1, "Baitaq": 1},
    "Almaty city": {"Amanat": 12, "QHP": 3, "Respublica": 3, "Baitaq": 2, "Ak Zhol": 1},
}


def mazhilis_votes(year: int) -> tuple[dict[str, int], int]:
    e = cases.mazhilis_election(year)
    return e.votes, e.against_all


def official_list_seats(year: int) -> dict[str, int]:
    votes, _ = mazhilis_votes(year)
    return {p: OFFICIAL_MAZHILIS[year].get(p, 0) for p in votes}


def official_maslikhat_seats(council: str) -> dict[str, int]:
    votes = cases.maslikhat_election(council).votes
    return {p: OFFICIAL_MASLIKHAT[council].get(p, 0) for p in votes}


@pytest.mark.parametrize("year", MAZHILIS_LIST_YEARS)
def test_cases_read_the_official_mazhilis_seats(year):
    e = cases.mazhilis_election(year)
    assert e.official_seats == official_list_seats(year)
    assert e.list_seats == sum(OFFICIAL_MAZHILIS[year].values())


@pytest.mark.parametrize("council", ["Astana city", "Almaty city"])
def test_cases_read_the_official_maslikhat_seats(council):
    e = cases.maslikhat_election(council)
    assert e.official_seats == official_maslikhat_seats(council)
    assert e.list_seats == sum(OFFICIAL_MASLIKHAT[council].values())


def test_every_official_case_is_reproduced_under_its_own_rules():
    found = cases.official_cases()
    assert len(found) == len(MAZHILIS_YEARS) + len(OFFICIAL_MASLIKHAT)
    for e in found:
        got = e.rules.allocate_list(e.votes, against_all=e.against_all, seats=e.list_seats)
        assert got.seats == e.official_seats, e.name


@pytest.mark.parametrize("year", MAZHILIS_LIST_YEARS)
def test_mazhilis_via_rules(year):
    votes, against_all = mazhilis_votes(year)
    result = rules.mazhilis(year).allocate_list(votes, against_all=against_all)
    assert result.seats == official_list_seats(year)


def test_mazhilis_2023_exact_figures():
    votes, against_all = mazhilis_votes(2023)
    result = rules.mazhilis(2023).allocate_list(votes, against_all=against_all)
    assert [s for s in result.seats.values() if s] == [40, 8, 6, 6, 5, 4]
    assert result.quota * 69 == 5971719  # admitted votes: quota counts passing lists only
    assert set(result.remainder_seats) == {"JSDP", "Amanat"}
    assert result.base_total == 6366441


def test_mazhilis_2021_and_2007_exact_figures():
    votes, _ = mazhilis_votes(2021)
    seats = rules.mazhilis(2021).allocate_list(votes).seats
    assert [s for s in seats.values() if s] == [76, 12, 10]
    votes, _ = mazhilis_votes(2007)
    seats = rules.mazhilis(2007).allocate_list(votes).seats
    assert max(seats.values()) == 98 and sum(seats.values()) == 98


@pytest.mark.parametrize(
    "year, seats, threshold, base",
    [
        (2007, 98, "7%", "votes"),
        (2021, 98, "7%", "votes"),
        (2023, 69, "5%", "votes_and_against_all"),
    ],
)
def test_mazhilis_via_allocate(year, seats, threshold, base):
    votes, against_all = mazhilis_votes(year)
    rule = Threshold(threshold, base=base)
    result = allocate(votes, seats, "hare", rule, against_all=against_all)
    assert result.seats == official_list_seats(year)


@pytest.mark.parametrize("base", ["votes", "votes_and_against_all", "ballots"])
def test_every_base_admits_the_same_lists_in_2023(base):
    # The open question of the threshold base changes nothing in 2023.
    votes, against_all = mazhilis_votes(2023)
    ballots = 6521860  # ballots received, data/turnout.csv
    result = rules.mazhilis(2023, threshold_base=base).allocate_list(
        votes, against_all=against_all, ballots=ballots)
    assert result.seats == official_list_seats(2023)


@pytest.mark.parametrize("council", ["Astana city", "Almaty city"])
def test_maslikhat_lists(council):
    e = cases.maslikhat_election(council)
    votes, against_all = e.votes, e.against_all
    official = official_maslikhat_seats(council)
    seats = sum(official.values())
    regional = rules.maslikhat(2023, "regional")
    via_rules = regional.allocate_list(votes, against_all=against_all, seats=seats)
    via_allocate = allocate(votes, seats, "hare", "5%", against_all=against_all)
    assert via_rules.seats == official == via_allocate.seats


def test_dhondt_would_not_fit():
    # Arithmetic check: D'Hondt gives Amanat 41 / JSDP 3 in 2023, so the law's
    # quota wording (Hare) is what reproduces the official result.
    votes, against_all = mazhilis_votes(2023)
    rule = Threshold("5%", base="votes_and_against_all")
    dh = allocate(votes, 69, "dhondt", rule, against_all=against_all)
    assert (dh.seats["Amanat"], dh.seats["JSDP"]) == (41, 3)


def test_counterfactual_2021_at_5_percent_separates_hare_and_sainte_lague():
    votes, _ = mazhilis_votes(2021)
    hare = allocate(votes, 98, "hare", "5%").seats
    webster = allocate(votes, 98, "sainte-lague", "5%").seats
    assert [hare[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [72, 11, 9, 6]
    assert [webster[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [73, 11, 9, 5]


def test_mazhilis_2012_and_2016_the_second_and_third_lists_cleared_7_percent_narrowly():
    # The smallest admitted list cleared 7% of the party votes by about 10-13 thousand
    # votes (2016: 10,522; 2012: 12,902), and Hare gives 84/7/7 and 83/8/7.
    margins = {}
    for year in (2012, 2016):
        votes, against_all = mazhilis_votes(year)
        result = rules.mazhilis(year).allocate_list(votes, against_all=against_all)
        assert len(result.eligible) == 3
        line = result.threshold.share * result.base_total
        margins[year] = int(min(votes[p] for p in result.eligible) - line)
    assert margins == {2012: 12902, 2016: 10522}
