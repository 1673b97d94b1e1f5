"""kzlib reproduces every official seat result in data/, via the rule sets and via allocate."""

from __future__ import annotations

import pytest

from kzlib import Threshold, allocate, rules
from kzlib.data import load, maslikhat_votes, mazhilis_votes


def official_list_seats(year: int) -> dict[str, int]:
    df = load("mazhilis_list_results")
    rows = df[(df.year == year) & (df.option == "party")]
    return {r.party: int(r.list_seats) for r in rows.itertuples()}


def official_maslikhat_seats(council: str) -> dict[str, int]:
    df = load("maslikhat_2023_list_results")
    rows = df[(df.council == council) & (df.option == "party")]
    return {r.party: int(r.list_seats) for r in rows.itertuples()}


@pytest.mark.parametrize("year", [2007, 2021, 2023])
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
    assert [s for s in rules.mazhilis(2021).allocate_list(votes).seats.values() if s] == [76, 12, 10]
    votes, _ = mazhilis_votes(2007)
    seats = rules.mazhilis(2007).allocate_list(votes).seats
    assert max(seats.values()) == 98 and sum(seats.values()) == 98


@pytest.mark.parametrize(
    "year, seats, threshold, base",
    [(2007, 98, "7%", "votes"), (2021, 98, "7%", "votes"), (2023, 69, "5%", "votes_and_against_all")],
)
def test_mazhilis_via_allocate(year, seats, threshold, base):
    votes, against_all = mazhilis_votes(year)
    result = allocate(votes, seats, "hare", Threshold(threshold, base=base), against_all=against_all)
    assert result.seats == official_list_seats(year)


@pytest.mark.parametrize("base", ["votes", "votes_and_against_all", "ballots"])
def test_every_base_admits_the_same_lists_in_2023(base):
    # FACTS.md: the open question of the threshold base changes nothing in 2023.
    votes, against_all = mazhilis_votes(2023)
    ballots = 6521860  # ballots received, data/turnout.csv
    result = rules.mazhilis(2023, threshold_base=base).allocate_list(
        votes, against_all=against_all, ballots=ballots)
    assert result.seats == official_list_seats(2023)


@pytest.mark.parametrize("council", ["Astana city", "Almaty city"])
def test_maslikhat_lists(council):
    votes, against_all = maslikhat_votes(council)
    official = official_maslikhat_seats(council)
    seats = sum(official.values())
    via_rules = rules.maslikhat(2023, "regional").allocate_list(votes, against_all=against_all, seats=seats)
    via_allocate = allocate(votes, seats, "hare", "5%", against_all=against_all)
    assert via_rules.seats == official == via_allocate.seats


def test_dhondt_would_not_fit():
    # FACTS.md arithmetic check: D'Hondt gives Amanat 41 / JSDP 3 in 2023, so the law's
    # quota wording (Hare) is what reproduces the official result.
    votes, against_all = mazhilis_votes(2023)
    dh = allocate(votes, 69, "dhondt", Threshold("5%", base="votes_and_against_all"), against_all=against_all)
    assert (dh.seats["Amanat"], dh.seats["JSDP"]) == (41, 3)


def test_counterfactual_2021_at_5_percent_separates_hare_and_sainte_lague():
    votes, _ = mazhilis_votes(2021)
    hare = allocate(votes, 98, "hare", "5%").seats
    webster = allocate(votes, 98, "sainte-lague", "5%").seats
    assert [hare[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [72, 11, 9, 6]
    assert [webster[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [73, 11, 9, 5]
