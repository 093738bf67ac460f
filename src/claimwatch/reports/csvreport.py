"""The CSV report: one row per finding, for a fact-check desk reviewing findings in a spreadsheet.

Every finding gets a row, matched ones first, then uncertain ones, then those a review set
aside (status `dismissed`, out of the verdict); a claim with no finding gets one row with status
`none`, so every verdict appears. A reviewed finding carries its review's decision, reviewer,
day, note and expiry (and, for a person confirmed, the people the review says they are not), and its former doubts marked as the review left them (resolved, or
uncertain before a review set it aside). The columns are `COLUMNS`, documented in
docs/reports.md. A cell holding several items (records, reasons, doubts) puts each on its own
line; line breaks inside an item fold to spaces, so each line is one item.

A claim about people gives one row per person instead (`status` matched, uncertain or
dismissed, or one row `none`), in the columns that follow the review's: the person's ids and name, the years their
records give at the subject and at each listed institution (with what the years are: publication
years, not employment dates, for OpenAlex), what the records show, and the works that show it;
`records`, `reasons` (how each placement matched) and `doubts` as for works.

The file is UTF-8 with a byte order mark (Excel reads UTF-8 only with one; Python reads it with
`encoding="utf-8-sig"`), every cell quoted as RFC 4180 allows, rows ended by CRLF. Text from
evidence and claims is untrusted: control characters become U+FFFD (`printable()`), and a
cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP, "CSV
injection"). No cell is longer than Excel's 32,767 characters (a longer one cannot stand whole
there): a cell of several items keeps those that fit and counts the rest, any other is cut and
says so; the JSON report holds them whole. The same results give byte-identical files.

A review naming a claim the run does not check gets a row of its own after every claim's
(status `not_checked`): its claim, what it names and its review's columns. It applies to nothing,
and a reader of the file alone would otherwise never see it. Every reviewed row says where its
review stands (`review_at`, `path:line`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from .._text import printable
from ..results import (
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    Finding,
    InstitutionRef,
    PersonFinding,
    PhraseReason,
    Placement,
    Reason,
    Results,
    Review,
)
from .view import LISTED_BEFORE_WORDS, institution_id, placement_basis, years_of_placement

COLUMNS: tuple[str, ...] = (
    "claim",
    "verdict",
    "says",
    "subject",
    "period_from",
    "period_to",
    "status",
    "strength",
    "work_id",
    "title",
    "publication_date",
    "doi",
    "arxiv",
    "url",
    "records",
    "reasons",
    "doubts",
    "dual_affiliation_only",
    "review_decision",
    "review_by",
    "review_date",
    "review_note",
    "review_expires",
    # A claim about people: one row per person (added after the works' columns, which keep their places).
    "person_id",
    "person_name",
    "orcid",
    "other_openalex_ids",
    "first_year_at_subject",
    "years_at_subject",
    "years_at_listed",
    "person_shows",
    "person_works",
    # Added after the people's columns, which keep their places.
    "review_distinct_from",
    "review_at",
)

BOM = "\ufeff"

# What Excel, LibreOffice and Google Sheets read as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(results: Results) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(results):
        writer.writerow([row[c] for c in COLUMNS])
    return BOM + out.getvalue()


def rows(results: Results) -> Iterator[dict[str, str]]:
    """Every row of the report, by column name, cells already made safe."""
    for result in results.results:
        if result.people_considered is not None:
            yield from _people_rows(result)
            continue
        findings = [*result.findings, *result.uncertain_findings]
        if not findings and not result.dismissed:
            yield _safe_row({**_claim_cells(result), "status": "none"})
        for finding in findings:
            yield _safe_row({**_claim_cells(result), **_finding_cells(finding)})
        for finding in result.dismissed:
            yield _safe_row({**_claim_cells(result), **_finding_cells(finding, dismissed=True), "status": "dismissed"})
    for review in results.reviews_of_other_claims:
        yield _safe_row(_not_checked_cells(review))


def _not_checked_cells(review: Review) -> dict[str, str | None]:
    """A review naming a claim the run does not check (renamed since, a typo, or a claim file not
    given): a row of its own after every claim's, status `not_checked`, what it names in
    `work_id` or `person_id`, so that no review applying to nothing is passed over; the claim's
    verdict and words are empty, as the run has none."""
    return {
        "claim": review.claim,
        "status": "not_checked",
        "work_id": review.work,
        "person_id": review.person,
        **_review_of(review),
    }


def _claim_cells(result: ClaimResult) -> dict[str, str | None]:
    return {
        "claim": result.claim,
        "verdict": result.verdict,
        "says": result.says,
        "subject": result.subject,
        "period_from": result.period.from_,
        "period_to": result.period.to,
    }


def _finding_cells(finding: Finding, *, dismissed: bool = False) -> dict[str, str | None]:
    work = finding.work
    return {
        "status": finding.status,
        "strength": finding.strength,
        "work_id": work.id,
        "title": work.title,
        "publication_date": work.publication_date,
        "doi": work.doi,
        "arxiv": work.arxiv,
        "url": work.url,
        "records": _lines(work.records),
        "reasons": _lines(reason_text(r) for r in finding.reasons),
        "doubts": doubt_lines(finding, dismissed=dismissed),
        "dual_affiliation_only": "yes" if finding.dual_affiliation_only else "",
        **_review_cells(finding),
    }


def _people_rows(result: ClaimResult) -> Iterator[dict[str, str]]:
    """A claim about people: a row per person, matched, uncertain, then set aside on review; one
    `none` row without any."""
    people = [*result.people, *result.uncertain_people]
    if not people and not result.dismissed_people:
        yield _safe_row({**_claim_cells(result), "status": "none"})
    for person in people:
        yield _safe_row({**_claim_cells(result), **_person_cells(person)})
    for person in result.dismissed_people:
        yield _safe_row({**_claim_cells(result), **_person_cells(person, dismissed=True), "status": "dismissed"})


def _person_cells(person: PersonFinding, *, dismissed: bool = False) -> dict[str, str | None]:
    placements = (*person.at_subject, *person.at_listed)
    return {
        "status": person.status,
        "strength": person.strength,
        "records": _lines(person.records),
        "reasons": _lines(placement_text(p) for p in placements),
        "doubts": doubt_lines(person, dismissed=dismissed),
        "person_id": person.id,
        "person_name": person.name,
        "orcid": person.orcid,
        "other_openalex_ids": _lines(person.other_openalex_ids),
        "first_year_at_subject": None if person.first_year_at_subject is None else str(person.first_year_at_subject),
        "years_at_subject": _lines(placement_years(p) for p in person.at_subject),
        "years_at_listed": _lines(placement_years(p) for p in person.at_listed),
        "person_shows": person.shows,
        "person_works": _lines(line for p in placements for line in placement_works(p)),
        **_review_cells(person),
    }


def _where(placement: Placement) -> str:
    """The institution, and for a listed one its list entry: `Beihang University (seven-sons/beihang)`."""
    name = placement.institution.name or placement.institution.id or "(unnamed institution)"
    entry = placement.entry
    return f"{name} ({entry.list}/{entry.id})" if entry else name


def placement_years(placement: Placement) -> str:
    """`Beihang University (seven-sons/beihang): 2019–2021 (publication years, not employment dates)`."""
    return f"{_where(placement)}: {years_of_placement(placement)} ({placement_basis(placement)})"


def placement_text(placement: Placement) -> str:
    """How one placement matched, in a line: `method, list/entry or subject, institution,
    matched "name"`, and whether the entry was listed by the year that matters, where the claim asks."""
    entry = placement.entry
    target = f"{entry.list}/{entry.id}" if entry else "subject"
    parts = [
        placement.method,
        target,
        _institution(placement.institution),
        f'matched "{placement.matched_name}"' if placement.matched_name else None,
        LISTED_BEFORE_WORDS[placement.listed_before] if placement.listed_before is not None else None,
    ]
    return ", ".join(p for p in parts if p)


def placement_works(placement: Placement) -> Iterator[str]:
    """The works that show a placement, one a line (`institution: id, date, "title", doi, path:line`),
    and a line counting those not cited."""
    where = _where(placement)
    for w in placement.works:
        parts = [w.id, w.publication_date, f'"{w.title}"', f"doi {w.doi}" if w.doi else None, w.record]
        yield f"{where}: " + ", ".join(p for p in parts if p)
    if placement.more_works:
        more = placement.more_works
        yield f"{where}: and {more} more {'work' if more == 1 else 'works'} in the evidence"


def doubt_lines(finding: Finding | PersonFinding, *, dismissed: bool = False) -> str:
    """The `doubts` cell: why a finding is uncertain, one doubt a line. A confirmed finding counts
    as matched, its doubts resolved, and one set aside was uncertain only before its review: their
    doubts are marked so, as the HTML and Markdown reports mark them, or a `matched` row would
    read as doubted still."""
    doubts = finding.uncertain_because
    if finding.review is not None and finding.review.decision == "confirmed" and finding.status == "matched":
        return _lines(f"resolved on review: {d}" for d in doubts)
    if dismissed:
        return _lines(f"uncertain before review: {d}" for d in doubts)
    return _lines(doubts)


def _review_cells(finding: Finding | PersonFinding) -> dict[str, str | None]:
    return {} if finding.review is None else _review_of(finding.review)


def _review_of(review: Review) -> dict[str, str | None]:
    return {
        "review_decision": review.decision,
        "review_by": review.by,
        "review_date": review.date,
        "review_note": _one_line(review.note),
        "review_expires": review.expires,
        "review_distinct_from": _lines(review.distinct_from),
        "review_at": f"{review.path}:{review.line}",
    }


def reason_text(reason: Reason) -> str:
    """One reason in a line: `author (position): method, list/entry or subject, institution,
    matched "name"`; `"phrase" in field`; `OpenAlex topic T`; `not: condition`."""
    if isinstance(reason, AffiliationReason):
        return _affiliation_text(reason)
    if isinstance(reason, PhraseReason):
        if reason.method == "openalex_topic":
            return f"OpenAlex topic {reason.phrase}"
        return f'"{reason.phrase}" in {reason.field}'
    if isinstance(reason, AbsenceReason):
        return f"not: {reason.condition}"
    raise TypeError(f"no CSV wording for {type(reason).__name__}")  # a new reason kind: a bug here


def _affiliation_text(r: AffiliationReason) -> str:
    target = f"{r.entry.list}/{r.entry.id}" if r.entry else "subject"
    where = _institution(r.institution) if r.institution else r.matched_text
    parts = [r.method, target, where, f'matched "{r.matched_name}"' if r.matched_name else None]
    return f"{r.author} ({r.author_position}): " + ", ".join(p for p in parts if p)


def _institution(inst: InstitutionRef) -> str:
    """An institution by its name and the id that tells it from another record of the same name
    (OpenAlex holds several): `Harbin Institute of Technology (I200)`."""
    cited = institution_id(inst)
    if not inst.name:
        return cited or "(unnamed institution)"
    return f"{inst.name} ({cited})" if cited else inst.name


def _lines(items: Iterable[str]) -> str:
    return "\n".join(_one_line(i) for i in items)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


# The cells that hold several items, one a line (`_lines`); in every other cell a line break is
# part of one item (a title, a statement's `says`), folded to a space as inside an item.
_SEVERAL_ITEMS = frozenset(
    {
        "records",
        "reasons",
        "doubts",
        "other_openalex_ids",
        "years_at_subject",
        "years_at_listed",
        "person_works",
        "review_distinct_from",
    }
)


def _safe_row(cells: dict[str, str | None]) -> dict[str, str]:
    return {c: _fitted(c, safe_cell(_cell_text(c, cells.get(c) or ""))) for c in COLUMNS}


CELL_LIMIT = 32_767
"""The most characters (UTF-16 code units) an Excel cell holds (Excel's specifications and
limits); Google Sheets holds 50,000."""


def _fitted(column: str, text: str) -> str:
    """`text` within `CELL_LIMIT`: for a cell of several items, the whole items that fit and a
    line counting the rest; otherwise the text cut, saying so."""
    if len(text) * 2 <= CELL_LIMIT or _units(text) <= CELL_LIMIT:
        return text
    if column in _SEVERAL_ITEMS:
        items = text.split("\n")
        kept: list[str] = []
        used = 0  # the units of the items kept, each with the line break after it
        for item in items:
            if used + _units(item) + 1 + len(_more(len(items) - len(kept) - 1)) > CELL_LIMIT:
                break
            kept.append(item)
            used += _units(item) + 1
        if kept:
            return "\n".join([*kept, _more(len(items) - len(kept))])
    note = f"… (cut: a spreadsheet cell holds {CELL_LIMIT:,} characters; the JSON report holds it whole)"
    room = CELL_LIMIT - len(note)
    cut = text[:room]
    while (over := _units(cut) - room) > 0:  # a character beyond U+FFFF counts twice
        cut = cut[: len(cut) - (over + 1) // 2]
    return cut + note


def _more(n: int) -> str:
    return f"and {n} more (a spreadsheet cell holds {CELL_LIMIT:,} characters; the JSON report lists them all)"


def _units(text: str) -> int:
    """The length of `text` as Excel counts it: in UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cell_text(column: str, text: str) -> str:
    return text if column in _SEVERAL_ITEMS else _one_line(text)


def safe_cell(text: str) -> str:
    """`text` made inert for a spreadsheet: control characters replaced, and a leading
    apostrophe where the cell would otherwise start a formula."""
    text = printable(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
