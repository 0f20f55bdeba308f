"""What the browser tests share: Debian's chromium driven by Playwright, and signing in.

Needs /usr/bin/chromium (``.ci/run`` installs it); no browser is downloaded at run time.
"""

import os
import shutil

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
PASSWORD = "pass-for-tests"

needs_chromium = pytest.mark.skipif(
    not shutil.which(CHROMIUM) and os.environ.get("CI") != "true", reason="chromium is not installed"
)


def sign_in(context, base: str, username: str):
    """A new page of ``context`` signed in as ``username`` (a user of ``browser_server``), on the home page."""
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit].w-100")
    page.wait_for_url(f"{base}/")
    return page
