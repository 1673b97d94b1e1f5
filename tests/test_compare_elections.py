"""kzlib.compare.elections: counterfactual replays, vote shifts, entry thresholds."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlib import Threshold, TieError, allocate, rules
from kzlib.cases import MAZHILIS_YEARS, Election, mazhilis_election
from kzlib.compare import elections as E
from kzlib.data import load


def official(year: int) -> dict[str, int]:
    return mazhilis_election(year).official_seats


def mazhilis_votes(year: int) -> tuple[dict[str, int], int]:
    e = mazhilis_election(year)
    return e.votes, e.against_all


# ------------------------------------------------------------------ elections from data


@pytest.mark.parametrize("year", MAZHILIS_YEARS)
def test_replay_under_own_rules_reproduces_official_seats(year):
    e = mazhilis_election(year)
    assert E.replay(e.votes, e.against_all, rules.mazhilis(year)).seats == official(year)


def test_2023_official_list_seats():
    e = mazhilis_election(2023)
    seats = E.replay(e.votes, e.against_all, rules.mazhilis(2023)).seats
    assert [
        seats[p] for p in ("Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "JSDP", "Baitaq")
    ] == [40, 8, 6, 6, 5, 4, 0]


# ------------------------------------------------------------------ the checked counterfactuals


def test_2021_votes_at_5_percent_with_98_seats_hare():
    votes, _ = mazhilis_votes(2021)
    seats = E.outcome(votes, seats=98, threshold="5%", base="votes").seats
    assert seats == {"Nur Otan": 72, "Ak Zhol": 11, "QHP": 9, "Auyl": 6, "Adal": 0}


def test_2021_votes_at_5_percent_sainte_lague_differs():
    votes, _ = mazhilis_votes(2021)
    seats = E.outcome(votes, seats=98, threshold="5%", method="sainte-lague").seats
    assert [seats[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [73, 11, 9, 5]


def test_2021_votes_under_the_2023_list_tier():
    # Hand check: admitted votes 6,982,944 / 69 = quota 101,202.09; integer parts
    # 50/7/6/3 (= 66); the 3 seats left go to the remainders .869 (Nur Otan),
    # .834 (Ak Zhol), .785 (Auyl) ahead of .512 (QHP).
    votes, _ = mazhilis_votes(2021)
    result = E.replay(votes, 0, rules.mazhilis(2023))
    assert result.seats == {"Nur Otan": 51, "Ak Zhol": 8, "QHP": 6, "Auyl": 4, "Adal": 0}
    assert result.quota * 69 == 6982944
    assert set(result.remainder_seats) == {"Nur Otan", "Ak Zhol", "Auyl"}


def test_2023_votes_under_2021_rules_ignore_against_all():
    e = mazhilis_election(2023)
    result = E.replay(e.votes, e.against_all, rules.mazhilis(2021))
    assert result.base_total == sum(e.votes.values())  # 'against all' left out of the base
    assert result.seats["JSDP"] == 0 and result.seats["Amanat"] == 60
    assert sum(result.seats.values()) == 98


def test_2007_one_party_rule_admits_the_runner_up():
    e = mazhilis_election(2007)
    plain = E.outcome(e.votes, seats=98, threshold="7%", base="votes")
    assert plain.seats["Nur Otan"] == 98
    ruled = E.outcome(e.votes, seats=98, threshold="7%", base="votes", one_party_rule=True)
    assert ruled.seats["JSDP"] >= 2 and sum(ruled.seats.values()) == 98
    assert ruled.eligible == ("Nur Otan", "JSDP")


def test_outcome_is_a_thin_wrapper_over_allocate():
    e = mazhilis_election(2023)
    for base in ("votes", "votes_and_against_all", "ballots"):
        for method in ("hare", "dhondt", "droop"):
            ours = E.outcome(
                e.votes,
                e.against_all,
                seats=69,
                threshold="5%",
                method=method,
                base=base,
                ballots=e.ballots,
            )
            direct = allocate(
                e.votes,
                69,
                method,
                Threshold("5%", base=base),
                against_all=e.against_all,
                ballots=e.ballots,
            )
            assert ours.seats == direct.seats and ours.base_total == direct.base_total


# ------------------------------------------------------------------ rule sets and scenarios


def test_custom_rules_values():
    r = E.custom_rules(98, "5%", "votes", "d'hondt")
    assert (r.list_seats, r.threshold.share, r.threshold.base, r.method) == (
        98,
        Fraction(1, 20),
        "votes",
        "dhondt",
    )
    assert r.against_all and not r.one_party_rule
    assert E.custom_rules(10, Threshold("3%", base="ballots")).threshold.base == "ballots"


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"seats": 0, "threshold": "5%"}, ValueError, "seats must be a positive integer, got 0"),
        (
            {"seats": True, "threshold": "5%"},
            TypeError,
            "seats must be a positive integer, got True",
        ),
        (
            {"seats": 9.5, "threshold": "5%"},
            ValueError,
            "seats must be a positive integer, got 9.5",
        ),
        ({"seats": 98, "threshold": 1.5}, ValueError, "threshold must be a share in"),
        ({"seats": 98, "threshold": "five"}, ValueError, "threshold must be a share such as"),
        (
            {"seats": 98, "threshold": "5%", "base": "voters"},
            ValueError,
            "base must be one of .*'voters'",
        ),
        (
            {"seats": 98, "threshold": "5%", "method": "magic"},
            ValueError,
            "method must be one of .*'magic'",
        ),
        ({"seats": 98, "threshold": "5%", "one_party_rule": "yes"}, TypeError, "one_party_rule"),
    ],
)
def test_custom_rules_errors_name_the_argument(kwargs, error, message):
    with pytest.raises(error, match=message):
        E.custom_rules(**kwargs)


def test_scenario_rules_forms():
    r21 = rules.mazhilis(2021)
    assert E.scenario_rules(r21) is r21
    assert E.scenario_rules({"seats": 50, "threshold": "3%"}).list_seats == 50
    resized = E.scenario_rules({"rules": "2023 list tier", "seats": 98})
    assert (resized.list_seats, resized.threshold, resized.against_all) == (
        98,
        rules.mazhilis(2023).threshold,
        True,
    )
    cheaper = E.scenario_rules({"rules": r21, "threshold": "5%"})
    assert (cheaper.list_seats, cheaper.threshold.share, cheaper.threshold.base) == (
        98,
        Fraction(1, 20),
        "votes",
    )
    assert cheaper.one_party_rule and not cheaper.against_all


@pytest.mark.parametrize(
    "spec, error, message",
    [
        ([98, "5%"], TypeError, "a scenario must be a RuleSet or a mapping"),
        ({"seats": 98}, ValueError, "a custom scenario needs threshold"),
        ({"threshold": "5%"}, ValueError, "a custom scenario needs seats"),
        (
            {"seats": 98, "threshold": "5%", "quota": "hare"},
            ValueError,
            r"scenario keys must be among .*\['quota'\]",
        ),
        ({"rules": "2019 rules"}, ValueError, "era must be one of .*'2019 rules'"),
        ({"rules": 2021}, TypeError, "scenario 'rules' must be a RuleSet or an era name, got 2021"),
    ],
)
def test_scenario_rules_errors(spec, error, message):
    with pytest.raises(error, match=message):
        E.scenario_rules(spec)


def test_era_rules():
    assert E.era_rules("2021 rules") == rules.mazhilis(2021)
    assert E.era_rules("2023 list tier") == rules.mazhilis(2023)
    with pytest.raises(ValueError, match="use custom_rules"):
        E.era_rules("custom")


def test_replay_all_names_the_failing_scenario():
    with pytest.raises(ValueError, match="scenario 'strict': threshold .* leaves no party"):
        E.replay_all(
            {"A": 50, "B": 50},
            0,
            {"ok": {"seats": 2, "threshold": "5%"}, "strict": {"seats": 2, "threshold": "60%"}},
        )
    with pytest.raises(ValueError, match="scenarios must be a non-empty mapping"):
        E.replay_all({"A": 1}, 0, {})
    with pytest.raises(TieError, match="scenario 'tie': tie for the last remainder seat") as info:
        E.replay_all({"A": 1, "B": 1, "C": 1}, 0, {"tie": {"seats": 2, "threshold": "5%"}})
    assert info.value.parties == ("A", "B", "C") and info.value.seats == 2
    with pytest.raises(ValueError, match="scenario 'b': ballots must be given"):
        E.replay_all({"A": 1}, 0, {"b": {"seats": 1, "threshold": "5%", "base": "ballots"}})


# ------------------------------------------------------------------ tables


SCENARIOS = {
    "2021 rules": rules.mazhilis(2021),
    "2023 list tier": rules.mazhilis(2023),
    "5% of 98": {"seats": 98, "threshold": "5%"},
}


def test_compare_outcomes_tidy_table_2021():
    e = mazhilis_election(2021)
    t = E.compare_outcomes(e.votes, e.against_all, SCENARIOS)
    assert list(t.columns) == [
        "scenario",
        "party",
        "votes",
        "vote_pct",
        "eligible",
        "seats",
        "seat_pct",
    ]
    assert len(t) == 3 * 5  # no 'against all' row: there was no such option in 2021
    seats = t.pivot(index="party", columns="scenario", values="seats")
    assert seats["2021 rules"].to_dict() == {**official(2021)}
    assert seats["2023 list tier"].to_dict() == {
        "Nur Otan": 51,
        "Ak Zhol": 8,
        "QHP": 6,
        "Auyl": 4,
        "Adal": 0,
    }
    assert seats["5% of 98"].to_dict() == {
        "Nur Otan": 72,
        "Ak Zhol": 11,
        "QHP": 9,
        "Auyl": 6,
        "Adal": 0,
    }
    row = t[(t.scenario == "2023 list tier") & (t.party == "Auyl")].iloc[0]
    assert (row.vote_pct, bool(row.eligible), row.seat_pct) == (5.29, True, round(400 / 69, 2))


def test_compare_outcomes_vote_pct_matches_cec_percentages_2023():
    e = mazhilis_election(2023)
    t = E.compare_outcomes(e.votes, e.against_all, {"2023": rules.mazhilis(2023)})
    df = load("mazhilis_list_results")
    rows = df[df.year == 2023]
    cec = dict(zip(rows.party, rows.percent_reported, strict=True))
    # includes the 'Against all' row (3.9)
    assert dict(zip(t.party, t.vote_pct, strict=True)) == cec
    last = t.iloc[-1]
    assert (last.party, bool(last.eligible), last.seats) == ("Against all", False, 0)


def test_compare_summary_hand_checked():
    # A 60, B 30, C 10; 5 seats at 15%: C is out. Hare: A 3, B 2.
    s = E.compare_summary({"A": 60, "B": 30, "C": 10}, 0, {"15%": {"seats": 5, "threshold": "15%"}})
    row = s.iloc[0]
    assert (row.seats, row.lists_in, row.largest_party, row.largest_seats) == (5, 2, "A", 3)
    assert row.wasted_pct == 10.0  # C's 10 votes of 100
    assert row.gallagher == 10.0  # sqrt((0^2 + 10^2 + 10^2) / 2)
    assert row.enp_seats == round(1 / (0.6**2 + 0.4**2), 2)
    assert row.threshold_pct == 15.0 and row.base == "votes_and_against_all"


def test_summary_counts_against_all_as_wasted():
    e = mazhilis_election(2023)
    result = E.replay(e.votes, e.against_all, rules.mazhilis(2023))
    s = E.scenario_summary(result, e.against_all)
    wasted = (e.votes["Baitaq"] + e.against_all) / (sum(e.votes.values()) + e.against_all)
    assert s["wasted_pct"] == pytest.approx(100 * wasted)
    assert s["votes_needed"] == Fraction(5, 100) * 6366441
    assert s["lists_in"] == 6


def test_summary_keeps_no_seat_lists_apart_from_against_all():
    # 2023: Baitaq's 146,431 votes and 248,291 'against all', of 6,366,441.
    e = mazhilis_election(2023)
    result = E.replay(e.votes, e.against_all, rules.mazhilis(2023))
    s = E.scenario_summary(result, e.against_all)
    assert s["no_seat_pct"] == pytest.approx(100 * 146431 / 6366441)
    assert s["against_all_pct"] == pytest.approx(100 * 248291 / 6366441)
    assert s["wasted_pct"] == pytest.approx(s["no_seat_pct"] + s["against_all_pct"])
    row = E.summary_table({"2023": result}, e.against_all).iloc[0]
    assert (row.no_seat_pct, row.against_all_pct, row.wasted_pct) == (2.3, 3.9, 6.2)
    # 2021 had no 'against all': everything that elected no one went to lists.
    e21 = mazhilis_election(2021)
    row21 = E.compare_summary(e21.votes, 0, {"own": rules.mazhilis(2021)}).iloc[0]
    assert (row21.no_seat_pct, row21.against_all_pct) == (8.86, 0.0)


def test_summary_bases_name_every_percentage_column():
    assert set(E.SUMMARY_BASES) == {
        "gallagher", "enp_seats", "no_seat_pct", "against_all_pct", "wasted_pct"}
    assert "party votes only" in E.SUMMARY_BASES["gallagher"]
    # Gallagher on the 2023 result uses the party votes only: 2.19, not the ~3.4 of the
    # published base.
    e = mazhilis_election(2023)
    result = E.replay(e.votes, e.against_all, rules.mazhilis(2023))
    assert round(E.scenario_summary(result, e.against_all)["gallagher"], 2) == 2.19


def test_pass_margins_are_votes_above_the_line():
    e = mazhilis_election(2016)
    margins = E.pass_margins(E.outcome(e.votes, seats=98, threshold="7%", base="votes"))
    assert margins["Communist People's Party"] == 10522.24  # 537,123 - 7% of 7,522,868
    assert margins["Auyl"] < 0
    with pytest.raises(ValueError, match="allocation must have a threshold"):
        E.pass_margins(allocate({"A": 1, "B": 2}, 3))


# ------------------------------------------------------------------ vote shifts


def test_shift_votes_example_and_exactness():
    assert E.shift_votes({"A": 600, "B": 300, "C": 100}, "A", "C", 5) == {
        "A": 550,
        "B": 300,
        "C": 150,
    }
    shifted = E.shift_votes({"A": 2, "B": 1}, "A", "B", "10")
    assert shifted == {"A": Fraction(17, 10), "B": Fraction(13, 10)}
    assert E.shift_votes({"A": 2, "B": 1}, "A", "B", 0) == {"A": 2, "B": 1}


def test_shift_to_the_5_percent_line_admits_baitaq():
    e = mazhilis_election(2023)
    combined = E.with_against_all(e.votes, e.against_all)
    share = E.entry_thresholds(e.votes, e.against_all)["Baitaq"]
    exact = E.shift_votes(combined, "Amanat", "Baitaq", 5 - share)
    votes, aa = E.split_against_all(exact)
    assert aa == e.against_all
    assert "Baitaq" in E.replay(votes, aa, rules.mazhilis(2023)).eligible  # exactly at 5% passes
    short = E.shift_votes(combined, "Amanat", "Baitaq", 5 - share - Fraction(1, 10**6))
    votes, aa = E.split_against_all(short)
    assert "Baitaq" not in E.replay(votes, aa, rules.mazhilis(2023)).eligible


@pytest.mark.parametrize(
    "args, error, message",
    [
        (("Amanat", "Nobody", 1), ValueError, "to_party must be one of .*got 'Nobody'"),
        (("Nobody", "Amanat", 1), ValueError, "from_party must be one of .*got 'Nobody'"),
        (("Amanat", "Amanat", 1), ValueError, "to_party must differ from from_party, got 'Amanat'"),
        (("Amanat", "Baitaq", -1), ValueError, "points must be >= 0 .*got -1"),
        (
            ("Baitaq", "Amanat", 3),
            ValueError,
            r"points must be at most 2.3933 \(the share of 'Baitaq', in per cent\), got 3",
        ),
        (
            ("Amanat", "Baitaq", "lots"),
            ValueError,
            "points must be a number of percentage points, got 'lots'",
        ),
        (("Amanat", "Baitaq", None), TypeError, "points must be a number"),
        (("Amanat", "Baitaq", float("nan")), ValueError, "points must be finite"),
    ],
)
def test_shift_votes_errors_name_the_argument(args, error, message):
    e = mazhilis_election(2023)
    with pytest.raises(error, match=message):
        E.shift_votes(e.votes, *args)


def test_shift_votes_rejects_bad_votes():
    with pytest.raises(ValueError, match=r"votes\['A'\] must be >= 0, got -1"):
        E.shift_votes({"A": -1, "B": 2}, "A", "B", 0)
    with pytest.raises(TypeError, match="votes must be a non-empty mapping"):
        E.shift_votes({}, "A", "B", 0)


votes_maps = st.dictionaries(
    st.sampled_from(["A", "B", "C", "D", "E"]), st.integers(0, 10**7), min_size=2, max_size=5
).filter(lambda d: sum(d.values()) > 0)


@settings(max_examples=200, deadline=None)
@given(votes=votes_maps, data=st.data())
def test_shift_keeps_the_total_and_reverses(votes, data):
    parties = list(votes)
    src = data.draw(st.sampled_from(parties))
    dst = data.draw(st.sampled_from([p for p in parties if p != src]))
    total = sum(votes.values())
    top = Fraction(votes[src] * 100, total)
    points = data.draw(st.fractions(min_value=0, max_value=top))
    shifted = E.shift_votes(votes, src, dst, points)
    assert sum(shifted.values()) == total
    assert all(v >= 0 for v in shifted.values())
    assert {p for p in votes if shifted[p] != votes[p]} <= {src, dst}
    assert Fraction(shifted[dst] - votes[dst]) * 100 / total == points
    assert E.shift_votes(shifted, dst, src, points) == votes


def test_with_and_split_against_all():
    combined = E.with_against_all({"A": 5}, 2)
    assert combined == {"A": 5, "Against all": 2}
    assert E.split_against_all(combined) == ({"A": 5}, 2)
    assert E.with_against_all({"A": 5}, 0) == {"A": 5}
    with pytest.raises(ValueError, match="already has an 'Against all' entry"):
        E.with_against_all(combined, 1)


# ------------------------------------------------------------------ entry thresholds


def test_entry_thresholds_2021():
    e = mazhilis_election(2021)
    t = E.entry_thresholds(e.votes, base="votes")
    assert {p: round(float(v), 2) for p, v in t.items()} == {
        "Nur Otan": 71.09,
        "Ak Zhol": 10.95,
        "QHP": 9.1,
        "Auyl": 5.29,
        "Adal": 3.57,
    }
    by_ballots = E.entry_thresholds(e.votes, base="ballots", ballots=e.ballots)
    assert by_ballots["Auyl"] == Fraction(383023 * 100, 7539280)


def test_entry_thresholds_errors():
    with pytest.raises(ValueError, match="base must be one of .*'seats'"):
        E.entry_thresholds({"A": 1}, base="seats")
    with pytest.raises(
        ValueError, match="ballots must be given when the base is 'ballots', got None"
    ):
        E.entry_thresholds({"A": 1}, base="ballots")
    with pytest.raises(ValueError, match="must be positive"):
        E.entry_thresholds({"A": 0}, base="votes")


@settings(max_examples=150, deadline=None)
@given(
    votes=votes_maps,
    against_all=st.integers(0, 10**6),
    base=st.sampled_from(["votes", "votes_and_against_all"]),
)
def test_a_party_passes_exactly_up_to_its_entry_threshold(votes, against_all, base):
    entry = E.entry_thresholds(votes, against_all, base=base)
    for party, t in entry.items():
        if not 0 < t < 100 or votes[party] == 0:
            continue
        order = list(votes)  # ties between remainders are not what this test is about
        at = allocate(
            votes,
            5,
            "hare",
            Threshold(t / 100, base=base),
            against_all=against_all,
            tie_break=order,
        )
        assert party in at.eligible
        above = t / 100 + Fraction(1, 10**9)
        if above < 1 and any(
            v >= above * (sum(votes.values()) + (against_all if base != "votes" else 0))
            for v in votes.values()
        ):
            over = allocate(
                votes,
                5,
                "hare",
                Threshold(above, base=base),
                against_all=against_all,
                tie_break=order,
            )
            assert party not in over.eligible


# ------------------------------------------------------------------ tables for the notebooks


def test_threshold_by_base_2023():
    e = mazhilis_election(2023)
    t = E.threshold_by_base(e.votes, e.against_all, threshold="5%", ballots=e.ballots)
    assert list(t.base) == ["votes", "votes_and_against_all", "ballots"]
    assert list(t.base_total) == [6118150, 6366441, 6521860]
    # 5% of 6,118,150 = 305,907.5; of 6,366,441 = 318,322.05; of 6,521,860 = 326,093
    assert list(t.votes_needed) == [305908, 318323, 326093]
    assert list(t.lists_admitted) == [6, 6, 6]
    assert list(t.closest_list) == ["JSDP"] * 3
    assert list(t.closest_pct) == [5.41, 5.2, 5.08]


def test_threshold_by_base_without_ballots_and_nobody_admitted():
    t = E.threshold_by_base({"A": 50, "B": 50}, threshold="60%")
    assert list(t.base) == ["votes", "votes_and_against_all"]
    assert list(t.lists_admitted) == [0, 0] and t.closest_list.isna().all()


@pytest.mark.parametrize("year", MAZHILIS_YEARS)
def test_official_check(year):
    t = E.official_check(mazhilis_election(year))
    assert t.match.all()
    assert dict(zip(t.party, t.official_seats, strict=True)) == official(year)
    assert set(t.year) == {year}


def test_official_check_needs_rules_and_official_seats():
    pasted = Election(name="pasted", votes={"A": 10, "B": 5})
    with pytest.raises(ValueError, match="must carry rules and official_seats, got 'pasted'"):
        E.official_check(pasted)


def test_threshold_by_base_admits_a_list_exactly_at_the_threshold():
    t = E.threshold_by_base({"A": 95, "B": 5}, threshold="5%")
    assert list(t.lists_admitted) == [2, 2] and list(t.closest_pct) == [5.0, 5.0]
    assert list(t.votes_needed) == [5, 5]


def test_tables_from_replays_match_the_one_call_forms():
    from kzlib.compare.elections import (
        compare_outcomes,
        compare_summary,
        outcomes_table,
        replay_all,
        summary_table,
    )

    votes, scenarios = {"A": 60, "B": 34, "C": 6}, {
        "7%": {"seats": 10, "threshold": "7%"}, "5%": {"seats": 10, "threshold": "5%"}}
    results = replay_all(votes, 3, scenarios)
    assert outcomes_table(results, 3).equals(compare_outcomes(votes, 3, scenarios))
    assert summary_table(results, 3).equals(compare_summary(votes, 3, scenarios))


# --- helpers for the explorers: shares of the base, votes to pass, official seats ----------


def test_base_shares_are_per_cent_of_the_threshold_base():
    # Base 1,000 = 900 party votes + 100 'against all'.
    a = E.outcome({"A": 600, "B": 250, "C": 50}, 100, seats=10, threshold="5%")
    assert E.base_shares(a) == {"A": 60.0, "B": 25.0, "C": 5.0}
    by_votes = E.outcome({"A": 600, "B": 250, "C": 50}, 100, seats=10, threshold="5%",
                         base="votes")
    assert E.base_shares(by_votes)["A"] == pytest.approx(600 * 100 / 900)


def test_base_shares_needs_a_threshold_base():
    with pytest.raises(ValueError, match="allocation must have a threshold base"):
        E.base_shares(allocate({"A": 2, "B": 1}, 3))


@pytest.mark.parametrize("c_votes", [49, 50, 51])
def test_votes_to_pass_just_below_at_and_just_above_the_threshold(c_votes):
    # Base 1,000 = 950 party votes + 50 'against all': 5% is exactly 50 votes.
    a = E.outcome({"A": 600, "B": 350 - c_votes, "C": c_votes}, 50, seats=10, threshold="5%")
    assert E.votes_to_pass(a) == 50
    assert ("C" in a.eligible) == (c_votes >= 50)


def test_votes_to_pass_rounds_up_and_needs_one_more_for_a_strict_threshold():
    a = E.outcome({"A": 600, "B": 300, "C": 51}, 50, seats=10, threshold="5%")
    assert E.votes_to_pass(a) == 51  # 5% of 1,001 = 50.05
    strict = allocate({"A": 950, "B": 50}, 10, threshold=Threshold("5%", inclusive=False))
    assert E.votes_to_pass(strict) == 51
    assert E.votes_to_pass(allocate({"A": 2, "B": 1}, 3)) is None


def test_same_seats_counts_missing_parties_as_zero():
    assert E.same_seats({"A": 3, "B": 2, "C": 0}, {"A": 3, "B": 2})
    assert E.same_seats({"A": 3}, {"A": 3, "B": 0})
    assert not E.same_seats({"A": 3, "B": 2}, {"A": 3, "B": 1, "C": 1})
    assert not E.same_seats({"A": 3}, None)
    e = mazhilis_election(2023)
    counted = E.replay(e.votes, e.against_all, rules.mazhilis(2023)).seats
    assert E.same_seats(counted, e.official_seats)
