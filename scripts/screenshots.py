"""Screenshots of the portal's pages in Arabic and in French, with headless Chromium.

Usage: python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--out screenshots]
       [--username staff --password ...] [--chromium /usr/bin/chromium] [PATH ...]

Signs in, then for each language (ar, fr) saves ``<out>/<lang>-<name>.png`` of each page
(default: home, the meeting list, the consultations, each dashboard page and the meeting of
11 May 2022).
Needs Debian's chromium (``apt-get install chromium``) and the playwright package; it never
downloads a browser.
"""

import argparse
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

DEFAULT_PAGES = [
    "/",
    "/meetings/",
    "/consultations/",
    "/dashboard/",
    "/dashboard/provinces/",
    "/dashboard/regions/",
    "/dashboard/timeline/",
    "/dashboard/follow-up/",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--username", default="staff")
    parser.add_argument("--password", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{args.base_url}/accounts/login/")
        page.fill("input[name=username]", args.username)
        page.fill("input[name=password]", args.password)
        page.click("form button[type=submit].w-100")
        page.wait_for_load_state()
        paths = args.paths or DEFAULT_PAGES
        if not args.paths:
            page.goto(f"{args.base_url}/meetings/?q=الاستراتيجية")
            paths = [*paths, page.locator("table tbody a").first.get_attribute("href")]
        for lang in ("ar", "fr"):
            page.goto(f"{args.base_url}/")
            page.click("#language-menu")
            page.click(f"button[name=language][value={lang}]")
            page.wait_for_load_state()
            for path in paths:
                page.goto(f"{args.base_url}{path}")
                name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                target = out / f"{lang}-{name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
        browser.close()


if __name__ == "__main__":
    main()
