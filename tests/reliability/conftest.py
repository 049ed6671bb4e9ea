"""The reliability suite's harness: a throwaway PostgreSQL cluster and `frontdoor serve`.

The cluster is made with initdb in a temporary directory and started with pg_ctl on a free
port, so the tests may kill it with SIGKILL; the shared server on 5432 is never touched. The
application server is the real one (`frontdoor serve`: gunicorn) in its own process group, so
killing it kills its workers too. As root, initdb and pg_ctl run as the `postgres` user
(PostgreSQL refuses to run as root).
"""

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

PROJECT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    assert candidates, f"{name} not found: install PostgreSQL's server package"
    return str(candidates[0])


class Cluster:
    """A PostgreSQL cluster of the test's own, which it may kill and start again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0

    def _run_as_owner(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        if self.as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, check=True, timeout=120)

    def url(self, name: str = "frontdoor") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def init(self) -> None:
        if self.as_postgres:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.root, postgres.pw_uid, postgres.pw_gid)
        self._run_as_owner(
            [_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        )
        self.start()
        self.createdb("frontdoor")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c max_connections=60 -c shared_buffers=32MB -c fsync=on"
        )
        self._run_as_owner(
            [
                _pg_bin("pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.root / "postgres.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ]
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run_as_owner(
                [_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
            )

    def postmaster_pid(self) -> int | None:
        pid_file = self.data / "postmaster.pid"
        if not pid_file.exists():
            return None
        return int(pid_file.read_text().split()[0])

    def kill9(self) -> None:
        """SIGKILL the postmaster and every backend it started (as a crash would)."""
        postmaster = self.postmaster_pid()
        assert postmaster is not None
        victims = [postmaster, *_children_of(postmaster)]
        for pid in victims:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in victims) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in victims)
        # The dead postmaster may linger as a zombie (nobody reaps orphans in a container),
        # and a zombie's pid still answers kill(pid, 0): its lock files would keep PostgreSQL
        # from starting. Every process is gone, so remove them as an operator would.
        for lock in (self.data / "postmaster.pid", self.root / f".s.PGSQL.{self.port}.lock"):
            lock.unlink(missing_ok=True)
        assert not self.is_ready()

    def is_ready(self) -> bool:
        try:
            with psycopg.connect(self.url("postgres"), connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.OperationalError:
            return False

    def createdb(self, name: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def query(self, sql: str, params: Any = None, name: str = "frontdoor") -> list[tuple]:
        with psycopg.connect(self.url(name)) as conn:
            return conn.execute(sql, params).fetchall()


def _children_of(parent: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == parent:
                children.append(int(stat.parent.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def frontdoor(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a `frontdoor` command against the cluster."""
    return subprocess.run(
        [sys.executable, "-m", "frontdoor.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        cwd=PROJECT,
    )


class Server:
    """`frontdoor serve` (gunicorn) in a process group of its own."""

    def __init__(self, env: dict[str, str], log: Path, workers: int = 3) -> None:
        self.env = env
        self.log = log
        self.port = free_port()
        self.workers = workers
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "frontdoor.cli",
                    "serve",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(self.workers),
                    "--timeout",
                    "30",
                ],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=PROJECT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(self.base + "/healthz", timeout=2) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.1)
        raise AssertionError("frontdoor serve did not answer /healthz within 60 s")

    def kill9(self) -> None:
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _children_of(self.process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()


def contact_body(marker: str) -> dict[str, Any]:
    """A partner system's contact; `marker` (in the worry) finds it in the database."""
    return {
        "source": "6",
        "worry": f"Officers attended a domestic incident; the child was upset. [{marker}]",
        "consent": "not_sought",
        "consent_reason": "Seeking consent may place the child at greater risk.",
        "immediate_danger": False,
        "is_domestic_abuse": True,
        "referrer": {"name": "PC Sam Smith", "organisation": "Police", "phone": "01632 960001"},
        "children": [
            {
                "given_name": "Amelia",
                "family_name": "Okafor",
                "date_of_birth": "2016-05-10",
                "sex": "F",
                "postcode": "BS23 1UJ",
            }
        ],
        "adults": [
            {"given_name": "Daniel", "family_name": "Okafor", "relationship_to_child": "father"}
        ],
    }


def post_contact(
    base: str, token: str, body: dict[str, Any], key: str, timeout: float = 30
) -> tuple[int | str, dict[str, Any]]:
    """POST a contact: (status, JSON body), or ("refused", {}) when no answer came (the
    connection was refused or dropped before a response)."""
    request = urllib.request.Request(
        base + "/api/v1/contacts",
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Authorization": f"Bearer {token}",
            "Idempotency-Key": key,
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        content = error.read()
        try:
            return error.code, json.loads(content)
        except ValueError:
            return error.code, {"html": content[:200].decode(errors="replace")}
    except TimeoutError:
        return "timeout", {}
    except (urllib.error.URLError, ConnectionError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError | socket.timeout):
            return "timeout", {}
        return "refused", {}


def new_key() -> str:
    return str(uuid.uuid4())


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    root = Path(tempfile.mkdtemp(prefix="frontdoor-reliability-"))
    os.chmod(root, 0o755)
    cluster = Cluster(root)
    cluster.init()
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def service_env(cluster: Cluster) -> dict[str, str]:
    """The environment of `frontdoor` commands on the cluster, migrated, with a police token."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PYTEST"))}
    env.update(
        DATABASE_URL=cluster.url(),
        DJANGO_SETTINGS_MODULE="frontdoor.settings",
        FRONTDOOR_VAR_DIR=str(cluster.root / "var"),
        FRONTDOOR_CONN_MAX_AGE="60",
    )
    frontdoor("migrate", "--no-input", "-v0", env=env)
    return env


@pytest.fixture(scope="session")
def token(service_env: dict[str, str]) -> str:
    return frontdoor("api-token", "--agency", "police", env=service_env).stdout.strip()


@pytest.fixture(scope="session")
def server(cluster: Cluster, service_env: dict[str, str]) -> Iterator[Server]:
    server = Server(service_env, cluster.root / "serve.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()
