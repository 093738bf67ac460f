"""Harvesting: every query paged through (cursor, 200 a page, no 10,000 cap) into a new
snapshot, each work once, works whose author list the list response cut fetched alone; then the
record of every author on those works (`_authors`); the snapshot replaces an earlier one only
when the whole run succeeded."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pyalex

from .. import ids
from ..claims import describe_period
from ..coverage import Coverage
from ..errors import InputError, Problem
from ..evidence import Manifest, SnapshotWriter, now_utc, subjects_of, tool_versions
from ..works import year_with_a_fraction
from ._authors import (
    AuthorsOutcome,
    AuthorsTask,
    WantedAuthors,
    collected_author_coverage,
    describe_query,
    fetch_authors,
)
from ._client import OpenAlexClient, OpenAlexError, client_for
from ._plan import AUTHORS_CAP, PER_PAGE, Query, coverage_of


class Progress(Protocol):
    """What a collect reports as it goes (the CLI draws a progress bar from it): each query's
    works, then the author records (an `AuthorsTask`)."""

    def query_started(self, query: Query | AuthorsTask, total: int | None) -> None: ...

    def advanced(self, query: Query | AuthorsTask, records: int) -> None: ...

    def note(self, message: str) -> None: ...


class Silent:
    """Progress that shows nothing."""

    def query_started(self, query: Query | AuthorsTask, total: int | None) -> None:
        pass

    def advanced(self, query: Query | AuthorsTask, records: int) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class CollectResult:
    out: str
    manifest: Manifest
    requests: int
    retries: int
    notes: tuple[str, ...] = ()  # why coverage fell short, if it did
    fallback: str | None = None  # why an update became a full collect, if it did
    warnings: tuple[str, ...] = ()  # a subject OpenAlex gave no work of

    @property
    def records(self) -> int:
        return self.manifest.records


@dataclass
class QueryOutcome:
    """How one query went: OpenAlex's count against what arrived."""

    count: int | None = None
    received: int = 0
    pages: int = 0
    full_author_lists: int = 0
    merged: dict[str, str] = field(default_factory=dict)
    still_truncated: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "received": self.received,
            "pages": self.pages,
            "full_author_lists": self.full_author_lists,
            "merged_ids": dict(self.merged),
            "authors_still_truncated": list(self.still_truncated),
        }


class Harvest:
    """Records on their way into a snapshot: each work once, whichever query or page brought it."""

    def __init__(self, sink: Callable[[str, dict[str, Any]], None]):
        self.sink = sink
        self.seen: set[str] = set()
        self.duplicates = 0
        self.skipped: list[dict[str, Any]] = []

    def add(self, record: dict[str, Any], url: str | None = None, position: int | None = None) -> None:
        """Hand `record` on, once; one with no work id is left out, noted with where it stood
        (`url`, secrets removed, and its `position` among the page's results)."""
        wid = work_id(record)
        if wid is None:
            where = {"url": url, "result": position} if url is not None else {}
            self.skipped.append({"reason": "a result without an OpenAlex work id", **where})
        elif wid in self.seen:
            self.duplicates += 1
        else:
            self.seen.add(wid)
            self.sink(wid, record)


def work_id(record: Any) -> str | None:
    raw = record.get("id") if isinstance(record, dict) else None
    short = ids.openalex_id(raw) if isinstance(raw, str) else None
    return short if short and short.startswith("W") else None


def _authors_truncated(record: dict[str, Any]) -> bool:
    """Cut by the list response: flagged, or holding exactly the cap (that OpenAlex always
    returns `is_authors_truncated` under `select` is not confirmed, so the count decides too)."""
    people = record.get("authorships")
    return record.get("is_authors_truncated") is True or (isinstance(people, list) and len(people) >= AUTHORS_CAP)


