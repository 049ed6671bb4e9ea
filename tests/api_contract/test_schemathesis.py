"""The partner API keeps its contract: Schemathesis over /api/openapi.json with a real token.

Every Schemathesis check runs (`--checks all`: no server errors, status codes, content types,
headers and bodies as the contract says, schema-invalid requests refused, schema-valid ones
accepted, missing auth refused, ...) against pytest-django's live server on the suite's
database (SQLite, or PostgreSQL with DATABASE_URL). `schemathesis.toml` (project root) says
why a 422 counts as an expected answer to a schema-valid request; `st_hooks.py` gives each
generated contact a fresh Idempotency-Key as a real client would. Bounded (`--max-examples`,
a fixed seed) so it runs in the ordinary suite.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from frontdoor.accounts.actions import issue_api_token
from frontdoor.accounts.models import Agency
from frontdoor.contacts.actions import create_person_for_subject, triage_contact
from frontdoor.mash.actions import open_mash_enquiry
from frontdoor.test import make_contact, make_persona

PROJECT_DIR = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MAX_EXAMPLES = "25"
SEED = "18"


# Serialized rollback: the flush after a transactional test must not re-create content types
# that a later serialized test (contacts' concurrent idempotency test) restores by id.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def police_token() -> str:
    """A police token, and a police check waiting so GET /v1/checks answers with data."""
    police = Agency.objects.get(slug="police")
    worker = make_persona("social_worker")
    contact = make_contact()
    create_person_for_subject(contact.child_subjects().get(), worker)
    triage_contact(contact, worker, rag="amber", level_of_need=None)
    open_mash_enquiry(contact, worker, [(police, "Any call-outs to the home?")])
    return issue_api_token(police)


def test_the_api_keeps_its_contract_under_schemathesis(live_server: Any, police_token: str):
    st = Path(sys.executable).parent / "st"
    env = os.environ | {
        "PYTHONPATH": str(HERE),
        "SCHEMATHESIS_HOOKS": "st_hooks",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [
            str(st),
            "run",
            f"{live_server.url}/api/openapi.json",
            "--checks",
            "all",
            "--header",
            f"Authorization: Bearer {police_token}",
            "--max-examples",
            MAX_EXAMPLES,
            "--seed",
            SEED,
            "--workers",
            "1",
        ],
        cwd=PROJECT_DIR,  # schemathesis.toml
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-6000:]
    assert "Selected: 6/6" in report and "Tested: 6" in report, report[-3000:]
    assert "failure" not in report.split("SUMMARY")[-1].lower(), report[-3000:]
