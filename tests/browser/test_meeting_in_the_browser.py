"""In a real browser (Debian's chromium, driven by Playwright): staff create a meeting, find it, partners only look."""

from meetings.models import Meeting

from .support import needs_chromium, sign_in

pytestmark = needs_chromium


def choose(page, select_name, typed, expected):
    """Pick ``expected`` in a search-as-you-type chooser after typing ``typed``."""
    page.locator(f'select[name="{select_name}"] + span.select2 .select2-selection').click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=expected).first.click()


def test_staff_create_a_meeting_with_two_attendees_and_partners_only_look(browser_server, browser):
    base = browser_server.url
    staff = sign_in(browser.new_context(locale="fr-FR"), base, "browser-staff")
    staff.goto(f"{base}/meetings/new/")
    staff.fill("input[name=title_ar]", "اجتماع تتبع المعارض الإقليمية")
    staff.fill("input[name=title_fr]", "Réunion de suivi des foires provinciales")
    staff.select_option("select[name=kind]", "coordination_meeting")
    staff.fill("input[name=date]", "2026-12-02")

    # A person missing from the choosers is created in a new tab; the form keeps what was typed.
    with staff.context.expect_page() as new_tab:
        staff.click("#missing-records a[href$='/people/new/']")
    person_page = new_tab.value
    person_page.fill("input[name=full_name_ar]", "فاطمة الزهراء بنعلي")
    person_page.fill("input[name=full_name_latin]", "Fatima Zahra Benali")
    person_page.click("form button[type=submit].btn-success")
    person_page.wait_for_url("**/people/*/")
    person_page.close()
    assert staff.input_value("input[name=title_fr]") == "Réunion de suivi des foires provinciales"

    choose(staff, "attendances-0-person", "سلوى", "Salwa Tajri")  # French pages name people in Latin script
    # Her positions only are offered (seven people hold one in the dataset).
    staff.locator('select[name="attendances-0-position"] + span.select2 .select2-selection').click()
    offered = staff.locator(".select2-container--open .select2-results__option:not(.loading-results)")
    offered.first.wait_for()
    assert offered.all_inner_texts() == [
        "Salwa Tajri, Directrice de la promotion de l'économie sociale, "
        "Ministère du Tourisme, de l'Artisanat et de l'Économie sociale et solidaire"
    ]
    offered.first.click()
    staff.click("[data-formset=attendances] [data-add-row]")
    choose(staff, "attendances-1-person", "فاطمه", "Fatima Zahra Benali")  # haa typed for taa marbuta
    staff.click("form button[type=submit].btn-success")
    staff.wait_for_url("**/meetings/*/")
    assert "Réunion de suivi des foires provinciales" in staff.inner_text("h1")
    attendees = staff.inner_text("#attendees")
    assert "Salwa Tajri" in attendees and "Fatima Zahra Benali" in attendees
    meeting = Meeting.objects.get(title_fr="Réunion de suivi des foires provinciales")
    assert meeting.attendances.count() == 2

    staff.goto(f"{base}/meetings/")
    staff.select_option("#filters select[name=kind]", "coordination_meeting")
    choose(staff, "person", "benali", "Fatima Zahra Benali")
    staff.click("#filters button[type=submit]")
    staff.wait_for_load_state()
    links = staff.locator("table a", has_text="Réunion de suivi des foires provinciales")
    assert links.count() == 1

    partner = sign_in(browser.new_context(locale="fr-FR"), base, "browser-partner")
    partner.goto(f"{base}{meeting.get_absolute_url()}")
    assert "Réunion de suivi des foires provinciales" in partner.inner_text("h1")
    assert partner.locator("[data-action=edit], [data-action=delete], [data-action=create]").count() == 0
    partner.goto(f"{base}/meetings/")
    assert partner.locator("[data-action=create]").count() == 0
    assert partner.goto(f"{base}/meetings/{meeting.pk}/edit/").status == 403


