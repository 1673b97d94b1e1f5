"""Tests for data/*.csv and kzlib.data: schemas, sources and arithmetic reconciliation.

The reconciliation tests check the sourced figures against each other (sums, totals,
percentage bases); a typo in any copied figure makes at least one of them fail.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from kzlib import cases, data
from kzlib.data import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(autouse=True)
def _no_override(monkeypatch):
    """Every test reads the repository's data/ unless it says otherwise."""
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)


def turnout_value(election: str, measure: str) -> float:
    """The single value of one measure in turnout.csv (fails if there are several)."""
    t = data.load("turnout")
    rows = t[(t.election == election) & (t.measure == measure)]
    assert len(rows) == 1, f"expected one {election}/{measure} row, got {len(rows)}"
    return float(rows.value.iloc[0])


def mazhilis_votes(year: int) -> tuple[dict[str, int], int]:
    """Party votes and 'against all' of one Mazhilis election, read by kzlib.cases."""
    e = cases.mazhilis_election(year)
    return e.votes, e.against_all


def maslikhat_votes(council: str) -> tuple[dict[str, int], int]:
    e = cases.maslikhat_election(council)
    return e.votes, e.against_all


def referendum_value(measure: str) -> float:
    r = data.load("referendum_2022")
    rows = r[r.measure == measure]
    assert len(rows) == 1, measure
    return float(rows.value.iloc[0])


def bases_that_fit(votes, percents, bases: dict[str, int], tol: float = 0.01) -> list[str]:
    """Names of the candidate bases for which every reported percent is reproduced."""
    return [
        name
        for name, base in bases.items()
        if all(abs(v / base * 100 - p) <= tol for v, p in zip(votes, percents, strict=True))
    ]


# --------------------------------------------------------------------------- catalogue


def test_every_csv_is_in_the_catalogue_and_vice_versa():
    on_disk = sorted(p.stem for p in DATA_DIR.glob("*.csv"))
    assert on_disk == data.list_datasets()


@pytest.mark.parametrize("name", data.list_datasets())
def test_dataset_loads_with_schema_columns(name):
    df = data.load(name)
    assert list(df.columns) == [c.name for c in data.CATALOGUE[name].columns]
    assert len(df) > 0


@pytest.mark.parametrize("name", data.list_datasets())
def test_every_row_has_http_source_and_status(name):
    # Read the raw text too, independently of the validator.
    with open(DATA_DIR / f"{name}.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for i, row in enumerate(rows, start=2):
        assert row["source"].startswith(("http://", "https://")), (name, i)
        assert row["status"].strip(), (name, i)


def test_files_are_utf8_with_unix_newlines_and_no_blank_lines():
    for path in DATA_DIR.glob("*.csv"):
        raw = path.read_bytes()
        raw.decode("utf-8")
        assert b"\r" not in raw, path.name
        assert b"\n\n" not in raw and raw.endswith(b"\n"), path.name


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match="mazhilis_list_results"):
        data.load("no_such_table")


def test_import_kzlib_data_does_not_import_pandas():
    import subprocess

    code = "import sys, kzlib, kzlib.data; sys.exit('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_party_labels_are_canonical_everywhere():
    for name, ds in data.CATALOGUE.items():
        if "party" in [c.name for c in ds.columns] and ds.column("party").kind == "party":
            assert set(data.load(name).party) <= set(data.PARTY_NAMES), name


def test_dtypes():
    df = data.load("mazhilis_list_results")
    assert str(df.votes.dtype) == "Int64"
    assert str(df.percent_reported.dtype) == "float64"
    assert str(df.date.dtype).startswith("datetime64")
    aist = df[(df.year == 2004) & (df.party == "AIST")]
    assert aist.votes.isna().all()
    assert aist.status.str.startswith("unresolved").all()


def test_empty_votes_only_where_unresolved():
    df = data.load("mazhilis_list_results")
    empty = df[df.votes.isna()]
    assert list(empty.party) == ["AIST"]
    assert df[df.list_seats.isna()].option.eq("against_all").all()


# --------------------------------------------------------------------------- Mazhilis


