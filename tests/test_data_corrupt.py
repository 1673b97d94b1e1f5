"""Corrupted copies of data/ (through KZLIB_DATA_DIR): every fault is a DataError naming
the file and the line, never a raw exception and never a silently doubled figure."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from kzlib import data
from kzlib.data import CATALOGUE, DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NAMES = sorted(CATALOGUE)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A copy of data/ that kzlib reads instead of the real one."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(copy))
    return copy


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def physical_line_of_last_row(path: Path) -> int:
    """The file line on which the last data row starts (a cell may span lines)."""
    text = path.read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    last_start = 1
    for _ in reader:
        last_start, start = start, reader.line_num + 1
    return last_start


def test_every_table_declares_the_columns_that_identify_a_row():
    for name, dataset in CATALOGUE.items():
        columns = {c.name for c in dataset.columns}
        assert dataset.key and set(dataset.key) <= columns, name


@pytest.mark.parametrize("name", NAMES)
def test_a_duplicated_row_is_refused_naming_both_lines(folder, name):
    path = folder / f"{name}.csv"
    first = physical_line_of_last_row(path)
    text = path.read_text(encoding="utf-8")
    last_row = "".join(lines(path)[first - 1:])
    path.write_text(text + ("" if text.endswith("\n") else "\n") + last_row, encoding="utf-8")
    copy = len(text.splitlines()) + 1  # the line the repeated row starts on
    with pytest.raises(DataError, match=rf"^{name}\.csv line {copy}: duplicate row \(.*\) "
                                        rf"already on line {first}; it would be counted twice$"):
        data.load(name)


def test_a_second_amanat_row_cannot_replace_the_real_one(folder):
    path = folder / "mazhilis_list_results.csv"
    amanat = next(ln for ln in lines(path) if ",Amanat," in ln and ln.startswith("2023"))
    path.write_text(path.read_text(encoding="utf-8") + amanat.replace("3431510", "1"),
                    encoding="utf-8")
    with pytest.raises(DataError, match="duplicate row \\(year='2023', party='Amanat'"):
        data.load("mazhilis_list_results")


@pytest.mark.parametrize("name", NAMES)
def test_a_byte_order_mark_is_fine(folder, name):
    path = folder / f"{name}.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(data.load(name)) == len(data.load(name, data_dir=DATA_DIR))


@pytest.mark.parametrize("name", NAMES)
def test_a_file_in_another_encoding_names_file_and_line(folder, name):
    path = folder / f"{name}.csv"
    raw = path.read_bytes().split(b"\n")
    raw[2] = raw[2] + "Ж".encode("cp1251")  # a Windows-1251 byte on line 3
    path.write_bytes(b"\n".join(raw))
    with pytest.raises(DataError, match=rf"^{name}\.csv line 3: the file is not UTF-8 text"):
        data.load(name)


def test_a_utf16_file_is_refused_in_words(folder):
    path = folder / "senate.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(DataError, match=r"^senate\.csv line 1: the file is not UTF-8 text"):
        data.load("senate")


def test_a_five_thousand_digit_count_names_file_line_and_column(folder):
    path = folder / "senate.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("seats")] = "9" * 5000
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(DataError, match=r"^senate\.csv line 2: seats must be an integer of at "
                                        r"most 15 digits"):
        data.load("senate")


def test_an_unresolved_empty_vote_cell_cannot_be_counted(folder):
    # The schema allows an empty count on an 'unresolved' row; counting it must say so.
    path = folder / "mazhilis_list_results.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("year")] == "2023" and row[header.index("party")] == "Baitaq":
            row[header.index("votes")] = ""
            row[header.index("status")] = "unresolved: count disputed"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    from kzlib import cases

    assert len(data.load("mazhilis_list_results")) == len(rows) - 1
    with pytest.raises(DataError, match=r"^mazhilis_list_results\.csv: votes of 'Baitaq' in 2023 "
                                        r"is empty \(unresolved: count disputed\)"):
        cases.mazhilis_election(2023)
