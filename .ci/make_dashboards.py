"""Write notebooks/dashboards/: one short notebook per explorer, for Voila.

A dashboard shows an explorer, its title and one sentence on what to do: not the whole
notebook (the explorer 1,500 px down, exercises that cannot be answered there, answers a
student typed and saved). Each dashboard is generated from the table below and the title of
its notebook, so that it cannot drift from the notebook. The files are not kept in git:
``make dashboard`` and the tests (``tests/conftest.py``) write them afresh.

A dashboard whose call passes ``lang=dashboard_language()`` speaks the language the page
asks for (:func:`kzlib.i18n.dashboard_language`: ``?lang=kk`` or ``?lang=ru`` in the
address, or ``make dashboard LANG=kk``) from its heading down: the code cell shows the title
and the sentence translated (:func:`kzlib.widgets.dashboard.dashboard_heading`, from the
catalogues, where both are messages) above the explorer, and the markdown cell holds only
the line that switches between the three languages. A dashboard whose explorer does not take
``lang`` yet shows the same heading in English.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

#: notebook -> (what to do, one sentence; the import; the call that builds the explorer).
#: The sentence is a message of kzlib/locale's catalogues (as is the notebook's title).
DASHBOARDS: dict[str, tuple[str, str, str]] = {
    "00_start_here": (
        "Pick a kind of reform and a range of years: the timeline shows the dated steps.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.timeline import build_timeline_explorer",
        "build_timeline_explorer(lang=dashboard_language())"),
    "01_referendum_2022": (
        "Set a turnout and a Yes share and choose the adoption rule: does the referendum pass?",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.referendum import build_adoption_explorer",
        "build_adoption_explorer(lang=dashboard_language())"),
    "02_presidency": (
        "Choose the year of a first election: the rules in force then decide the longest tenure.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.presidency import build_era_explorer",
        "build_era_explorer(start_year=2019, lang=dashboard_language())"),
    "03_institutions": (
        "Build each chamber from the ways its seats are filled: the president's share follows.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.institutions import build_chamber_explorer",
        'build_chamber_explorer(start="before 2023", lang=dashboard_language())'),
    "04_parties": (
        "Set a party's members, branches and regions: does it meet the rules of that year?",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.parties import build_registration_explorer",
        "build_registration_explorer(lang=dashboard_language())"),
    "05_threshold_7_to_5": (
        "Move the threshold, its base and the seats: which lists pass, and the seats that follow.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.threshold import build_threshold_explorer",
        "build_threshold_explorer(year=2023, threshold=5.0, lang=dashboard_language())"),
    "06_how_seats_are_counted": (
        "Choose the votes, a method and a house size: the seats, and the methods side by side.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.counting import build_counting_explorer",
        'build_counting_explorer(election="2023", method="hare", lang=dashboard_language())'),
    "07_mazhilis_mixed_system": (
        "Mix list and district seats and choose how the tiers combine: the 98 seats that follow.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.mixed import build_mixed_explorer",
        "build_mixed_explorer(lang=dashboard_language())"),
    "08_maslikhats": (
        "Choose a council, a threshold, its base and a method: the list seats of 2023.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.maslikhat import build_maslikhat_explorer",
        'build_maslikhat_explorer("Astana city", lang=dashboard_language())'),
    "09_akims": (
        "Choose a level and the first year of direct elections: a model of the phase-in beside "
        "the reported counts.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.akims import build_rollout_explorer",
        'build_rollout_explorer(level="rural", term_years=4, lang=dashboard_language())'),
    "10_what_if_lab": (
        "Pick an election, move votes between options, and compare up to three rule sets.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.whatif import build_whatif_explorer",
        "build_whatif_explorer(2021, lang=dashboard_language())"),
    "11_constitution_2026": (
        "Replay a Mazhilis election's list votes in a 145-seat Kurultai: set the threshold and "
        "its base.",
        "from kzlib.i18n import dashboard_language\n"
        "from kzlib.widgets.constitution import build_kurultai_explorer",
        "build_kurultai_explorer(year=2023, threshold=5.0, lang=dashboard_language())"),
}


#: Above a dashboard whose explorer speaks Kazakh and Russian (the page's address + ?lang=).
LANGUAGE_LINE = ("Қазақша: [?lang=kk](?lang=kk) · По-русски: [?lang=ru](?lang=ru) · "
                 "English: [?lang=en](?lang=en)")


def title(notebook: str) -> str:
    """The first heading of ``notebooks/<notebook>.ipynb``, without its ``#``."""
    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    first = "".join(cells[0]["source"]).splitlines()[0]
    return first.lstrip("# ").strip()


#: The markdown cell of a dashboard whose explorer does not take ``lang`` yet.
ENGLISH_ONLY = "*In English only, for now.*"

_SPEAKS = "lang=dashboard_language()"


def code(notebook: str) -> str:
    """The dashboard's code cell: the imports and the heading, a blank line, then the call
    that builds the explorer (the last line, so that its value is what the cell shows)."""
    what, imports, call = DASHBOARDS[notebook]
    lang = f", {_SPEAKS}" if _SPEAKS in call else ""
    strings = [json.dumps(s, ensure_ascii=False) for s in (title(notebook), what, notebook)]
    arguments = ",\n    ".join(strings)
    heading = f"display(dashboard_heading(\n    {arguments}{lang}))"
    lines = sorted({"from IPython.display import display",
                    "from kzlib.widgets.dashboard import dashboard_heading",
                    *imports.splitlines()})
    return "\n".join(lines) + f"\n{heading}\n\n{call}"


def dashboard(notebook: str) -> dict:
    """The dashboard notebook of ``notebook``, as a JSON-ready dict."""
    text = LANGUAGE_LINE if _SPEAKS in DASHBOARDS[notebook][2] else ENGLISH_ONLY
    return {
        "cells": [
            {"cell_type": "markdown", "id": "title", "metadata": {},
             "source": text.splitlines(keepends=True)},
            {"cell_type": "code", "execution_count": None, "id": "explorer",
             "metadata": {"tags": ["nbval-ignore-output"],
                          "nbval-reason": "a widget: its view is checked in the browser tests"},
             "outputs": [], "source": code(notebook).splitlines(keepends=True)},
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def write(folder: Path) -> list[Path]:
    """Write every dashboard into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for notebook in DASHBOARDS:
        path = folder / f"{notebook}.ipynb"
        path.write_text(json.dumps(dashboard(notebook), indent=1, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else NOTEBOOKS / "dashboards"
    for written in write(target):
        print(written.relative_to(ROOT) if written.is_relative_to(ROOT) else written)
