"""A walk over every page in Arabic: right-to-left, and no interface string left in English."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from meetings.models import Consultation, Meeting, Recommendation
from projects.models import PartnershipAgreement, Programme, Project, Strategy
from stakeholders.models import Organization, Person

from .test_permissions import POST_ONLY, PUBLIC, SKIPPED, build_url, one_of_each, url_names  # noqa: F401

pytestmark = pytest.mark.django_db

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
USER_TEXT = {"bdi"}  # user content is wrapped in <bdi> or carries dir="auto"
NOT_TEXT = {"script", "style", "title"}  # the page title holds a record's name (its heading is checked)
NOT_PAGES = {"chooser", "record_restore", "record_purge", "dashboard_export", "document_download"} | POST_ONLY
NOT_PAGES |= {"meeting_attendance_sheet", "meeting_minutes", "meeting_ics", "import_template"}  # PDF, .ics, XLSX
NOT_PAGES |= {"recommendation_report", "project_sheet"}  # PDF
NOT_PAGES |= PUBLIC  # open data: JSON
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CHECKED_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")


class InterfaceText(HTMLParser):
    """Collects the interface's text: text nodes and labelling attributes outside user content."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # True where the element holds user content (or is skipped)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # user content, or text marked as another language (the language menu names each language in itself)
        user = tag in USER_TEXT or tag in NOT_TEXT or attrs.get("dir") == "auto" or attrs.get("lang", "ar") != "ar"
        user = user or "admin-autocomplete" in (attrs.get("class") or "")  # a chooser's options are records
        if not any(self.stack) and not user:
            self.found += [attrs[name] for name in CHECKED_ATTRIBUTES if attrs.get(name)]
        if tag not in VOID:
            self.stack.append(user)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack) and data.strip():
            self.found.append(data.strip())


def english_left(html: str) -> list[str]:
    parser = InterfaceText()
    parser.feed(html)
    return [text for text in parser.found if LATIN_WORD.search(text)]


def every_page() -> list[str]:
    """Every page a person opens: each URL of the portal, and the page of every record of the dataset."""
    urls = [
        build_url(name, pattern, None)
        for name, pattern in url_names()
        if name not in SKIPPED and name.split(":")[-1] not in NOT_PAGES
    ]
    urls.append(reverse("overview:search") + "?q=مجلس")
    for model in [Meeting, Consultation, Recommendation, Project, Programme, Strategy, PartnershipAgreement]:
        urls += [record.get_absolute_url() for record in model.objects.all()]
    for model in [Organization, Person]:
        urls += [record.get_absolute_url() for record in model.objects.all()]
    return urls


def test_every_page_is_right_to_left_with_no_english_interface_text(staff_client):
    pages = every_page()
    assert len(pages) > 80
    leftovers = {}
    for url in pages:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="ar" dir="rtl">' in html, url
        if found := english_left(html):
            leftovers[url] = found
    assert leftovers == {}


def test_sign_in_page_in_arabic(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert english_left(html) == []


def test_the_walk_notices_english(staff_client):
    assert english_left('<p>Meetings</p><bdi>Hosni Rachidi</bdi><a dir="auto">Réunion</a>') == ["Meetings"]
    assert english_left('<input placeholder="Search">') == ["Search"]
