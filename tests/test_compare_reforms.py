"""kzlib.compare.reforms: before/after rows from data/reform_changes.csv and chamber composition."""

from __future__ import annotations

import csv
import datetime
import shutil
from pathlib import Path

import pytest

from kzlib import data
from kzlib.compare import reforms
from kzlib.compare.reforms import (
    CHAMBERS,
    PERIODS,
    TOPICS,
    Change,
    aspects,
    before_after,
    change,
    composition,
    composition_table,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COLUMNS = ["topic", "aspect", "before", "after", "effective", "instrument", "status", "source"]


@pytest.fixture(autouse=True)
def _no_override(monkeypatch):
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of data/ that a test may edit."""
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


# ------------------------------------------------------------------ before_after


def test_before_after_has_the_schema_columns_and_every_row():
    table = before_after()
    assert list(table.columns) == COLUMNS
    with open(DATA_DIR / "reform_changes.csv", newline="", encoding="utf-8") as fh:
        assert len(table) == sum(1 for _ in csv.DictReader(fh))
    assert set(table.topic) <= set(TOPICS)
    assert list(table.index) == list(range(len(table)))


@pytest.mark.parametrize("topic", ["presidency", "parliament", "institutions", "elections"])
def test_before_after_filters_one_topic(topic):
    table = before_after(topic)
    assert len(table) > 0
    assert set(table.topic) == {topic}
    assert list(table.index) == list(range(len(table)))
    assert list(table.aspect) == aspects(topic)


def test_every_row_is_sourced_and_aspects_are_unique_per_topic():
    table = before_after()
    assert table.source.str.match(r"https?://").all()
    assert (table.after != "").all()
    assert not table.duplicated(["topic", "aspect"]).any()


# ------------------------------------------------------------------ hand-checked rows


def test_presidential_term_is_a_law_amending_the_constitution_not_the_referendum():
    c = change("presidency", "term length")
    assert isinstance(c, Change)
    assert (c.before, c.after) == ("5 years", "7 years")
    assert c.effective == datetime.date(2022, 9, 17)
    assert "law amending the Constitution" in c.instrument
    assert "referendum" not in c.instrument.lower()
    assert "constitutional law" not in c.instrument.lower()
    assert c.verified


def test_senate_appointees_row_agrees_with_senate_csv():
    c = change("parliament", "Senate appointees")
    senate = data.load("senate")

    def seats(period: str, component: str) -> int:
        row = senate[(senate.period == period) & (senate.component == component)]
        return int(row.seats.iloc[0])

    before = seats("before 2023", "appointed")
    after = seats("from 2023", "appointed")
    apk = seats("from 2023", "appointed_on_apk_proposal")
    assert c.before.startswith(f"{before} ")
    assert c.after.startswith(f"{after} ") and f"{apk} of them" in c.after
    assert c.effective == datetime.date(2023, 1, 24)


def test_term_rows_agree_with_presidential_term_rules():
    rules = {r["rule"]: r for r in data.read_rows("presidential_term_rules")}
    c = change("presidency", "term length")
    assert c.before == f"{rules['old']['term_years']} years"
    assert c.after == f"{rules['new']['term_years']} years"


def test_mazhilis_rows_agree_with_mazhilis_composition():
    comp = data.load("mazhilis_composition")
    before = int(comp[comp.period == "before 2023"].seats.sum())
    after = int(comp[comp.period == "from 2023"].seats.sum())
    c = change("parliament", "Mazhilis size")
    assert (c.before, c.after) == (f"{before} deputies", f"{after} deputies")


def test_prosecution_claim_is_marked_unverified():
    c = change("institutions", "prosecution")
    assert not c.verified
    assert c.status.startswith("unverified")
    unverified = before_after()
    unverified = unverified[unverified.status.str.lower().str.startswith("unverified")]
    pairs = set(zip(unverified.topic, unverified.aspect, strict=True))
    assert ("institutions", "prosecution") in pairs


def test_constitutional_court_row():
    c = change("institutions", "Constitutional Court")
    assert c.effective == datetime.date(2023, 1, 1)
    assert "11 judges" in c.after
    assert "Constitutional Council" in c.before


def test_missing_date_is_none():
    assert change("parliament", "law-making").effective is None


def test_change_reads_the_data_it_is_given(data_copy):
    path = data_copy / "reform_changes.csv"
    text = path.read_text(encoding="utf-8").replace(
        "presidency,term length,5 years,7 years", "presidency,term length,5 years,9 years")
    path.write_text(text, encoding="utf-8")
    assert change("presidency", "term length", data_dir=data_copy).after == "9 years"
    assert change("presidency", "term length").after == "7 years"


def test_topic_without_rows_has_no_aspects(data_copy):
    path = data_copy / "reform_changes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("akims,")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert aspects("akims", data_dir=data_copy) == []
    with pytest.raises(ValueError, match=r"none recorded yet"):
        change("akims", "rural akims", data_dir=data_copy)


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("call", [
    lambda: before_after("president"),
    lambda: aspects("president"),
    lambda: change("president", "term length"),
])
def test_unknown_topic_lists_valid_topics(call):
    message = r"unknown topic 'president'; valid topics: presidency, parliament"
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    "call", [lambda: before_after(3), lambda: aspects(None), lambda: change(1, "x")]
)
def test_non_string_topic_is_a_type_error(call):
    with pytest.raises(TypeError, match=r"topic must be a string"):
        call()


def test_unknown_aspect_lists_the_valid_ones():
    with pytest.raises(ValueError, match=r"unknown aspect 'term' for topic 'presidency'; "
                                         r"valid aspects: 'term length', 're-election'"):
        change("presidency", "term")
    with pytest.raises(TypeError, match=r"aspect must be a string"):
        change("presidency", 7)


# ------------------------------------------------------------------ composition


def seats(chamber, period):
    return {s.component: s.seats for s in composition(chamber, period)}


def test_mazhilis_composition_hand_checked():
    assert seats("Mazhilis", "before 2023") == {"party_list": 98, "apk": 9}
    assert seats("Mazhilis", "from 2023") == {"party_list": 69, "single_member": 29}


def test_senate_composition_from_senate_csv():
    after = composition("Senate", "from 2023")
    assert {s.component: s.seats for s in after} == {
        "elected": 40, "appointed_by_president": 5, "appointed_on_apk_proposal": 5}
    own = next(s for s in after if s.component == "appointed_by_president")
    assert own.derived and own.note.startswith("derived")
    before = {s.component: s for s in composition("Senate", "before 2023")}
    # 2 senators x 17 regions and cities (until 8 June 2022): DERIVED, not sourced as a total.
    assert before["elected"].seats == 34 and before["elected"].derived
    assert before["elected"].note == "derived: 2 per region x 17 regions and cities"
    assert before["appointed_by_president"].seats == 15
    assert not before["appointed_by_president"].derived


def test_senate_before_is_unknown_without_the_rows_it_is_derived_from(data_copy):
    path = data_copy / "senate.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join(ln for ln in lines if ",regions," not in ln) + "\n")
    before = {s.component: s for s in composition("Senate", "before 2023", data_copy)}
    assert before["elected"].seats is None
    totals = composition_table(data_copy).set_index(["chamber", "period", "component"])
    assert totals.loc[("Senate", "before 2023", "total"), "status"].startswith("unknown")
    with pytest.raises(ValueError, match="elected by maslikhat deputies not in data/"):
        reforms.chamber_mix("Senate", "before 2023", data_copy)


def test_composition_table_totals_say_how_they_are_known():
    table = composition_table()
    totals = table[table.component == "total"].set_index(["chamber", "period"])
    assert int(totals.loc[("Mazhilis", "before 2023"), "seats"]) == 107
    assert int(totals.loc[("Mazhilis", "from 2023"), "seats"]) == 98
    assert totals.loc[("Mazhilis", "from 2023"), "status"].startswith("derived")
    assert int(totals.loc[("Senate", "from 2023"), "seats"]) == 50
    assert not totals.loc[("Senate", "from 2023"), "status"].startswith("derived")
    assert int(totals.loc[("Senate", "before 2023"), "seats"]) == 49
    assert totals.loc[("Senate", "before 2023"), "status"].startswith("derived")
    # every chamber and period appears, parts in the documented order
    pairs = set(zip(table.chamber, table.period, strict=True))
    assert pairs == {(c, p) for c in CHAMBERS for p in PERIODS}


def test_senate_2023_parts_add_up_to_the_sourced_total():
    senate = data.load("senate")
    row = senate[(senate.period == "from 2023") & (senate.component == "total")]
    total = int(row.seats.iloc[0])
    assert sum(s.seats for s in composition("Senate", "from 2023")) == total


@pytest.mark.parametrize("args, exc, message", [
    (("Majilis", "from 2023"), ValueError, r"unknown chamber 'Majilis'; valid: Mazhilis, Senate"),
    (("Senate", "2023"), ValueError, r"unknown period '2023'; valid: before 2023, from 2023"),
    ((None, "from 2023"), TypeError, r"chamber must be a string"),
])
def test_composition_bad_input(args, exc, message):
    with pytest.raises(exc, match=message):
        composition(*args)


def test_module_keeps_pandas_out_of_import():
    assert "pandas" not in reforms.__dict__


# ------------------------------------------------------------------ chambers from channels


def test_senate_shares_before_and_after():
    before, after = reforms.chamber_mix("Senate", "before 2023"), reforms.chamber_mix(
        "Senate", "from 2023")
    assert (before.total, before.appointed, before.unconstrained) == (49, 15, 15)
    assert (after.total, after.appointed, after.unconstrained) == (50, 10, 5)
    assert round(before.president_share, 1) == 30.6
    assert after.president_share == 20.0 and after.unconstrained_share == 10.0
    assert before.by_voters == after.by_voters == 0


def test_channels_reproduce_the_real_chambers():
    for period in PERIODS:
        mix = reforms.parliament_mix(**reforms.chamber_channels(period))
        assert mix.senate == reforms.chamber_mix("Senate", period)
        assert mix.mazhilis == reforms.chamber_mix("Mazhilis", period)
    after = reforms.chamber_channels("from 2023")
    assert (after["regions"], after["per_region"], after["on_apk_proposal"]) == (20, 2, 5)


def test_mix_arithmetic():
    mix = reforms.senate_mix(regions=20, per_region=2, appointed=15)
    assert (mix.total, mix.count("elected")) == (55, 40)
    assert round(mix.president_share, 2) == 27.27
    mazhilis = reforms.mazhilis_mix(party_list=69, single_member=29, apk=0)
    assert mazhilis.voters_share == 100.0 and mazhilis.appointed == 0
    both = reforms.parliament_mix(20, 2, 10, 5, 69, 29, 0)
    assert round(both.president_share, 2) == round(100 * 10 / 148, 2)


@pytest.mark.parametrize("kwargs, exc, message", [
    ({"regions": 17, "per_region": 2, "appointed": 5, "on_apk_proposal": 6}, ValueError,
     r"on_apk_proposal \(6\) cannot be larger than appointed \(5\)"),
    ({"regions": 0, "per_region": 2, "appointed": 0}, ValueError,
     "the Senate must have at least one seat, got 0"),
    ({"regions": -1, "per_region": 2, "appointed": 0}, ValueError, "regions must be from 0 to"),
    ({"regions": 17.0, "per_region": 2, "appointed": 0}, TypeError,
     "regions must be a whole number of seats, got 17.0"),
    ({"regions": 17, "per_region": True, "appointed": 0}, TypeError, "per_region must be"),
])
def test_senate_mix_refuses_bad_channels(kwargs, exc, message):
    with pytest.raises(exc, match=message):
        reforms.senate_mix(**kwargs)


def test_before_after_text_has_no_missing_dates():
    table = reforms.before_after_text("institutions")
    assert "no date in our sources" in set(table.effective)
    assert not table.effective.isna().any()
    assert list(table.columns) == COLUMNS


def test_appointee_table():
    table = reforms.appointee_table()
    assert table.loc["before 2023", "share appointed (%)"] == 30.6
    assert table.loc["from 2023", "share picked freely (%)"] == 10.0