class PagingGuard:
    """Whether a cursor is still heading for its end. OpenAlex's `meta.count` says how many pages
    a query can take (a page of `per_page`, plus the empty page that ends it, plus one for works
    added while paging); a cursor that runs past that, repeats, or brings two pages running with
    no work not seen before, would run forever, so the query stops with one line saying which."""

    STALLED_PAGES = 2
    # How far meta.count may grow while paging (works indexed meanwhile): a tenth, or a page,
    # over the first page's count. A count that grows with every page would make the bound endless.
    GROWTH = 0.1

    def __init__(self, per_page: int):
        self.per_page = per_page  # as asked for; a server may give fewer a page (the bound follows)
        self.count: int | None = None
        self.first_count: int | None = None
        self.cursors: set[str] = set()
        self.stalled = 0

    def pages_allowed(self) -> int | None:
        return None if self.count is None else -(-self.count // self.per_page) + 2

    def check(self, pages: int, count: Any, next_cursor: Any, new_works: int, size: int | None = None) -> str | None:
        """Why paging must stop after this page (of `size` results), or None; `count` is meta.count as
        the answer gives it."""
        if size and next_cursor is not None:
            self.per_page = min(self.per_page, size)  # pages shorter than asked: more of them
        given, count = count, _count(count)
        if count is not None:
            if self.first_count is None:
                self.first_count = count
            ceiling = self.first_count + max(self.per_page, int(self.first_count * self.GROWTH))
            self.count = min(max(count, self.count or 0), ceiling)
        elif self.count is None:
            said = "gives no meta.count" if given is None else f"gives meta.count {_shown(given)}, not a count of works"
            return f"the answer {said}, so its paging has no bound"
        allowed = self.pages_allowed()
        if next_cursor is not None and allowed is not None and pages >= allowed:
            return (
                f"the cursor had not ended after {pages:,} pages, while meta.count {self.count:,} "
                f"at {self.per_page} a page needs at most {allowed:,}"
            )
        self.stalled = 0 if new_works else self.stalled + 1
        if next_cursor is not None and self.stalled >= self.STALLED_PAGES:
            return f"the cursor had not ended after {self.stalled} pages running that brought no new work"
        if isinstance(next_cursor, str):
            if next_cursor in self.cursors:
                return "the cursor repeated one it had given before"
            self.cursors.add(next_cursor)
        return None


def run_query(
    api: OpenAlexClient,
    query: Query,
    harvest: Harvest,
    progress: Progress,
    updated_since: dt.date | None = None,
    retrieved: dt.date | None = None,
) -> QueryOutcome:
    """Page through one query and hand each record to the harvest; stop with an OpenAlexError
    when the cursor would not end (`PagingGuard`). A query of a closed period retrieved on
    `retrieved` pages through the works dated ahead of both too (`Query.ahead_from`), in full:
    their dates do not say when they appeared, so they may fall in the period."""
    outcome = QueryOutcome()
    listed: set[str] = set()
    parts = [query.works(updated_since)]
    ahead = query.ahead_from(retrieved) if retrieved is not None else None
    if ahead is not None:
        parts.append(query.works(dated_from=ahead))
    counted = 0  # what OpenAlex counted for the parts already paged through
    for part in parts:
        count = _page_through(api, query, part, harvest, progress, outcome, listed, counted)
        counted += count or 0
        outcome.count = counted if count is not None or outcome.count is not None else None
    outcome.received = len(listed)
    return outcome


def _page_through(
    api: OpenAlexClient,
    query: Query,
    part: Any,
    harvest: Harvest,
    progress: Progress,
    outcome: QueryOutcome,
    listed: set[str],
    counted: int,
) -> int | None:
    """One pyalex query of `query` paged through into the harvest and `listed`; the largest
    `meta.count` its pages gave (a count that falls while paging, works re-indexed, must not let
    fewer works than OpenAlex once counted pass for all of them)."""
    pager = part.paginate(method="cursor", per_page=PER_PAGE, n_max=None)
    guard = PagingGuard(PER_PAGE)
    pages, largest = 0, None
    while (page := api.call(lambda: next(pager, None))) is not None:
        page_url = api.last_url
        pages += 1
        outcome.pages += 1
        meta = page.meta if isinstance(page.meta, dict) else {}
        count = _count(meta.get("count"))
        if pages == 1 or (isinstance(count, int) and count != largest):
            progress.query_started(query, counted + max(count, largest or 0) if isinstance(count, int) else None)
        largest = max(count, largest or 0) if isinstance(count, int) else largest
        before = len(listed)
        shown = api.redact(page_url)
        for position, record in enumerate(page, 1):
            wid = work_id(record)
            if wid is not None:
                listed.add(wid)
                _refuse_a_year_with_a_fraction(api, wid, record, page_url)
                if _authors_truncated(record):
                    record = _full_work(api, wid, record, outcome, progress)
                    _refuse_a_year_with_a_fraction(api, wid, record, None)
            harvest.add(record, shown, position)
        progress.advanced(query, len(page))
        why = guard.check(pages, meta.get("count"), meta.get("next_cursor"), len(listed) - before, len(page))
        if why is not None:
            raise api.failure(f"{why}; stopped", page_url)
    return largest


def _refuse_a_year_with_a_fraction(api: OpenAlexClient, wid: str, record: dict[str, Any], url: str | None) -> None:
    """Stop, naming the answer (`url`, else the last request's), at a work whose publication_year
    has a fraction: kept, it would stop every check of the snapshot; read as no year, the work
    would be undated in silence (`works.year_with_a_fraction`)."""
    if fraction := year_with_a_fraction(record):
        raise api.unexpected(f"work {wid} gives {fraction}", url)


def _count(value: Any) -> int | None:
    """meta.count where it is a count: a whole number, not negative, and no boolean (`true` is
    no count of works, though Python takes it for 1)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _shown(value: Any) -> str:
    """A value of a server's JSON, short, in a line about it (the terminal makes it inert)."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _full_work(
    api: OpenAlexClient, wid: str, listed: dict[str, Any], outcome: QueryOutcome, progress: Progress
) -> dict[str, Any]:
    """The work fetched alone, for its full author list (a merged id answers 301 and is followed)."""
    try:
        full: dict[str, Any] = api.call(lambda: pyalex.Works()[wid])
    except OpenAlexError as e:
        if e.status not in (404, 410):  # gone since it was listed: keep what the list gave
            raise
        progress.note(f"{wid}: the full author list could not be fetched ({e.cause}); kept the first {AUTHORS_CAP}")
        outcome.still_truncated.append(wid)
        return listed
    got = work_id(full)
    if got is None:  # a list, an author, a record with no id: never a stand-in for the work listed
        raise api.unexpected(f"the answer for work {wid} is not a work record")
    if full.get("is_authors_truncated") is True:  # fetched alone and still cut: the rest are named nowhere
        progress.note(f"{wid}: fetched alone, its author list is still cut; kept what it gives")
        outcome.still_truncated.append(got)  # the work kept, where wid was merged into it
    else:
        outcome.full_author_lists += 1
    if got != wid:
        outcome.merged[wid] = got
    return full


