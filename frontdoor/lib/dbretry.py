"""One retry of a read-only request whose database connection dropped under it.

A PostgreSQL restart, a failover or `pg_terminate_backend` leaves a worker holding a dead
connection. `CONN_HEALTH_CHECKS` catches one that died between requests; this catches one
that dies during a request: a GET or HEAD that failed with a connection error is run once
more on a fresh connection. Writes are never retried here (the partner API's POST has its
Idempotency-Key for that; a form is sent again by the person).

`ReadRetryMiddleware` goes first in MIDDLEWARE, `DatabaseFaultRecorder` last: the recorder
notes a view's connection error on the request (and a signal notes one raised anywhere
else), and the outer middleware decides whether to run the request again.
"""

import sys
from collections.abc import Callable
from typing import Any

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse

READ_ONLY = frozenset({"GET", "HEAD"})
FAULT = "_frontdoor_db_fault"


def is_connection_fault(error: BaseException | None) -> bool:
    """An error that says the connection, not the query, failed."""
    return isinstance(error, InterfaceError | OperationalError)


def _note(request: HttpRequest | None, error: BaseException | None) -> None:
    if request is not None and is_connection_fault(error):
        setattr(request, FAULT, error)


def _on_request_exception(sender: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
    _note(request, sys.exc_info()[1])


got_request_exception.connect(_on_request_exception, dispatch_uid="frontdoor-db-fault")


def drop_broken_connections() -> None:
    """Close every connection outside a transaction so the next query opens a new one."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


class ReadRetryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method in READ_ONLY and getattr(request, FAULT, None) is not None:
            delattr(request, FAULT)
            drop_broken_connections()
            response = self.get_response(request)
        return response


class DatabaseFaultRecorder:
    """Notes a view's connection error on the request; another middleware answers it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        _note(request, exception)
