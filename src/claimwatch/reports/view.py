"""What the HTML and Markdown reports show, worked out once from Results.

The two reporters differ only in markup: this module groups claims under the statement they
come from, turns each finding's reasons into rows an editor can read (subject authors, partner
authors with their list entries, phrases in context), caps long finding lists, and decides which
links may be live. Text stays untrusted here; each reporter escapes it for its own format.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .. import _text, coverage
from ..results import (
    VERDICT_WORDS,
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    EntryRef,
    Finding,
    ListedInstitution,
    ListRef,
    PhraseReason,
    Publication,
    Results,
    SnapshotRef,
    SourceRef,
    StatementRef,
    TopicRef,
    WorkRef,
)

FINDINGS_SHOWN = 20
"""Findings listed per claim in HTML and Markdown; the JSON report holds them all."""

METHOD_WORDS = {
    "openalex_id": "OpenAlex institution id",
    "lineage": "OpenAlex lineage (a parent institution's id)",
    "ror": "ROR id",
    "name_in_institution": "name in the institution's name (inferred)",
    "alias_in_raw_affiliation": "name in the raw affiliation text (inferred)",
}

VERDICT_MEANINGS = {
    "contradicted": "The evidence holds works the claim rules out (or, for \u201cat least\u201d, complete "
    "evidence holds too few).",
    "supported": "At least the number of works the claim says were found.",
    "not_contradicted": "Nothing in the evidence contradicts the claim, and the evidence covers the claim's "
    "subject and period completely. This is not proof that the claim is true.",
    "insufficient_evidence": "The evidence cannot settle the claim either way; the reason says what is missing.",
}


printable = _text.printable  # the templates' filter, the one rule for untrusted text


def safe_url(url: str | None) -> str | None:
    """The URL if it may become a live link: http or https, with a host, and nothing that could
    break out of an attribute or a Markdown link. Anything else (javascript:, data:, a bare
    path) is shown as text, never linked."""
    if not url or any(c.isspace() or ord(c) < 32 or c in "<>\"'`\\" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def work_links(work: WorkRef) -> list[Link]:
    """Where a reader can open the work: its DOI, arXiv page, OpenAlex record and landing page."""
    links = []
    if work.doi:
        links.append(Link(f"doi:{work.doi}", "https://doi.org/" + quote(work.doi, safe="/:;._-")))
    if work.arxiv:
        links.append(Link(f"arXiv:{work.arxiv}", "https://arxiv.org/abs/" + quote(work.arxiv, safe="/._-")))
    if work.id[:1] == "W" and work.id[1:].isdigit():
        links.append(Link(work.id, f"https://openalex.org/{work.id}"))
    landing = safe_url(work.url)
    if landing and all(link.url != landing for link in links):
        links.append(Link("landing page", landing))
    return links


def unsafe_work_url(work: WorkRef) -> str | None:
    """A URL the record gives that may not be linked; reports show it as text so nothing is hidden."""
    return work.url if work.url and not safe_url(work.url) else None


# --- findings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListedAs:
    """One list entry a partner's institution matched, with what the list says about it."""

    entry: EntryRef
    relative: str | None  # "before this work" / "after this work" / "in the month of this work"

    @property
    def listed(self) -> str:
        if not self.entry.listed_from:
            return "listing date not known"
        cite = f", {self.entry.citation}" if self.entry.citation else ""
        return f"listed {self.entry.listed_from}{cite}"


@dataclass(frozen=True)
class Partner:
    """An author at a listed institution, and every list entry that institution matched."""

    author: str
    position: int
    institution: str | None
    institution_id: str | None
    method: str
    matched_text: str | None
    listed_as: tuple[ListedAs, ...]
    matched: str | None = None  # the name as it stands in matched_text
    matched_name: str | None = None  # the list's name or alias it was taken for
    start: int | None = None
    end: int | None = None
    doubt: str | None = None