# FACTS: the API's filters see only a work's first 100 authorships, so no query finds a work
# whose only author from the subject stands further down. Said in every collect's coverage.
AUTHORS_FILTER_LIMIT = (
    "OpenAlex's filters see only a work's first 100 authorships: a work whose authors from the "
    "subject all stand beyond the 100th is not found (the bulk snapshot has no such limit)"
)


class SubjectWorks:
    """How many of the harvested works are by each institution the coverage names, within its
    period: a subject OpenAlex gives no work of is far more often a wrong id than a silent one."""

    def __init__(self, coverage: Coverage):
        self.subjects = frozenset(coverage.institutions)
        self.start, self.end = coverage.from_, coverage.to
        self.counts = dict.fromkeys(sorted(self.subjects), 0)

    def add(self, record: dict[str, Any]) -> None:
        for subject in subjects_of(record, self.subjects, self.start, self.end):
            self.counts[subject] += 1


def harvest_coverage(
    queries: Sequence[Query],
    outcomes: Sequence[QueryOutcome],
    harvest: Harvest,
    held: dict[str, int] | None = None,
    may_be_empty: Iterable[str] | bool = False,
) -> tuple[Coverage, list[str], list[str]]:
    """Coverage of the queries, unless something shows the harvest fell short of OpenAlex's
    count; then the shortfalls, and warnings for institutions `held` counts no work of (left out
    of the coverage unless `may_be_empty` confirms them: True for all, or the ids)."""
    coverage = coverage_of(queries)
    short = [
        f"{q.label}: {o.received} of the {o.count} works OpenAlex counted arrived"
        for q, o in zip(queries, outcomes, strict=True)
        if o.count is not None and o.received < o.count
    ]
    said = list(short)  # the lines on stderr; the coverage note leaves the URL to skipped_lines
    if harvest.skipped:
        n, first = len(harvest.skipped), harvest.skipped[0]
        left_out = f"{n} result{'s' if n != 1 else ''} had no work id and {'were' if n != 1 else 'was'} left out"
        short.append(left_out)
        where = f" (the first, result {first['result']} of GET {first['url']})" if first.get("url") else ""
        said.append(left_out + where)
    if short and coverage.complete:
        coverage = coverage.model_copy(update={"complete": False, "note": "; ".join(short)})
    coverage, warnings = _empty_subjects(coverage, queries, held, may_be_empty)
    note = "; ".join(filter(None, [coverage.note, AUTHORS_FILTER_LIMIT]))
    return coverage.model_copy(update={"note": note}), said, warnings


