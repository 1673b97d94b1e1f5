"""kzlib.uncertainty: seat ranges around a result, reproducible and exact per draw."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from kzlib import allocate, rules
from kzlib.cases import mazhilis_election
from kzlib.uncertainty import draw_votes, seat_ranges

E23 = mazhilis_election(2023)
RULES = {"2023": rules.mazhilis(2023), "2026": rules.kurultai(2026)}


@pytest.fixture(scope="module")
def ranges():
    return seat_ranges(E23.votes, RULES, against_all=E23.against_all, sample_size=2000)


def test_fixed_seed_gives_exact_numbers(ranges):
    r, k = ranges["2023"], ranges["2026"]
    assert (r.draws, r.house, k.house) == (10_000, 69, 145)
    assert r.quantiles() == {"Amanat": (38, 40, 43), "Auyl": (7, 8, 9), "Respublica": (6, 6, 7),
                             "Ak Zhol": (5, 6, 7), "QHP": (4, 5, 6), "JSDP": (0, 4, 4),
                             "Baitaq": (0, 0, 0)}
    assert k.quantiles()["Amanat"] == (81, 84, 90)
    assert r.p_passes()["JSDP"] == k.p_passes()["JSDP"] == 0.6464
    assert (r.p_majority(), r.p_two_thirds()) == (1.0, 0.0)
    again = seat_ranges(E23.votes, RULES, against_all=E23.against_all, sample_size=2000)
    assert np.array_equal(again["2023"].seats, r.seats)
    other = seat_ranges(E23.votes, RULES, against_all=E23.against_all, sample_size=2000, seed=1)
    assert not np.array_equal(other["2023"].seats, r.seats)


def test_every_draw_is_counted_as_allocate_counts_it(ranges):
    party_votes, against = draw_votes(E23.votes, against_all=E23.against_all,
                                      sample_size=2000, draws=10_000, seed=2023)
    parties = list(E23.votes)
    for label, rule in RULES.items():
        seats = ranges[label].seats
        for row in range(0, 10_000, 97):  # about a hundred draws, spread over the array
            votes = dict(zip(parties, map(int, party_votes[row]), strict=True))
            result = allocate(votes, rule.list_seats, rule.method, rule.threshold,
                              against_all=int(against[row]))
            assert list(result.seats.values()) == seats[row].tolist()
            passing = [p in result.eligible for p in parties]
            assert ranges[label].passes[row].tolist() == passing


def test_draws_keep_the_total_and_centre_on_the_result():
    party_votes, against = draw_votes(E23.votes, against_all=E23.against_all,
                                      sample_size=50_000, draws=4000, seed=7)
    total = sum(E23.votes.values()) + E23.against_all
    sums = party_votes.sum(axis=1) + against
    assert np.all(np.abs(sums - total) <= len(E23.votes) + 1)  # rounding only
    shares = party_votes.mean(axis=0) / total
    expected = np.array(list(E23.votes.values())) / total
    assert np.allclose(shares, expected, atol=0.001)
    # Less certainty, wider spread: the standard deviation of a share ~ sqrt(p(1-p)/n).
    wide, _ = draw_votes(E23.votes, against_all=E23.against_all, sample_size=500, draws=4000)
    assert wide[:, 0].std() > 5 * party_votes[:, 0].std()


def test_a_party_without_votes_gets_none_and_distribution_sums_to_one(ranges):
    votes = dict(E23.votes, Nobody=0)
    party_votes, _ = draw_votes(votes, sample_size=300, draws=50)
    assert not party_votes[:, -1].any()
    dist = ranges["2026"].distribution("JSDP")
    assert sum(dist.values()) == pytest.approx(1.0)
    assert dist[0] == pytest.approx(1 - 0.6464)


def test_the_one_party_rule_is_applied_where_one_list_passes():
    # 2007: only Nur Otan passes 7%; the 2021 rule set admits the runner-up.
    e = mazhilis_election(2007)
    out = seat_ranges(e.votes, {"2021": rules.mazhilis(2021)}, sample_size=50_000, draws=200)
    seats = out["2021"].seats
    assert np.all((seats > 0).sum(axis=1) == 2)


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"sample_size": 0}, ValueError, "sample_size must be a positive number of voters, got 0"),
    ({"sample_size": -5.0}, ValueError, "sample_size must be a positive"),
    ({"sample_size": float("nan")}, ValueError, "sample_size must be a positive"),
    ({"sample_size": "2000"}, TypeError, "sample_size must be a number of voters, got '2000'"),
    ({"sample_size": True}, TypeError, "sample_size must be a number"),
    ({"sample_size": 100, "draws": 0}, ValueError, "draws must be a positive integer, got 0"),
    ({"sample_size": 100, "draws": 2.5}, ValueError, "draws must be a positive integer"),
    ({"sample_size": 100, "seed": -1}, ValueError, "seed must be 0 or more, got -1"),
    ({"sample_size": 100, "seed": 1.5}, TypeError, "seed must be a whole number, got 1.5"),
    ({"sample_size": 100, "against_all": -3}, ValueError, "against_all must be >= 0"),
])
def test_bad_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        seat_ranges({"A": 60, "B": 40}, {"x": rules.mazhilis(2023)}, **kwargs)


def test_bad_votes_and_rules_are_named():
    with pytest.raises(ValueError, match="votes must contain some votes"):
        draw_votes({"A": 0}, sample_size=10)
    with pytest.raises(ValueError, match="votes"):
        draw_votes({"A": -1}, sample_size=10)
    with pytest.raises(TypeError, match="rules must be a non-empty mapping"):
        seat_ranges({"A": 1}, {}, sample_size=10)
    with pytest.raises(TypeError, match="rules must be RuleSets"):
        seat_ranges({"A": 1}, {"x": "5%"}, sample_size=10)
    with pytest.raises(ValueError, match="rules must have a fixed number of list seats"):
        seat_ranges({"A": 1}, {"x": rules.maslikhat(2023, "regional")}, sample_size=10)


def test_import_kzlib_does_not_import_numpy():
    code = "import sys, kzlib; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
