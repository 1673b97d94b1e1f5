"""Static checks of the stored notebooks (nbval runs them; this reads them).

- skeleton: title, learning objectives, sources; kernelspec
- outputs: no errors, no warnings or tracebacks on stderr, no machine paths
- every nbval-ignore-output tag has a reason in the cell metadata, never a comment
  in the code (alt text: test_accessibility.py)
- links between notebooks resolve; the start page links to every notebook
- every number written in prose comes from data/, kzlib or the notebook's own outputs
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [nb.stem for nb in NOTEBOOKS]


def cells(nb: Path) -> list[dict]:
    return json.loads(nb.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell.get("source", ""))


def markdown(nb: Path) -> str:
    return "\n".join(source(c) for c in cells(nb) if c["cell_type"] == "markdown")


def output_texts(nb: Path) -> list[str]:
    texts = []
    for cell in cells(nb):
        for out in cell.get("outputs", []):
            if "text" in out:
                texts.append("".join(out["text"]))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    texts.append("".join(value) if isinstance(value, list) else str(value))
    return texts


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=IDS)
def test_skeleton(nb):
    meta = json.loads(nb.read_text(encoding="utf-8"))["metadata"]
    assert meta["kernelspec"]["name"] == "python3"
    first = cells(nb)[0]
    assert first["cell_type"] == "markdown" and source(first).startswith("# ")
    text = markdown(nb)
    for section in ("## Learning objectives", "## Sources"):
        assert section in text, f"{nb.name} lacks {section}"
    if nb.name != "00_start_here.ipynb":
        for section in ("## Prerequisites", "## The debate", "## Exercises", "## Summary"):
            assert section in text, f"{nb.name} lacks {section}"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=IDS)
def test_clean_outputs(nb):
    for cell in cells(nb):
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"{nb.name}: stored error {out.get('ename')}"
            if out.get("name") == "stderr":
                pytest.fail(f"{nb.name}: stderr output: {''.join(out['text'])[:200]}")
    for text in output_texts(nb):
        for marker in ("/work/", "/root/", "/tmp/", "site-packages", "Traceback", "Warning:"):
            assert marker not in text, f"{nb.name}: {marker!r} in an output"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=IDS)
def test_ignored_outputs_say_why_out_of_the_students_sight(nb):
    # nbval's cell tag, with the reason in the cell's metadata: no test scaffolding in the
    # code a student reads.
    for cell in cells(nb):
        assert "NBVAL" not in source(cell), f"{nb.name}: an NBVAL comment in a cell"
        if "nbval-ignore-output" in cell.get("metadata", {}).get("tags", []):
            reason = cell["metadata"].get("nbval-reason", "")
            assert len(reason) > 15, f"{nb.name}: nbval-ignore-output without a reason"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=IDS)
def test_links_between_notebooks_resolve(nb):
    for target in re.findall(r"\]\(([^)#\s]+\.(?:ipynb|md))", markdown(nb)):
        if "://" not in target:
            assert (nb.parent / target).exists(), f"{nb.name} links to missing {target}"


def test_start_page_links_every_notebook():
    text = markdown(ROOT / "notebooks" / "00_start_here.ipynb")
    for nb in NOTEBOOKS[1:]:
        assert f"({nb.name})" in text, f"00_start_here does not link {nb.name}"


# ------------------------------------------------------------------ numbers in prose

NUMBER = re.compile(r"(?<![\w./-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w])")
URL = re.compile(r"https?://[^\s)>\]]+|\]\([^)]*\)")
# Software versions ("Python 3.11", "JupyterLab 4") are not figures about Kazakhstan.
VERSION = re.compile(
    r"\b(?:Python|JupyterLab|ipywidgets|pandas|matplotlib|Voilà|Voila)\s+\d+(?:\.\d+)*", re.I
)


def numbers_in(text: str) -> set[str]:
    return {_norm(m) for m in NUMBER.findall(VERSION.sub(" ", URL.sub(" ", text)))}


def _norm(token: str) -> str:
    token = token.replace(",", "")
    if "." in token:
        token = token.rstrip("0").rstrip(".")
    return token.lstrip("0") or "0"


@lru_cache(maxsize=1)
def known_numbers() -> frozenset[str]:
    found: set[str] = set()
    for path in (ROOT / "data").glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):  # cell by cell: "5,200" in a CSV is two numbers
                for cell in row:
                    found |= numbers_in(cell)
    for path in (ROOT / "kzlib").rglob("*.py"):
        found |= numbers_in(path.read_text(encoding="utf-8"))
    return frozenset(found)


def _exempt(number: str) -> bool:
    value = float(number)
    return value.is_integer() and (0 <= value <= 12 or 1990 <= value <= 2030)


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=IDS)
def test_numbers_in_prose_are_backed(nb):
    backed = set(known_numbers())
    for text in output_texts(nb):
        backed |= numbers_in(text)
    unbacked = sorted(n for n in numbers_in(markdown(nb)) if n not in backed and not _exempt(n))
    assert not unbacked, (
        f"{nb.name}: numbers in prose not found in data/, kzlib or outputs: {unbacked}"
    )
