"""Indices: hand-checkable values and bad input."""

import pytest

from kzlib import allocate
from kzlib.indices import (
    effective_number_of_parties,
    gallagher,
    loosemore_hanby,
    wasted_vote_share,
)


def test_gallagher_by_hand():
    # Vote shares 50/30/20, seat shares 60/40/0: differences 10, 10, 20 points;
    # sqrt((100 + 100 + 400) / 2) = sqrt(300) = 17.32.
    votes, seats = {"A": 50, "B": 30, "C": 20}, {"A": 6, "B": 4, "C": 0}
    assert gallagher(votes, seats) == pytest.approx(17.3205, abs=1e-4)


def test_loosemore_hanby_by_hand():
    votes, seats = {"A": 50, "B": 30, "C": 20}, {"A": 6, "B": 4, "C": 0}
    assert loosemore_hanby(votes, seats) == pytest.approx(20)


def test_perfect_proportionality_scores_zero():
    assert gallagher({"A": 2, "B": 1}, {"A": 4, "B": 2}) == 0
    assert loosemore_hanby({"A": 2, "B": 1}, {"A": 4, "B": 2}) == 0


def test_effective_number():
    assert effective_number_of_parties({"A": 1, "B": 1, "C": 1, "D": 1}) == pytest.approx(4)
    assert effective_number_of_parties({"A": 10, "B": 0}) == pytest.approx(1)
    # 0.5^2 + 0.3^2 + 0.2^2 = 0.38 -> 2.63
    assert effective_number_of_parties({"A": 50, "B": 30, "C": 20}) == pytest.approx(1 / 0.38)


def test_wasted_votes_with_against_all():
    votes = {"A": 700, "B": 200, "C": 50}
    seats = allocate(votes, 10, threshold="7%").seats
    assert wasted_vote_share(votes, seats) == pytest.approx(100 * 50 / 950)
    assert wasted_vote_share(votes, seats, against_all=50) == pytest.approx(100 * 100 / 1000)


def test_parties_missing_from_one_side_count_as_zero():
    assert gallagher({"A": 50, "B": 50}, {"A": 2}) == pytest.approx(50)


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: gallagher({"A": -1}, {"A": 1}), ["votes['A']", "-1"]),
        (lambda: gallagher([1, 2], {"A": 1}), ["votes", "mapping"]),
        (lambda: effective_number_of_parties({"A": 0}), ["values", "positive total"]),
        (lambda: loosemore_hanby({"A": 1}, {"A": "x"}), ["seats['A']", "'x'"]),
        (lambda: wasted_vote_share({"A": 1}, {"A": 1}, against_all=-2), ["against_all", "-2"]),
    ],
)
def test_bad_input(call, words):
    with pytest.raises((TypeError, ValueError)) as err:
        call()
    for word in words:
        assert word in str(err.value)
