"""Pages ready for a strict Content-Security-Policy: scripts and styles only as files, in base.html's blocks.

Walks every page of the portal (the Arabic walk's list) and fails on an inline ``<script>``, a
``<style>`` element, an ``on…`` handler attribute, or a script or stylesheet inside ``<main>``
(the content block): pages add them through the ``styles`` and ``scripts`` blocks.
"""

import re
from html.parser import HTMLParser

import pytest

from .test_arabic_pages import every_page
from .test_permissions import one_of_each  # noqa: F401  (a record of each kind, so every page has something)

pytestmark = pytest.mark.django_db


class Structure(HTMLParser):
    """Notes what a strict policy would block, and assets put inside the page's content."""

    def __init__(self):
        super().__init__()
        self.in_main = 0
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main += 1
        if tag == "script" and not attrs.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        self.problems += [f"{name} handler on <{tag}>" for name in attrs if name.startswith("on")]
        if self.in_main and (tag == "script" or (tag == "link" and attrs.get("rel") == "stylesheet")):
            self.problems.append(f"<{tag}> inside the content block")

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1


def problems(html: str) -> list[str]:
    parser = Structure()
    parser.feed(html)
    return parser.problems


def test_the_check_notices_inline_code():
    html = '<script>x()</script><main><script src="/a.js"></script><button onclick="x()">a</button></main>'
    assert problems(html) == ["inline <script>", "<script> inside the content block", "onclick handler on <button>"]
    assert problems('<head><script src="/a.js"></script></head><main><p>a</p></main>') == []


def test_no_page_has_inline_scripts_styles_or_handlers(staff_client):
    found = {}
    for url in every_page():
        response = staff_client.get(url)
        assert response.status_code == 200, url
        if page_problems := problems(response.content.decode()):
            found[url] = sorted(set(page_problems))
    assert found == {}


def test_form_pages_load_their_chooser_scripts_after_the_content(staff_client):
    html = staff_client.get("/meetings/new/").content.decode()
    main_end, select2 = html.index("</main>"), html.index("admin/js/vendor/select2/select2.full")
    assert select2 > main_end and html.index("js/formset.js") > main_end
    assert html.index("admin/css/vendor/select2/select2.min.css") < html.index("</head>")


def test_every_page_opens_on_a_skip_link_and_has_a_title_of_its_own(staff_client):
    titles = {}
    for url in dict.fromkeys(every_page()):
        html = staff_client.get(url).content.decode()
        body = html.split("<body", 1)[1]
        assert body.split("<a ", 1)[1].startswith('class="visually-hidden-focusable'), url
        assert 'href="#content"' in body.split("</a>", 1)[0] and re.search(
            r'<main class="[^"]* pb-5" id="content"', html
        )
        titles.setdefault(html.split("<title>")[1].split("</title>")[0], []).append(url)
    assert {title: urls for title, urls in titles.items() if len(urls) > 1} == {}


def test_text_in_the_other_language_is_marked_with_its_lang(staff_client):
    """An Arabic page marks the French title of a record that has no Arabic one, and a person's
    Latin name (core.i18n.Text, the lang_mark filter); French text on a French page is not marked."""
    from projects.models import Event
    from stakeholders.models import Person

    event = Event.objects.get(title_fr="Salon régional")
    page = staff_client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<h1 class="h3" dir="auto" lang="fr">Salon régional</h1>' in page
    person = Person.objects.get(full_name_latin="Hosni Rachidi")
    page = staff_client.get(person.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<bdi lang="fr">Hosni Rachidi</bdi>' in page and "<bdi>حسني رشيدي</bdi>" in page
    page = staff_client.get(person.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<bdi>Hosni Rachidi</bdi>" in page and '<bdi lang="ar">حسني رشيدي</bdi>' in page