def create_in_dialog(page, select_name, fields: dict, chosen=None):
    """Press the + next to a chooser, fill the dialog's form (``chosen``: its choosers) and save it."""
    page.locator(f'select[name="{select_name}"] ~ button.create-in-dialog').click()
    dialog = page.locator("dialog.create-dialog[open]")
    dialog.locator("form").wait_for()
    for name, value in fields.items():
        control = dialog.locator(f'[name="dialog-{name}"]')
        control.select_option(value) if control.evaluate("e => e.tagName") == "SELECT" else control.fill(value)
    for name, (typed, expected) in (chosen or {}).items():
        choose(page, f"dialog-{name}", typed, expected)
    dialog.locator("button[type=submit]").click()
    dialog.wait_for(state="hidden")


def test_staff_record_twelve_attendees_in_one_sitting_two_created_from_inside_the_form(browser_server, browser):
    from stakeholders.models import Person

    Person.objects.create(full_name_ar="كريم عمراني", full_name_latin="Karim Amrani")
    base = browser_server.url
    staff = sign_in(browser.new_context(locale="fr-FR"), base, "browser-staff")
    loads = []
    staff.on("load", lambda page: loads.append(page.url))
    staff.goto(f"{base}/meetings/new/")
    staff.fill("input[name=title_ar]", "اجتماع عمل حول المعرض الجهوي")
    staff.fill("input[name=title_fr]", "Réunion de travail sur la foire régionale")
    staff.select_option("select[name=kind]", "working_meeting")
    staff.fill("input[name=date]", "2026-12-02")
    known = ["Rachidi", "Haddouga", "Alaoui", "Derouich", "Tajri", "Hassani", "Khattam", "Souati", "Khalfani", "Amrani"]
    for row, name in enumerate(known):
        if row:
            staff.click("[data-formset=attendances] [data-add-row]")
        if row == 1:  # the new row's first control has the focus, and a screen reader hears so
            focused = "document.activeElement.closest('.select2').previousElementSibling.name"
            assert staff.evaluate(focused) == "attendances-1-person"
            assert staff.locator("[data-formset=attendances] [aria-live]").text_content() == "Ligne 2 ajoutée."
        choose(staff, f"attendances-{row}-person", name.lower(), name)
    for _ in range(2):
        staff.click("[data-formset=attendances] [data-add-row]")
    create_in_dialog(
        staff,
        "attendances-10-person",
        {"full_name_ar": "فاطمة الزهراء بنعلي", "full_name_latin": "Fatima Zahra Benali"},
    )
    create_in_dialog(
        staff, "attendances-10-position", {"title_ar": "رئيسة تعاونية", "title_fr": "Présidente de coopérative"},
        chosen={"organization": ("coopération", "Office du Développement de la Coopération")},
    )  # fmt: skip
    create_in_dialog(
        staff, "attendances-11-person", {"full_name_ar": "يوسف أيت علي", "full_name_latin": "Youssef Ait Ali"}
    )
    assert staff.locator('select[name="attendances-10-person"] option:checked').inner_text() == "Fatima Zahra Benali"
    staff.click("form button[type=submit].btn-success")
    staff.wait_for_url("**/meetings/*/")
    assert len(loads) == 2, loads  # the form, then the meeting saved: no other page was opened

    meeting = Meeting.objects.get(title_fr="Réunion de travail sur la foire régionale")
    rows = {
        a.person.full_name_latin: a for a in meeting.attendances.select_related("person", "position", "organization")
    }
    assert len(rows) == 12 and {"Fatima Zahra Benali", "Youssef Ait Ali", "Karim Amrani", "Salwa Tajri"} <= set(rows)
    fatima = rows["Fatima Zahra Benali"]
    assert (fatima.position.title_fr, fatima.position.person, fatima.organization.name_fr) == (
        "Présidente de coopérative",
        fatima.person,
        "Office du Développement de la Coopération",
    )
