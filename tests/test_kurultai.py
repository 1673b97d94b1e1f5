"""The Kurultai of the 2026 Constitution: its rule set, the 2023 replay, the new data tables."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from kzlib import cases, constitution, rules
from kzlib.allocation import allocate
from kzlib.constitution import (
    compare_with_mazhilis,
    kurultai_replay,
    load_referendum,
    majority_line,
    referendums_table,
    replay_table,
    two_thirds_line,
)
from kzlib.data import load, read_rows
from kzlib.referendum import as_percent, share
from kzlib.thresholds import BASES

E23 = cases.mazhilis_election(2023)

# ------------------------------------------------------------------ the rule set


def test_defaults_and_their_status():
    k = rules.kurultai()
    assert (k.chamber, k.era, k.total_seats, k.list_seats, k.smd_seats, k.indirect_seats) == (
        "kurultai", "2026–", 145, 145, 0, 0)
    assert k.list_share == 1 and k.method == "hare" and k.against_all
    assert k.threshold.share == Fraction(5, 100) and k.threshold.base == "votes_and_against_all"
    assert k.threshold.inclusive
    assert k.status["total_seats"] == k.status["list_seats"] == "final"
    assert k.status["threshold"] == "proposed"
    assert rules.kurultai(threshold="7%").status["threshold"] == "unresolved"
    assert rules.kurultai(threshold=0.06).status["threshold"] == "chosen"
    assert {"threshold", "threshold.base", "method", "against_all"} <= set(k.unsettled())
    assert "tass.ru" in k.sources["threshold"]
    assert "constitution.my" in rules.kurultai(threshold="7%").sources["threshold"]
    for field in ("total_seats", "list_seats", "method", "against_all"):
        assert "http" in k.sources[field]


def test_the_label_comes_from_the_rule_set():
    text = rules.kurultai(2026, threshold="7%", base="votes").describe()
    assert text.startswith("Kurultai 2026–: 145 list; threshold 7% of votes for the parties")
    assert "not settled by any source found: threshold" in text
    # The other chambers' labels are unchanged (they record no status).
    assert "not settled" not in rules.mazhilis(2023).describe()
    assert rules.mazhilis(2023).unsettled() == ()


@pytest.mark.parametrize("year", [2026, 2031, 2026.0])
def test_later_years_are_accepted(year):
    assert rules.kurultai(year).total_seats == 145


@pytest.mark.parametrize("base", sorted(BASES))
def test_every_base_is_an_option(base):
    assert rules.kurultai(base=base).threshold.base == base


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"year": 2023}, ValueError, "year must be 2026 or later"),
        ({"year": 2025}, ValueError, "year must be 2026 or later"),
        ({"year": "2026"}, TypeError, "year must be an integer"),
        ({"year": 2026.5}, ValueError, "year must be an integer"),
        ({"year": True}, TypeError, "year must be an integer"),
        ({"threshold": 5}, ValueError, "threshold must be a share in \\[0, 1\\), got 5 "
                                       "\\(did you mean '5%'\\?\\)"),
        ({"threshold": "five"}, ValueError, "threshold must be a share such as"),
        ({"threshold": True}, TypeError, "threshold must be a share such as"),
        ({"threshold": None}, TypeError, "threshold"),
        ({"threshold": -0.01}, ValueError, "threshold must be a share in"),
        ({"base": "ballots incl. against all"}, ValueError, "base must be one of"),
        ({"base": None}, ValueError, "base must be one of"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(kwargs, error, message):
    with pytest.raises(error, match=message):
        rules.kurultai(**kwargs)


def test_all_145_seats_are_filled():
    k = rules.kurultai()
    for votes, aa in [({"A": 5, "B": 3, "C": 1}, 0), (E23.votes, E23.against_all),
                      ({"A": 999, "B": 1}, 1000)]:
        assert sum(k.allocate_list(votes, against_all=aa).seats.values()) == 145


def test_threshold_boundary_exactly_at_five_percent():
    k = rules.kurultai()
    exactly = {"A": 6000, "B": 3500, "C": 500}  # C = 500 of 10,000 = exactly 5%
    assert "C" in k.allocate_list(exactly).eligible
    below = {"A": 6000, "B": 3501, "C": 499}  # one vote below
    assert "C" not in k.allocate_list(below).eligible
    above = {"A": 6000, "B": 3499, "C": 501}
    assert "C" in k.allocate_list(above).eligible
    # With 'against all' in the base the bar moves: 500 of 10,000 + 20 is below 5%.
    assert "C" not in k.allocate_list(exactly, against_all=20).eligible
    assert "C" in rules.kurultai(base="votes").allocate_list(exactly, against_all=20).eligible


def test_threshold_boundary_at_seven_percent():
    k = rules.kurultai(threshold="7%")
    assert "C" in k.allocate_list({"A": 6000, "B": 3300, "C": 700}).eligible
    assert "C" not in k.allocate_list({"A": 6000, "B": 3301, "C": 699}).eligible


def test_same_count_as_a_plain_hare_allocation():
    k = rules.kurultai(threshold="7%", base="votes")
    expected = allocate(E23.votes, 145, "hare", k.threshold, against_all=E23.against_all)
    assert k.allocate_list(E23.votes, against_all=E23.against_all).seats == expected.seats


# ------------------------------------------------------------------ the 2023 replay


def test_2023_replayed_in_145_seats():
    table = replay_table(2023)
    assert table.to_dict() == {
        "5%, party votes + 'against all'": {
            "Amanat": 83, "Auyl": 17, "Respublica": 13, "Ak Zhol": 13, "QHP": 11, "JSDP": 8,
            "Baitaq": 0},
        "5%, party votes": {
            "Amanat": 83, "Auyl": 17, "Respublica": 13, "Ak Zhol": 13, "QHP": 11, "JSDP": 8,
            "Baitaq": 0},
        "7%, party votes + 'against all'": {
            "Amanat": 96, "Auyl": 19, "Respublica": 15, "Ak Zhol": 15, "QHP": 0, "JSDP": 0,
            "Baitaq": 0},
        "7%, party votes": {
            "Amanat": 88, "Auyl": 18, "Respublica": 14, "Ak Zhol": 14, "QHP": 11, "JSDP": 0,
            "Baitaq": 0},
    }
    for column in table:
        assert table[column].sum() == 145


def test_at_seven_percent_the_base_decides_qhp():
    # 7% of party votes + 'against all' is above QHP's votes; 7% of party votes alone is not.
    party_votes = sum(E23.votes.values())
    assert Fraction(7, 100) * (party_votes + E23.against_all) > E23.votes["QHP"]
    assert Fraction(7, 100) * party_votes <= E23.votes["QHP"]


def test_largest_party_share_against_the_real_2023_mazhilis():
    c = compare_with_mazhilis(2023)
    real = cases.mazhilis_2023().total
    assert (c.real_largest, c.real_house) == (real["Amanat"], sum(real.values())) == (62, 98)
    assert c.largest_seats == 83 and c.house == 145
    assert as_percent(c.largest_share, 1) == "57.2%"
    assert as_percent(c.real_largest_share, 1) == "63.3%"
    at7 = compare_with_mazhilis(2023, threshold="7%")
    assert as_percent(at7.largest_share, 1) == "66.2%"
    assert at7.largest_seats == two_thirds_line(145) - 1  # one seat short of two-thirds


def test_2021_replay_and_its_real_chamber():
    c = compare_with_mazhilis(2021, threshold="7%")
    assert c.real_seats == {"Nur Otan": 76, "Ak Zhol": 12, "QHP": 10, "Auyl": 0, "Adal": 0,
                            "APK": 9}
    assert c.largest_seats == 113 and sum(c.allocation.seats.values()) == 145
    assert kurultai_replay(2021).seats["Auyl"] == 8  # 5.29% passes 5%


def test_comparison_table_has_no_missing_values():
    t = compare_with_mazhilis(2023).table()
    assert not t.isna().any().any()
    assert t.kurultai_seats.sum() == 145 and t.real_seats.sum() == 98


@pytest.mark.parametrize("year", [2007, 2022, 2026, True, "2023"])
def test_replay_years(year):
    with pytest.raises(ValueError, match="year must be one of 2021, 2023"):
        kurultai_replay(year)


def test_lines():
    assert (majority_line(145), two_thirds_line(145)) == (73, 97)
    assert (majority_line(98), two_thirds_line(98), two_thirds_line(99)) == (50, 66, 66)
    for house in range(1, 300):
        assert two_thirds_line(house) == math.ceil(2 * house / 3 - 1e-12)
        assert majority_line(house) > house / 2 >= majority_line(house) - 1


# ------------------------------------------------------------------ data reconciliation


def _measures(year: int) -> dict[str, int]:
    rows = read_rows("referendum_2024_2026")
    return {r["measure"]: float(r["value"]) for r in rows
            if int(r["year"]) == year and not r["status"].startswith("conflicts")}


@pytest.mark.parametrize(("year", "other"), [(2024, "both_answers_marked"),
                                             (2026, "unestablished_form")])
def test_categories_add_up_to_participants(year, other):
    m = _measures(year)
    assert m["yes"] + m["no"] + m["invalid"] + m[other] == m["participants"]
    r = load_referendum(year)
    assert r.participants == m["participants"] and r.registered == m["registered"]


@pytest.mark.parametrize("year", [2024, 2026])
def test_published_percentages_match_the_counts(year):
    m = _measures(year)
    assert as_percent(share(int(m["participants"]), of=int(m["registered"]))) == \
        f"{m['turnout_pct']:.2f}%"
    assert as_percent(share(int(m["yes"]), of=int(m["participants"]))) == f"{m['yes_pct']:.2f}%"
    assert as_percent(share(int(m["no"]), of=int(m["participants"]))) == f"{m['no_pct']:.2f}%"


def test_2024_conflicting_counts_are_kept_and_only_one_reconciles():
    rows = [r for r in read_rows("referendum_2024_2026")
            if r["year"] == "2024" and r["measure"] == "both_answers_marked"]
    assert sorted(int(r["value"]) for r in rows) == [82722, 82724, 82729]
    m = _measures(2024)
    kept = [r for r in rows if not r["status"].startswith("conflicts")]
    assert [int(r["value"]) for r in kept] == [82729]
    assert kept[0]["status"].startswith("unresolved")
    for r in rows:
        total = m["yes"] + m["no"] + m["invalid"] + int(r["value"])
        assert (total == m["participants"]) == (r is kept[0])


def test_2026_turnout_bases_differ():
    m = _measures(2026)
    assert as_percent(share(int(m["participants"]), of=int(m["in_voter_lists_day_of_vote"]))) \
        == f"{m['turnout_pct_at_20_30']:.2f}%"


def test_referendums_side_by_side():
    t = referendums_table()
    assert t.year.tolist() == [2022, 2024, 2026]
    assert t.yes_pct_of_participants.tolist() == [77.18, 71.12, 87.15]
    assert t.yes_pct_of_registered.tolist() == [52.52, 45.28, 63.73]
    assert t.turnout_pct.tolist() == [68.05, 63.66, 73.12]
    assert t.national_rule_met.tolist() == ["yes", "not found in our sources", "yes"]
    assert t.rule[1] == "not found in our sources"


def test_referendum_years():
    with pytest.raises(ValueError, match="year must be one of 2022, 2024, 2026"):
        load_referendum(2023)


def test_rules_kurultai_2026_table_matches_the_rule_set():
    p = load("rules_kurultai_2026")
    value = dict(zip(p.parameter, p.value, strict=False))
    k = rules.kurultai()
    assert int(value["seats"]) == k.total_seats
    thresholds = p[p.parameter == "threshold_pct"]
    assert dict(zip(thresholds.value, thresholds.status, strict=True)) == {
        "5": "proposed", "7": "unresolved"}
    assert set(rules.KURULTAI_THRESHOLDS) == {5, 7}
    for name in ("seat_allocation_method", "against_all_option", "results", "threshold_base"):
        assert value[name] == "not found"
    assert value["election_day"] == "2026-08-23"


def test_changes_table():
    t = constitution.changes_table()
    assert t.topic.is_unique and (t.source.str.startswith("http")).all()
    row = t[t.topic == "legislature structure"].iloc[0]
    assert "145" in row.after and row.status == "final"