def _empty_subjects(
    coverage: Coverage, queries: Sequence[Query], held: dict[str, int] | None, may_be_empty: Iterable[str] | bool
) -> tuple[Coverage, list[str]]:
    """Coverage with its counts, less the institutions it holds no work of that nobody confirmed."""
    if held is None:
        return coverage, []
    confirmed = set(coverage.institutions) if may_be_empty is True else set(may_be_empty or ())
    empty = [i for i in coverage.institutions if not held.get(i)]
    names = {i: f"subject '{q.subject}' ({q.name})" for q in queries for i in q.institutions}
    period = describe_period(coverage.from_, coverage.to)
    warnings, dropped = [], []
    for i in empty:
        found = f"OpenAlex gave no work of {i}, {names.get(i, 'a subject')}, published {period}"
        if i in confirmed:
            warnings.append(f"{found}; recorded as complete all the same, as --subject-may-be-empty confirms")
        else:
            dropped.append(i)
            warnings.append(
                f"{found}; coverage NOT recorded as complete for it: check the subject's ids, "
                "or confirm with --subject-may-be-empty that it may have none"
            )
    update: dict[str, Any] = {
        "subject_works": dict(sorted(held.items())),
        "confirmed_empty": tuple(i for i in empty if i in confirmed),
    }
    if dropped:
        kept = tuple(i for i in coverage.institutions if i not in dropped)
        update["institutions"] = kept
        update["complete"] = coverage.complete and bool(kept)
        update["note"] = "; ".join(
            filter(
                None,
                [coverage.note, f"OpenAlex gave no work of {', '.join(dropped)}: not recorded as complete for it"],
            )
        )
    return coverage.model_copy(update=update), warnings


def collect(
    queries: Sequence[Query],
    out: str | Path,
    *,
    client: OpenAlexClient | None = None,
    progress: Progress | None = None,
    command: Sequence[str] = (),
    subjects_may_be_empty: bool = False,
    authors: bool = True,
) -> CollectResult:
    """Gather every work of `queries` into a new snapshot at `out`, and (unless `authors` is
    False) the author record of every author on those works, replacing any snapshot there only
    when the whole run succeeded. Coverage is complete for the queries' institutions and period,
    but for an institution OpenAlex gives no work of, unless `subjects_may_be_empty`."""
    queries = list(queries)
    if not queries:
        raise InputError(
            Problem(
                str(out), 0, 0, "nothing to collect: no subject has OpenAlex ids (`claimwatch resolve NAME` finds them)"
            )
        )
    with client_for(client) as api:
        return collect_into(
            queries, Path(out), api, progress or Silent(), command, may_be_empty=subjects_may_be_empty, authors=authors
        )


