"""Write the Binder launch links from the repository URL in pyproject.toml.

The README gets a badge that opens the start page; every notebook gets, under its
title, a link that opens that notebook in JupyterLab on mybinder.org
(``?urlpath=lab/tree/notebooks/NN_name.ipynb``). Running it again changes nothing.

    python .ci/binder_links.py          # rewrite the links
    python .ci/binder_links.py --check  # exit 1 and name the files that would change
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRANCH = "main"
BADGE = "https://mybinder.org/badge_logo.svg"
# A generated line starts with this image; anything else in the cell is left alone.
LINE = re.compile(r"^\[!\[Launch on Binder\]\([^)]*\)\]\([^)]*\)\n?", re.MULTILINE)


def repository() -> str:
    """``owner/name`` on GitHub, from ``[project.urls] Repository``."""
    url = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
    match = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?", url)
    if not match:
        raise SystemExit(f"[project.urls] Repository must be a GitHub URL, got {url!r}")
    return match.group(1)


def launch_url(path: str) -> str:
    """The mybinder.org URL that opens ``path`` (relative to the repository) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{repository()}/{BRANCH}?urlpath=lab/tree/{path}"


def badge(path: str) -> str:
    return f"[![Launch on Binder]({BADGE})]({launch_url(path)})"


def with_link(text: str, link: str) -> str:
    """``text`` (a title cell or README) with ``link`` as a paragraph after the first heading."""
    lines = LINE.sub("", text).split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("# "))
    rest = lines[first + 1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    return "\n".join(lines[:first + 1] + ["", link] + ([""] + rest if rest else []))


def _notebook(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = nb["cells"][0]
    assert cell["cell_type"] == "markdown", f"{path.name}: the first cell must be the title"
    source = with_link("".join(cell["source"]), badge(f"notebooks/{path.name}"))
    cell["source"] = source.splitlines(keepends=True)
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def rendered() -> dict[Path, str]:
    """Every file the links live in, with its content after the rewrite."""
    out = {ROOT / "README.md": with_link((ROOT / "README.md").read_text(encoding="utf-8"),
                                         badge("notebooks/00_start_here.ipynb"))}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        out[path] = _notebook(path)
    return out


def main(argv: list[str]) -> int:
    stale = [p for p, text in rendered().items() if p.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run make binder-links)")
        return 1 if stale else 0
    for path in stale:
        path.write_text(rendered()[path], encoding="utf-8")
        print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
