"""The partner API's JSON contract for missing episodes (pydantic, validated at the edge)."""

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from frontdoor.contacts.schemas import StrictSchema
from frontdoor.lib.identifiers import is_valid_nhs_number, normalise_nhs_number
from frontdoor.outside.models import MissingEpisode


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        raise PydanticCustomError(
            "frontdoor", "Give the time with its offset, like 2026-03-06T21:30:00+00:00."
        )
    if value is not None and not 1990 <= value.year <= 2100:
        raise PydanticCustomError("frontdoor", "Give a real time, between 1990 and 2100.")
    return value


class ChildIn(StrictSchema):
    """The child, as the person index knows them: an NHS number, or the council's LA child
    ID. A child the index does not know is refused (report them to the front door as a
    contact instead)."""

    nhs_number: str = Field("", max_length=12, description="10 digits, spaces allowed.")
    la_child_id: str = Field("", max_length=20, description="The council's child ID.")

    @field_validator("nhs_number")
    @classmethod
    def _nhs(cls, value: str) -> str:
        value = normalise_nhs_number(value) if value else ""
        if value and not is_valid_nhs_number(value):
            raise PydanticCustomError("frontdoor", "Enter a valid 10-digit NHS number.")
        return value


class ReturnIn(StrictSchema):
    """The child's return: when, who found them, where and with whom."""

    returned_at: dt.datetime = Field(description="When the child was back or found (with offset).")
    found_by: Literal["returned", "police", "carer", "professional", "other", ""] = Field(
        "",
        description="`returned` (came back by themselves), `police`, `carer`, "
        "`professional`, `other`.",
    )
    where_found: str = Field("", max_length=200)
    found_with: str = Field("", max_length=200)

    @field_validator("returned_at")
    @classmethod
    def _with_offset(cls, value: dt.datetime) -> dt.datetime | None:
        return _aware(value)


class MissingEpisodeIn(StrictSchema):
    """A child reported missing (or absent, or away from placement) to the police."""

    child: ChildIn
    kind: Literal["missing", "absent", "away"] = Field(
        description="`missing` (whereabouts unknown), `absent` (not where expected, no apparent "
        "risk), `away` (a looked-after child away from placement, whereabouts known)."
    )
    missing_from: Literal["home", "placement", "school", "other"]
    last_seen_at: dt.datetime = Field(description="When the child was last seen (with offset).")
    reported_at: dt.datetime = Field(
        description="When it was reported to the police (with offset)."
    )
    risk_level: Literal["no_apparent", "low", "medium", "high"] = Field(
        description="The police risk assessment."
    )
    police_reference: str = Field("", max_length=40)
    circumstances: str = Field("", max_length=4000)
    returned: ReturnIn | None = Field(None, description="If the child is already back.")

    @field_validator("last_seen_at", "reported_at")
    @classmethod
    def _with_offset(cls, value: dt.datetime) -> dt.datetime | None:
        return _aware(value)


class EpisodeReceipt(Schema):
    id: int
    status: str = Field(description="`missing` or `returned`.")
    started_on: dt.date
    returned_at: dt.datetime | None
    return_interview_due_at: dt.datetime | None = Field(
        description="72 hours after the return: when the return home interview must be offered by."
    )

    @staticmethod
    def resolve_status(episode: MissingEpisode) -> str:
        return "returned" if episode.has_returned else "missing"

    @staticmethod
    def resolve_return_interview_due_at(episode: MissingEpisode) -> Any:
        return episode.rhi_due_at
