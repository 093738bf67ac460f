"""The evaluator: claims and evidence in, one verdict per claim out, every decision explained.

Precision first. A work counts against a claim only when it certainly meets every condition:
where a date straddles the claim's period, a listing date is unknown, or an author list is
truncated, the work is reported as uncertain and never counted as a match. Silence is never
proof: `not_contradicted` needs evidence that covers the claim's subject and whole period.

Evidence is read as a stream, once for all claims. Cheap tests run first (subject, date, lists)
and topic phrases are only looked for in works that pass them. Versions of one work (an arXiv
preprint and its journal article, or the same DOI in two sources) collapse into one finding,
dated by its earliest version.

The pipeline, one private module a stage, each importing only those before it:

- `_spacy`, `_phrases`, `_names`: text matching with spaCy's tokenizer and lemma table: topic
  phrases in titles and abstracts, institution names in affiliations (public here as
  `PhraseSet`, `NameMatcher`, `fold` and `plain_words`).
- `_matchers`: which authors are the subject's or at a list entry, where a topic's phrases stand
  (public here: `namesake_of`, the other body the package's namesakes file says bears a name).
- `_conditions`: a claim's condition compiled into one three-valued test (`Truth`).
- `_provenance`: what the reports show beside the verdicts (inputs, evidence, statements, lists).
- `_grouping`: the evidence streamed once, and the subjects' records grouped into works; or,
  with the columnar engine, only the works one SQL query over the evidence's Parquet tables
  lets through (`claimwatch.columnar`), the query counting the rest.
- `_verdicts`: each claim's findings from the groups, and its verdict.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator, Sequence
from pathlib import Path

from .. import documents
from .._version import __version__
from ..claims import ClaimSet
from ..columnar import Table, TableChecks, cache_folder, latest_day
from ..curated import CuratedEvidence, shared_work_ids
from ..errors import InputError
from ..evidence import Evidence, JsonlEvidence
from ..results import InputRef, Results
from ..reviews import Reviews
from ..works import PartialDate
from ._conditions import Truth, _CompiledClaim
from ._copies import find_copies
from ._grouping import (
    ENGINES,
    _choose_engine,
    _every_test,
    _runner,
    _stream,
    _stream_columnar,
    records_current_on_each,
    start_table_checks,
    tables_unread,
    with_set_aside,
)
from ._matchers import _Matchers, namesake_of
from ._names import NameHit, NameMatcher, fold
from ._phrases import PhraseHit, PhraseSet, plain_words
from ._provenance import _CountingEvidence, _evidence_ref, _inputs, _lists_used, _statement
from ._topic_checks import check_exclusions, exclusion_problems
from ._verdicts import _judge, _sort_groups
from .people import _with_people

__all__ = [
    "ENGINES",
    "NameHit",
    "NameMatcher",
    "PhraseHit",
    "PhraseSet",
    "Truth",
    "evaluate",
    "exclusion_problems",
    "fold",
    "namesake_of",
    "plain_words",
    "tables_unread",
    "without_cyclic_gc",
]


def evaluate(
    claims: ClaimSet,
    evidence: Sequence[Evidence],
    *,
    as_of: dt.date | None = None,
    reviews: Reviews | None = None,
    engine: str = "auto",
    cache: str | Path | None = None,
    spark_master: str | None = None,
) -> Results:
    """One verdict per claim, with findings and reasons, from every piece of evidence.

    `as_of` is the day an open-ended claim runs to; by default the day the newest evidence was
    retrieved, so that the same inputs always give the same results. `reviews` (the case's
    reviews file, `claimwatch.reviews.load_reviews`) are applied after matching.

    `engine` gives the same results every way: "python" reads every record; "duckdb" screens the
    evidence's works tables with one SQL query and reads only the works it lets through, making
    a table first, into `cache` (see `claimwatch.columnar.cache_folder`), for evidence that has
    none; "auto" is "duckdb" where every snapshot and file of records has a table already, else
    "python"; "spark" runs the same query with PySpark (local mode, or the cluster at
    `spark_master`) and the same exact matchers here on the candidates it returns.
    """
    # The evaluation makes millions of small objects and no reference cycles; the cyclic
    # collector would rescan them again and again for nothing (a quarter of a large check).
    with without_cyclic_gc():
        return _evaluate(claims, evidence, as_of, reviews, engine, cache, spark_master)


@contextlib.contextmanager
def without_cyclic_gc(*, freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off for the block, then back as it was.

    With `freeze`, what is alive at the end is first put out of the collector's sight
    (`gc.freeze`): turned back on, its first pass would otherwise walk every object the block
    made (about a second for a million works). For a process that keeps them to its end, as
    `claimwatch check` keeps its results until its reports are written."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def default_as_of(
    evidence: Sequence[Evidence],
    tables: Sequence[Table | None] | None = None,
    current_on: Sequence[dt.date | None] | None = None,
) -> dt.date | None:
    """The day an open-ended claim runs to, where the run gives none: the day the newest evidence
    was current. A file read directly, a curated file or a snapshot of unknown as-of does not
    say when that was, but held its newest work, so the period runs to the last day that work's
    date stands for (2025-02-28 for "2025-02"): a work it gives after a snapshot's day still
    falls in the period (it was dropped, and a snapshot added beside it cleared the claim), and
    a work it dates by its month or year alone is not cut in two by a cut-off it set itself (on
    the first day of its month, "may fall after" it, where the file certainly holds it). Only a
    work dated wholly after the days the other evidence says it was current moves the cut-off:
    a curated "2025" beside a snapshot of 2025-03-10 may have appeared by then, and its last day
    ran the period past every snapshot (a claim it does not touch, cleared to 2025-03-10, was
    left insufficient to 2025-12-31). A day past the one the evidence was current clears
    nothing: coverage vouches only to that day.
    A file of OpenAlex records read directly was current no earlier than the newest
    `updated_date` its records give either, as an import of it says in its as-of
    (`_file_current_on`), and no work of it counts past that day (a date ahead of its record):
    beside an older snapshot, the period ran only to its newest work's first day, and a year its
    records show after that (an author's first year at the subject) fell outside it. None where
    no evidence says (the period has no end). A file with a columnar copy (`tables`) is asked
    through it, not read again; `current_on` is each piece of evidence's `records_current_on`,
    where the caller has them."""
    known = [e.retrieved for e in evidence if e.retrieved is not None]
    if not known:
        return None
    days = current_on if current_on is not None else records_current_on_each(evidence, tables)
    # A file read directly was current when its works' newest record was, or, where no work
    # gives an updated_date, its authors' (`JsonlEvidence.authors_current_on`).
    known += [
        current
        for e, day in zip(evidence, days, strict=True)
        if e.retrieved is None and isinstance(e, JsonlEvidence) and (current := day or e.authors_current_on)
    ]
    # Only a work wholly after every day the evidence says it was current moves the cut-off: one
    # whose month or year holds that day (a curated "2025" beside a snapshot of 2025-03-10) may
    # have appeared by it, and taking its last day would run the period past every snapshot.
    said = max(known)
    for k, e in enumerate(evidence):
        if e.retrieved is not None:
            continue
        table = tables[k] if tables is not None else None
        if table is not None:
            latest = latest_day(str(table.path), days[k], after=said)
            known += [latest] if latest else []
        else:
            known += [
                _last_day(w.published, days[k]) for w in e.works() if w.published and w.published.as_written[0] > said
            ]
    return max(known)


def _last_day(published: PartialDate, current_on: dt.date | None) -> dt.date:
    """The last day a work's date stands for, no later than the day its record was current (a
    date ahead of its record, or of a curated version's sources, stands for the days up to it)."""
    last = published.latest if published.ahead_of is None else min(published.latest, published.ahead_of)
    return min(last, current_on) if current_on is not None else last


NEWEST_CURRENT = "the day the newest evidence's records were current"


def default_as_of_basis(evidence: Sequence[Evidence], as_of: dt.date, current_on: Sequence[dt.date | None]) -> str:
    """Where `default_as_of` took `as_of` from, in words, for the reports to give beside the
    cut-off: a snapshot's as-of, the newest `updated_date` of a file read directly, or the
    last day the date of the newest work of evidence that does not say when it was current stands for."""
    if any(e.retrieved == as_of for e in evidence):
        return NEWEST_CURRENT
    for e, day in zip(evidence, current_on, strict=True):
        if isinstance(e, JsonlEvidence) and (day or e.authors_current_on) == as_of:
            return f"the newest updated_date the records of {e.path}, a file read directly, give"
    return "the last day the date of the newest work in evidence that does not say when its records were current stands for"


@contextlib.contextmanager
def _released_on_error(checks: TableChecks | None) -> Iterator[None]:
    try:
        yield
    except BaseException:
        if checks is not None:
            checks.cancel()
        raise


def _evaluate(
    claims: ClaimSet,
    evidence: Sequence[Evidence],
    as_of: dt.date | None,
    reviews: Reviews | None,
    engine: str,
    cache: str | Path | None,
    spark_master: str | None,
) -> Results:
    check_exclusions(claims)  # an exclusion that hides every match of a phrase, or none
    if shared := shared_work_ids(e for e in evidence if isinstance(e, CuratedEvidence)):
        raise InputError(documents.capped(shared))  # two papers of one id would be one work
    tables = _choose_engine(engine, evidence, cache_folder(cache))
    current_on = records_current_on_each(evidence, tables)  # asked once: each reader below needs it
    as_of_basis = None
    if as_of is None and (as_of := default_as_of(evidence, tables, current_on)) is not None:
        as_of_basis = default_as_of_basis(evidence, as_of, current_on)
    # The tables' sha256 checks run on another core while this one compiles the claims (spaCy's
    # start-up is most of it): a second off a million works' check.
    checks = start_table_checks(evidence, tables) if tables is not None else None
    with _released_on_error(checks):  # an error or Ctrl-C leaves no check thread waiting
        matchers = _Matchers()
        compiled = [_CompiledClaim(c, f, matchers, as_of) for f in claims.files for c in f.claims]
        # The reviews of works (a person's are applied with the claims about people).
        # A review naming a work by DOI with the record reviewed gives that record's id too.
        reviewed = (
            frozenset(k for e in reviews.entries if not e.about_a_person for k in (e.key, e.record) if k)
            if reviews
            else frozenset()
        )
        # Older copies of a record given newer are set aside; copies of one day dated by the latest.
        copies = find_copies(evidence, tables, current_on)
        if tables is None:
            counted = [_CountingEvidence(e) for e in evidence]
            works = _stream(compiled, [_every_test(c.works()) for c in counted], reviewed, copies)
            counts = [c.count for c in counted]
            ruled_out = [[0, 0, 0, 0] for _ in compiled]  # the columnar engine's query rules works out
        else:
            runner = _runner(engine, spark_master, tables)
            works, ruled_out, counts = _stream_columnar(
                compiled, evidence, tables, as_of, runner, checks, reviewed, copies, current_on
            )
        # A finding's reviewed identities are gathered only for the claims reviews name.
        tallies = _sort_groups(compiled, works.groups(), as_of, reviews.claims() if reviews else frozenset())
        for tally, (considered, coauthorships, unaffiliated, works_with_unaffiliated) in zip(
            tallies, ruled_out, strict=True
        ):
            tally.considered += considered
            tally.coauthorships += coauthorships
            tally.unaffiliated += unaffiliated
            tally.works_with_unaffiliated += works_with_unaffiliated
        results = tuple(
            _judge(cc, tally, evidence, as_of, reviews) for cc, tally in zip(compiled, tallies, strict=True)
        )
        results = _with_people(claims, results, evidence, as_of, reviews, matchers, copies)  # claims about people
        if checks is not None:
            checks.wait_all()  # every snapshot's works file too, before any result is given
    inputs = _inputs(claims, evidence)
    if reviews is not None:
        inputs = inputs.model_copy(update={"reviews": (InputRef(path=reviews.path, sha256=reviews.sha256),)})
    return Results(
        claimwatch=__version__,
        as_of=str(as_of) if as_of else None,
        as_of_basis=as_of_basis,
        inputs=inputs,
        evidence=tuple(_evidence_ref(e, day) for e, day in zip(evidence, current_on, strict=True)),
        results=results,
        statements=tuple(_statement(f) for f in claims.files),
        lists=_lists_used(claims),
        evidence_counts=with_set_aside((count() for count in counts), evidence, copies),
        reviews_of_other_claims=tuple(reviews.of_other_claims({c.id for f in claims.files for c in f.claims}))
        if reviews
        else (),
    )
