"""kzlib.presidency: term rules, the longest tenure they allow, presidential results."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlib import data, presidency
from kzlib.presidency import (
    FIRST_YEAR,
    LAST_YEAR,
    RULES,
    Term,
    TermRule,
    effective_number_of_candidates,
    max_tenure,
    presidential_votes,
    results_summary,
    tenure_table,
    tenure_years,
    term_rule,
    term_rules,
    turnout_pct,
    vote_shares,
)


@pytest.fixture(autouse=True)
def _no_override(monkeypatch):
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)


def spans(terms):
    return [(t.number, t.start, t.end) for t in terms]


# ------------------------------------------------------------------ rules from data


def test_rules_come_from_the_csv():
    rules = term_rules()
    assert tuple(rules) == RULES
    old = rules["old"]
    assert (old.term_years, old.max_terms, old.limit_kind) == (5, 2, "consecutive")
    first = rules["old_first_president"]
    assert (first.term_years, first.max_terms, first.limit_kind) == (5, None, "none")
    assert not first.limited
    new = term_rule("new")
    assert (new.term_years, new.max_terms, new.limit_kind) == (7, 1, "lifetime")
    assert new.limited
    assert "law amending the Constitution" in new.instrument
    assert "17 September 2022" in new.instrument
    for rule in rules.values():
        assert rule.source.startswith("http")


def test_rules_are_frozen():
    with pytest.raises(AttributeError):
        term_rule("new").term_years = 5  # type: ignore[misc]


@pytest.mark.parametrize("kwargs, message", [
    ({"term_years": 0, "max_terms": 1, "limit_kind": "lifetime"},
     r"term_years must be a positive integer, got 0"),
    ({"term_years": 5, "max_terms": 2, "limit_kind": "none"},
     r"max_terms must be None when limit_kind is 'none', got 2"),
    ({"term_years": 5, "max_terms": None, "limit_kind": "lifetime"},
     r"max_terms must be a positive integer"),
    ({"term_years": 5, "max_terms": 1, "limit_kind": "forever"}, r"limit_kind must be one of"),
])
def test_term_rule_validates(kwargs, message):
    with pytest.raises(ValueError, match=message):
        TermRule(name="x", label="x", **kwargs)


# ------------------------------------------------------------------ max_tenure, by hand


def test_old_rule_two_five_year_terms():
    terms = max_tenure(2019, "old")
    assert spans(terms) == [(1, 2019, 2024), (2, 2024, 2029)]
    assert tenure_years(terms) == 10


def test_new_rule_one_seven_year_term():
    assert spans(max_tenure(2022, "new")) == [(1, 2022, 2029)]
    assert tenure_years(max_tenure(2022, "new")) == 7


def test_first_president_exemption_fills_the_horizon():
    assert spans(max_tenure(2000, "old_first_president", horizon=30))[-1] == (6, 2025, 2030)
    assert len(max_tenure(2000, "old_first_president", horizon=30)) == 6
    assert len(max_tenure(2000, "old_first_president", horizon=31)) == 7  # a term begins in 2030
    assert len(max_tenure(2000, "old_first_president", horizon=1)) == 1
    assert len(max_tenure(2000, "old_first_president", horizon=5)) == 1
    assert len(max_tenure(2000, "old_first_president", horizon=6)) == 2


def test_horizon_does_not_change_a_limited_rule():
    assert max_tenure(2019, "old", horizon=1) == max_tenure(2019, "old", horizon=90)


def test_a_custom_rule_object_works():
    rule = TermRule(name="test", label="four-year terms, three in a row", term_years=4, max_terms=3,
                    limit_kind="consecutive")
    assert spans(max_tenure(2001, rule)) == [(1, 2001, 2005), (2, 2005, 2009), (3, 2009, 2013)]


def test_tenure_table_one_row_per_rule():
    table = tenure_table(2019)
    assert list(table.rule) == list(RULES)
    row = table.set_index("rule")
    assert (row.loc["old", "years_in_office"], row.loc["old", "last_year"]) == (10, 2029)
    assert (row.loc["new", "years_in_office"], row.loc["new", "last_year"]) == (7, 2026)
    first = row.loc["old_first_president"]
    assert (first["terms"], bool(first["limited"])) == (6, False)


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("args, kwargs, exc, message", [
    (("2019", "old"), {}, TypeError, r"start_year must be a whole year such as 2022, got '2019'"),
    ((True, "old"), {}, TypeError, r"start_year must be a whole year"),
    ((2019.0, "old"), {}, TypeError, r"start_year must be a whole year"),
    ((FIRST_YEAR - 1, "old"), {}, ValueError,
     rf"start_year must be between {FIRST_YEAR} and {LAST_YEAR}, got 1990"),
    ((LAST_YEAR + 1, "old"), {}, ValueError, r"start_year must be between"),
    ((2019, "bogus"), {}, ValueError,
     r"unknown rule 'bogus'; valid rules: old, old_first_president, new"),
    ((2019, 5), {}, TypeError, r"rule must be a rule name such as 'new' or a TermRule, got 5"),
    ((2019, "old"), {"horizon": 0}, ValueError, r"horizon must be at least 1 year, got 0"),
    ((2019, "old"), {"horizon": 2.5}, TypeError,
     r"horizon must be a whole number of years, got 2.5"),
])
def test_max_tenure_bad_input_names_the_argument(args, kwargs, exc, message):
    with pytest.raises(exc, match=message):
        max_tenure(*args, **kwargs)


def test_term_rule_bad_name():
    with pytest.raises(TypeError, match=r"rule must be a rule name"):
        term_rule(None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ properties


@given(start=st.integers(FIRST_YEAR, LAST_YEAR), name=st.sampled_from(RULES),
       horizon=st.integers(1, 80))
def test_terms_are_back_to_back_and_full_length(start, name, horizon):
    rule = term_rule(name)
    terms = max_tenure(start, rule, horizon=horizon)
    assert terms[0].start == start
    assert [t.number for t in terms] == list(range(1, len(terms) + 1))
    for previous, term in itertools.pairwise(terms):
        assert term.start == previous.end
    assert all(t.years == rule.term_years for t in terms)
    assert tenure_years(terms) == len(terms) * rule.term_years
    if rule.limited:
        assert len(terms) == rule.max_terms
    else:
        assert terms[-1].start < start + horizon <= terms[-1].end


@given(start=st.integers(FIRST_YEAR, LAST_YEAR))
def test_new_rule_is_shorter_than_two_old_terms(start):
    assert tenure_years(max_tenure(start, "new")) < tenure_years(max_tenure(start, "old"))


# ------------------------------------------------------------------ election results


def test_presidential_votes_2022_hand_checked():
    votes, against_all = presidential_votes(2022)
    assert votes["Kassym-Jomart Tokayev"] == 6456393
    assert against_all == 460484
    assert len(votes) == 6
    assert sum(votes.values()) + against_all == 7940478  # the CEC's percentage base (turnout.csv)


def test_presidential_votes_2019_has_no_against_all():
    votes, against_all = presidential_votes(2019)
    assert against_all == 0
    assert len(votes) == 7
    assert sum(votes.values()) == 9216410  # valid votes (ElectionGuide)


@pytest.mark.parametrize("year", [2019, 2022])
def test_reported_percentages_are_shares_of_candidates_plus_against_all(year):
    votes, against_all = presidential_votes(year)
    base = sum(votes.values()) + against_all
    for row in data.read_rows("presidential_results"):
        if int(row["year"]) == year:
            assert abs(int(row["votes"]) * 100 / base - float(row["percent_reported"])) < 0.01


def test_effective_number_of_candidates_by_hand():
    votes, _ = presidential_votes(2019)
    total = sum(votes.values())
    expected = 1 / sum((v / total) ** 2 for v in votes.values())
    assert math.isclose(effective_number_of_candidates(2019), expected)
    assert round(effective_number_of_candidates(2019), 2) == 1.87
    assert round(effective_number_of_candidates(2022), 2) == 1.34
    # 'against all' adds an option in 2022 only
    with_against_all = {y: effective_number_of_candidates(y, include_against_all=True)
                        for y in (2019, 2022)}
    assert with_against_all[2022] > effective_number_of_candidates(2022)
    assert with_against_all[2019] == effective_number_of_candidates(2019)


def test_turnout_from_turnout_csv():
    assert turnout_pct(2022) == 69.44
    assert turnout_pct(2019) == 77.54


def test_results_summary():
    table = results_summary().set_index("year")
    assert list(table.index) == [2019, 2022]
    assert table.loc[2022, "winner"] == "Kassym-Jomart Tokayev"
    assert (table.loc[2019, "winner_pct"], table.loc[2022, "winner_pct"]) == (70.96, 81.31)
    assert (table.loc[2019, "against_all_pct"], table.loc[2022, "against_all_pct"]) == (0.0, 5.8)
    assert (table.loc[2019, "runner_up_pct"], table.loc[2022, "runner_up_pct"]) == (16.23, 3.42)
    assert (table.loc[2019, "candidates"], table.loc[2022, "candidates"]) == (7, 6)
    assert table.loc[2022, "enc"] < table.loc[2019, "enc"]


@pytest.mark.parametrize("year", [2019, 2022])
def test_vote_shares_are_of_candidates_plus_against_all(year):
    votes, against_all = presidential_votes(year)
    base = sum(votes.values()) + against_all  # the CEC's base, typed out here
    shares = vote_shares(year)
    expected = {name: round(v * 100 / base, 2) for name, v in votes.items()}
    if against_all:
        expected["Against all"] = round(against_all * 100 / base, 2)
    assert shares == expected
    ranked = [name for name in shares if name != "Against all"]
    assert ranked == sorted(votes, key=votes.get, reverse=True)  # the winner first
    assert ("Against all" in shares) == (year == 2022)
    assert abs(sum(shares.values()) - 100) < 0.05


def test_vote_shares_of_2022():
    shares = vote_shares(2022)
    assert list(shares.items())[0] == ("Kassym-Jomart Tokayev", 81.31)
    assert list(shares.items())[-1] == ("Against all", 5.8)


@pytest.mark.parametrize("call, exc, message", [
    (lambda: vote_shares(2020), ValueError, r"year must be one of 2019, 2022, got 2020"),
    (lambda: presidential_votes(2015), ValueError, r"year must be one of 2019, 2022, got 2015"),
    (lambda: presidential_votes("2022"), TypeError, r"year must be an integer"),
    (lambda: turnout_pct(2020), ValueError, r"year must be one of 2019, 2022"),
    (lambda: effective_number_of_candidates(2022, include_against_all=1), TypeError,
     r"include_against_all must be True or False, got 1"),
])
def test_results_bad_input(call, exc, message):
    with pytest.raises(exc, match=message):
        call()


def test_term_values():
    t = Term(1, 2022, 2029)
    assert t.years == 7


def test_importing_presidency_keeps_pandas_out():
    assert "pd" not in presidency.__dict__ and "pandas" not in presidency.__dict__


# ------------------------------------------------------------------ rules by era (issue 13)


def test_eras_cover_every_year_from_1995_once():
    eras = presidency.term_eras()
    for year in range(presidency.ERA_FIRST_YEAR, 2101):
        assert sum(e.covers(year) for e in eras.values()) == 1


@pytest.mark.parametrize(("year", "era"), [(1995, "1995"), (1997, "1995"), (1998, "1998"),
                                           (2006, "1998"), (2007, "2007"), (2021, "2007"),
                                           (2022, "2022"), (2040, "2022")])
def test_era_for_switches_in_the_year_the_rule_changed(year, era):
    assert presidency.era_for(year).name == era


def test_era_for_refuses_years_before_1995():
    with pytest.raises(ValueError, match="1995"):
        presidency.era_for(1994)


def test_era_tenure_respects_the_rule_of_the_year():
    t = presidency.era_tenure(2000)  # the 1998 rule: 7 years, no limit
    assert t.era.name == "1998" and not t.limited and t.changed_in == 2007
    assert {term.years for term in t.terms} == {7}
    t = presidency.era_tenure(2019)
    assert (t.era.name, t.years, t.end, t.changed_in) == ("2007", 10, 2029, 2022)
    t = presidency.era_tenure(2022)
    assert (t.years, t.end, t.changed_in) == (7, 2029, None)


def test_first_president_exemption_only_where_the_era_had_one():
    assert not presidency.era_tenure(2011, first_president=True).limited
    assert presidency.era_tenure(2011, first_president=False).years == 10
    fp_1995 = presidency.era_tenure(1995, first_president=True)
    assert fp_1995.limited and not fp_1995.first_president
    assert presidency.era_tenure(2023, first_president=True).years == 7
    with pytest.raises(TypeError, match="first_president"):
        presidency.era_tenure(2011, first_president=1)


def test_real_tenures_meet_in_2019():
    spans = [t for t in presidency.real_tenures() if t.kind == "in office"]
    assert spans[0].to_year == spans[1].from_year == 2019
    assert spans[1].to_year == 2029
