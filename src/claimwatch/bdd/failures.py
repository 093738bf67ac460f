"""Failures a feature run reports in the analyst's words, and the text that explains them.

    FeatureFailure                  shown as its message alone: no traceback, no pytest internals
    ├── ExpectationNotMet           a Then step expected something the evaluation did not find
    └── ScenarioProblem             the scenario cannot run as written (a missing file, an
                                    unknown claim id, a step out of order)

Every message about a claim says what was expected, then what the evaluation found: the
verdict, the sentence that says why, and the first findings with the reasons they matched (for
a claim about people, the first persons with their ids, records and what the records show).
Evidence text (titles, names) is untrusted: control characters are replaced before it is shown.
"""

from __future__ import annotations

from pathlib import Path

from .._text import terminal_text
from ..results import (
    VERDICT_WORDS,
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    Finding,
    PersonFinding,
    PhraseReason,
)

FINDINGS_SHOWN = 3


class FeatureFailure(Exception):
    """A failure whose message is all an analyst needs; the plugin shows nothing else."""


class ExpectationNotMet(FeatureFailure, AssertionError):
    """A Then step's expectation differs from what the evaluation found."""


class ScenarioProblem(FeatureFailure):
    """The scenario cannot run as written."""


def plain(text: str) -> str:
    """Untrusted text made safe to print as a terminal shows it (a failure is read there): no
    control, bidi or invisible character, no soft hyphen, one line."""
    return " ".join(terminal_text(text).split())


def verdict_word(verdict: str) -> str:
    """'not_contradicted' -> 'not contradicted', the way an analyst writes it."""
    return VERDICT_WORDS[verdict].lower()


def found(result: ClaimResult, *, root: Path | None = None, limit: int = FINDINGS_SHOWN) -> str:
    """What the evaluation found for one claim: verdict, why, counts and the first findings."""
    if result.people_considered is not None:
        return found_people(result, result.people_considered, root=root, limit=limit)
    lines = [
        f"The evaluation found: {verdict_word(result.verdict)}",
        f"  Why: {_short_paths(plain(result.why), root)}",
        f"  Findings: {result.matched} matched, {result.uncertain} uncertain, "
        f"among {_works(result.works_considered)} by {plain(result.subject)} in the period",
    ]
    for n, finding in enumerate(result.findings[:limit], 1):
        lines += [
            f"    {n}. {line}" if i == 0 else f"       {line}"
            for i, line in enumerate(describe_finding(finding, root=root))
        ]
    if result.matched > limit:
        lines.append(f"    ... and {result.matched - limit} more")
    if result.uncertain:
        first = result.uncertain_findings[0]
        because = f": {plain(first.uncertain_because[0])}" if first.uncertain_because else ""
        lines.append(
            f"  Uncertain: {_title(first)}{because}"
            + (f" (and {result.uncertain - 1} more)" if result.uncertain > 1 else "")
        )
    return "\n".join(lines)


def found_people(result: ClaimResult, considered: int, *, root: Path | None = None, limit: int = FINDINGS_SHOWN) -> str:
    """What the evaluation found for a claim about people: verdict, why, counts and the first persons."""
    lines = [
        f"The evaluation found: {verdict_word(result.verdict)}",
        f"  Why: {_short_paths(plain(result.why), root)}",
        f"  People: {result.matched} matched, {result.uncertain} uncertain, among {_people(considered)} "
        f"whose records place them at {plain(result.subject)} in the period",
    ]
    for n, person in enumerate(result.people[:limit], 1):
        lines += [
            f"    {n}. {line}" if i == 0 else f"       {line}"
            for i, line in enumerate(describe_person(person, root=root))
        ]
    if result.matched > limit:
        lines.append(f"    ... and {result.matched - limit} more")
    if result.uncertain_people:
        first = result.uncertain_people[0]
        because = f": {plain(first.uncertain_because[0])}" if first.uncertain_because else ""
        lines.append(
            f"  Uncertain: {person_label(first)}{because}"
            + (f" (and {result.uncertain - 1} more)" if result.uncertain > 1 else "")
        )
    return "\n".join(lines)


def describe_person(person: PersonFinding, *, root: Path | None = None) -> list[str]:
    """A person in three short lines: who, where their records stand, what the records show."""
    cited = [person.strength, *(_short_paths(r, root) for r in person.records[:1])]
    if len(person.records) > 1:
        cited.append(f"and {len(person.records) - 1} more records")
    return [person_label(person), " · ".join(plain(c) for c in cited), plain(person.shows)]


def person_label(person: PersonFinding) -> str:
    """'Li Wei (A5023888391, ORCID 0000-0002-1825-0097)': the name, with the ids to look them up by."""
    ids = [person.id, *person.other_openalex_ids]
    if person.orcid:
        ids.append(f"ORCID {person.orcid}")
    return f"{plain(person.name) or '(unnamed)'} ({', '.join(plain(i) for i in ids)})"


def describe_finding(finding: Finding, *, root: Path | None = None) -> list[str]:
    """A finding in three short lines: the work, where its record stands, why it matched."""
    work = finding.work
    cited = [work.publication_date or "undated", work.id]
    if work.doi:
        cited.append(f"DOI {work.doi}")
    if work.arxiv:
        cited.append(f"arXiv {work.arxiv}")
    cited.append(finding.strength)
    cited += [_short_paths(r, root) for r in work.records[:1]]
    return [_title(finding), " · ".join(plain(c) for c in cited), describe_reasons(finding)]


def describe_reasons(finding: Finding) -> str:
    """The reasons a finding matched, in a line: subject authors, listed coauthors, phrases."""
    subject_authors = [r for r in finding.reasons if isinstance(r, AffiliationReason) and r.kind == "subject_author"]
    parts = []
    if subject_authors:
        first = subject_authors[0]
        more = f" and {len(subject_authors) - 1} more" if len(subject_authors) > 1 else ""
        parts.append(f"subject author {plain(first.author)}{more}")
    for r in finding.reasons:
        if isinstance(r, AffiliationReason) and r.kind == "listed_author":
            at = partner_names(r)[0]
            parts.append(f"{plain(r.author)} at {at} ({_entry(r, at)}, by {r.method})")
        elif isinstance(r, PhraseReason):
            where = f"{r.field}" if r.method == "phrase" else "OpenAlex topics"
            parts.append(f"\u201c{plain(r.text)}\u201d in {where}")
        elif isinstance(r, AbsenceReason):
            parts.append(f"not {plain(r.condition)}")
    return "; ".join(parts)


def partner_names(reason: AffiliationReason) -> list[str]:
    """Names a listed coauthor's institution goes by: as the record states it (where it names one),
    then the list entry's."""
    names = []
    if reason.institution and reason.institution.name:
        names.append(plain(reason.institution.name))
    if reason.entry:
        names.append(plain(reason.entry.name))
    return list(dict.fromkeys(names)) or ["(unnamed institution)"]


def _entry(reason: AffiliationReason, shown_as: str) -> str:
    """The list entry a coauthor matched; its name only where it differs from the one shown."""
    entry = reason.entry
    if entry is None:
        return "no list entry"
    name = plain(entry.name)
    return plain(entry.list_name) if name == shown_as else f"{plain(entry.list_name)}: {name}"


def _title(finding: Finding) -> str:
    return f"\u201c{plain(finding.work.title) or '(untitled)'}\u201d"


def _works(n: int) -> str:
    return "1 work" if n == 1 else f"{n} works"


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def _short_paths(text: str, root: Path | None) -> str:
    """Paths under the project root shown relative to it, as the analyst wrote them."""
    if root is None:
        return text
    return text.replace(f"{root}/", "")