@dataclass(frozen=True)
class PhraseInContext:
    topic: str
    phrase: str
    where: str
    before: str
    text: str
    after: str


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    links: tuple[Link, ...]
    unsafe_url: str | None
    subject_authors: tuple[str, ...]
    partners: tuple[Partner, ...]
    phrases: tuple[PhraseInContext, ...]
    absences: tuple[str, ...]

    @property
    def work(self) -> WorkRef:
        return self.finding.work

    @property
    def date(self) -> str:
        return self.finding.work.publication_date or "undated"


def finding_view(finding: Finding) -> FindingView:
    subject, partners, phrases, absences = [], [], [], []
    for r in finding.reasons:
        if isinstance(r, AffiliationReason) and r.kind == "subject_author":
            how = "" if r.method in ("openalex_id", "lineage") else f" [{METHOD_WORDS[r.method]}]"
            subject.append(f"{r.author} ({r.author_position}){how}")
        elif isinstance(r, AffiliationReason):
            partners.append(r)
        elif isinstance(r, PhraseReason):
            phrases.append(_phrase(r))
        elif isinstance(r, AbsenceReason):
            absences.append(r.condition)
    return FindingView(
        finding=finding,
        links=tuple(work_links(finding.work)),
        unsafe_url=unsafe_work_url(finding.work),
        subject_authors=tuple(subject),
        partners=_partners(partners, finding.work.publication_date),
        phrases=tuple(dict.fromkeys(phrases)),
        absences=tuple(absences),
    )


def _partners(reasons: list[AffiliationReason], published: str | None) -> tuple[Partner, ...]:
    """One row per author and institution, however many lists name that institution."""
    rows: dict[tuple, list[AffiliationReason]] = {}
    for r in reasons:
        inst = r.institution
        key = (r.author_position, r.author, inst.name if inst else r.matched_text, r.method)
        rows.setdefault(key, []).append(r)
    out = []
    for (position, author, _, method), group in rows.items():
        first = group[0]
        inst = first.institution
        out.append(
            Partner(
                author=author,
                position=position,
                institution=inst.name if inst else None,
                institution_id=inst.id if inst else None,
                method=METHOD_WORDS[method],
                matched_text=first.matched_text,
                listed_as=tuple(ListedAs(r.entry, _relative(r.entry.listed_from, published)) for r in group if r.entry),
                matched=_span(first),
                matched_name=first.matched_name,
                start=first.start,
                end=first.end,
                doubt="; ".join(dict.fromkeys(r.doubt for r in group if r.doubt)) or None,
            )
        )
    return tuple(sorted(out, key=lambda p: (p.position, p.author)))


def _span(r: AffiliationReason) -> str | None:
    """The name as it stands in the text it was found in, where the reason gives its place."""
    if r.matched_text is None or r.start is None or r.end is None:
        return None
    return r.matched_text[r.start : r.end] or None


def _relative(listed_from: str | None, published: str | None) -> str | None:
    """Where the listing date falls against the work's date, which may be known only to the month or year."""
    if not listed_from or not published:
        return None
    listed = listed_from[: len(published)]
    if listed < published:
        return "listed before this work's date"
    if listed > published:
        return "listed after this work's date"
    return "listed on or within this work's date"


def _phrase(r: PhraseReason) -> PhraseInContext:
    if r.method == "openalex_topic":
        return PhraseInContext(r.topic, r.phrase, "OpenAlex topic", "", r.text, "")
    return PhraseInContext(r.topic, r.phrase, r.field, r.context_before, r.text, r.context_after)


# --- claims, statements and the report ------------------------------------------------------


@dataclass(frozen=True)
class ClaimView:
    result: ClaimResult
    topics: tuple[TopicRef, ...]
    lists: tuple[ListRef, ...]
    findings: tuple[FindingView, ...]
    findings_hidden: int
    uncertain: tuple[FindingView, ...]
    uncertain_hidden: int

    @property
    def verdict_words(self) -> str:
        return VERDICT_WORDS[self.result.verdict]

    @property
    def note(self) -> str | None:
        return self.result.interpretation.note if self.result.interpretation else None

    @property
    def anchor(self) -> str:
        return "claim-" + self.result.claim


