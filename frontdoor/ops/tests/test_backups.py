"""`frontdoor backup` and `frontdoor restore` (the PostgreSQL drill, backing up a served
database and restoring it into a new one, is tests/reliability/test_backup_restore.py)."""

import sqlite3
import threading

import pytest
from django.core.management import CommandError, call_command

from frontdoor.ops.backups import sqlite_copy
from frontdoor.test import make_contact


def test_the_sqlite_copy_is_consistent_while_another_connection_writes(tmp_path):
    source, copy = tmp_path / "live.sqlite3", tmp_path / "copy.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, worry TEXT NOT NULL)")
        db.executemany("INSERT INTO contact (worry) VALUES (?)", [("w",)] * 500)
    done = threading.Event()

    def write():
        with sqlite3.connect(source) as db:
            while not done.is_set():
                db.execute("INSERT INTO contact (worry) VALUES ('later')")
                db.commit()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        sqlite_copy(source, copy)
    finally:
        done.set()
        writer.join()

    with sqlite3.connect(copy) as db:
        count, highest = db.execute("SELECT count(*), max(id) FROM contact").fetchone()
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert count == highest >= 500  # a prefix of the rows, none missing in between


# Committed rows (pg_dump and the SQLite copy read what is committed); the council's
# defaults from the data migrations are put back afterwards for the tests that follow.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committed
def test_backup_writes_the_database_to_a_new_file(tmp_path):
    make_contact()
    out = tmp_path / "frontdoor.backup"
    call_command("backup", "--out", str(out))
    assert out.stat().st_size > 10_000


@committed
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    out = tmp_path / "frontdoor.backup"
    call_command("backup", "--out", str(out))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", "--from", str(out))


def test_backup_will_not_overwrite_a_file(db, tmp_path):
    out = tmp_path / "existing"
    out.write_text("keep me")
    with pytest.raises(CommandError, match="exists"):
        call_command("backup", "--out", str(out))
    assert out.read_text() == "keep me"
