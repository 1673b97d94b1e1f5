"""The two package lists (pyproject.toml and environment.yml) and the README's promises."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def pyproject_packages() -> dict[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = meta["dependencies"] + meta["optional-dependencies"]["test"]
    return dict(_name_and_spec(r) for r in reqs)


def environment_packages() -> tuple[dict[str, str], list[str], str]:
    """(conda packages except python/pip, pip entries, python spec) from environment.yml."""
    conda, pip, python = {}, [], ""
    in_pip = False
    section = ""
    for line in (ROOT / "environment.yml").read_text().splitlines():
        stripped = line.split("#")[0].rstrip()
        if stripped and not stripped[0].isspace():
            section = stripped.split(":")[0]
        if section != "dependencies" or not stripped.strip().startswith("- "):
            continue
        item = stripped.strip()[2:].strip()
        indent = len(stripped) - len(stripped.lstrip())
        if item == "pip:":
            in_pip = True
            continue
        if in_pip and indent > 2:
            pip.append(item)
            continue
        in_pip = False
        # conda's "python=3.11" means what pip writes "python==3.11"; read both alike
        if re.match(r"^python=\d", item):
            item = item.replace("=", "==", 1)
        name, spec = _name_and_spec(item)
        if name == "python":
            python = spec
        elif name != "pip":
            conda[name] = spec
    return conda, pip, python


def test_environment_matches_pyproject():
    conda, _, _ = environment_packages()
    assert conda == pyproject_packages()


def test_environment_installs_the_project_and_pins_python():
    _, pip, python = environment_packages()
    assert pip == ["-e ."], pip  # the project itself, editable, and nothing else by pip
    assert python.startswith("==3.11"), python  # Binder: an exact minor, a range fell back to 3.10


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make lab" in readme and "make test" in readme


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    stripped = [ln.strip() for ln in ci.splitlines()]
    commands = [ln for ln in stripped if ln and not ln.startswith("#")]
    assert commands[-1] == "make test"


def test_top_level_layout():
    for name in ("notebooks", "kzlib", "data", "tests", "environment.yml", "README.md",
                 "pyproject.toml", "Makefile", "LICENSE"):
        assert (ROOT / name).exists(), name


def test_widget_front_end_matches_the_kernel_side():
    # ipywidgets 8 talks to the JupyterLab 4 front end through jupyterlab_widgets 3;
    # a mismatch shows "Error displaying widget" in the browser.
    from importlib.metadata import version

    assert version("ipywidgets").startswith("8.")
    assert version("jupyterlab_widgets").startswith("3.")
    assert version("jupyterlab").startswith("4.")


# `make lab`: what a newcomer sees first. The settings are read here without starting a server.
LAB = ROOT / ".ci" / "lab"


def _lab_config():
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("jupyter_lab_config.py", path=str(LAB)).load_config()


def test_make_lab_opens_the_start_page_with_the_whole_project_in_view():
    config = _lab_config()
    assert Path(config.ServerApp.root_dir) == ROOT  # data/ and README.md are in the file browser
    url = config.LabApp.default_url  # the path of the URL the server prints, token appended
    assert url == "/lab/tree/notebooks/00_start_here.ipynb"
    assert (ROOT / url.removeprefix("/lab/tree/")).is_file()
    assert config.ServerApp.ip == "127.0.0.1"
    assert config.LabApp.news_url is None


def test_make_lab_command_line():
    import subprocess

    dry = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    lines = dry.stdout.splitlines()
    lab = [ln for ln in lines if "jupyter lab" in ln]
    assert len(lab) == 1 and "--config=.ci/lab/jupyter_lab_config.py" in lab[0], lab
    # No notebook argument: it would make notebooks/ the root and hide data/.
    assert ".ipynb" not in lab[0]
    assert any("jupyter trust notebooks/*.ipynb" in ln for ln in lines)  # widgets before running
    assert any("Set-up worked" in ln for ln in lines)


def test_make_lab_keeps_widget_state_and_shows_no_news():
    import json

    overrides = json.loads((LAB / "overrides.json").read_text())
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": True}
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_kernel_config_drops_only_the_loopback_tcp_warning():
    import subprocess
    import sys

    # A fresh interpreter, so the logging filter does not stay in this test session.
    script = (
        "import logging, runpy, sys\n"
        f"runpy.run_path({str(LAB / 'ipython_kernel_config.py')!r})\n"
        "logging.basicConfig(stream=sys.stdout, format='%(message)s')\n"
        "log = logging.getLogger('IPKernelApp')\n"
        "log.warning('Kernel is running over TCP without encryption. All communication')\n"
        "log.warning('another warning')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == ["another warning"]
