"""Backups of the database and the uploaded documents, and their restore.

A backup is a folder ``sse-portal-<YYYYmmdd-HHMMSS>`` (UTC) holding ``database.sqlite3`` (SQLite's
online backup: the portal keeps serving) or ``database.dump`` (``pg_dump --format=custom``), and
``media.tar.gz`` (everything under MEDIA_ROOT). Restoring puts back every table of the backup
(on PostgreSQL, tables created after it by later migrations are left as they are: restore into
the same code version, or an empty database) and replaces the documents, once their archive has
been read in full. Raises BackupError with the reason when a tool or a file fails.
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
    target = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):  # unset: the client's defaults (the local socket, the system user)
            target += [option, str(database[key])]
    result = subprocess.run([*command, *target], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(destination: Path, using: str = "default") -> Path:
    """Back up database ``using`` and MEDIA_ROOT into a new folder under ``destination``; return it."""
    database = settings.DATABASES[using]
    stamp = f"sse-portal-{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}"
    folder, copy = Path(destination) / stamp, 1
    while folder.exists():  # two backups in one second
        copy += 1
        folder = Path(destination) / f"{stamp}-{copy}"
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
    if not (folder / MEDIA_FILE).exists():
        raise BackupError(f"{folder} holds no documents archive ({MEDIA_FILE}).")
    media = Path(media_root or settings.MEDIA_ROOT)
    unpacked = media.with_name(f"{media.name}.restoring")
    shutil.rmtree(unpacked, ignore_errors=True)
    try:  # the archive is read in full before anything is replaced
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
            archive.extractall(unpacked, filter="data")
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(unpacked, ignore_errors=True)
        raise BackupError(f"The documents archive of {folder} cannot be read: {error}") from error
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
    previous = media.with_name(f"{media.name}.before-restore")
    shutil.rmtree(previous, ignore_errors=True)
    if media.exists():
        media.rename(previous)
    unpacked.rename(media)
    shutil.rmtree(previous, ignore_errors=True)
