"""Shared fixtures: the project root, ../shared/data (skipped when absent), the demo corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DATA = Path(__file__).resolve().parent / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with the reason."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not present: {p} (clone the project next to shared/ to run this test)")
    return p


@pytest.fixture(scope="session")
def shared():
    return shared_path


@pytest.fixture(scope="session")
def data_dir():
    return DATA


@pytest.fixture(autouse=True)
def _strict_measures(monkeypatch):
    """A measure's per-sentence guard raises in tests instead of skipping (FRAMING_STRICT=1)."""
    monkeypatch.setenv("FRAMING_STRICT", "1")


#: flags for a headless Chromium that makes no request of its own
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def browser_or_skip(what: str = "the HTML page"):
    """(chromium executable, playwright's sync_playwright), or skip the test with the reason."""
    import shutil

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip(f"no Chromium installed: {what} is checked in a headless browser; install Debian's "
                    "chromium (apt-get install chromium; .ci/run does this when run as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[dev]' installs it)")
    return exe, sync_playwright