def collect_into(
    queries: list[Query],
    out: Path,
    api: OpenAlexClient,
    progress: Progress,
    command: Sequence[str],
    fallback: str | None = None,
    may_be_empty: Iterable[str] | bool = False,
    authors: bool = True,
    in_place: bool = False,
) -> CollectResult:
    """The snapshot at `out` made of `queries`; `in_place` where an update collects the snapshot
    it was given again in full (under the name it has, a backup's too: `SnapshotWriter`)."""
    created = now_utc()
    held = SubjectWorks(coverage_of(queries))
    wanted = WantedAuthors()
    with unchanged_on_failure(out), SnapshotWriter(out, in_place=in_place) as writer, api.pyalex():

        def keep(_: str, record: dict[str, Any]) -> None:
            writer.write_record(record)
            held.add(record)
            wanted.add(record)

        harvest = Harvest(keep)
        retrieved = dt.date.fromisoformat(created[:10])
        outcomes = [run_query(api, q, harvest, progress, retrieved=retrieved) for q in queries]
        coverage, shortfalls, warnings = harvest_coverage(queries, outcomes, harvest, held.counts, may_be_empty)
        queried = [{**q.describe(retrieved=retrieved), **o.as_json()} for q, o in zip(queries, outcomes, strict=True)]
        extra: dict[str, Any] = {"update": {"fallback": fallback}} if fallback else {}
        if authors:
            fetched = fetch_authors(api, wanted.ids, writer.write_author_record, progress)
            cut = {w for o in outcomes for w in o.still_truncated}
            extra["authors"] = authors_section(coverage, wanted, fetched, cut)
        manifest = writer.commit(collect_manifest(api, created, queried, command, harvest, coverage, extra))
    return CollectResult(
        str(out), manifest, api.requests_made, api.retries_made, tuple(shortfalls), fallback, tuple(warnings)
    )


def authors_section(
    coverage: Coverage,
    wanted: WantedAuthors,
    fetched: AuthorsOutcome,
    cut: Collection[str],
    missing: Sequence[str] | None = None,
    kept: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the manifest says of a collect's author records: which authors they are (their
    coverage), how they were asked for, and what OpenAlex merged or no longer has. `cut` are the
    works the snapshot holds with their author list still cut at 100 (`works_cut`, which an
    update carries on for the works it keeps); `missing` (by default, those OpenAlex no longer
    has) are the authors without a record in the snapshot; `kept` adds what an update kept from
    the snapshot before it."""
    missing = fetched.not_found if missing is None else missing
    return {
        "coverage": collected_author_coverage(coverage, wanted, missing, len(cut)).as_json(),
        "works_cut": sorted(cut),
        "merged_ids": dict(sorted(fetched.merged.items())),
        "query": describe_query(),
        **fetched.as_json(),
        **(kept or {}),
    }


RETRIEVAL_AS_OF = "the time of retrieval from OpenAlex"


def collect_manifest(
    api: OpenAlexClient,
    created: str,
    queries: list[dict[str, Any]],
    command: Sequence[str],
    harvest: Harvest,
    coverage: Coverage,
    extra: dict[str, Any],
) -> dict[str, Any]:
    """What a collect or an update records: whatever the manifest holds, no secret."""
    return api.redacted(
        {
            "source": "openalex",
            "created": created,
            "tool": tool_versions(),
            "api": api.base_url,
            # Where a redirect led answers off that host (the key and e-mail not sent there).
            **({"api_redirected_to": dict(sorted(api.elsewhere.items()))} if api.elsewhere else {}),
            "queries": queries,
            "command": list(command),
            "duplicates_collapsed": harvest.duplicates,
            "skipped_lines": harvest.skipped,
            "coverage": coverage.as_json(),
            "as_of": created[:10],
            "as_of_basis": RETRIEVAL_AS_OF,
            "requests": request_counts(api),
            **extra,
        }
    )


@contextlib.contextmanager
def unchanged_on_failure(out: Path) -> Iterator[None]:
    """A failed run says, in its one line, that the snapshot at `out` was not touched."""
    try:
        yield
    except OpenAlexError as e:
        raise OpenAlexError(f"{e}; {out} left unchanged", status=e.status, cause=e.cause, url=e.url) from None


def request_counts(api: OpenAlexClient) -> dict[str, Any]:
    return {"made": api.requests_made, "retried": api.retries_made, "waited_seconds": round(api.waited, 3)}