@dataclass(frozen=True)
class StatementView:
    statement: StatementRef | None
    path: str
    claims: tuple[ClaimView, ...]

    @property
    def heading(self) -> str:
        s = self.statement
        return f"{s.speaker}, {s.made_on}" if s else f"Claims in {self.path}"


@dataclass(frozen=True)
class ListView:
    """A reference list as the report shows it: every entry of a short list; of a long one, the
    entries some finding matched, and a count of the rest."""

    list: ListRef
    entries: tuple[ListedInstitution, ...]
    hidden: int

    @property
    def undated(self) -> int:
        return sum(1 for e in self.list.entries if not e.listed_from)

    @property
    def unconfirmed(self) -> int:
        return sum(1 for e in self.list.entries if not e.verified)

    @property
    def anchor(self) -> str:
        return "list-" + self.list.id


LIST_ENTRIES_SHOWN = 40


def _list_views(results: Results) -> tuple[ListView, ...]:
    matched = {
        (r.entry.list, r.entry.id)
        for c in results.results
        for f in (*c.findings, *c.uncertain_findings)
        for r in f.reasons
        if isinstance(r, AffiliationReason) and r.entry
    }
    out = []
    for rl in results.lists:
        shown = (
            rl.entries
            if len(rl.entries) <= LIST_ENTRIES_SHOWN
            else tuple(e for e in rl.entries if (rl.id, e.id) in matched)
        )
        out.append(ListView(list=rl, entries=shown, hidden=len(rl.entries) - len(shown)))
    return tuple(out)


@dataclass(frozen=True)
class EvidenceRow:
    path: str
    kind: str
    source: str | None
    retrieved: str | None
    records: int | None
    coverage: str
    without_institution_id: str | None


@dataclass(frozen=True)
class InputRow:
    kind: str
    path: str
    sha256: str


@dataclass(frozen=True)
class BylinePart:
    """One piece of the byline: words before it, its text, and where it links (the template decides
    whether the URL may be live)."""

    before: str
    text: str
    url: str | None = None


def byline(publication: Publication | None) -> tuple[BylinePart, ...]:
    """Who wrote and published the report, when and where, in that order; empty without them."""
    if publication is None:
        return ()
    p = publication
    parts = (
        BylinePart("By ", p.author) if p.author else None,
        BylinePart("Published by ", p.publisher, p.publisher_url) if p.publisher else None,
        BylinePart("", p.date_published) if p.date_published else None,
        BylinePart("Online at ", p.url, p.url) if p.url else None,
    )
    return tuple(part for part in parts if part)


@dataclass(frozen=True)
class ReportView:
    results: Results
    statements: tuple[StatementView, ...]
    claims: tuple[ClaimView, ...]
    lists: tuple[ListView, ...]
    evidence: tuple[EvidenceRow, ...]
    inputs: tuple[InputRow, ...]
    command: str
    command_given: bool
    tally: tuple[tuple[str, str, int], ...]
    byline: tuple[BylinePart, ...] = ()
    findings_shown: int = FINDINGS_SHOWN

    @property
    def title(self) -> str | None:
        """The report's own title, where the caller gave one."""
        pub = self.results.publication
        return pub.title if pub else None

    @property
    def verdict_meanings(self) -> list[tuple[str, str]]:
        return [(VERDICT_WORDS[v], m) for v, m in VERDICT_MEANINGS.items()]


def report_view(results: Results) -> ReportView:
    claims = tuple(_claim_view(results, r) for r in results.results)
    return ReportView(
        results=results,
        statements=_by_statement(results, claims),
        claims=claims,
        lists=_list_views(results),
        evidence=tuple(_evidence_rows(results)),
        inputs=tuple(_input_rows(results)),
        command=shlex.join(results.command) if results.command else _equivalent_command(results),
        command_given=bool(results.command),
        tally=_tally(results),
        byline=byline(results.publication),
    )


