"""The teachers' answer key, generated from the exercises, never typed.

Three sources, each the one place its part lives:

- the notebooks give each exercise's question (the ``**NN-k.**`` paragraph of the
  *Exercises* section), and so the list of every exercise, argument tasks included;
- :mod:`kzlib.exercises` gives each checked answer (``expected(id)``, computed from
  ``data/`` when the key is built) and how close an answer must be;
- the worked solutions (``notebooks/solutions/NN_name.md``) give the unit (the words
  after the number of their ``**Answer: ...**`` line), and, for the tasks marked
  Argue / Explain / Discuss, the model answer and the marking guide, quoted as written.

So a changed answer in ``kzlib.exercises`` changes the key, and a new exercise appears
in it without anyone typing it. Command line (``make answer-key``)::

    python -m kzlib.answer_key [--pdf [--site SITE_DIR]] [NOTEBOOKS_DIR] [OUTPUT_DIR]

writes ``answer_key.md`` and ``answer_key.html`` (default ``build/teachers``); with
``--pdf`` also the teacher's guide and the debate kit as HTML, and all three as A4 PDFs
with page numbers, printed by Chromium through Playwright; with ``--site`` (``make pdf``)
also one handout per notebook, ``handouts/NN_name.pdf``, printed from the static site.
"""

from __future__ import annotations

import html
import importlib
import math
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzlib.exercises import expected

__all__ = [
    "KeyEntry",
    "build_key",
    "format_answer",
    "main",
    "print_handouts",
    "print_pdf",
    "questions",
    "solution_sections",
    "to_html",
    "to_markdown",
    "unit_of",
]

# "**05-1.**", "**Exercise 01-5 (Argue).**", "**03-1 · Predict, then compute.**"
_QUESTION = re.compile(r"^\*\*(?:Exercise )?(\d\d-\d+)\b(.*?)\*\*\s*(.*)", re.DOTALL)
# "## 05-1 · Title", "## Exercise 07-1: title", "## 09-4 · Title (Explain)"
_SECTION = re.compile(r"^## (?:Exercise )?(\d\d-\d+)\b[ :·]*(.*)$", re.MULTILINE)
_ANSWER = re.compile(r"\*\*Answer:\s*(.*?)\*\*", re.DOTALL)
# A number as the solutions write it: "+15.36", "2,118,448", "0.51", "60".
_NUMBER = re.compile(r"[+−-]?\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class KeyEntry:
    """One exercise in the answer key.

    ``answer`` is the checked value as a student types it (empty for an argument task),
    ``unit`` the solution's words after its number, ``tolerance`` how far an answer may
    be from it, and ``model_answer`` / ``marking_guide`` the solution's text, if any.
    """

    exercise_id: str
    question: str
    answer: str = ""
    unit: str = ""
    tolerance: float = 0.0
    model_answer: str = ""
    marking_guide: str = ""
    solution: str = ""

    @property
    def checked(self) -> bool:
        """Whether ``check(id, answer)`` marks this exercise (not an argument task)."""
        return bool(self.answer)


def _decimals(tolerance: float) -> int:
    # The fewest decimals whose rounding error (half a unit of the last place) stays
    # within the tolerance, so the value shown is itself an accepted answer.
    return max(0, math.ceil(-math.log10(2 * tolerance)))


def format_answer(value: Any, tolerance: float = 0.0) -> str:
    """A checked answer written as a student would type it into the exercise cell.

    No thousands separators (the self-check reads ``1,200`` as two numbers); a float
    with a tolerance is rounded to the decimals that tolerance allows, so the value
    shown is accepted by the check.

    Parameters
    ----------
    value
        The expected answer, from :func:`kzlib.exercises.expected`.
    tolerance
        The exercise's tolerance (absolute, in the answer's unit).

    Returns
    -------
    str
        The answer as Python source text.

    Examples
    --------
    >>> format_answer(60935.9081632653, 0.005)
    '60935.91'
    >>> format_answer(80.0, 0.05), format_answer(2118448), format_answer("Auyl")
    ('80.0', '2118448', "'Auyl'")
    >>> format_answer((False, True))
    '(False, True)'
    >>> from fractions import Fraction
    >>> format_answer(Fraction(1, 4))
    '0.25'
    """
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (tuple, list)):
        inner = ", ".join(format_answer(v, tolerance) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k!r}: {format_answer(v, tolerance)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, int):
        return str(value)
    number = float(value)
    if tolerance > 0:
        return f"{number:.{_decimals(tolerance)}f}"
    return repr(number)


