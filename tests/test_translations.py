"""The translated notebooks (notebooks/kk/, notebooks/ru/) keep in step with the English.

A translation has the English notebook's code cells, in the same order and with the same
cell tags, except the language argument (``lang="kk"`` / ``lang="ru"``) given to the
explorers and charts; its Markdown is translated, and a line under the title says the
translation is a machine draft and links the English original. So a change to an English
code cell fails here until every translation of that notebook has it too (re-execute the
translation afterwards: nbval compares its stored outputs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LANGUAGES = ("kk", "ru")
TRANSLATIONS = sorted(p for lang in LANGUAGES for p in (NOTEBOOKS / lang).glob("*.ipynb"))
IDS = [f"{p.parent.name}/{p.stem}" for p in TRANSLATIONS]

# The only difference a code cell may have: `lang="kk"` as the last argument of a call
# (", lang=..."), or as its only one ("(lang=...)").
LANG_ARGUMENT = re.compile(r',\s*lang="(?:kk|ru)"(?=\s*\))|(?<=\()lang="(?:kk|ru)"(?=\))')

# The line under the title, in the translation's own language.
DRAFT_NOTICE = {
    "kk": "машиналық аударманың жобасы",
    "ru": "машинный черновик перевода",
}


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell.get("source", ""))


def code_cells(path: Path) -> list[tuple[str, list[str]]]:
    """(source, tags) of every code cell, in order."""
    return [(source(c), sorted(c.get("metadata", {}).get("tags", [])))
            for c in cells(path) if c["cell_type"] == "code"]


def normalised(code: str) -> str:
    return LANG_ARGUMENT.sub("", code)


def english(path: Path) -> Path:
    return NOTEBOOKS / path.name


def test_the_pilot_translations_are_there():
    names = {f"{p.parent.name}/{p.name}" for p in TRANSLATIONS}
    for lang in LANGUAGES:
        for name in ("00_start_here.ipynb", "05_threshold_7_to_5.ipynb"):
            assert f"{lang}/{name}" in names


@pytest.mark.parametrize("path", TRANSLATIONS, ids=IDS)
def test_code_cells_are_the_english_ones_with_the_language(path):
    source_nb = english(path)
    assert source_nb.exists(), f"{path.name}: no English notebook of that name"
    theirs, ours = code_cells(source_nb), code_cells(path)
    assert len(ours) == len(theirs), (
        f"{path.parent.name}/{path.name} has {len(ours)} code cells, the English "
        f"{len(theirs)}: bring the translation up to date")
    for k, ((en_code, en_tags), (code, tags)) in enumerate(zip(theirs, ours, strict=True)):
        assert normalised(code) == en_code, (
            f"{path.parent.name}/{path.name}, code cell {k + 1} differs from the English:\n"
            f"{en_code}\n---\n{code}")
        assert tags == en_tags, (path.name, k + 1, tags, en_tags)
    # The language is actually passed: every explorer and chart call of the pilot.
    lang = path.parent.name
    asked = sum(code.count(f'lang="{lang}"') for code, _tags in ours)
    assert asked >= 2, f"{path.name}: the language is passed to {asked} call(s)"
    assert not any(f'lang="{other}"' in code for code, _tags in ours
                   for other in LANGUAGES if other != lang)


@pytest.mark.parametrize("path", TRANSLATIONS, ids=IDS)
def test_the_markdown_is_translated_with_a_draft_notice(path):
    lang = path.parent.name
    all_cells = cells(path)
    en_cells = cells(english(path))
    # The same sequence of cell types, so that the prose stays next to its code.
    assert [c["cell_type"] for c in all_cells] == [c["cell_type"] for c in en_cells]
    lines = [ln for ln in source(all_cells[0]).splitlines() if ln.strip()]
    assert lines[0].startswith("# "), lines[0]
    notice = lines[1]
    assert notice.startswith("*") and DRAFT_NOTICE[lang] in notice, notice
    assert f"](../{path.name})" in notice, f"the notice must link ../{path.name}"
    # Translated, not copied: no Markdown cell is the English one word for word.
    for ours, theirs in zip(all_cells, en_cells, strict=True):
        if ours["cell_type"] == "markdown":
            assert source(ours) != source(theirs), source(ours)[:80]
            assert re.search("[а-яәғқңөұүһі]", source(ours), re.IGNORECASE)


@pytest.mark.parametrize("path", TRANSLATIONS, ids=IDS)
def test_links_resolve_from_the_translation_folder(path):
    text = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "markdown")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        assert (path.parent / target.split("#")[0]).exists(), f"{path.name}: {target}"


def test_the_normaliser_removes_only_the_language_argument():
    assert normalised('build_timeline_explorer(lang="kk")') == "build_timeline_explorer()"
    assert normalised('f(x, year=2021, lang="ru")') == "f(x, year=2021)"
    assert normalised('f(x, lang="de")') == 'f(x, lang="de")'
    assert normalised('f(lang="kk", x=1)') == 'f(lang="kk", x=1)'


@pytest.mark.parametrize("path", TRANSLATIONS, ids=IDS)
def test_the_translation_is_executed(path):
    # nbval compares stored outputs: a translation saved without them would check nothing.
    theirs = [bool(c.get("outputs")) for c in cells(english(path)) if c["cell_type"] == "code"]
    ours = [bool(c.get("outputs")) for c in cells(path) if c["cell_type"] == "code"]
    assert ours == theirs, f"{path.name}: run it (nbconvert --execute --inplace from its folder)"