def _claim_view(results: Results, r: ClaimResult) -> ClaimView:
    interp = r.interpretation
    lists = tuple(filter(None, (results.reference_list(i) for i in (interp.lists if interp else ()))))
    return ClaimView(
        result=r,
        topics=interp.topics if interp else (),
        lists=lists,
        findings=tuple(finding_view(f) for f in r.findings[:FINDINGS_SHOWN]),
        findings_hidden=max(0, len(r.findings) - FINDINGS_SHOWN),
        uncertain=tuple(finding_view(f) for f in r.uncertain_findings[:FINDINGS_SHOWN]),
        uncertain_hidden=max(0, len(r.uncertain_findings) - FINDINGS_SHOWN),
    )


def _by_statement(results: Results, claims: Iterable[ClaimView]) -> tuple[StatementView, ...]:
    """Claims under the statement (claims file) they write down, in the order they were checked."""
    grouped: dict[str, list[ClaimView]] = {}
    for c in claims:
        grouped.setdefault(c.result.claims_file, []).append(c)
    return tuple(
        StatementView(
            statement=next((s for s in results.statements if s.path == path), None), path=path, claims=tuple(cs)
        )
        for path, cs in grouped.items()
    )


def _tally(results: Results) -> tuple[tuple[str, str, int], ...]:
    """(verdict, its words, how many claims got it), for the verdicts that occur."""
    counts = {v: 0 for v in VERDICT_WORDS}
    for r in results.results:
        counts[r.verdict] += 1
    return tuple((v, VERDICT_WORDS[v], n) for v, n in counts.items() if n)


def _evidence_rows(results: Results) -> Iterable[EvidenceRow]:
    counts = {c.path: c for c in results.evidence_counts}
    for e in results.evidence:
        path = e.path
        c = counts.get(path)
        snapshot = e if isinstance(e, SnapshotRef) else None  # only a snapshot has a manifest
        share = None
        if c and c.authorships:
            share = (
                f"{c.authorships_without_institution_id} of {c.authorships} "
                f"({c.authorships_without_institution_id / c.authorships:.1%})"
            )
        yield EvidenceRow(
            path=path,
            kind=e.kind,
            source=snapshot.source if snapshot else None,
            # When the records were current, and on what ground; never when the snapshot was made.
            retrieved=_as_of(snapshot) if snapshot else None,
            records=c.records if c else snapshot.records if snapshot else None,
            coverage=coverage.describe(coverage.Coverage.model_validate(e.coverage)),
            without_institution_id=share,
        )


def _as_of(snapshot: SnapshotRef) -> str:
    if snapshot.as_of:
        return f"{snapshot.as_of} ({snapshot.as_of_basis})" if snapshot.as_of_basis else snapshot.as_of
    return f"not known ({snapshot.as_of_basis})" if snapshot.as_of_basis else "not known"


def _input_rows(results: Results) -> Iterable[InputRow]:
    inputs = results.inputs
    for kind, refs in (
        ("claims", inputs.claims),
        ("topic", inputs.topics),
        ("list", inputs.lists),
        ("evidence", inputs.evidence),
    ):
        for ref in refs:
            yield InputRow(kind=kind, path=ref.path, sha256=ref.sha256)


def _equivalent_command(results: Results) -> str:
    """A command that re-runs this check, rebuilt from the inputs when the caller gave none."""
    args = ["claimwatch", "check", *(i.path for i in results.inputs.claims)]
    for e in results.inputs.evidence:
        args += ["--evidence", e.path]
    if results.as_of:
        args += ["--as-of", results.as_of]
    return shlex.join(args)


def source_line(src: SourceRef) -> str:
    """A source as one line of text: publisher, title, authors, dates (no URL; reporters link it)."""
    parts = [p for p in (src.publisher, f"\u201c{src.title}\u201d") if p]
    if src.authors:
        parts.append(", ".join(src.authors))
    if src.published:
        parts.append(f"published {src.published}")
    if src.retrieved:
        parts.append(f"retrieved {src.retrieved}")
    return ", ".join(parts)
