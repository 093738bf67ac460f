"""What evidence holds completely, and the one way claimwatch words it.

A leaf: the evidence store, curated evidence, the collector, the evaluator and the reports all
read coverage, and none of them is needed to describe it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Coverage(BaseModel):
    """What evidence holds completely: every work of these institutions (through OpenAlex
    lineage) published in this period, as the source attributes them. Curated evidence is
    never complete."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    complete: bool = False
    institutions: tuple[str, ...] = ()
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    declared_by: str = "nobody"
    note: str | None = None

    def holds(
        self, institutions: Iterable[str], start: dt.date | None, end: dt.date, retrieved: dt.date | None = None
    ) -> bool:
        """True when every one of `institutions` is covered for the whole of start..end.

        An open `to` runs to the day the evidence was retrieved, where that is known.
        """
        wanted = set(institutions)
        if not (self.complete and wanted and wanted <= set(self.institutions)):
            return False
        if self.from_ and (start is None or start < self.from_):
            return False
        last = self.to or retrieved
        return not (last and end > last)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.model_dump_json(by_alias=True))
        return data


def describe(coverage: Coverage) -> str:
    """Coverage in a few words, the same in every command and report.

    'complete for I4210113369, 2024-01-10 to retrieval (declared by collect)' or
    'not complete (JSONL read directly; no coverage declared)'.
    """
    if not coverage.complete:
        return f"not complete ({coverage.note or 'none declared'})"
    period = f"{coverage.from_ or 'the start'} to {coverage.to or 'retrieval'}"
    return f"complete for {', '.join(coverage.institutions)}, {period} (declared by {coverage.declared_by})"
