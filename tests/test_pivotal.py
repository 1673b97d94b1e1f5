"""kzlib.pivotal: pivotal votes, checked against brute force (every answer achievable, one
vote fewer not), the 2023 hand-worked cases, and bad input."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzlib import Threshold, TieError, rules
from kzlib.cases import mazhilis_election
from kzlib.pivotal import REASONS, against_all_margin, margins, margins_table, transfer

MAZHILIS = rules.mazhilis(2023)


def seats_when(rule_set, votes, seats, against_all, ballots, order):
    """Seats by party under ``rule_set`` (all zero if no list can be admitted)."""
    try:
        return rule_set.allocate_list(votes, against_all=against_all, seats=seats,
                                      ballots=ballots, tie_break=order).seats
    except TieError:
        raise
    except ValueError:
        return dict.fromkeys(votes, 0)


def order_with(parties, first=None, last=None):
    middle = [p for p in parties if p not in (first, last)]
    return ([first] if first else []) + middle + ([last] if last else [])


@st.composite
def elections(draw):
    k = draw(st.integers(2, 4))
    names = ["A", "B", "C", "D"][:k]
    votes = {p: draw(st.integers(0, 40)) for p in names}
    if not any(votes.values()):
        votes["A"] = 1
    method = draw(st.sampled_from(["hare", "droop", "dhondt", "sainte-lague"]))
    share = draw(st.sampled_from(["0", "5%", "20%", "30%"]))
    base = draw(st.sampled_from(["votes", "votes_and_against_all", "ballots"]))
    inclusive = draw(st.booleans())
    rule_set = replace(
        MAZHILIS,
        method=method,
        threshold=Threshold(share, base=base, inclusive=inclusive),
        one_party_rule=draw(st.booleans()),
    )
    seats = draw(st.integers(1, 7))
    against_all = draw(st.integers(0, 15))
    ballots = sum(votes.values()) + against_all + draw(st.integers(0, 10))
    return votes, rule_set, seats, against_all, ballots


def counted(election, order=None):
    votes, rule_set, seats, against_all, ballots = election
    return seats_when(rule_set, votes, seats, against_all, ballots, order)


def own_votes(election, party, x, order):
    """Seats of ``party`` with x votes; the base and the ballots move with x."""
    votes, rule_set, seats, against_all, ballots = election
    shifted = {**votes, party: x}
    return seats_when(rule_set, shifted, seats, against_all, ballots + x - votes[party],
                      order)[party]


def settle(election):
    """The margins, or None when the election itself rests on a tie or admits nobody."""
    votes, rule_set, seats, against_all, ballots = election
    try:
        return margins(votes, rule_set, against_all=against_all, seats=seats, ballots=ballots)
    except TieError:
        return None
    except ValueError as error:
        assert "no list passes" in str(error) or "eligible" in str(error)
        return None


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections())
def test_gain_and_loss_against_brute_force(election):
    found = settle(election)
    if found is None:
        return
    votes = election[0]
    house = election[2]
    for party, margin in found.items():
        v, s = votes[party], margin.seats
        assert s == counted(election)[party]
        # gain: the party loses every tie, so a level remainder is not a win.
        lose_ties = order_with(votes, last=party)
        if margin.gain is None:
            assert s == house or all(
                own_votes(election, party, x, lose_ties) <= s for x in range(v + 1, v + 400)
            )
        else:
            g = margin.gain.votes
            assert own_votes(election, party, v + g, lose_ties) > s  # achievable
            assert all(own_votes(election, party, x, lose_ties) <= s for x in range(v + 1, v + g))
            assert margin.gain.changes[party] >= 1 and margin.gain.reason in REASONS
        # loss: the party wins every tie, so a level remainder does not lose a seat.
        win_ties = order_with(votes, first=party)
        if margin.loss is None:
            assert s == 0
        else:
            d = margin.loss.votes
            assert 1 <= d <= v
            assert own_votes(election, party, v - d, win_ties) < s  # achievable
            assert all(own_votes(election, party, y, win_ties) >= s for y in range(v - d + 1, v))
            assert margin.loss.changes[party] <= -1 and margin.loss.reason in REASONS


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(elections(), st.data())
def test_transfer_against_brute_force(election, data):
    if settle(election) is None:
        return
    votes, rule_set, seats, against_all, ballots = election
    source, target = data.draw(st.permutations(list(votes)))[:2]
    move = transfer(votes, rule_set, source, target, against_all=against_all, seats=seats,
                    ballots=ballots)
    order = order_with(votes, first=source, last=target)
    baseline = counted(election, order)

    def after(t):
        moved = {**votes, source: votes[source] - t, target: votes[target] + t}
        return seats_when(rule_set, moved, seats, against_all, ballots, order)

    if move is None:
        assert all(after(t) == baseline for t in range(1, votes[source] + 1))
        return
    assert after(move.votes) != baseline  # achievable
    assert all(after(t) == baseline for t in range(1, move.votes))  # nothing fewer does
    assert move.changes == {p: after(move.votes)[p] - baseline[p]
                            for p in votes if after(move.votes)[p] != baseline[p]}


@settings(max_examples=150, deadline=None)
@given(elections())
def test_against_all_against_brute_force(election):
    if settle(election) is None:
        return
    votes, rule_set, seats, against_all, ballots = election
    move = against_all_margin(votes, rule_set, against_all=against_all, seats=seats,
                              ballots=ballots)
    baseline = counted(election)

    def after(t):
        return seats_when(rule_set, votes, seats, against_all + t, ballots + t, list(votes))

    limit = 20 * (sum(votes.values()) + against_all + ballots + 1)
    if move is None:
        assert all(after(t) == baseline for t in range(1, limit, 7))
        return
    assert after(move.votes) != baseline
    assert all(after(t) == baseline for t in range(1, move.votes))


def test_transfer_under_the_one_party_rule():
    # Only C passes (30% of 170 ballots must be exceeded); B is admitted as runner-up at
    # 0.7 of its votes. Moving votes from C to A shrinks C's share of the pair: B's third
    # seat comes at 49 votes moved (found by brute force), before A passes at 52.
    rule_set = replace(MAZHILIS, threshold=Threshold("30%", base="ballots", inclusive=False))
    move = transfer({"A": 0, "B": 51, "C": 113}, rule_set, "C", "A", seats=7, ballots=170)
    assert (move.votes, move.changes) == (49, {"B": 1, "C": -1})


# --------------------------------------------------------------------------- 2023 by hand


@pytest.fixture(scope="module")
def e2023():
    return mazhilis_election(2023)


def test_jsdp_above_the_line_2023(e2023):
    m = margins(e2023.votes, MAZHILIS, against_all=e2023.against_all)
    jsdp = m["JSDP"]
    base = sum(e2023.votes.values()) + e2023.against_all  # 6,366,441
    assert base == 6_366_441
    assert jsdp.above_line == 331_058 - Fraction(base, 20) == Fraction(1_273_595, 100)
    # Losing d votes (and d from the base): below 5% once (331,058 − d)·20 < 6,366,441 − d.
    d = jsdp.loss.votes
    assert (331_058 - d) * 20 < base - d and (331_058 - d + 1) * 20 >= base - d + 1
    assert jsdp.loss.reason == "threshold" and jsdp.loss.changes["JSDP"] == -4


def test_amanat_to_respublica_2023_by_brute_force(e2023):
    move = transfer(e2023.votes, MAZHILIS, "Amanat", "Respublica",
                    against_all=e2023.against_all)
    assert move.votes == 14_159
    assert move.changes == {"Amanat": -1, "Respublica": 1}
    official = dict(e2023.official_seats)
    # Every smaller transfer leaves the official seats; this one gives Respublica a 7th.
    for t in [*range(1, move.votes, 97), move.votes - 1]:
        votes = {**e2023.votes, "Amanat": 3_431_510 - t, "Respublica": 547_154 + t}
        assert MAZHILIS.allocate_list(votes, against_all=e2023.against_all).seats == official
    votes = {**e2023.votes, "Amanat": 3_431_510 - 14_159, "Respublica": 547_154 + 14_159}
    assert MAZHILIS.allocate_list(votes, against_all=e2023.against_all).seats["Respublica"] == 7


def test_margins_table_2023(e2023):
    found = margins(e2023.votes, MAZHILIS, against_all=e2023.against_all)
    table = margins_table(found).set_index("party")
    assert list(table.index) == list(e2023.votes)
    for party, m in found.items():
        assert table.loc[party, "seats"] == m.seats
        if m.gain is not None:
            assert table.loc[party, "gain_votes"] == m.gain.votes
    jsdp = table.loc["JSDP"]
    assert (jsdp["loss_votes"], jsdp["loss_to"]) == (13_407, "Amanat, Respublica, Ak Zhol")
    assert jsdp["loss_reason"] == REASONS["threshold"]
    assert table["loss_votes"].isna().tolist() == [False] * 6 + [True]  # Baitaq has no seat


def test_a_tie_break_is_used_when_given():
    # A and B level for the last seat: without a tie rule the count itself raises.
    votes = {"A": 5, "B": 5}
    two = replace(MAZHILIS, threshold=Threshold("0"), one_party_rule=False)
    with pytest.raises(TieError):
        margins(votes, two, seats=1)
    m = margins(votes, two, seats=1, tie_break=["A", "B"])
    assert (m["A"].seats, m["B"].seats) == (1, 0)
    assert m["B"].gain.votes == 1 and m["A"].loss.votes == 1


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: margins({"A": 5}, "mazhilis"), TypeError, "rules must be a RuleSet"),
        (lambda: margins({}, MAZHILIS), TypeError, "votes must be a non-empty mapping"),
        (lambda: margins({"A": 2.5}, MAZHILIS), TypeError, r"votes\['A'\] must be a whole"),
        (lambda: margins({"A": -1, "B": 3}, MAZHILIS), ValueError, r"votes\['A'\] must be non"),
        (lambda: margins({"A": 5}, MAZHILIS, against_all=-2), ValueError, "against_all"),
        (lambda: margins({"A": 1, "B": 0}, MAZHILIS, against_all=100), ValueError,
         "no list passes"),
        (lambda: transfer({"A": 5, "B": 3}, MAZHILIS, "A", "Z"), ValueError,
         "target must be one of"),
        (lambda: transfer({"A": 5, "B": 3}, MAZHILIS, "A", "A"), ValueError,
         "target must differ"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()
