"""The maslikhat functions added for notebook 08's second edition (kzlib.cases).

Karaganda oblast has votes but no official seats: it must be counted like the cities, kept
out of the official cases, and every derived figure must follow from the votes.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from kzlib import cases


def test_the_oblast_is_counted_but_not_an_official_case():
    assert cases.maslikhat_oblast_councils() == ("Karaganda oblast",)
    assert cases.maslikhat_all_councils() == ("Astana city", "Almaty city", "Karaganda oblast")
    e = cases.maslikhat_oblast_election("Karaganda oblast")
    assert e.official_seats is None and e.list_seats == 18 and e.against_all == 8905
    assert sum(e.votes.values()) == 439_836
    assert "Karaganda oblast maslikhat 2023" not in [c.name for c in cases.official_cases()]


def test_published_percentages_are_shares_of_party_votes_plus_against_all():
    e = cases.maslikhat_oblast_election("Karaganda oblast")
    base = sum(e.votes.values()) + e.against_all
    assert round(100 * e.votes["Amanat"] / base, 2) == 51.67
    assert round(100 * e.votes["Respublica"] / base, 2) == 6.08


def test_karaganda_hare_split_is_the_derived_one_in_the_facts():
    seats = cases.maslikhat_count("Karaganda oblast").seats
    assert seats == {"Amanat": 10, "Auyl": 2, "Ak Zhol": 2, "QHP": 2, "Baitaq": 1,
                     "Respublica": 1}
    at_7 = cases.maslikhat_count("Karaganda oblast", threshold="7%").seats
    assert at_7["Baitaq"] == at_7["Respublica"] == 0 and sum(at_7.values()) == 18


@pytest.mark.parametrize("council", cases.maslikhat_councils())
def test_maslikhat_count_agrees_with_maslikhat_list_tier_for_the_cities(council):
    for method in ("hare", "dhondt", "sainte-lague"):
        assert (cases.maslikhat_count(council, method=method).seats
                == cases.maslikhat_list_tier(council, method=method).seats)


def test_unknown_council_and_bad_arguments_name_the_value():
    with pytest.raises(ValueError, match="council must be one of .*'Shymkent city'"):
        cases.maslikhat_count("Shymkent city")
    with pytest.raises(ValueError, match="base must be one of .*'ballots'"):
        cases.maslikhat_count("Karaganda oblast", base="ballots")
    with pytest.raises(TypeError, match="seats must be an integer"):
        cases.maslikhat_count("Karaganda oblast", seats=18.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="party must be one of .*'JSDP'"):
        cases.against_all_to_exclude("Almaty city", "JSDP")
    with pytest.raises(ValueError, match="threshold must be above 0"):
        cases.against_all_to_exclude("Almaty city", "Ak Zhol", threshold=0)


def test_almaty_against_all_outpolled_ak_zhol_which_still_won_a_seat():
    t = cases.maslikhat_options_table("Almaty city").set_index("option")
    assert t.loc["Against all", "votes"] > t.loc["Ak Zhol", "votes"]
    assert (t.loc["Against all", "share_pct"], t.loc["Ak Zhol", "share_pct"]) == (5.65, 5.23)
    assert t.loc["Ak Zhol", "seats"] == t.loc["Ak Zhol", "official"] == 1
    assert t.loc["Against all", "seats"] == t.loc["Against all", "official"] == 0
    oblast = cases.maslikhat_options_table("Karaganda oblast")
    assert "official" not in oblast.columns and oblast.seats.sum() == 18


@pytest.mark.parametrize("council, party", [("Almaty city", "Ak Zhol"),
                                            ("Astana city", "Baitaq"),
                                            ("Karaganda oblast", "Respublica")])
def test_against_all_to_exclude_is_the_exact_boundary(council, party):
    e = cases.maslikhat_council(council)
    extra = cases.against_all_to_exclude(council, party)
    base = sum(e.votes.values()) + e.against_all

    def passes(more: int) -> bool:
        return Fraction(e.votes[party], base + more) >= Fraction(5, 100)

    assert extra > 0 and passes(extra - 1) and not passes(extra)
    assert cases.against_all_to_exclude("Astana city", "Auyl") == 0