def test_mazhilis_2023_votes_reconcile():
    parties, against_all = mazhilis_votes(2023)
    assert list(parties) == ["Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "JSDP", "Baitaq"]
    total = sum(parties.values()) + against_all
    assert total == 6_366_441
    assert total == turnout_value("mazhilis_2023", "voted_for_parties_or_against_all")


def test_mazhilis_2021_votes_reconcile():
    parties, against_all = mazhilis_votes(2021)
    assert against_all == 0
    assert sum(parties.values()) == 7_241_562
    assert sum(parties.values()) == turnout_value("mazhilis_2021", "votes_for_parties")
    # invalid ballots = ballots received - votes for parties (ElectionGuide)
    invalid = turnout_value("mazhilis_2021", "ballots_received") - sum(parties.values())
    assert invalid == turnout_value("mazhilis_2021", "invalid_ballots")


def test_mazhilis_2007_votes_reconcile():
    parties, against_all = mazhilis_votes(2007)
    assert against_all == 0
    total_incl_blank = turnout_value("mazhilis_2007", "total_votes_incl_blank")
    blank = turnout_value("mazhilis_2007", "blank_votes")
    assert sum(parties.values()) == total_incl_blank - blank == 5_935_625
    assert sum(parties.values()) == turnout_value("mazhilis_2007", "votes_for_parties")


@pytest.mark.parametrize("year, seats", [(2023, 69), (2021, 98), (2007, 98), (2004, 10)])
def test_mazhilis_list_seats_sum(year, seats):
    df = data.load("mazhilis_list_results")
    rows = df[df.year == year]
    assert rows.list_seats.sum() == seats
    assert (rows.list_seats_total == seats).all()


def test_mazhilis_official_seats():
    df = data.load("mazhilis_list_results")
    seats = {
        (int(r.year), r.party): int(r.list_seats)
        for r in df.itertuples()
        if r.option == "party"
    }
    assert {p: s for (y, p), s in seats.items() if y == 2023} == {
        "Amanat": 40, "Auyl": 8, "Respublica": 6, "Ak Zhol": 6, "QHP": 5, "JSDP": 4, "Baitaq": 0,
    }
    assert {p: s for (y, p), s in seats.items() if y == 2021} == {
        "Nur Otan": 76, "Ak Zhol": 12, "QHP": 10, "Auyl": 0, "Adal": 0,
    }
    assert {p: s for (y, p), s in seats.items() if y == 2007 and s} == {"Nur Otan": 98}


def test_mazhilis_2023_against_all_row():
    df = data.load("mazhilis_list_results")
    aa = df[df.option == "against_all"]
    assert list(aa.year) == [2023]
    assert list(aa.party) == ["Against all"]
    assert aa.list_seats.isna().all()


def test_mazhilis_thresholds():
    df = data.load("mazhilis_list_results")
    assert df.groupby("year").threshold_pct.unique().map(list).to_dict() == {
        2004: [7.0], 2007: [7.0], 2012: [7.0], 2016: [7.0], 2021: [7.0], 2023: [5.0]
    }


def test_mazhilis_2023_percent_base_is_party_votes_plus_against_all():
    df = data.load("mazhilis_list_results")
    rows = df[df.year == 2023]
    party_votes = int(rows[rows.option == "party"].votes.sum())
    bases = {
        "party votes + against all": int(rows.votes.sum()),
        "party votes only": party_votes,
        "ballots received": int(turnout_value("mazhilis_2023", "ballots_received")),
    }
    assert bases_that_fit(rows.votes, rows.percent_reported, bases) == ["party votes + against all"]


def test_mazhilis_2021_percent_base_is_votes_for_parties():
    df = data.load("mazhilis_list_results")
    rows = df[df.year == 2021]
    bases = {
        "votes for parties": int(rows.votes.sum()),
        "ballots received": int(turnout_value("mazhilis_2021", "ballots_received")),
    }
    assert bases_that_fit(rows.votes, rows.percent_reported, bases) == ["votes for parties"]


def test_mazhilis_2007_percent_base_is_votes_for_parties_excluding_blank():
    df = data.load("mazhilis_list_results")
    rows = df[df.year == 2007]
    bases = {
        "votes for parties": int(turnout_value("mazhilis_2007", "votes_for_parties")),
        "total votes incl. blank": int(turnout_value("mazhilis_2007", "total_votes_incl_blank")),
    }
    assert bases_that_fit(rows.votes, rows.percent_reported, bases) == ["votes for parties"]


def test_mazhilis_2023_seats_readings():
    s = data.load("mazhilis_2023_seats")

    def seats(seat_type, variant):
        rows = s[(s.seat_type == seat_type) & (s.variant == variant)]
        assert rows.party.is_unique
        return {r.party: int(r.seats) for r in rows.itertuples()}

    listed = seats("party_list", "official")
    assert sum(listed.values()) == 69
    wiki, eg = seats("smd", "wikipedia"), seats("smd", "electionguide")
    assert sum(wiki.values()) == 29 and sum(eg.values()) == 29
    assert (wiki["Amanat"], wiki["Independents"], wiki["JSDP"]) == (22, 7, 0)
    assert (eg["Amanat"], eg["Independents"], eg["JSDP"]) == (22, 6, 1)
    for variant, smd in (("wikipedia", wiki), ("electionguide", eg)):
        total = seats("total", variant)
        assert sum(total.values()) == 98
        for party, n in total.items():
            assert listed.get(party, 0) + smd.get(party, 0) == n, (variant, party)
    # The list tier agrees with the results table.
    df = data.load("mazhilis_list_results")
    rows = df[(df.year == 2023) & (df.option == "party")]
    assert {r.party: int(r.list_seats) for r in rows.itertuples()} == listed


def test_mazhilis_2023_disputed_seat_is_marked():
    s = data.load("mazhilis_2023_seats")
    disputed = s[s.status.str.startswith("unresolved")]
    assert set(disputed.party) == {"JSDP", "Independents"}
    assert set(disputed.variant) == {"wikipedia", "electionguide"}
    assert disputed.status.str.contains("JSDP vs independent").all()
    # Every non-official SMD figure is either derived or unresolved or a direct reading.
    smd = s[s.seat_type == "smd"]
    assert smd.status.str.match(r"(derived|unresolved)").all()


# --------------------------------------------------------------------------- maslikhats


@pytest.mark.parametrize("council, seats", [("Astana city", 17), ("Almaty city", 21)])
def test_maslikhat_list_seats(council, seats):
    m = data.load("maslikhat_2023_list_results")
    rows = m[m.council == council]
    assert rows.list_seats.sum() == seats
    assert (rows.list_seats_total == seats).all()
    st = data.load("maslikhat_2023_structure").set_index("item").value
    assert st[f"{council.split()[0].lower()}_list_seats"] == seats


@pytest.mark.parametrize("council", ["Astana city", "Almaty city"])
def test_maslikhat_percent_base_is_party_votes_plus_against_all(council):
    parties, against_all = maslikhat_votes(council)
    m = data.load("maslikhat_2023_list_results")
    rows = m[(m.council == council) & (m.option == "party")]
    assert list(rows.party) == list(parties)
    bases = {
        "party votes + against all": sum(parties.values()) + against_all,
        "party votes only": sum(parties.values()),
    }
    assert bases_that_fit(rows.votes, rows.percent_reported, bases) == ["party votes + against all"]


def test_maslikhat_structure_arithmetic():
    st = data.load("maslikhat_2023_structure").set_index("item")
    v = st.value
    assert v["mandates_total"] - v["mandates_single_member"] == v["mandates_party_list"] == 334
    assert v["regional_level_maslikhats"] + v["city_maslikhats"] + v["district_maslikhats"] == v[
        "maslikhats_total"
    ]
    assert v["regional_level_mandates_if_exact_50_50"] == 2 * v["mandates_party_list"]
    assert v["regional_level_mandates_if_exact_50_50"] + v["district_and_city_mandates"] == v[
        "mandates_total"
    ]
    for item in ("mandates_party_list", "regional_level_mandates_if_exact_50_50",
                 "district_and_city_mandates", "astana_smd_seats"):
        assert st.status[item].startswith("derived"), item
    assert v["karaganda_oblast_list_seats"] + v["karaganda_oblast_smd_seats"] == v[
        "karaganda_oblast_seats_total"
    ]


# --------------------------------------------------------------------------- presidential


def test_presidential_2022_reconciles():
    p = data.load("presidential_results")
    rows = p[p.year == 2022]
    assert list(rows.option).count("against_all") == 1
    total = int(rows.votes.sum())
    assert total == 7_940_478
    assert total == turnout_value("presidential_2022", "votes_candidates_plus_against_all")
    bases = {"candidates + against all": total}
    assert bases_that_fit(rows.votes, rows.percent_reported, bases) == ["candidates + against all"]
    assert total <= turnout_value("presidential_2022", "ballots_received")


def test_presidential_2019_reconciles():
    p = data.load("presidential_results")
    rows = p[p.year == 2019]
    assert (rows.option == "candidate").all()
    valid = turnout_value("presidential_2019", "valid_votes")
    assert rows.votes.sum() == valid == 9_216_410
    assert bases_that_fit(rows.votes, rows.percent_reported, {"valid votes": int(valid)}) == [
        "valid votes"
    ]


# --------------------------------------------------------------------------- referendum


def test_referendum_ballots_add_up_to_participants():
    parts = ["yes_votes", "no_votes", "invalid_or_blank", "other_unaccounted"]
    assert sum(referendum_value(m) for m in parts) == referendum_value("participants")
    assert referendum_value("participants") == turnout_value("referendum_2022", "participants")
    registered = turnout_value("referendum_2022", "registered_voters")
    assert referendum_value("registered_voters") == registered


def test_referendum_percentages_are_shares_of_participants():
    participants = referendum_value("participants")
    for count, pct in [
        ("yes_votes", "yes_pct"),
        ("no_votes", "no_pct"),
        ("invalid_or_blank", "invalid_or_blank_pct"),
        ("other_unaccounted", "other_unaccounted_pct"),
    ]:
        assert abs(referendum_value(count) / participants * 100 - referendum_value(pct)) <= 0.01
    turnout = participants / referendum_value("registered_voters") * 100
    assert abs(turnout - referendum_value("turnout_pct")) <= 0.01
    assert referendum_value("articles_amended") == 33
    assert referendum_value("articles_total") == 98


# --------------------------------------------------------------------------- turnout


def test_turnout_percentages_match_their_counts():
    checks = [
        ("mazhilis_2023", "turnout_pct_ballots_received", "ballots_received", "registered_voters"),
        ("mazhilis_2023", "turnout_pct_valid_over_registered_computed",
         "voted_for_parties_or_against_all", "registered_voters"),
        ("mazhilis_2021", "turnout_pct", "ballots_received", "registered_voters"),
        ("mazhilis_2016", "turnout_pct", "ballots_cast", "registered_voters"),
        ("presidential_2022", "turnout_pct", "ballots_received", None),
        ("referendum_2022", "turnout_pct", "participants", "registered_voters"),
    ]
    t = data.load("turnout")
    for election, pct, num, den in checks:
        numerator = turnout_value(election, num)
        if den is None:  # two conflicting registered-voter figures: use the consistent one
            rows = t[(t.election == election) & (t.measure == "registered_voters")]
            denominator = float(rows[~rows.status.str.startswith("conflicts")].value.iloc[0])
        else:
            denominator = turnout_value(election, den)
        reported = turnout_value(election, pct)
        assert abs(numerator / denominator * 100 - reported) <= 0.01, (election, pct)


def test_turnout_conflicts_are_kept_and_labelled():
    t = data.load("turnout")
    m23 = t[(t.election == "mazhilis_2023") & (t.unit == "percent")]
    assert sorted(m23.value) == [52.9, 54.19, 54.21]
    m07 = t[(t.election == "mazhilis_2007") & (t.measure == "turnout_pct")]
    assert sorted(m07.value) == [64.6, 68.4]
    assert m07.status.str.startswith("unresolved").all()
    # French Wikipedia's 68.4 is total votes incl. blank / registered voters.
    ratio = turnout_value("mazhilis_2007", "total_votes_incl_blank") / turnout_value(
        "mazhilis_2007", "registered_voters"
    )
    assert round(ratio * 100, 1) == 68.4
    # Every percentage says what it is a share of; counts do not.
    assert (t[t.unit == "percent"].base != "").all()
    assert (t[t.unit != "percent"].base == "").all()


# --------------------------------------------------------------------------- other tables


def test_rural_akims_sum_to_730():
    r = data.load("rural_akims_2021")
    assert r.akims.sum() == 730
    named = r[r.party != "Not stated"]
    assert named.akims.sum() == 697
    assert r[r.party == "Not stated"].status.str.startswith("derived").all()


def test_party_registration_rules():
    r = data.load("party_registration_rules")
    members = r[r.requirement == "members_to_register"].sort_values("valid_to", na_position="last")
    assert list(members.value) == [40000, 20000, 5000]
    for req, values in {
        "regional_branch_min_members": [600, 600, 200],
        "initiative_group_min": [1000, 1000, 700],
        "months_to_hold_founding_congress": [2, 2, 3],
        "months_to_form_branches": [6, 6, 12],
    }.items():
        assert list(r[r.requirement == req].value) == values, req
    # Periods chain: each period ends where the next begins.
    for _, rows in r.groupby("requirement"):
        assert list(rows.valid_to.iloc[:-1]) == list(rows.valid_from.iloc[1:])
    assert r[r.valid_from.astype(str) == "2022-11-05"].status.str.contains("not verified").all()


def test_senate_after_reform_adds_up():
    s = data.load("senate")
    after = s[s.period == "from 2023"].set_index("component").seats
    assert after["elected"] + after["appointed"] == after["total"] == 50
    assert after["appointed_on_apk_proposal"] <= after["appointed"]


def test_reform_timeline_sorted_and_typed():
    t = data.load("reform_timeline")
    assert t.date.is_monotonic_increasing
    planned = t[t.date_precision == "year"]
    assert list(planned.date.dt.strftime("%Y-%m-%d")) == ["2025-01-01"]


# --------------------------------------------------------------------------- pinned figures
# Figures that no other figure in data/ cross-checks (a registered-voter count, say) can
# only be guarded by a second copy. These values were copied from the project's vetted
# fact sheet; if one of them must change, change it here and in the CSV, with a source.

PINNED_TURNOUT = {
    ("mazhilis_2023", "registered_voters"): [12_035_578],
    ("mazhilis_2023", "ballots_received"): [6_521_860],
    ("mazhilis_2023", "voter_list_1_jan_2023"): [11_970_406],
    ("mazhilis_2021", "registered_voters"): [11_919_241],
    ("mazhilis_2021", "turnout_pct_unofficial_estimate"): [44.7],
    ("mazhilis_2016", "registered_voters"): [9_810_852],
    ("mazhilis_2016", "ballots_cast"): [7_566_150],
    ("mazhilis_2016", "valid_votes"): [7_522_868],
    ("mazhilis_2012", "registered_voters_approx"): [9_300_000],
    ("mazhilis_2012", "turnout_pct"): [75.4],
    ("mazhilis_2007", "registered_voters"): [8_891_561],
    ("mazhilis_2004", "registered_voters"): [8_662_188],
    ("mazhilis_2004", "turnout_pct"): [56.49],
    ("presidential_2022", "registered_voters"): [11_953_465, 11_950_485],
    ("presidential_2022", "ballots_received"): [8_300_046],
    ("presidential_2019", "registered_voters"): [11_960_364, 11_814_019],
    ("presidential_2019", "ballots_cast"): [9_274_110],
    ("presidential_2019", "turnout_pct"): [77.54],
    ("referendum_2022", "turnout_pct_preliminary"): [68.06],
    ("referendum_2022", "turnout_pct_poll_close"): [68.44],
    ("senate_2023", "electors_registered"): [3_167],
    ("senate_2023", "electors_voted"): [2_901, 2_904],
    ("senate_2023", "turnout_pct"): [91.6, 91.7],
}


def test_pinned_turnout_figures():
    t = data.load("turnout")
    for (election, measure), values in PINNED_TURNOUT.items():
        rows = t[(t.election == election) & (t.measure == measure)]
        assert list(rows.value) == values, (election, measure)
    # The conflicting Senate figures are each consistent with their own percentage.
    for voted, pct in [(2_901, 91.6), (2_904, 91.7)]:
        assert round(voted / 3_167 * 100, 1) == pct
    # 2019: the consistent electorate reproduces the turnout; ballots cast >= valid votes.
    assert round(9_274_110 / 11_960_364 * 100, 2) == 77.54
    assert turnout_value("presidential_2019", "ballots_cast") >= turnout_value(
        "presidential_2019", "valid_votes"
    )


def test_pinned_maslikhat_votes():
    # Percent bases of the two councils (party votes + against all).
    assert sum(maslikhat_votes("Astana city")[0].values()) + 3_269 == 330_497
    assert sum(maslikhat_votes("Almaty city")[0].values()) + 16_490 == 291_756
    assert maslikhat_votes("Astana city")[1] == 3_269
    assert maslikhat_votes("Almaty city")[1] == 16_490
    assert maslikhat_votes("Astana city")[0]["Amanat"] == 227_307
    assert maslikhat_votes("Almaty city")[0]["Amanat"] == 151_531


def test_pinned_maslikhat_votes_each_party():
    expected = {
        "Astana city": {"Amanat": 227_307, "Ak Zhol": 56_045, "QHP": 18_174, "Baitaq": 18_154,
                        "Respublica": 5_401, "Auyl": 2_147},
        "Almaty city": {"Amanat": 151_531, "QHP": 38_563, "Respublica": 38_369, "Baitaq": 23_266,
                        "Ak Zhol": 15_273, "Auyl": 8_264},
    }
    for council, votes in expected.items():
        assert maslikhat_votes(council)[0] == votes


def test_pinned_structure_and_other_counts():
    v = data.load("maslikhat_2023_structure").set_index("item").value
    assert v["maslikhats_2021"] == 216
    assert v["maslikhat_threshold_pct"] == 5
    assert v["parties_in_maslikhat_races"] == 6
    assert (v["astana_smd_seats"], v["almaty_smd_seats"]) == (17, 21)
    r = data.load("referendum_2022").set_index("measure").value
    assert (r["sections_amended"], r["sections_total"]) == (8, 9)
    assert r["regions_with_yes_majority"] == 17
    s = data.load("senate")
    assert {(p, c): int(n) for p, c, n in zip(s.period, s.component, s.seats, strict=True)} == {
        ("from 2023", "elected"): 40,
        ("from 2023", "appointed"): 10,
        ("from 2023", "appointed_on_apk_proposal"): 5,
        ("from 2023", "total"): 50,
        ("before 2023", "appointed"): 15,
        ("before 2023", "regions"): 17,
        ("before 2023", "elected_per_region"): 2,
    }


def test_pinned_mazhilis_2004():
    df = data.load("mazhilis_list_results")
    rows = df[df.year == 2004]
    votes = [None if pd.isna(v) else int(v) for v in rows.votes]
    assert list(zip(rows.party, votes, rows.percent_reported, strict=True)) == [
        ("Otan", 2_883_706, 60.61),
        ("Ak Zhol", 572_672, 12.04),
        ("Asar", 541_239, 11.38),
        ("AIST", None, 7.1),
    ]
    # The three known rows imply the same percent base to within rounding (about 4.757 million).
    implied = [v / p * 100 for v, p in zip(rows.votes[:3], rows.percent_reported[:3], strict=True)]
    assert max(implied) - min(implied) < 0.001 * max(implied)


# --------------------------------------------------------------------------- validation


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


def rewrite_cell(folder: Path, name: str, data_line: int, column: str, value: str) -> int:
    """Set one cell of data row number ``data_line`` (1 = first row); return its file line."""
    path = folder / f"{name}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index(column)
    rows[data_line][col] = value
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return data_line + 1


def test_valid_copy_loads_from_data_dir_and_env(tmp_path, monkeypatch):
    folder = copy_data(tmp_path)
    assert len(data.load("senate", data_dir=folder)) == len(data.load("senate"))
    rewrite_cell(folder, "senate", 1, "seats", "41")
    assert data.load("senate", data_dir=folder).seats.iloc[0] == 41
    monkeypatch.setenv(data.DATA_DIR_ENV, str(folder))
    assert data.load("senate").seats.iloc[0] == 41


def test_negative_count_names_file_line_and_value(tmp_path):
    folder = copy_data(tmp_path)
    line = rewrite_cell(folder, "mazhilis_list_results", 4, "votes", "-3")
    assert line == 5
    with pytest.raises(DataError) as err:
        data.load("mazhilis_list_results", data_dir=folder)
    assert str(err.value) == (
        "mazhilis_list_results.csv line 5: votes must be a non-negative integer, got '-3'"
    )


def test_non_numeric_count(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "maslikhat_2023_list_results", 2, "votes", "56,045")
    message = r"maslikhat_2023_list_results\.csv line 3: votes .*'56,045'"
    with pytest.raises(DataError, match=message):
        data.load("maslikhat_2023_list_results", data_dir=folder)


def test_non_numeric_percent(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "turnout", 3, "value", "54.19%")
    message = r"turnout\.csv line 4: value must be a non-negative number"
    with pytest.raises(DataError, match=message):
        data.load("turnout", data_dir=folder)


def test_empty_source(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "senate", 2, "source", "")
    with pytest.raises(DataError, match=r"senate\.csv line 3: source must not be empty"):
        data.load("senate", data_dir=folder)


def test_source_not_a_url(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "senate", 5, "source", "astanatimes.com/?p=64853")
    message = r"senate\.csv line 6: source must be a URL starting with http"
    with pytest.raises(DataError, match=message):
        data.load("senate", data_dir=folder)


def test_empty_status(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "referendum_2022", 1, "status", "")
    with pytest.raises(DataError, match=r"referendum_2022\.csv line 2: status must not be empty"):
        data.load("referendum_2022", data_dir=folder)


def test_status_outside_vocabulary(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "referendum_2022", 1, "status", "probably right")
    with pytest.raises(DataError, match=r"referendum_2022\.csv line 2: status must start with"):
        data.load("referendum_2022", data_dir=folder)


def test_missing_column(tmp_path):
    folder = copy_data(tmp_path)
    path = folder / "presidential_results.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r[:5] + r[6:] for r in csv.reader(fh)]  # drop "votes"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    message = r"presidential_results\.csv line 1: missing column\(s\) votes"
    with pytest.raises(DataError, match=message):
        data.load("presidential_results", data_dir=folder)


def test_empty_votes_needs_unresolved_status(tmp_path):
    folder = copy_data(tmp_path)
    # The AIST row (2004) may have empty votes because its status is 'unresolved: ...'.
    data.load("mazhilis_list_results", data_dir=folder)
    rewrite_cell(folder, "mazhilis_list_results", 1, "votes", "")
    message = r"mazhilis_list_results\.csv line 2: votes must not be empty"
    with pytest.raises(DataError, match=message):
        data.load("mazhilis_list_results", data_dir=folder)


def test_empty_seats_only_for_against_all(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "maslikhat_2023_list_results", 1, "list_seats", "")
    with pytest.raises(DataError, match=r"line 2: list_seats must not be empty"):
        data.load("maslikhat_2023_list_results", data_dir=folder)


def test_non_canonical_party_and_bad_date(tmp_path):
    folder = copy_data(tmp_path)
    rewrite_cell(folder, "rural_akims_2021", 6, "party", "OSDP")
    with pytest.raises(DataError, match=r"rural_akims_2021\.csv line 7: party must be a canonical"):
        data.load("rural_akims_2021", data_dir=folder)
    folder2 = copy_data(tmp_path / "second")
    rewrite_cell(folder2, "reform_timeline", 1, "date", "25 May 2020")
    with pytest.raises(DataError, match=r"reform_timeline\.csv line 2: date must be an ISO date"):
        data.load("reform_timeline", data_dir=folder2)


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)


def test_mazhilis_2012_and_2016_votes_reconcile():
    df = data.load("mazhilis_list_results")
    y16 = df[df.year == 2016]
    assert y16.votes.sum() == 7522868  # valid votes per ElectionGuide (turnout.csv)
    for year, frame in ((2012, df[df.year == 2012]), (2016, y16)):
        pct = 100 * frame.votes / frame.votes.sum()
        assert (pct - frame.percent_reported).abs().max() < 0.02, year  # shares of party votes
        assert frame.list_seats.sum() == 98


def test_mazhilis_2023_turnout_by_region():
    t = data.load("mazhilis_2023_turnout_by_region")
    assert len(t) == 21 and t.region.is_unique
    assert t.set_index("region").turnout_pct["Kazakhstan (all)"] == 54.19
    regions = t[t.region != "Kazakhstan (all)"]
    assert (regions.turnout_pct.min(), regions.turnout_pct.max()) == (25.82, 67.21)
    assert t.status.str.startswith("preliminary").all()
