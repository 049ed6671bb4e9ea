"""The backup and restore drill: `frontdoor backup` of the served database (while it serves),
`frontdoor restore` into a new database, then every table's row count and checksum agree."""

import pytest

from .conftest import Cluster, Server, contact_body, frontdoor, new_key, post_contact

pytestmark = pytest.mark.reliability

TABLES = """
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
"""


def _fingerprint(cluster: Cluster, database: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and an md5 of its rows in a fixed order."""
    found = {}
    for (table,) in cluster.query(TABLES, name=database):
        found[table] = cluster.query(
            f"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') "
            f'FROM "{table}" t',
            name=database,
        )[0]
    return found


def test_a_backup_restored_into_a_new_database_is_the_same_row_for_row(
    cluster: Cluster, server: Server, token: str, service_env: dict[str, str], tmp_path
):
    for _ in range(3):
        status, _ = post_contact(server.base, token, contact_body(new_key()), new_key())
        assert status == 201
    out = tmp_path / "frontdoor.dump"

    frontdoor("backup", "--out", str(out), env=service_env)
    cluster.createdb("frontdoor_restored")
    restored_env = dict(service_env, DATABASE_URL=cluster.url("frontdoor_restored"))
    frontdoor("restore", "--from", str(out), env=restored_env)

    original = _fingerprint(cluster, "frontdoor")
    restored = _fingerprint(cluster, "frontdoor_restored")
    assert len(original) > 50
    assert original["contacts_contact"][0] >= 3
    assert restored == original
