"""Backing up and restoring the database Front Door runs on (docs/howto/deploy.md).

PostgreSQL: `pg_dump --format=custom` and `pg_restore --no-owner --exit-on-error` into an empty
database. SQLite: the online backup API, safe while the service runs.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(Exception):
    """Why a backup or restore could not run; shown to the operator as it is."""


def _settings(alias: str = "default") -> dict[str, Any]:
    return connections[alias].settings_dict


def is_postgresql(alias: str = "default") -> bool:
    return "postgresql" in _settings(alias)["ENGINE"]


def _pg_env_and_args(alias: str) -> tuple[dict[str, str], list[str]]:
    db = _settings(alias)
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return env, [*args, "--dbname", str(db["NAME"])]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
            return str(candidate)
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return found


def backup(out: Path, alias: str = "default") -> None:
    """Write a consistent copy of the database to `out`."""
    if is_postgresql(alias):
        env, args = _pg_env_and_args(alias)
        command = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(out), *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return
    sqlite_copy(Path(_settings(alias)["NAME"]), out)


def sqlite_copy(source: Path, target: Path) -> None:
    """Copy one SQLite database into another with the online backup API: consistent even
    while the service writes to `source`."""
    from_db, to_db = sqlite3.connect(source), sqlite3.connect(target)
    try:
        with to_db:
            from_db.backup(to_db)
    finally:
        to_db.close()
        from_db.close()


def _has_tables(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        return bool(connections[alias].introspection.table_names(cursor))


def restore(source: Path, alias: str = "default") -> None:
    """Load a backup into the database `alias` names, which must be empty (a new database)."""
    if not source.is_file():
        raise BackupError(f"No backup at {source}.")
    if _has_tables(alias):
        raise BackupError(
            "The database to restore into is not empty. Create a new database, point "
            "DATABASE_URL at it, and restore there."
        )
    connections[alias].close()
    if is_postgresql(alias):
        env, args = _pg_env_and_args(alias)
        command = [_tool("pg_restore"), "--no-owner", "--exit-on-error", *args, str(source)]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        return
    sqlite_copy(source, Path(_settings(alias)["NAME"]))
