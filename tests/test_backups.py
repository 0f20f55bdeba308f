"""A backup restored into an empty database gives back every row of every table, history included."""

import sqlite3

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from core.backups import MEDIA_FILE, BackupError, backup, restore


def rows_of(cursor, tables) -> dict[str, list]:
    result = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        result[table] = sorted(cursor.fetchall(), key=repr)
    return result


@pytest.fixture
def empty_database(tmp_path, settings):
    """A DATABASES entry for an empty database of the same kind as the test database."""
    source = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        yield {"ENGINE": source["ENGINE"], "NAME": str(tmp_path / "empty.sqlite3")}
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = psycopg2.connect(host=source["HOST"], port=source["PORT"], user=source["USER"], dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def rows_in(database, tables) -> dict[str, list]:
    """Every row of each table, read with the database's own driver (no Django conversions)."""
    if database["ENGINE"].endswith("sqlite3"):
        raw = sqlite3.connect(database["NAME"])
    else:
        raw = psycopg2.connect(
            host=database["HOST"], port=database["PORT"], user=database["USER"], dbname=database["NAME"]
        )
    try:
        return rows_of(raw.cursor(), tables)
    finally:
        raw.close()


def test_backup_and_restore_into_an_empty_database_keep_every_row_and_document(
    committed, empty_database, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "milestones").mkdir(parents=True)
    (settings.MEDIA_ROOT / "milestones" / "programme-du-salon.pdf").write_bytes(b"%PDF-1.7 programme")
    tables = connection.introspection.table_names()
    before = rows_in(connection.settings_dict, tables)
    assert len(tables) > 60 and before["meetings_meeting"] and before["meetings_historicalmeeting"]

    folder = backup(tmp_path / "backups")
    assert (folder / MEDIA_FILE).exists()
    restore(folder, database=empty_database, media_root=tmp_path / "restored")

    assert rows_in(empty_database, tables) == before
    assert (tmp_path / "restored" / "milestones" / "programme-du-salon.pdf").read_bytes() == b"%PDF-1.7 programme"


def test_the_commands_back_up_and_refuse_a_folder_without_a_backup(committed, tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("backup", output=str(tmp_path / "backups"))
    assert "Backup written to" in capsys.readouterr().out
    with pytest.raises(Exception, match="holds no"):
        call_command("restore", str(tmp_path), no_input=True)


def test_a_backup_without_its_documents_archive_is_refused_before_anything_changes(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "milestones").mkdir(parents=True)
    (settings.MEDIA_ROOT / "milestones" / "kept.pdf").write_bytes(b"%PDF")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "database.sqlite3").write_bytes(b"")
    with pytest.raises(BackupError, match="no documents archive"):
        restore(tmp_path / "broken")
    assert (settings.MEDIA_ROOT / "milestones" / "kept.pdf").read_bytes() == b"%PDF"
