"""Background jobs (issue 13): big downloads and long imports run by a worker, with their progress
on a page; the tests run tasks at once, and one runs the real database worker."""

import csv
import io
import os
import subprocess
import sys

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.jobs import Job
from meetings.models import Meeting
from stakeholders.models import Person

CSV_PEOPLE = "full_name_ar;full_name_latin\nفاطمة الزهراء;Fatima Zahra\nيوسف بنعلي;Youssef Benali\n".encode()


def csv_rows(content: bytes) -> list[list[str]]:
    """Rows of a CSV download in English (comma-separated)."""
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_a_big_download_goes_to_a_job_whose_file_has_every_row(staff_client, settings, tmp_path, english):
    settings.MEDIA_ROOT, settings.EXPORT_IN_BACKGROUND_ROWS = tmp_path, 2
    response = staff_client.get(reverse("meetings:meeting_list") + "?export=csv&kind=consultation_meeting")
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.status, job.done, job.total, job.percent) == ("export", "done", 5, 5, 100)
    page = staff_client.get(job.get_absolute_url()).content.decode()
    assert "Ready: 5 rows." in page and reverse("core:job_file", args=[job.pk]) in page
    assert 'http-equiv="refresh"' not in page  # finished: the page stops reloading
    download = staff_client.get(reverse("core:job_file", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment;")
    assert f'filename="meetings-{timezone.localdate().isoformat()}.csv"' in download["Content-Disposition"]
    rows = csv_rows(b"".join(download.streaming_content))
    titles = {row[rows[0].index("Title (Arabic)")] for row in rows[1:]}
    assert len(rows) == 6 and "لقاء تشاوري بإقليم الرشيدية" in titles
    assert job.back_url == reverse("meetings:meeting_list") + "?kind=consultation_meeting"


def test_a_small_download_is_served_at_once(staff_client):
    response = staff_client.get(reverse("meetings:meeting_list") + "?export=csv")
    assert response.status_code == 200 and not Job.objects.exists()


def test_a_long_import_runs_as_a_job(staff_client, settings, tmp_path, english):
    settings.MEDIA_ROOT, settings.IMPORT_IN_BACKGROUND_ROWS = tmp_path, 1
    url = reverse("core:import", args=["people"])
    preview = staff_client.post(url, {"file": SimpleUploadedFile("people.csv", CSV_PEOPLE)})
    response = staff_client.post(url, {"confirm": preview.context["token"]})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.status, job.total) == ("import", "done", 2)
    assert job.message == "2 records created, 0 already there."  # as the page says it (core.imports.outcome)
    assert Person.objects.filter(full_name_latin__in=["Fatima Zahra", "Youssef Benali"]).count() == 2
    assert not any(tmp_path.rglob("imports/*"))  # the uploaded file is removed once imported


def test_a_job_import_with_a_failing_row_saves_nothing_and_lists_the_row(staff_user, settings, tmp_path, english):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from core.tasks import run_import

    settings.MEDIA_ROOT = tmp_path
    path = default_storage.save("imports/bad.csv", ContentFile(CSV_PEOPLE + "فاطمة الزهراء;Fatima Zahra\n".encode()))
    job = Job.objects.create(kind="import", user=staff_user, title="people", language="en")
    before = Person.objects.count()
    run_import.enqueue(str(job.pk), "people", path, None)
    job.refresh_from_db()
    assert (job.status, job.message, job.row_errors) == (
        "failed",
        "1 rows have errors: nothing was saved.",
        [[4, ["The same as row 2."]]],
    )
    assert Person.objects.count() == before


def test_a_job_is_seen_by_its_user_only(staff_client, partner_user, staff_user):
    job = Job.objects.create(kind="export", user=staff_user, title="Meetings (CSV)", total=10)
    page = staff_client.get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in page and 'value="0"' in page  # queued: the page follows it
    other = Client()
    other.force_login(partner_user)
    assert other.get(job.get_absolute_url()).status_code == 404
    assert other.get(reverse("core:job_file", args=[job.pk])).status_code == 404
    assert Client().get(job.get_absolute_url()).status_code == 302


def test_the_database_worker_runs_a_queued_download(committed, settings, tmp_path, staff_user):
    settings.MEDIA_ROOT, settings.EXPORT_IN_BACKGROUND_ROWS = tmp_path, 2
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = Client()
    client.force_login(staff_user)
    client.get(reverse("meetings:meeting_list") + "?export=xlsx")
    job = Job.objects.get()
    assert job.status == "queued" and job.total == Meeting.objects.count()

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{db['NAME']}"
    else:
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(tmp_path)}
    env["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    worker = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    result = subprocess.run(worker, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    job.refresh_from_db()
    assert (job.status, job.done) == ("done", job.total), job.message
    download = client.get(reverse("core:job_file", args=[job.pk]))
    assert b"".join(download.streaming_content)[:2] == b"PK"  # an XLSX file
