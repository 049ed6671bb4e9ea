"""Front Door under mixed load (issue 18): staff in the browser, partners in the portal and
through the API, analysts. Run headless and bounded with bench/load/run.sh; docs/benchmarks.md
has the figures and the commands.

Every request is named by its page or endpoint (ids replaced by {id}) so Locust reports
p50/p95/p99 per page. Demo logins from `frontdoor demo-setup` (password `front-door-demo`;
MFA is off outside production). The partner API token comes from FRONTDOOR_LOAD_TOKEN
(`frontdoor api-token --agency police`).

Only addresses on this machine are targets: the host defaults to http://127.0.0.1:8000.
"""

import json
import os
import random
import re
import uuid
from typing import Any

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("FRONTDOOR_LOAD_PASSWORD", "front-door-demo")
TOKEN = os.environ.get("FRONTDOOR_LOAD_TOKEN", "")
CONTACT_LINK = re.compile(r'href="/contacts/(\d+)/"')
PERSON_LINK = re.compile(r'href="/people/(\d+)/"')
CHECK_LINK = re.compile(r'href="/mash/checks/(\d+)/"')
DIGIT = lambda: random.randint(0, 9)  # noqa: E731
SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Khan", "Okafor"]


@events.test_start.add_listener
def _only_this_machine(environment: Any, **kwargs: Any) -> None:
    host = environment.host or ""
    assert re.match(r"https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?/?$", host), host


def contact_body() -> dict[str, Any]:
    return {
        "source": "6",
        "worry": f"Officers attended a domestic incident; the child was upset. ({uuid.uuid4()})",
        "consent": "not_sought",
        "consent_reason": "Seeking consent may place the child at greater risk.",
        "immediate_danger": False,
        "is_domestic_abuse": True,
        "referrer": {"name": "PC Sam Smith", "organisation": "Police", "phone": "01632 960001"},
        "children": [
            {
                "given_name": random.choice(["Amelia", "Oliver", "Isla", "Noah", "Ava"]),
                "family_name": random.choice(SURNAMES),
                "date_of_birth": f"20{random.randint(10, 22)}-0{random.randint(1, 9)}-1{DIGIT()}",
                "sex": random.choice("FM"),
                "postcode": "BS23 1UJ",
            }
        ],
        "adults": [
            {"given_name": "Daniel", "family_name": "Okafor", "relationship_to_child": "father"}
        ],
    }


class Staff(HttpUser):
    """A signed-in member of staff; subclasses say who and what they open."""

    abstract = True
    username = ""
    wait_time = between(1, 3)

    def on_start(self) -> None:
        page = self.client.get("/sign-in", name="/sign-in")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, "no CSRF token on the sign-in page"
        self.client.post(
            "/sign-in",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token[1]},
            headers={"Referer": self.host + "/sign-in"},
            name="/sign-in (POST)",
        )
        self.contacts: list[str] = []
        self.people: list[str] = []

    def page(self, path: str, name: str) -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return ""
            if "/sign-in" in response.url and "sign-in" not in path:
                response.failure("signed out")
                return ""
            text = response.text
        self.contacts = CONTACT_LINK.findall(text) or self.contacts
        self.people = PERSON_LINK.findall(text) or self.people
        return text

    def open_contact(self) -> None:
        if self.contacts:
            self.page(f"/contacts/{random.choice(self.contacts)}/", "/contacts/{id}/")

    def search(self) -> None:
        self.page(f"/people/?q={random.choice(SURNAMES)}", "/people/?q=")

    def open_person(self) -> None:
        if self.people:
            self.page(f"/people/{random.choice(self.people)}/", "/people/{id}/")


class ContactOfficer(Staff):
    username = "contact_officer"
    weight = 3

    @task(4)
    def queue(self) -> None:
        self.page("/contacts/", "/contacts/")

    @task(3)
    def contact(self) -> None:
        self.open_contact()

    @task(2)
    def search_people(self) -> None:
        self.search()

    @task(1)
    def consultations(self) -> None:
        self.page("/consultations/", "/consultations/")


class SocialWorker(Staff):
    username = "social_worker"
    weight = 3

    @task(2)
    def queue(self) -> None:
        self.page("/contacts/", "/contacts/")

    @task(3)
    def contact(self) -> None:
        self.open_contact()

    @task(2)
    def caseload(self) -> None:
        self.page("/casework/caseload", "/casework/caseload")

    @task(2)
    def person(self) -> None:
        if not self.people:
            self.search()
        self.open_person()


class Manager(Staff):
    username = "team_manager"
    weight = 2

    @task(2)
    def authorisations(self) -> None:
        self.page("/contacts/authorisations", "/contacts/authorisations")

    @task(2)
    def mash(self) -> None:
        self.page("/mash/", "/mash/")

    @task(2)
    def queue(self) -> None:
        self.page("/contacts/", "/contacts/")

    @task(1)
    def contact(self) -> None:
        self.open_contact()


class PartnerPortal(Staff):
    username = "police_partner"
    weight = 2

    @task(3)
    def checks(self) -> None:
        text = self.page("/mash/checks/", "/mash/checks/")
        found = CHECK_LINK.findall(text)
        if found:
            self.page(f"/mash/checks/{random.choice(found)}/", "/mash/checks/{id}/")

    @task(2)
    def our_contacts(self) -> None:
        self.page("/partner/contacts", "/partner/contacts")


class Analyst(Staff):
    username = "analyst"
    weight = 1
    wait_time = between(3, 6)

    @task(3)
    def dashboard(self) -> None:
        self.page("/performance/", "/performance/")

    @task(1)
    def returns(self) -> None:
        self.page("/returns/", "/returns/")


class PartnerAPI(HttpUser):
    """A police system sending contacts and reading their progress and its checks."""

    weight = 2
    wait_time = between(1, 2)

    def on_start(self) -> None:
        assert TOKEN, "set FRONTDOOR_LOAD_TOKEN (frontdoor api-token --agency police)"
        self.headers = {"Authorization": f"Bearer {TOKEN}"}
        self.sent: list[str] = []

    @task(3)
    def send_contact(self) -> None:
        headers = dict(self.headers, **{"Idempotency-Key": str(uuid.uuid4())})
        response = self.client.post(
            "/api/v1/contacts",
            data=json.dumps(contact_body()),
            headers=dict(headers, **{"Content-Type": "application/json"}),
            name="POST /api/v1/contacts",
        )
        if response.status_code == 201:
            self.sent.append(response.json()["reference"])

    @task(2)
    def progress(self) -> None:
        if self.sent:
            self.client.get(
                f"/api/v1/contacts/{random.choice(self.sent)}",
                headers=self.headers,
                name="GET /api/v1/contacts/{reference}",
            )

    @task(1)
    def checks(self) -> None:
        self.client.get("/api/v1/checks", headers=self.headers, name="GET /api/v1/checks")


class Intake(HttpUser):
    """The intake run only (run.py names the classes of each run): partner systems sending
    contacts back to back."""

    wait_time = between(0, 0)

    def on_start(self) -> None:
        assert TOKEN, "set FRONTDOOR_LOAD_TOKEN"
        self.headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    @task
    def send_contact(self) -> None:
        self.client.post(
            "/api/v1/contacts",
            data=json.dumps(contact_body()),
            headers=dict(self.headers, **{"Idempotency-Key": str(uuid.uuid4())}),
            name="POST /api/v1/contacts",
        )
