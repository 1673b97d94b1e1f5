"""Real-browser fixtures: Debian's Chromium driven by Playwright, JupyterLab and Voila servers.

Playwright never downloads a browser here: it launches the system's Chromium through
``executable_path``. Without Chromium (or Playwright) the browser tests skip with one
line saying why, except in CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KZ_CHROMIUM", "/usr/bin/chromium"))
# Quiet on a closed network: no background, update, sync or QUIC traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Screenshots, one per notebook, for looking at a failure (git-ignored).
ARTIFACTS = ROOT / "artifacts" / "screenshots"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _missing_browser() -> str:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (Debian: apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python package playwright is not installed (pip install -e '.[browser]')"
    return ""


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole session."""
    reason = _missing_browser()
    if reason:
        if IN_CI:
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_http(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url} in {timeout} s:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    """Stop the server we started and its kernels (its own process group), nothing else."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _workspace(tmp: Path) -> Path:
    """A throw-away copy of the notebooks (JupyterLab autosaves what it opens)."""
    work = tmp / "work"
    shutil.copytree(ROOT / "notebooks", work / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return work


def _jupyter_env(tmp: Path) -> dict[str, str]:
    """Temporary config, runtime and settings dirs, so a user's settings do not leak in."""
    config = tmp / "config"
    (config / "labconfig").mkdir(parents=True)
    # No news pop-up over the notebook.
    (config / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
    ))
    settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Render every cell (no windowing), so the whole notebook is in the page.
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(config),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
        PYTHONWARNINGS="ignore::DeprecationWarning",
    )
    return env


def _start(command: list[str], tmp: Path, env: dict[str, str], url: str) -> subprocess.Popen:
    log = tmp / "server.log"
    process = subprocess.Popen(
        command, cwd=tmp / "work", env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for_http(url, process, log)
    except Exception:
        _stop(process)
        raise
    return process


@pytest.fixture(scope="session")
def lab_url(browser, tmp_path_factory) -> Iterator[str]:
    """JupyterLab on 127.0.0.1, a free port, no token, no browser; stopped at the end."""
    tmp = tmp_path_factory.mktemp("lab")
    _workspace(tmp)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", "--ServerApp.token=", "--ServerApp.password=",
        f"--ServerApp.root_dir={tmp / 'work'}",
        "--LabApp.expose_app_in_browser=True", "--allow-root",
    ]
    process = _start(command, tmp, _jupyter_env(tmp), f"{base}/api/status")
    yield base
    _stop(process)


# --- JupyterLab the way `make lab` starts it (tests/browser/test_first_minutes.py) -------------

PRINTED_URL = re.compile(r"http://127\.0\.0\.1:\d+/lab/tree/\S+\?token=\w+")


def _copy_project(work: Path) -> None:
    """What `make lab` serves: notebooks, data, README and the Lab settings (JupyterLab
    autosaves what it opens, so a throw-away copy)."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for folder in ("notebooks", "data", ".ci/lab"):
        shutil.copytree(ROOT / folder, work / folder, ignore=ignore)
    shutil.copy(ROOT / "README.md", work / "README.md")


def _wait_for_printed_url(process: subprocess.Popen, log: Path, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = PRINTED_URL.search(log.read_text())
        if found:
            return found.group(0)
        if process.poll() is not None:
            break
        time.sleep(0.3)
    raise RuntimeError(f"no URL printed in {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def make_lab(browser, tmp_path_factory) -> Iterator[str]:
    """JupyterLab as `make lab` starts it, on a free port; yields the URL it prints."""
    tmp = tmp_path_factory.mktemp("makelab")
    work = tmp / "work"
    _copy_project(work)
    env = _jupyter_env(tmp)
    env["JUPYTER_DATA_DIR"] = str(tmp / "data")  # the trust database, not the user's
    # `make lab` copies overrides.json into the venv's app settings; here, a folder of its own.
    settings = tmp / "app-settings"
    settings.mkdir()
    shutil.copy(work / ".ci" / "lab" / "overrides.json", settings / "overrides.json")
    notebooks = sorted(str(p) for p in (work / "notebooks").glob("*.ipynb"))
    subprocess.run([sys.executable, "-m", "jupyter", "trust", *notebooks], env=env, check=True,
                   capture_output=True)
    config = work / ".ci" / "lab" / "jupyter_lab_config.py"
    command = [
        sys.executable, "-m", "jupyter", "lab", f"--config={config}",
        "--no-browser", f"--port={_free_port()}", f"--LabApp.app_settings_dir={settings}",
        "--LabApp.expose_app_in_browser=True",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = tmp / "server.log"
    process = subprocess.Popen(command, cwd=work, env=env, stdout=log.open("w"),
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield _wait_for_printed_url(process, log)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def voila_server(browser, tmp_path_factory) -> Iterator[str]:
    """Voila serving the notebooks folder on 127.0.0.1, a free port; stopped at the end."""
    tmp = tmp_path_factory.mktemp("voila")
    _workspace(tmp)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "voila", "notebooks", "--no-browser", "--Voila.ip=127.0.0.1",
        f"--port={port}", "--show_tracebacks=True",
    ]
    process = _start(command, tmp, _jupyter_env(tmp), f"{base}/")
    yield base
    _stop(process)


@pytest.fixture()
def screenshot(request) -> Iterator[callable]:
    """``screenshot(page)`` saves artifacts/screenshots/<test id>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("/", "_").replace("[", "_").replace("]", "")

    def take(page) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    yield take
