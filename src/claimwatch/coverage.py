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

# Added after the first format: left out of the JSON where empty, so evidence that never
# counted its subjects' works reads (and reports) exactly as before.
_OPTIONAL_KEYS = ("subject_works", "confirmed_empty")


class Coverage(BaseModel):
    """What evidence holds completely: every work of these institutions (through OpenAlex
    lineage) published in this period, as the source attributes them. Curated evidence is
    never complete.

    `subject_works` counts the works the evidence holds for each institution declared (an
    authorship whose institution is it or has it in its lineage); an institution with none is
    complete only where someone confirmed it may have none (`confirmed_empty`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    complete: bool = False
    institutions: tuple[str, ...] = ()
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    declared_by: str = "nobody"
    note: str | None = None
    subject_works: dict[str, int] | None = None
    confirmed_empty: tuple[str, ...] = ()

    def holds(
        self, institutions: Iterable[str], start: dt.date | None, end: dt.date, retrieved: dt.date | None = None
    ) -> bool:
        """True when every one of `institutions` is covered for the whole of start..end.

        An open `to` runs to the day the evidence's records were current (`retrieved`); where
        that is not known, an open `to` covers nothing after `from` can be vouched for, so it
        holds for no period at all.
        """
        wanted = set(institutions)
        if not (self.complete and wanted and wanted <= set(self.institutions)):
            return False
        if self.from_ and (start is None or start < self.from_):
            return False
        last = self.to or retrieved
        return last is not None and end <= last

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.model_dump_json(by_alias=True))
        for key in _OPTIONAL_KEYS:
            if data.get(key) in (None, []):
                data.pop(key, None)
        return data


def describe(coverage: Coverage, open_end: str = "retrieval") -> str:
    """Coverage in a few words, the same in every command and report.

    'complete for I4210113369, 2024-01-10 to retrieval (declared by collect; 212 works of
    I4210113369)' or 'not complete (JSONL read directly; no coverage declared)'. `open_end`
    names where an open `to` ends, where the caller knows the evidence's as-of.
    """
    held = _works_held(coverage)
    if not coverage.complete:
        return f"not complete ({'; '.join(filter(None, [coverage.note or 'none declared', held]))})"
    period = f"{coverage.from_ or 'the start'} to {coverage.to or open_end}"
    details = "; ".join(filter(None, [f"declared by {coverage.declared_by}", held, coverage.note]))
    return f"complete for {', '.join(coverage.institutions)}, {period} ({details})"


def _works_held(coverage: Coverage) -> str | None:
    """'212 works of I1, none of I2 (confirmed empty)', where the works were counted."""
    if coverage.subject_works is None:
        return None
    parts = []
    for institution, count in sorted(coverage.subject_works.items()):
        if count:
            parts.append(f"{count} work{'s' if count != 1 else ''} of {institution}")
        else:
            confirmed = " (confirmed empty)" if institution in coverage.confirmed_empty else ""
            parts.append(f"no work of {institution}{confirmed}")
    return ", ".join(parts) or None
