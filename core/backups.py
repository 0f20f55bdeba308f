"""Backups of the database and the uploaded documents, and their restore.

A backup is a folder ``sse-portal-<YYYYmmdd-HHMMSS>`` (UTC) holding ``database.sqlite3`` (SQLite's
online backup: the portal keeps serving) or ``database.dump`` (``pg_dump --format=custom``), and
``media.tar.gz`` (everything under MEDIA_ROOT). Restoring replaces the whole database and the
documents with the backup's. Raises BackupError with the reason when a tool fails.
"""

import datetime
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections

SQLITE_FILE, DUMP_FILE, MEDIA_FILE = "database.sqlite3", "database.dump", "media.tar.gz"


class BackupError(Exception):
    """A backup or restore could not be made; the message says why."""


def _is_sqlite(database: dict) -> bool:
    return database["ENGINE"].endswith("sqlite3")


def _pg(command: list[str], database: dict) -> None:
    """Run a PostgreSQL client tool against ``database`` (a DATABASES entry)."""
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    target = ["--host", str(database.get("HOST") or "localhost"), "--port", str(database.get("PORT") or 5432)]
    target += ["--username", str(database.get("USER") or "postgres"), "--dbname", database["NAME"]]
    result = subprocess.run([*command, *target], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(destination: Path, using: str = "default") -> Path:
    """Back up database ``using`` and MEDIA_ROOT into a new folder under ``destination``; return it."""
    database = settings.DATABASES[using]
    folder = Path(destination) / f"sse-portal-{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True)
    if _is_sqlite(database):
        with sqlite3.connect(database["NAME"]) as source, sqlite3.connect(folder / SQLITE_FILE) as copy:
            source.backup(copy)
    else:
        _pg(["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / DUMP_FILE)], database)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname=".")
    return folder


def restore(folder: Path, database: dict | None = None, media_root: Path | None = None) -> None:
    """Replace ``database`` (default: the portal's) and ``media_root`` (MEDIA_ROOT) by the backup in ``folder``.

    The backup must come from the same kind of database (SQLite or PostgreSQL).
    """
    folder = Path(folder)
    database = database or settings.DATABASES["default"]
    if _is_sqlite(database):
        if not (folder / SQLITE_FILE).exists():
            raise BackupError(f"{folder} holds no SQLite backup ({SQLITE_FILE}).")
        connections.close_all()
        with sqlite3.connect(folder / SQLITE_FILE) as copy, sqlite3.connect(database["NAME"]) as target:
            copy.backup(target)
    else:
        if not (folder / DUMP_FILE).exists():
            raise BackupError(f"{folder} holds no PostgreSQL backup ({DUMP_FILE}).")
        connections.close_all()
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
        _pg([*command, str(folder / DUMP_FILE)], database)
    media = Path(media_root or settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    media.mkdir(parents=True)
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        archive.extractall(media, filter="data")
