"""Documents on meetings, consultations, decisions, projects and agreements: typed by their content,
limited in size, stored through the storage API, downloaded as attachments by the right roles only."""

import io
from urllib.parse import quote

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from meetings.models import Consultation, ConsultationDocument, Decision, DecisionDocument, Meeting, MeetingDocument
from overview.draa_tafilalet import MEETING_DATE
from projects.models import AgreementDocument, PartnershipAgreement, Project, ProjectDocument

from .factories import DecisionFactory

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["الحضور", "Présence"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def add_url(model, parent) -> str:
    return reverse("core:document_create", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def download_url(document) -> str:
    opts = document._meta
    return reverse("core:document_download", args=[opts.app_label, opts.model_name, document.pk])


def upload(client, model, parent, name, content, **fields):
    data = {"title": "", "kind": "minutes", "file": SimpleUploadedFile(name, content), **fields}
    return client.post(add_url(model, parent), data)


def parents():
    """One record of each documented kind, from the dataset where it has one."""
    return [
        (MeetingDocument, lambda: Meeting.objects.get(date=MEETING_DATE)),
        (ConsultationDocument, lambda: Consultation.objects.get()),
        (DecisionDocument, lambda: Decision.objects.first() or DecisionFactory()),
        (ProjectDocument, lambda: Project.objects.order_by("pk").first()),
        (AgreementDocument, lambda: PartnershipAgreement.objects.get()),
    ]


@pytest.mark.parametrize("model,get_parent", parents(), ids=lambda value: getattr(value, "__name__", ""))
def test_staff_add_a_document_that_its_page_lists_and_that_downloads_as_an_attachment(
    model, get_parent, staff_client, staff_user
):
    parent = get_parent()
    response = upload(staff_client, model, parent, "محضر الاجتماع.pdf", PDF)
    assert response.status_code == 302 and response["Location"] == parent.get_absolute_url()
    document = model.objects.get()
    assert (document.title, document.kind, document.content_type, document.size) == (
        "محضر الاجتماع",
        "minutes",
        "application/pdf",
        len(PDF),
    )
    assert document.uploaded_by == staff_user and document.parent == parent

    page = staff_client.get(parent.get_absolute_url()).content.decode()
    assert download_url(document) in page and "محضر الاجتماع" in page

    download = staff_client.get(download_url(document))
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert quote("محضر الاجتماع.pdf") in download["Content-Disposition"]  # its title, not the stored name
    assert download["X-Content-Type-Options"] == "nosniff"


def test_office_files_are_typed_by_their_content(staff_client, meeting):
    upload(staff_client, MeetingDocument, meeting, "الحضور.xlsx", xlsx_bytes(), kind="other")
    assert MeetingDocument.objects.get().content_type == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("minutes.pdf", HTML, "text/html, not a .pdf file"),
        ("photo.png", SVG, "image/svg+xml, not a .png file"),
        ("photo.jpg", PDF, "application/pdf, not a .jpg file"),
        ("page.html", HTML, "File extension “html” is not allowed"),
        ("drawing.svg", SVG, "File extension “svg” is not allowed"),
    ],
)
def test_a_file_whose_content_is_not_an_allowed_kind_is_refused_next_to_the_field(
    name, content, message, staff_client, meeting, english, media
):
    response = upload(staff_client, MeetingDocument, meeting, name, content)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["file"] and message in errors["file"][0]
    assert not MeetingDocument.objects.exists() and not any(media.rglob("*.*"))


def test_a_file_over_the_size_limit_is_refused(staff_client, meeting, settings, english):
    settings.MAX_UPLOAD_MB = 1
    response = upload(staff_client, MeetingDocument, meeting, "big.pdf", PDF + b"0" * (1024 * 1024))
    assert "the limit is 1 MB" in response.context["form"].errors["file"][0]
    assert not MeetingDocument.objects.exists()


@pytest.fixture
def documents(staff_client, meeting):
    upload(staff_client, MeetingDocument, meeting, "minutes.pdf", PDF)
    upload(staff_client, MeetingDocument, meeting, "internal.pdf", PDF, internal="on")
    return MeetingDocument.objects.get(internal=False), MeetingDocument.objects.get(internal=True)


def test_signed_out_and_roleless_users_cannot_download(documents, django_user_model):
    public, internal = documents
    signed_out = Client().get(download_url(public))
    assert signed_out.status_code == 302 and signed_out["Location"].startswith(reverse("login"))
    roleless = Client()
    roleless.force_login(django_user_model.objects.create_user("no-role"))
    assert roleless.get(download_url(public)).status_code == 403


def test_partners_download_shared_documents_but_neither_internal_ones_nor_upload(documents, partner_client, meeting):
    public, internal = documents
    assert partner_client.get(download_url(public)).status_code == 200
    assert partner_client.get(download_url(internal)).status_code == 403
    page = partner_client.get(meeting.get_absolute_url()).content.decode()
    assert download_url(public) in page and download_url(internal) not in page
    assert add_url(MeetingDocument, meeting) not in page
    assert upload(partner_client, MeetingDocument, meeting, "x.pdf", PDF).status_code == 403
    assert MeetingDocument.objects.count() == 2


def test_deleting_a_document_keeps_its_file_for_a_restore(
    documents, staff_client, meeting, django_capture_on_commit_callbacks, media
):
    public, _internal = documents
    stored = media / public.file.name
    opts = public._meta
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("core:document_delete", args=[opts.app_label, opts.model_name, public.pk]))
    assert response["Location"] == meeting.get_absolute_url()
    assert stored.read_bytes() == PDF and not MeetingDocument.objects.filter(pk=public.pk).exists()


def test_a_model_that_is_not_a_document_is_not_found(staff_client, meeting):
    assert (
        staff_client.get(reverse("core:document_download", args=["meetings", "meeting", meeting.pk])).status_code == 404
    )
    assert staff_client.get(reverse("core:document_download", args=["nowhere", "thing", 1])).status_code == 404


def test_the_meeting_page_lists_many_documents_in_one_query(staff_client, meeting, django_assert_max_num_queries):
    staff_client.get(meeting.get_absolute_url())
    for number in range(30):
        MeetingDocument.objects.create(meeting=meeting, file=SimpleUploadedFile(f"{number}.pdf", PDF))
    with django_assert_max_num_queries(30) as captured:
        page = staff_client.get(meeting.get_absolute_url())
    assert (
        page.content.decode().count("/documents/meetings/meetingdocument/") == 30 + 30 + 1
    )  # download and delete links, the add button
    assert sum("meetingdocument" in query["sql"] for query in captured.captured_queries) == 1