def unit_of(answer_line: str) -> str:
    """The unit in a solution's answer: the words after its first number.

    Examples
    --------
    >>> unit_of("2,118,448 participants.")
    'participants'
    >>> unit_of("+15.36 percentage points")
    'percentage points'
    >>> unit_of("64.78%."), unit_of('"Auyl".'), unit_of("2018.")
    ('%', '', '')
    >>> unit_of("about 2,778 rural posts")
    'rural posts'
    """
    match = _NUMBER.search(answer_line)
    if match is None:
        return ""
    return answer_line[match.end():].strip().rstrip(".:;,").strip()


def questions(notebook: Path) -> dict[str, str]:
    """Each exercise's question in ``notebook``, keyed by id, with its label.

    The label (``(Argue)``, ``· Predict, then compute``) is kept: it says what kind of
    task it is.
    """
    import json

    found: dict[str, str] = {}
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for paragraph in "".join(cell["source"]).split("\n\n"):
            match = _QUESTION.match(paragraph.strip())
            if match:
                label = match.group(2).strip(" .·:()")
                text = " ".join(match.group(3).split())
                found[match.group(1)] = f"({label}) {text}" if label else text
    return found


def solution_sections(text: str) -> dict[str, tuple[str, str]]:
    """The ``## NN-k`` sections of a solutions file: id -> (title, body)."""
    heads = list(_SECTION.finditer(text))
    sections = {}
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        end = following.start() if following else len(text)
        sections[head.group(1)] = (head.group(2).strip(), text[head.end():end].strip())
    return sections


def _passage(body: str, marker: str, stop: str) -> str:
    # From the bold **marker** to the first of ``stop``, a code block or the end (a
    # marking guide can be a paragraph or a bullet list).
    start = body.find(f"**{marker}")
    if start < 0:
        return ""
    rest = body[start:]
    ends = [i for i in (rest.find(stop, 2) if stop else -1, rest.find("```")) if i > 0]
    return rest[: min(ends)].strip() if ends else rest.strip()


def _tolerance(exercise_id: str) -> float:
    module = importlib.import_module(f"kzlib.exercises.nb{exercise_id.split('-')[0]}")
    return module.EXERCISES[exercise_id].tolerance


def _checked_ids(number: str) -> set[str]:
    try:
        module = importlib.import_module(f"kzlib.exercises.nb{number}")
    except ModuleNotFoundError:
        return set()
    return set(module.EXERCISES)


def _order(exercise_id: str) -> tuple[int, int]:
    notebook, number = exercise_id.split("-")
    return int(notebook), int(number)


