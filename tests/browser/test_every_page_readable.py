"""Every page kind, in Arabic and in French, read by axe-core and the Nu HTML Checker in chromium.

axe-core (wcag2a, wcag2aa, wcag21aa) must find no critical or serious violation, and vnu no
HTML error, on the page as served. Both come from the npm registry (tests/browser/package.json,
installed by ``make test``); vnu.jar runs with Java. axe cannot judge the contrast of joined
Arabic letters, so contrast is judged on the French pages, which share the Arabic pages' colours.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from ..test_arabic_pages import NOT_PAGES
from ..test_permissions import SKIPPED, build_url, create_one_of_each, url_names
from .support import needs_chromium, sign_in

MODULES = Path(__file__).with_name("node_modules")
AXE = MODULES / "axe-core" / "axe.min.js"
VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]
SERIOUS = {"critical", "serious"}
# Arabic pages read on a phone's width, French ones on a laptop's: neither may be wider.
LOCALES = {"ar": ("ar-MA", 375), "fr": ("fr-FR", 1280)}

pytestmark = [
    needs_chromium,
    pytest.mark.skipif(
        not (AXE.exists() and VNU.exists() and shutil.which("java")) and os.environ.get("CI") != "true",
        reason="the page checkers are not installed (npm ci --prefix tests/browser; Java)",
    ),
]


def page_kinds() -> list[str]:
    """One address per named URL of the portal (a record of each kind), and a search with results."""
    urls = [
        build_url(name, pattern, None)
        for name, pattern in url_names()
        if name not in SKIPPED and name.split(":")[-1] not in NOT_PAGES
    ]
    return urls + [reverse("overview:search") + "?q=مجلس"]


def axe_violations(page, language: str) -> list[str]:
    """axe-core's critical and serious violations on ``page``, as "rule: target" lines."""
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    if language == "ar":
        options["rules"] = {"color-contrast": {"enabled": False}}  # judged on the French pages
    results = page.evaluate("options => axe.run(document, options)", options)
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
        for node in violation["nodes"]
    ]


def html_errors(folder: Path) -> dict[str, list[str]]:
    """The Nu HTML Checker's errors on each saved page of ``folder``, as "line: message" lines by file name."""
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(run.stderr)["messages"]:
        name = Path(message.get("url", "?")).name
        found.setdefault(name, []).append(f"{message.get('lastLine', '?')}: {message['message']}")
    return found


# The outermost elements reaching beyond the screen's width, as "tag.class" (not inside a scrolled box).
OVERFLOWING = """() => {
  const out = (e) => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; };
  return [...document.body.querySelectorAll("*")]
    .filter((e) => out(e) && !out(e.parentElement) && !e.closest(".table-responsive, .d-none"))
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`);
}"""


def lengthen_names():
    """The first record of each kind renamed to its fields' maximum length: Arabic words in its
    Arabic names and titles, French ones elsewhere, each with one 60-letter word (an acronym,
    an address) that must wrap too."""
    for model in apps.get_models():
        if model._meta.app_label not in ("stakeholders", "meetings", "projects", "sources"):
            continue
        fields = [
            field for field in model._meta.get_fields()
            if isinstance(field, models.CharField) and not field.choices
            and field.name.startswith(("title", "name", "full_name")) and not field.name.startswith("name_key")
        ]  # fmt: skip
        first = model.objects.order_by("pk").values_list("pk", flat=True).first()
        if fields and first:
            words = {
                f.name: ("مجلس جهة درعة تافيلالت " if f.name.endswith("_ar") else "Conseil régional ") for f in fields
            }
            long = {f.name: ("x" * 60 + " " + words[f.name] * 40)[: f.max_length] for f in fields}
            model.objects.filter(pk=first).update(**long)


def page_states(page, base: str):
    """The meeting form's states that no address reaches: after a failed save, with a chooser's
    list open, and with the dialog creating a person open; yields each one's label, and the
    HTML served for it (None: the state is the script's, read by axe only)."""
    page.goto(base + reverse("meetings:meeting_create"))
    with page.expect_navigation() as saving:
        page.click("form button[type=submit].btn-success")
    page.wait_for_selector("#error-summary")
    yield "meeting form, failed save", saving.value.text()
    page.locator('select[name="attendances-0-person"] + span.select2 .select2-selection').click()
    page.locator(".select2-results__option").first.wait_for()
    yield "meeting form, a chooser open", None
    page.keyboard.press("Escape")
    page.locator('select[name="attendances-0-person"] ~ button.create-in-dialog').click()
    page.locator("dialog.create-dialog[open] form").wait_for()
    yield "meeting form, dialog creating a person", None


class PageChecks:
    """Pages read by axe as they are visited, and saved for one run of vnu at the end."""

    def __init__(self, folder: Path):
        self.folder, self.labels, self.violations, self.too_wide = folder, {}, {}, {}
        folder.mkdir()

    def check(self, page, language: str, label: str, html: str | None):
        name = f"{len(self.labels):03d}-{language}.html"
        self.labels[name] = f"{language} {label}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > page.viewport_size["width"]:
            self.too_wide[self.labels[name]] = [width, *page.evaluate(OVERFLOWING)]
        if html is not None:
            (self.folder / name).write_text(html)
        if found := axe_violations(page, language):
            self.violations[self.labels[name]] = found

    def html_errors(self) -> dict[str, list[str]]:
        return {self.labels[name]: lines for name, lines in html_errors(self.folder).items()}


def test_every_page_kind_has_no_serious_accessibility_violation_and_no_html_error(
    browser_server, browser, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    create_one_of_each()
    lengthen_names()
    base = browser_server.url
    checks = PageChecks(tmp_path / "pages")
    for language, (locale, width) in LOCALES.items():
        context = browser.new_context(locale=locale, viewport={"width": width, "height": 800}, bypass_csp=True)
        anonymous = context.new_page()
        response = anonymous.goto(base + reverse("login"))
        checks.check(anonymous, language, "sign-in page", response.text())
        staff = sign_in(context, base, "browser-staff")
        for url in page_kinds():
            response = staff.goto(base + url)
            assert response.status == 200, url
            if response.headers["content-type"].startswith("text/html"):
                checks.check(staff, language, url, response.text())
        for label, html in page_states(staff, base):
            checks.check(staff, language, label, html)
        context.close()
    assert len(checks.labels) > 80
    errors = checks.html_errors()
    if report := os.environ.get("PAGE_CHECKS_REPORT"):
        found = {"pages": len(checks.labels), "axe": checks.violations, "vnu": errors, "too wide": checks.too_wide}
        Path(report).write_text(json.dumps(found, ensure_ascii=False, indent=1))
    assert checks.violations == {}
    assert checks.too_wide == {}
    assert errors == {}
