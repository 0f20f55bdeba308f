"""In a real browser: province choices follow the region chosen, on a form and in a list's
filters; partners read the national view's map."""

from stakeholders.models import Province, Region

from .support import needs_chromium, sign_in

pytestmark = needs_chromium


def test_the_provinces_offered_follow_the_region_chosen(browser_server, browser):
    base = browser_server.url
    souss = Region.objects.get(code="09")
    souss_provinces = list(Province.objects.filter(region=souss).order_by("code").values_list("name_fr", flat=True))
    staff = sign_in(browser.new_context(locale="fr-FR"), base, "browser-staff")
    staff.goto(f"{base}/projects/new/")
    assert staff.locator("input[name=provinces]").count() == 5  # Drâa-Tafilalet's, the council's
    staff.select_option("select[name=region]", str(souss.pk))
    labels = staff.locator("#div_id_provinces .form-check label").all_inner_texts()
    assert [label.strip() for label in labels] == souss_provinces
    staff.locator("#div_id_provinces .form-check label").first.click()  # each label still ticks its own box
    assert staff.locator("input[name=provinces]").first.is_checked()

    staff.goto(f"{base}/consultations/new/")
    staff.select_option("select[name=region]", str(souss.pk))
    rows = staff.locator('select[name$="-province"]')  # the provincial meetings' rows and the empty one
    assert rows.count() >= 2
    for index in range(rows.count()):
        options = rows.nth(index).locator("option").all_inner_texts()
        assert [name for name in options if name.strip() not in ("", "---------", "—")] == souss_provinces

    staff.goto(f"{base}/meetings/")
    staff.select_option("#filters select[name=region]", str(souss.pk))
    offered = staff.locator("#filters select[name=province] option").all_inner_texts()
    assert [name for name in offered if name.strip() not in ("", "---------", "—")] == souss_provinces

    partner = sign_in(browser.new_context(locale="ar-MA"), base, "browser-partner")
    partner.goto(f"{base}/dashboard/regions/")
    assert partner.locator("svg.province-map path").count() == 12
    assert partner.locator("[data-figure=regions] tbody tr").count() == 12