def build_key(notebooks_dir: Path) -> list[KeyEntry]:
    """Every exercise of every numbered notebook, in order, with its answer.

    Parameters
    ----------
    notebooks_dir
        The folder holding ``NN_name.ipynb`` and ``solutions/NN_name.md``.

    Returns
    -------
    list of KeyEntry
        One entry per exercise found in a notebook or in ``kzlib.exercises``.

    Raises
    ------
    ValueError
        If ``notebooks_dir`` holds no numbered notebook.
    """
    notebooks = sorted(Path(notebooks_dir).glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise ValueError(f"notebooks_dir holds no NN_name.ipynb notebook, got {notebooks_dir!r}")
    entries = []
    for notebook in notebooks:
        number = notebook.stem[:2]
        asked = questions(notebook)
        checked = _checked_ids(number)
        solution_path = notebook.parent / "solutions" / f"{notebook.stem}.md"
        sections = (solution_sections(solution_path.read_text(encoding="utf-8"))
                    if solution_path.exists() else {})
        for exercise_id in sorted(set(asked) | checked, key=_order):
            title, body = sections.get(exercise_id, ("", ""))
            answer_line = _ANSWER.search(body)
            entry = KeyEntry(
                exercise_id=exercise_id,
                question=asked.get(exercise_id, title),
                unit=unit_of(answer_line.group(1)) if answer_line else "",
                model_answer=_passage(body, "Model answer", "**Marking guide"),
                marking_guide=_passage(body, "Marking guide", ""),
                solution=f"solutions/{solution_path.name}" if sections else "",
            )
            if exercise_id in checked:
                tolerance = _tolerance(exercise_id)
                entry = KeyEntry(**{**entry.__dict__, "tolerance": tolerance,
                                    "answer": format_answer(expected(exercise_id), tolerance)})
            entries.append(entry)
    return entries


def _accepted(entry: KeyEntry) -> str:
    if not entry.tolerance:
        return "exactly"
    return f"± {entry.tolerance:g}"


def to_markdown(entries: list[KeyEntry]) -> str:
    """The answer key as one Markdown page: a table of answers, then the marking guides."""
    lines = [
        "# Answer key · Kazakhstan Reform Notebooks",
        "",
        "Generated by `make answer-key` from `kzlib.exercises` (each answer is computed from "
        "`data/` when the key is built) and from the worked solutions in "
        "`notebooks/solutions/` (units, model answers and marking guides, quoted). Do not edit: "
        "rebuild it. Answers are written as a student types them in the exercise cell (no "
        "thousands separators; text in quotes).",
        "",
        "## Checked answers",
        "",
        "| exercise | answer | unit | accepted | question |",
        "|---|---|---|---|---|",
    ]
    for e in entries:
        if e.checked:
            question = e.question.replace("|", "\\|")
            lines.append(f"| {e.exercise_id} | `{e.answer}` | {e.unit or '—'} | "
                         f"{_accepted(e)} | {question} |")
    lines += ["", "## Argument tasks: model answers and marking guides", ""]
    for e in entries:
        if e.checked:
            continue
        lines += [f"### {e.exercise_id}", "", f"*Task.* {e.question}", ""]
        if e.model_answer:
            lines += [e.model_answer, ""]
        if e.marking_guide:
            lines += [e.marking_guide, ""]
        if not (e.model_answer or e.marking_guide):
            lines += ["No model answer or marking guide in the solutions.", ""]
        if e.solution:
            lines += [f"Worked solution: `notebooks/{e.solution}`.", ""]
    return "\n".join(lines).rstrip() + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.4; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #999; padding: .25em .5em;
vertical-align: top; }} code {{ white-space: nowrap; }}
h3 {{ break-after: avoid; }}
</style></head><body>
{body}
</body></html>
"""


def to_html(markdown: str) -> str:
    """The Markdown key as a printable HTML page (rendered with mistune, which nbconvert uses)."""
    import mistune

    title = html.escape(markdown.splitlines()[0].lstrip("# "))
    render = mistune.create_markdown(plugins=["table"])
    return _PAGE.format(title=title, body=render(markdown))


# Quiet on a closed network, as in the browser tests: no background, update or sync traffic.
_CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"]
_FOOTER = ('<div style="font-size:9px;width:100%;text-align:center;color:#444">'
           '<span class="title"></span> · page <span class="pageNumber"></span> of '
           '<span class="totalPages"></span></div>')


def print_pdf(pages: dict[Path | str, Path], chromium: Path, wait_for: str | None = None) -> None:
    """Print each HTML page to its PDF: A4, the title and page numbers in the footer.

    Parameters
    ----------
    pages
        HTML file (or ``http://`` address) -> PDF file to write.
    chromium
        The Chromium executable (Playwright never downloads a browser here).
    wait_for
        A CSS selector to wait for before printing, e.g. ``.kz-explorer`` (a notebook's
        explorer, drawn from its stored state by the page's script); None prints once
        the page has loaded.

    Raises
    ------
    ValueError
        If ``chromium`` does not exist.
    """
    if not Path(chromium).exists():
        raise ValueError(f"chromium must be an existing executable, got {str(chromium)!r}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True,
                                    args=_CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for html_path, pdf_path in pages.items():
                url = html_path if str(html_path).startswith("http://") else (
                    Path(html_path).resolve().as_uri())
                page.goto(str(url), wait_until="networkidle")
                if wait_for:
                    page.locator(wait_for).first.wait_for(state="visible", timeout=60_000)
                page.pdf(path=str(pdf_path), format="A4", print_background=True,
                         display_header_footer=True, header_template="<span></span>",
                         footer_template=_FOOTER,
                         margin={"top": "15mm", "bottom": "18mm", "left": "15mm",
                                 "right": "15mm"})
        finally:
            browser.close()


def print_handouts(site: Path, out: Path, chromium: Path) -> list[Path]:
    """Print every notebook page of the static site ``site`` (``make html``) to
    ``out/NAME.pdf``, with its explorers in their stored state; return the PDFs.

    The pages are served from 127.0.0.1 while they print (their scripts load from the
    site's ``vendor/`` folder, so no internet is needed).
    """
    import functools
    import http.server
    import threading

    names = sorted(p.stem for p in Path(site).glob("[0-9][0-9]_*.html"))
    if not names:
        raise ValueError(f"site must be a folder written by `make html`, got {str(site)!r}")
    out.mkdir(parents=True, exist_ok=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # one line per file: noise
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}"
        pages = {f"{address}/{name}.html": out / f"{name}.pdf" for name in names}
        print_pdf(pages, chromium, wait_for=".kz-explorer")
    finally:
        server.shutdown()
        server.server_close()
    return list(pages.values())


def main(argv: list[str] | None = None) -> int:
    """Write the answer key (and, with ``--pdf``, the printable handouts); print where."""
    args = list(sys.argv[1:] if argv is None else argv)
    pdf = "--pdf" in args
    args = [a for a in args if a != "--pdf"]
    site = None
    if "--site" in args:
        at = args.index("--site")
        if at + 1 >= len(args):
            raise ValueError("--site needs a folder written by `make html`")
        site = Path(args[at + 1])
        del args[at:at + 2]
    root = Path(__file__).resolve().parent.parent
    notebooks_dir = Path(args[0]) if args else root / "notebooks"
    out = Path(args[1]) if len(args) > 1 else root / "build" / "teachers"
    markdown = to_markdown(build_key(notebooks_dir))
    out.mkdir(parents=True, exist_ok=True)
    (out / "answer_key.md").write_text(markdown, encoding="utf-8")
    (out / "answer_key.html").write_text(to_html(markdown), encoding="utf-8")
    written = [out / "answer_key.md", out / "answer_key.html"]
    if pdf:
        pages = {out / "answer_key.html": out / "answer_key.pdf"}
        for source, name in ((notebooks_dir / "teachers" / "README.md", "guide"),
                             (notebooks_dir / "teachers" / "debate_kit.md", "debate_kit")):
            page = out / f"{name}.html"
            page.write_text(to_html(source.read_text(encoding="utf-8")), encoding="utf-8")
            pages[page] = out / f"{name}.pdf"
        chromium = Path(os.environ.get("KZ_CHROMIUM", "/usr/bin/chromium"))
        print_pdf(pages, chromium)
        written += list(pages.values())
        if site is not None:
            handouts = print_handouts(site, out / "handouts", chromium)
            written.append(Path(f"{len(handouts)} notebook handouts in {out / 'handouts'}"))
    print("Written: " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":  # pragma: no cover - the command line
    raise SystemExit(main())
