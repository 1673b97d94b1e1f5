"""The teacher pack: the generated answer key, the guide and the debate kit.

The answer key is built from kzlib.exercises and the solutions, never typed: every
exercise appears, each checked value is ``expected(id)`` as formatted, and a changed
answer changes the key.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kzlib import answer_key
from kzlib.answer_key import build_key, format_answer, to_html, to_markdown
from kzlib.exercises import Exercise, expected, is_correct

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEACHERS = NOTEBOOKS / "teachers"


@pytest.fixture(scope="module")
def key():
    return build_key(NOTEBOOKS)


def exercise_ids_in_notebooks() -> set[str]:
    """Every exercise id a notebook asks (checked or argument), read independently."""
    return set(re.findall(r"^\*\*(?:Exercise )?(\d\d-\d+)\b", _all_markdown(), re.M))


def _all_markdown() -> str:
    parts = []
    for notebook in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"):
        for cell in json.loads(notebook.read_text())["cells"]:
            if cell["cell_type"] == "markdown":
                parts += [p.strip() for p in "".join(cell["source"]).split("\n\n")]
    return "\n".join(parts)


def checked_ids() -> set[str]:
    ids = set()
    for path in (ROOT / "kzlib" / "exercises").glob("nb*.py"):
        module = __import__(f"kzlib.exercises.{path.stem}", fromlist=["EXERCISES"])
        ids |= set(module.EXERCISES)
    return ids


def test_the_key_lists_every_exercise_once(key):
    ids = [e.exercise_id for e in key]
    assert len(ids) == len(set(ids))
    assert set(ids) == exercise_ids_in_notebooks() | checked_ids()
    markdown = to_markdown(key)
    for exercise_id in ids:
        assert re.search(rf"^(\| |### ){exercise_id}\b", markdown, re.M), exercise_id


def test_each_checked_answer_is_the_expected_value_and_is_accepted(key):
    checked = {e.exercise_id: e for e in key if e.checked}
    assert set(checked) == checked_ids()
    markdown = to_markdown(key)
    for exercise_id, entry in checked.items():
        assert entry.answer == format_answer(expected(exercise_id), entry.tolerance)
        assert f"| {exercise_id} | `{entry.answer}` |" in markdown
        # What the key shows is itself a right answer: a teacher can read it out.
        assert is_correct(exercise_id, eval(entry.answer)), (exercise_id, entry.answer)


def test_a_changed_answer_changes_the_key(monkeypatch):
    from kzlib.exercises import nb05

    before = to_markdown(build_key(NOTEBOOKS))
    monkeypatch.setitem(nb05.EXERCISES, "05-1", Exercise(answer=lambda: 999))
    after = to_markdown(build_key(NOTEBOOKS))
    assert "| 05-1 | `999` |" in after
    assert "| 05-1 | `999` |" not in before


def test_units_come_from_the_solutions(key):
    units = {e.exercise_id: e.unit for e in key}
    # Spot checks against the solutions' "**Answer: ...**" lines.
    assert units["01-4"] == "participants"
    assert units["02-2"] == "percentage points"
    assert units["01-1"] == "%"
    assert units["06-2"] == ""


def test_argument_tasks_quote_their_marking_guide(key):
    arguments = [e for e in key if not e.checked]
    assert arguments, "no argument task found"
    solutions = {p.name: p.read_text() for p in (NOTEBOOKS / "solutions").glob("*.md")}
    for entry in arguments:
        if entry.marking_guide:
            # Quoted, not rewritten: the passage is in the solutions file as it stands.
            assert entry.marking_guide in solutions[Path(entry.solution).name], entry.exercise_id
    guided = {e.exercise_id for e in arguments if e.marking_guide}
    assert {"01-5", "06-7", "07-5", "11-4"} <= guided


def test_every_notebook_with_an_argument_task_has_a_marking_guide_in_the_key(key):
    without = [e.exercise_id for e in key if not e.checked and not e.marking_guide]
    assert without == [], f"argument tasks without a marking guide: {without}"


def test_the_html_key_is_a_page_with_the_table(key):
    page = to_html(to_markdown(key))
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Answer key · Kazakhstan Reform Notebooks</title>" in page
    assert page.count("<tr>") >= len([e for e in key if e.checked])


def test_main_writes_both_files(tmp_path, capsys):
    assert answer_key.main([str(NOTEBOOKS), str(tmp_path)]) == 0
    assert (tmp_path / "answer_key.md").read_text().startswith("# Answer key")
    assert "<table>" in (tmp_path / "answer_key.html").read_text()


def test_build_key_names_a_bad_folder(tmp_path):
    with pytest.raises(ValueError, match="notebooks_dir"):
        build_key(tmp_path)


# --- the guide ---------------------------------------------------------------------


def test_the_guide_covers_every_notebook():
    guide = (TEACHERS / "README.md").read_text()
    for notebook in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        number = notebook.stem[:2]
        assert re.search(rf"^### {number} · ", guide, re.M), notebook.stem
    assert guide.count("*45 minutes.*") == guide.count("*90 minutes.*") == 12


def test_the_guide_names_only_sections_that_exist():
    # Every "NN *Section*" reference in the misconceptions table is a heading of NN.
    guide = (TEACHERS / "README.md").read_text()
    table = guide.split("## Common misconceptions")[1]
    headings = {}
    for notebook in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"):
        text = "\n".join("".join(c["source"]) for c in json.loads(notebook.read_text())["cells"]
                         if c["cell_type"] == "markdown")
        headings[notebook.stem[:2]] = re.findall(r"^#+ (.*)$", text, re.M)
    references = re.findall(r"(\d\d) \*([^*]+)\*", table)
    assert len(references) >= 15
    for number, section in references:
        assert any(h.startswith(section.rstrip(".…")) for h in headings[number]), (number, section)
# --- the debate kit ------------------------------------------------------------------


def test_debate_kit_evidence_quotes_data_rows_exactly():
    """Each evidence card names a table, a row key and a column: figure and source match."""
    kit = (TEACHERS / "debate_kit.md").read_text()
    cards = re.findall(
        r"`data/(\w+)\.csv`, row `([^`]+)`: (\w+) = \*\*([^*]+)\*\* — source: <([^>]+)>", kit)
    assert len(cards) >= 16, "too few evidence cards found"
    for table, row_key, column, figure, source in cards:
        with open(ROOT / "data" / f"{table}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        matches = [r for r in rows if _row_key(r, row_key)]
        assert len(matches) == 1, (table, row_key, len(matches))
        assert matches[0][column] == figure, (table, row_key, column)
        assert matches[0]["source"] == source, (table, row_key)


def _row_key(row: dict[str, str], key: str) -> bool:
    # "year=2023; party=Amanat": every named column has that value.
    pairs = [p.split("=", 1) for p in key.split("; ")]
    return all(row.get(k.strip()) == v.strip() for k, v in pairs)


def test_debate_kit_has_a_motion_for_each_reform_notebook():
    kit = (TEACHERS / "debate_kit.md").read_text()
    for number in ("01", "02", "03", "04", "05", "07", "09", "11"):
        assert re.search(rf"^## {number} · ", kit, re.M), number
    assert kit.count("**Motion.**") == 8
    assert "## Source-credibility rubric" in kit


# --- the printable handouts (make pdf) -------------------------------------------------

CHROMIUM = Path(os.environ.get("KZ_CHROMIUM", "/usr/bin/chromium"))


def _pdf_title(pdf: bytes) -> str:
    # Chromium writes the page's <title> into the PDF's Info dictionary, as UTF-16 hex
    # when it has non-ASCII letters (the "·").
    match = re.search(rb"/Title\s*(<[0-9A-Fa-f]+>|\((?:[^()\\]|\\.)*\))", pdf)
    assert match, "the PDF has no title"
    raw = match.group(1)
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode())
        return data[2:].decode("utf-16-be") if data[:2] == b"\xfe\xff" else data.decode()
    return raw[1:-1].decode("latin-1")


def test_make_pdf_prints_the_guide_the_kit_and_the_key(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (Debian: apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="Python package playwright is missing")
    # In a process of its own, as `make pdf` runs it: Playwright's sync API refuses to start
    # inside the asyncio loop the browser tests leave in this one.
    run = subprocess.run([sys.executable, "-m", "kzlib.answer_key", "--pdf", str(NOTEBOOKS),
                          str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    titles = {
        "guide.pdf": "Teacher pack · a guide to the Kazakhstan Reform Notebooks",
        "debate_kit.pdf": "Debate kit · Kazakhstan Reform Notebooks",
        "answer_key.pdf": "Answer key · Kazakhstan Reform Notebooks",
    }
    for name, title in titles.items():
        pdf = (tmp_path / name).read_bytes()
        assert pdf.startswith(b"%PDF-"), name
        assert _pdf_title(pdf) == title, name
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2, name


def test_make_pdf_prints_a_handout_for_every_notebook(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (Debian: apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="Python package playwright is missing")
    site = tmp_path / "site"
    built = subprocess.run([sys.executable, str(ROOT / ".ci" / "export_html.py"), str(site)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    run = subprocess.run([sys.executable, "-m", "kzlib.answer_key", "--pdf", "--site", str(site),
                          str(NOTEBOOKS), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    for notebook in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        pdf = (tmp_path / "out" / "handouts" / f"{notebook.stem}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF-"), notebook.stem
        first = json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"][0]
        title = re.sub(r"[*_`]", "", first.lstrip("# ").strip())
        assert _pdf_title(pdf) == title, notebook.stem
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 3, notebook.stem


def test_handouts_need_a_site(tmp_path):
    with pytest.raises(ValueError, match="site must be a folder written by `make html`"):
        answer_key.print_handouts(tmp_path, tmp_path / "out", CHROMIUM)
