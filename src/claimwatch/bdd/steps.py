"""The step library: Given the claims and the evidence, When they are evaluated, Then check.

Each step is one small function whose docstring is its documentation: `docs/authoring.md` lists
the steps from `LIBRARY` (`python -m claimwatch.bdd docs/authoring.md` rewrites that section),
and a test fails when the two differ. Placeholders in quotes take any text; N takes a number.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest
from pytest_bdd import parsers
from pytest_bdd.steps import step as bdd_step

from .. import ids
from ..columnar import search_form
from ..people import orcid_id
from ..project import find_root
from ..results import (
    VERDICTS,
    AbsenceReason,
    AffiliationReason,
    ClaimResult,
    Finding,
    PersonFinding,
    PhraseReason,
    Placement,
)
from ..reviews import DECISIONS, identity_keys, person_keys, work_key
from ..works import topic_reading
from .case import Case, InlineClaim, SessionStore
from .failures import (
    ExpectationNotMet,
    ScenarioProblem,
    found,
    partner_names,
    person_label,
    plain,
    verdict_word,
)

StepKind = Literal["given", "when", "then"]
_FIELD = re.compile(r"\{(\w+)(?::\w+)?\}")
_PLACEHOLDERS = {"claim_id": "ID", "n": "N"}  # how a field is shown where its name would read oddly
STORE = pytest.StashKey[SessionStore]()
CURRENT_STEP = pytest.StashKey[tuple[str, int]]()  # the running step's feature file and line


@dataclass(frozen=True)
class LibraryStep:
    """One step of the library: how it may be written, and what it does (its docstring)."""

    kind: StepKind
    phrasings: tuple[str, ...]
    function: Callable[..., object]

    @property
    def shown(self) -> list[str]:
        """The phrasings as an analyst writes them: `the verdict is "VERDICT"`, `at least N works match`."""
        return [_FIELD.sub(lambda m: _PLACEHOLDERS.get(m.group(1), m.group(1).upper()), p) for p in self.phrasings]

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.function) or ""


LIBRARY: list[LibraryStep] = []


def library_step(kind: StepKind, *phrasings: str) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Register a function as a step under each phrasing (parse syntax), and list it in LIBRARY."""

    def register(function: Callable[..., object]) -> Callable[..., object]:
        for phrasing in phrasings:
            # stacklevel 2: pytest-bdd puts the step's fixture in this module, the caller of `register`.
            bdd_step(parsers.parse(phrasing), kind, stacklevel=2)(function)
        LIBRARY.append(LibraryStep(kind, phrasings, function))
        return function

    return register


@pytest.fixture
def claimwatch_case(request: pytest.FixtureRequest) -> Case:
    """The claims, evidence and results of the running scenario."""
    config = request.config
    if STORE not in config.stash:
        config.stash[STORE] = SessionStore()
    # The feature's case: the nearest claimwatch.toml above it, as for every command; else pytest's rootdir.
    feature = Path(request.node.path)
    return Case(root=find_root(feature.parent) or config.rootpath, store=config.stash[STORE])


# --- Given -------------------------------------------------------------------------------------


@library_step("given", 'the claims in "{path}"')
def given_claims(claimwatch_case: Case, path: str) -> None:
    """Claims from a claim file, or from every claim file in a folder. Topics and lists
    resolve from `claims/topics/` and `evidence/lists/` under the project root, and from
    folders given with `the lists in`."""
    claimwatch_case.add_claims(path)


@library_step("given", "the claim:")
def given_inline_claim(claimwatch_case: Case, docstring: str, request: pytest.FixtureRequest) -> None:
    """A claim written in the feature, as a YAML docstring. Either a whole claim file (with
    `statement:`), or a claim file's content that adds to the claim file given just before
    it, using its statement, subjects and topics: one claim, a list of claims, or `claims:`
    with its own `subjects:` and `topics:` if needed. Mistakes are reported at the feature's
    own lines.

    ```gherkin
    Given the claims in "claims/microsoft-msra-2024.yaml"
    And the claim:
      \"\"\"
      id: msra-no-synthetic-media-papers
      says: Microsoft Research Asia publishes no papers on synthetic media.
      subject: msra
      from: 2024-01-10
      expects: none
      works:
        topic: synthetic-media
      \"\"\"
    ```"""
    feature, step_line = request.node.stash[CURRENT_STEP]
    line, column = docstring_start(request.config.rootpath / feature, step_line)
    claimwatch_case.add_inline_claim(InlineClaim(docstring, feature, line, column))


@library_step("given", 'the evidence in "{path}"')
def given_evidence(claimwatch_case: Case, path: str) -> None:
    """Evidence to evaluate against: a curated `.yaml` file, a snapshot folder, OpenAlex work
    and author records read as they are (JSON Lines, a saved API list response, a JSON array of
    records or one record, `.json`/`.jsonl`, gzipped or not), or a folder holding any of these.
    A claim about people is judged on the author records among them. Give the step again to add
    more."""
    claimwatch_case.add_evidence(claimwatch_case.existing(path, "evidence"))


@library_step("given", 'the lists in "{path}"')
def given_lists(claimwatch_case: Case, path: str) -> None:
    """A folder of reference lists (`ID.yaml`), searched after `evidence/lists/`; a list here
    stands in for a shipped list with the same id."""
    claimwatch_case.add_lists(path)


@library_step("given", 'the reviews in "{path}"')
def given_reviews(claimwatch_case: Case, path: str) -> None:
    """The case's reviews file (`reviews.yaml`, see `claimwatch review`), applied after
    matching as `claimwatch check` applies it: a finding reviewed `not_a_match` is set aside,
    `confirmed` counts as a match, `disputed` only as uncertain."""
    claimwatch_case.add_reviews(path)


@library_step(
    "given", 'the works in "{path}" imported as a snapshot covering "{institutions}" from "{start}" to "{end}"'
)
def given_imported_snapshot(
    claimwatch_case: Case, path: str, institutions: str, start: str, end: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """OpenAlex work records (any shape `given the evidence` reads) imported as a snapshot that declares it holds every work of
    these institutions (OpenAlex ids, separated by commas) published from START to END, dates
    as YYYY-MM-DD: what `claimwatch evidence import FILE --subject ID --from START --to END`
    makes. Only such complete coverage lets a claim be "not contradicted". The snapshot is made
    once per test run, in a temporary folder."""
    source = claimwatch_case.existing(path, "works")
    covered = tuple(_institution(i) for i in institutions.split(",") if i.strip())
    snapshot = claimwatch_case.import_snapshot(
        source, covered, _date(start), _date(end), lambda: tmp_path_factory.mktemp("claimwatch-snapshot")
    )
    claimwatch_case.add_evidence(snapshot)


# --- When --------------------------------------------------------------------------------------


@library_step("when", 'the claim "{claim_id}" is evaluated')
def when_claim_evaluated(claimwatch_case: Case, claim_id: str) -> None:
    """Evaluate the claims given against the evidence given; the Then steps after it are about
    this claim."""
    claimwatch_case.evaluate(claim_id)


@library_step("when", "all claims are evaluated")
def when_all_evaluated(claimwatch_case: Case) -> None:
    """Evaluate every claim given; check them with `the verdicts are:`, or with the other Then
    steps when only one claim was given."""
    claimwatch_case.evaluate()


@library_step("when", 'the claim "{claim_id}" is evaluated as of "{day}"')
def when_claim_evaluated_as_of(claimwatch_case: Case, claim_id: str, day: str) -> None:
    """Evaluate as above, with open-ended claims running to DAY (YYYY-MM-DD) rather than to the
    day the evidence was retrieved: a feature whose snapshot is imported by a step then gives
    the same verdict whatever day it runs."""
    claimwatch_case.evaluate(claim_id, as_of=_date(day))


@library_step("when", 'all claims are evaluated as of "{day}"')
def when_all_evaluated_as_of(claimwatch_case: Case, day: str) -> None:
    """Evaluate every claim given, with open-ended claims running to DAY (YYYY-MM-DD)."""
    claimwatch_case.evaluate(as_of=_date(day))


# --- Then --------------------------------------------------------------------------------------


@library_step("then", 'the verdict is "{verdict}"')
def then_verdict(claimwatch_case: Case, verdict: str) -> None:
    """The claim's verdict: contradicted, supported, not contradicted or insufficient evidence
    (`not_contradicted` and `insufficient_evidence` work too)."""
    expected = verdict_named(verdict)
    result = claimwatch_case.focus()
    if result.verdict != expected:
        raise ExpectationNotMet(
            f'Expected the verdict "{verdict_word(expected)}" for {result.claim}.\n' + _found(claimwatch_case, result)
        )


@library_step("then", "at least {n:d} works match", "at least {n:d} work matches")
def then_at_least(claimwatch_case: Case, n: int) -> None:
    """At least N works certainly match the claim's conditions (uncertain ones do not count);
    N is 1 or more (at least 0 would hold whatever the evaluation found)."""
    _a_count(n, at_least=True, people=False)
    result = _counting(claimwatch_case, people=False, instead=f"at least {_matching(n, people=True)}")
    if result.matched < n:
        raise ExpectationNotMet(
            f"Expected at least {_works(n)} to match {result.claim}; {result.matched} matched.\n"
            + _found(claimwatch_case, result)
        )


@library_step("then", "exactly {n:d} works match", "exactly {n:d} work matches")
def then_exactly(claimwatch_case: Case, n: int) -> None:
    """Exactly N works certainly match the claim's conditions."""
    _a_count(n, at_least=False, people=False)
    result = _counting(claimwatch_case, people=False, instead=f"exactly {_matching(n, people=True)}")
    if result.matched != n:
        raise ExpectationNotMet(
            f"Expected exactly {_works(n)} to match {result.claim}; {result.matched} matched.\n"
            + _found(claimwatch_case, result)
        )


@library_step("then", "no work matches", "no works match")
def then_none(claimwatch_case: Case) -> None:
    """No work certainly matches the claim's conditions."""
    result = _counting(claimwatch_case, people=False, instead="no person matches")
    if result.matched:
        raise ExpectationNotMet(
            f"Expected no work to match {result.claim}; {result.matched} matched.\n" + _found(claimwatch_case, result)
        )


@library_step("then", "at least {n:d} people match", "at least {n:d} person matches")
def then_at_least_people(claimwatch_case: Case, n: int) -> None:
    """For a claim about people (`authors:`): at least N persons certainly match (uncertain ones
    do not count); N is 1 or more."""
    _a_count(n, at_least=True, people=True)
    result = _counting(claimwatch_case, people=True, instead=f"at least {_matching(n, people=False)}")
    if result.matched < n:
        raise ExpectationNotMet(
            f"Expected at least {_people(n)} to match {result.claim}; {result.matched} matched.\n"
            + _found(claimwatch_case, result)
        )


@library_step("then", "exactly {n:d} people match", "exactly {n:d} person matches")
def then_exactly_people(claimwatch_case: Case, n: int) -> None:
    """For a claim about people: exactly N persons certainly match."""
    _a_count(n, at_least=False, people=True)
    result = _counting(claimwatch_case, people=True, instead=f"exactly {_matching(n, people=False)}")
    if result.matched != n:
        raise ExpectationNotMet(
            f"Expected exactly {_people(n)} to match {result.claim}; {result.matched} matched.\n"
            + _found(claimwatch_case, result)
        )


@library_step("then", "no person matches", "no one matches")
def then_no_one(claimwatch_case: Case) -> None:
    """For a claim about people: no person certainly matches (some may be uncertain)."""
    result = _counting(claimwatch_case, people=True, instead="no work matches")
    if result.matched:
        raise ExpectationNotMet(
            f"Expected no person to match {result.claim}; {result.matched} matched.\n" + _found(claimwatch_case, result)
        )


@library_step("then", 'the findings include the work titled "{title}"')
def then_finding_titled(claimwatch_case: Case, title: str) -> None:
    """A work with this title (compared without regard to case or spacing, and as a reader sees
    it: an accent written as one character or two, a soft hyphen or a zero-width space aside) is
    among the works that match."""
    result = claimwatch_case.focus()
    wanted = _folded(title)
    _expect_finding(claimwatch_case, result, f'the work titled "{title}"', lambda f: _folded(f.work.title) == wanted)


@library_step("then", 'the findings include the work with DOI "{doi}"')
def then_finding_doi(claimwatch_case: Case, doi: str) -> None:
    """A work with this DOI (`10.…`, `doi:10.…` or `https://doi.org/10.…`) is among the works
    that match."""
    wanted = ids.doi(doi)
    if wanted is None:
        raise ScenarioProblem(f'"{doi}" is not a DOI: write it as 10.NNNN/... or https://doi.org/10.NNNN/...')
    result = claimwatch_case.focus()
    _expect_finding(claimwatch_case, result, f'the work with DOI "{doi}"', lambda f: f.work.doi == wanted)


@library_step("then", 'the findings include the author "{author}"')
def then_finding_author(claimwatch_case: Case, author: str) -> None:
    """For a claim about people, a person among those that match, named by their name (compared
    without regard to case or spacing), an OpenAlex author id (`A5023888391` or its
    `https://openalex.org/` address, merged ids too) or their ORCID (`0000-0002-1825-0097` or its
    `https://orcid.org/` address). For a claim about works, an author of a work that matches,
    named as the work records them (the subject's or a listed coauthor)."""
    result = claimwatch_case.focus()
    what = f'the author "{author}"'
    if result.people_considered is None:
        wanted = _folded(author)
        names = (a for f in (*result.findings, *result.uncertain_findings) for a in finding_authors(f))
        _expect_finding(
            claimwatch_case,
            result,
            what,
            lambda f: wanted in {_folded(a) for a in finding_authors(f)},
            _accented_otherwise(author, names),
        )
        return
    if any(names_person(p, author) for p in result.people):
        return
    uncertain = next((p for p in result.uncertain_people if names_person(p, author)), None)
    note = _accented_otherwise(author, (p.name for p in (*result.people, *result.uncertain_people)))
    if uncertain is not None:
        because = "; ".join(plain(b) for b in uncertain.uncertain_because) or "see the evaluation"
        note += f"  {person_label(uncertain)} is among the uncertain people, who do not count: {because}.\n"
    raise ExpectationNotMet(
        f"Expected the people matching {result.claim} to include {what}.\n" + note + _found(claimwatch_case, result)
    )


def _accented_otherwise(written: str, names: Iterable[str]) -> str:
    """A line for a failure where the result names someone whose name differs from the step's
    only in its accents ("Alperín" for "Alperin"): names are compared as written."""
    wanted = _unaccented(written)
    alike = sorted({n for n in names if _unaccented(n) == wanted and _folded(n) != _folded(written)})
    return f'  The result names "{plain(alike[0])}": a name is compared as written, its accents too.\n' if alike else ""


def _unaccented(text: str) -> str:
    return search_form(_folded(text))  # decomposed, its accents dropped, as the query's text is


@library_step("then", 'the work "{work}" is set aside on review')
def then_set_aside(claimwatch_case: Case, work: str) -> None:
    """A review set this work (by any id a review may name it by: an OpenAlex id, a DOI, an
    arXiv id, a curated id) aside as not a match: it is out of the verdict, kept in view."""
    result = _counting(claimwatch_case, people=False, instead=f'the person "{work}" is set aside on review')
    ok = any(_names_work(f, work) for f in result.dismissed)
    _expect_review(claimwatch_case, result, ok, f"Expected {work} to be set aside on review for {result.claim}.")


@library_step("then", 'the person "{person}" is set aside on review')
def then_person_set_aside(claimwatch_case: Case, person: str) -> None:
    """For a claim about people, a review set this person (by name, OpenAlex author id or ORCID)
    aside as not a match: out of the verdict, kept in view."""
    result = _counting(claimwatch_case, people=True, instead=f'the work "{person}" is set aside on review')
    ok = any(names_person(p, person) for p in result.dismissed_people)
    _expect_review(claimwatch_case, result, ok, f"Expected {person} to be set aside on review for {result.claim}.")


@library_step("then", 'the work "{work}" is reviewed as "{decision}"')
def then_reviewed_as(claimwatch_case: Case, work: str, decision: str) -> None:
    """A review with this decision (not a match, confirmed, disputed; `not_a_match` works
    too) applies to this work's finding."""
    wanted = _decision(decision)
    result = _counting(claimwatch_case, people=False, instead=f'the person "{work}" is reviewed as "{decision}"')
    reviewed = [f for f in (*result.findings, *result.uncertain_findings, *result.dismissed) if _names_work(f, work)]
    ok = any(f.review is not None and f.review.decision == wanted for f in reviewed)
    _expect_review(claimwatch_case, result, ok, f'Expected a review "{decision}" on {work} for {result.claim}.')


@library_step("then", 'the person "{person}" is reviewed as "{decision}"')
def then_person_reviewed_as(claimwatch_case: Case, person: str, decision: str) -> None:
    """For a claim about people, a review with this decision (not a match, confirmed, disputed)
    applies to this person's finding (named by name, OpenAlex author id or ORCID)."""
    wanted = _decision(decision)
    result = _counting(claimwatch_case, people=True, instead=f'the work "{person}" is reviewed as "{decision}"')
    people = (*result.people, *result.uncertain_people, *result.dismissed_people)
    ok = any(p.review is not None and p.review.decision == wanted for p in people if names_person(p, person))
    _expect_review(claimwatch_case, result, ok, f'Expected a review "{decision}" on {person} for {result.claim}.')


@library_step("then", 'the review of "{work}" is not applied')
def then_review_lapsed(claimwatch_case: Case, work: str) -> None:
    """A review of this work was not applied: the work is no longer a finding of the claim,
    the review has expired for evidence this recent, or its expiry cannot be told (on a claim
    about people, a review of a work never applies)."""
    result = claimwatch_case.focus()
    key = work_key(work)
    if key is None:
        raise ScenarioProblem(f'"{work}" names no work: write an OpenAlex work id, a DOI, an arXiv id or a curated id')
    if any(x.review.work is not None and work_key(x.review.work) == key for x in result.lapsed_reviews):
        return
    raise ExpectationNotMet(
        f"Expected the review of {work} for {result.claim} not to be applied.\n" + _reviews_found(result)
    )


@library_step("then", 'the review of the person "{person}" is not applied')
def then_person_review_lapsed(claimwatch_case: Case, person: str) -> None:
    """A review of this person was not applied: the person is no longer a finding of the claim,
    the id names two findings, or the review has expired (on a claim about works, a review of a
    person never applies). The person is named by any of their ids (an OpenAlex author id, an
    ORCID iD, a curated id, in any written form) or, where they are a finding, their name."""
    result = claimwatch_case.focus()
    found = (*result.people, *result.uncertain_people, *result.dismissed_people)
    keys = person_keys(person).union(*(person_finding_keys(p) for p in found if names_person(p, person)))
    if not keys:
        raise ScenarioProblem(
            f'"{person}" names no person: write an OpenAlex author id (A...), an ORCID iD or a curated id'
        )
    if any(x.review.person is not None and keys & person_keys(x.review.person) for x in result.lapsed_reviews):
        return
    raise ExpectationNotMet(
        f"Expected the review of {person} for {result.claim} not to be applied.\n" + _reviews_found(result)
    )


@library_step("then", "every finding cites its source")
def then_findings_cited(claimwatch_case: Case) -> None:
    """Every finding, matched or uncertain, can be traced: it names its work (id and title), a
    DOI, arXiv id, URL or OpenAlex id to look it up by, where its record stands in the evidence,
    and at least one reason; matched works have a publication date; every listed coauthor names
    the list entry, and every phrase the field it was found in. For a claim about people, every
    person, matched or uncertain, names their id and their author records, a place at the
    subject, the record behind each place and, for a listed one, its list entry; the places of
    a matched person give their years."""
    result = claimwatch_case.focus()
    gaps = [
        f"{plain(f.work.title) or f.work.id}: {', '.join(missing)}"
        for f in (*result.findings, *result.uncertain_findings)
        if (missing := uncited(f))
    ] + [
        f"{person_label(p)}: {', '.join(missing)}"
        for p in (*result.people, *result.uncertain_people)
        if (missing := uncited_person(p))
    ]
    if gaps:
        raise ExpectationNotMet(
            f"Expected every finding of {result.claim} to cite its source; "
            f"{len(gaps)} do not:\n" + "\n".join(f"  {g}" for g in gaps) + "\n" + _found(claimwatch_case, result)
        )


@library_step("then", 'the partner institutions include "{name}"')
def then_partner(claimwatch_case: Case, name: str) -> None:
    """Among the works that match, a coauthor is at this institution, found through a list the
    claim names. The name is compared without regard to case, with the institution as the
    record states it and with the list entry's name. For a claim about people: a listed
    institution a person who matches was placed at."""
    result = claimwatch_case.focus()
    partners = partner_institutions(result)
    if _folded(name) not in {_folded(p) for p in partners}:
        nothing = "no person who matches" if result.people_considered is not None else "no matching work has"
        seen = "; ".join(partners) if partners else f"none ({nothing} a listed institution)"
        raise ExpectationNotMet(
            f'Expected a partner institution named "{name}" for {result.claim}.\n'
            f"  Partner institutions found: {seen}\n" + _found(claimwatch_case, result)
        )


@library_step("then", 'the reason mentions "{text}"')
def then_reason(claimwatch_case: Case, text: str) -> None:
    """The sentence that says why the claim got its verdict contains this text (compared
    without regard to case)."""
    result = claimwatch_case.focus()
    if not _folded(text):  # blank text is in every reason: a step that could not fail
        raise ScenarioProblem('the step "the reason mentions" needs text to look for, not a blank')
    if _folded(text) not in _folded(result.why):
        raise ExpectationNotMet(
            f'Expected the reason for {result.claim} to mention "{text}".\n' + _found(claimwatch_case, result)
        )


@library_step("then", "the verdicts are:")
def then_verdicts(claimwatch_case: Case, datatable: list[list[str]]) -> None:
    """Several claims' verdicts at once, from a table with the columns `claim` and `verdict`
    (and, if wanted, `matched`: how many works match, or people for a claim about people).
    Every row is checked, and every difference reported together. Claims not in the table are
    not checked.

    ```gherkin
    Then the verdicts are:
      | claim                     | verdict               |
      | msra-no-synthetic-media   | contradicted          |
      | msra-no-quantum-computing | insufficient evidence |
    ```"""
    results = claimwatch_case.evaluated()
    rows = table_rows(datatable)
    differences = []
    for row in rows:
        try:
            difference = row_difference(claimwatch_case, row)
        except ScenarioProblem as e:
            difference = f"{row['claim']}: {e}"
        if difference:
            differences.append(difference)
    if differences:
        raise ExpectationNotMet(
            f"{len(differences)} of the {len(rows)} claims in the table differ "
            f"(of {len(results.results)} evaluated):\n" + "\n".join(differences)
        )


# --- helpers -----------------------------------------------------------------------------------


def row_difference(case: Case, row: dict[str, str]) -> str | None:
    """How the evaluation of one table row's claim differs from the row, or None."""
    result = case.result_of(row["claim"])
    expected = verdict_named(row["verdict"])
    wrong = [f'the verdict "{verdict_word(expected)}"'] if result.verdict != expected else []
    counted = "people" if result.people_considered is not None else "works"
    if "matched" in row and not re.fullmatch(r"[0-9]+", row["matched"]):
        raise ScenarioProblem(
            f'"{plain(row["matched"])}" in the matched column is no number: write how many {counted} match, such as 2'
        )
    if "matched" in row and int(row["matched"]) != result.matched:
        wrong.append(f"{int(row['matched'])} matching {counted}")
    if not wrong:
        return None
    return f"{result.claim}: expected {' and '.join(wrong)}.\n" + _indented(_found(case, result, limit=1))


def verdict_named(text: str) -> str:
    """A verdict as the analyst wrote it ('not contradicted', 'Not-Contradicted') -> its name."""
    name = "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    if name not in VERDICTS:
        raise ScenarioProblem(
            f'"{text}" is not a verdict; write one of: ' + ", ".join(verdict_word(v) for v in VERDICTS)
        )
    return name


def table_rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    """A data table's rows as {column: cell}, the header naming the columns."""
    header = [cell.strip().lower() for cell in datatable[0]] if datatable else []
    missing = [c for c in ("claim", "verdict") if c not in header]
    if missing:
        raise ScenarioProblem(f"the table needs the columns claim and verdict (its header is: {' | '.join(header)})")
    unknown = [c for c in header if c not in ("claim", "verdict", "matched")]
    if unknown:
        raise ScenarioProblem(
            f"the table has columns the step does not know: {', '.join(unknown)} (it knows claim, verdict and matched)"
        )
    if twice := sorted({c for c in header if header.count(c) > 1}):
        # A row keeps one cell per column: `| claim | verdict | verdict |` checked the last
        # verdict and passed whatever the other said.
        raise ScenarioProblem(
            f"the table names the column {', '.join(twice)} twice: one of the two would be checked, "
            "the other passed over; keep one"
        )
    if len(datatable) < 2:
        raise ScenarioProblem("the table lists no claims: add a row for each claim under its header")
    return [dict(zip(header, (c.strip() for c in row), strict=True)) for row in datatable[1:]]


def partner_institutions(result: ClaimResult) -> list[str]:
    """The institutions of listed coauthors on the works that match (for a claim about people,
    the listed institutions of the persons who match), each name once."""
    names = [
        name
        for f in result.findings
        for r in f.reasons
        if isinstance(r, AffiliationReason) and r.kind == "listed_author"
        for name in partner_names(r)
    ] + [name for p in result.people for place in p.at_listed for name in _placement_names(place)]
    return list(dict.fromkeys(names))


def _placement_names(place: Placement) -> list[str]:
    """Names a listed institution a person was placed at goes by: the record's, then the entry's."""
    names = [plain(n) for n in (place.institution.name, place.entry.name if place.entry else None) if n]
    return names or ["(unnamed institution)"]


def finding_authors(finding: Finding) -> list[str]:
    """The authors a work's reasons name: the subject's and the listed coauthors."""
    return [r.author for r in finding.reasons if isinstance(r, AffiliationReason)]


def names_person(person: PersonFinding, written: str) -> bool:
    """Does the analyst's text name this person: by name, or by an OpenAlex author id, ORCID iD
    or curated id written as a review may write it?"""
    if not person_keys(written).isdisjoint(person_finding_keys(person)):
        return True
    return _folded(written) in (_folded(person.name), _folded(person.id))


def person_finding_keys(person: PersonFinding) -> frozenset[str]:
    """A person finding's ids, spelt as `reviews.person_keys` spells a review's."""
    keys = {person.id, *person.other_openalex_ids} | ({person.openalex_id} if person.openalex_id else set())
    keys = {k for k in keys if ids.openalex_id(k) == k}
    if orcid := orcid_id(person.orcid):
        keys.add(f"orcid:{orcid}")
    if not person.id[:1].isupper():  # a curated id: OpenAlex's are in capitals
        keys.add(f"curated:{person.id}")
        keys.update(f"curated:{Path(r.rpartition(':')[0]).name}#{person.id}" for r in person.records)
    return frozenset(keys)


def uncited(finding: Finding) -> list[str]:
    """What a finding lacks to be traced to its source; empty when nothing is missing."""
    work = finding.work
    missing = []
    if not work.id or not work.title:
        missing.append("no work id or title")
    if not (work.id.startswith("W") or work.doi or work.arxiv or work.url):
        missing.append("no DOI, arXiv id, URL or OpenAlex id")
    if not work.records:
        missing.append("no record location in the evidence")
    if finding.status == "matched" and not work.publication_date:
        missing.append("no publication date")
    if not finding.reasons:
        missing.append("no reason")
    for r in finding.reasons:
        if isinstance(r, AffiliationReason) and (not r.author or (r.kind == "listed_author" and r.entry is None)):
            missing.append(f"an affiliation reason without its author or list entry ({r.method})")
        elif isinstance(r, PhraseReason) and not (r.field and r.text):
            missing.append(f"a topic reason without its field or text ({r.phrase})")
        elif isinstance(r, AbsenceReason) and not r.condition:
            missing.append("an absence reason without its condition")
    return missing


def uncited_person(person: PersonFinding) -> list[str]:
    """What a person finding lacks to be traced to its records; empty when nothing is missing."""
    missing = []
    if not person.id or not person.name:
        missing.append("no id or name")
    if not person.records:
        missing.append("no author record location in the evidence")
    if not person.at_subject:
        missing.append("no place at the subject")
    for place in (*person.at_subject, *person.at_listed):
        where = plain(place.institution.name or place.institution.id or "an institution")
        if not place.record:
            missing.append(f"{where} without the author record that places them there")
        if person.status == "matched" and not place.years:
            missing.append(f"{where} without its years")
    missing += [f"{plain(p.institution.name)} without its list entry" for p in person.at_listed if p.entry is None]
    return missing


def docstring_start(feature: Path, step_line: int) -> tuple[int, int]:
    """Where a step's docstring content starts in the feature file: (line, indentation)."""
    try:
        lines = feature.read_text(encoding="utf-8").splitlines()
    except OSError:
        return step_line + 2, 0
    for number in range(step_line, len(lines)):
        text = lines[number]
        if text.lstrip().startswith(('"""', "```")):
            return number + 2, len(text) - len(text.lstrip())
    return step_line + 2, 0


def _expect_finding(
    case: Case, result: ClaimResult, what: str, matches: Callable[[Finding], bool], note: str = ""
) -> None:
    if any(matches(f) for f in result.findings):
        return
    uncertain = next((f for f in result.uncertain_findings if matches(f)), None)
    if uncertain is not None:
        because = "; ".join(plain(b) for b in uncertain.uncertain_because) or "see the evaluation"
        note += f"  It is among the uncertain findings, which do not count: {because}.\n"
    raise ExpectationNotMet(
        f"Expected the findings of {result.claim} to include {what}.\n" + note + _found(case, result)
    )


def _names_work(finding: Finding, work: str) -> bool:
    """Does `work` name this finding's work, by any identity a review may use?"""
    key = work_key(work)
    w = finding.work
    return key is not None and key in identity_keys(w.id, w.doi, w.arxiv)


def _decision(written: str) -> str:
    wanted = written.strip().lower().replace(" ", "_").replace("-", "_")
    if wanted not in DECISIONS:
        raise ScenarioProblem(f'"{written}" is not a decision; write one of: not a match, confirmed, disputed')
    return wanted


def _expect_review(case: Case, result: ClaimResult, ok: bool, expected: str) -> None:
    if not ok:
        raise ExpectationNotMet(f"{expected}\n" + _reviews_found(result) + _found(case, result))


def _reviews_found(result: ClaimResult) -> str:
    reviewed = [f for f in (*result.findings, *result.uncertain_findings, *result.dismissed) if f.review is not None]
    lines = [f"  {f.work.id}: {f.review.decision}" for f in reviewed if f.review is not None]
    people = (*result.people, *result.uncertain_people, *result.dismissed_people)
    lines += [f"  {p.id} ({p.name}): {p.review.decision}" for p in people if p.review is not None]
    lines += [f"  {x.review.names}: not applied, {x.why}" for x in result.lapsed_reviews]
    return "  Reviews found:\n" + ("\n".join(lines) if lines else "  (none)") + "\n"


def _a_count(n: int, *, at_least: bool, people: bool) -> None:
    """A count step's N, refused where the step could not fail ("at least 0") or never hold (-1)."""
    if n < 0:
        raise ScenarioProblem(f"{n} is no count: write how many {'people' if people else 'works'}, 0 or more")
    if at_least and n == 0:
        none = "no person matches" if people else "no work matches"
        raise ScenarioProblem(
            f'"at least 0" holds whatever the evaluation finds: write "at least {_matching(1, people=people)}"'
            f' or "{none}"'
        )


def _counting(case: Case, *, people: bool, instead: str) -> ClaimResult:
    """The claim in focus, where it counts what the step counts: a step about works on a claim
    about people (or the reverse) would read its counts as the wrong thing."""
    result = case.focus()
    if (result.people_considered is not None) != people:
        kind = "people" if result.people_considered is not None else "works"
        raise ScenarioProblem(f'the claim "{result.claim}" is about {kind}: write "{instead}"')
    return result


def _found(case: Case, result: ClaimResult, *, limit: int | None = None) -> str:
    return found(result, root=case.root) if limit is None else found(result, root=case.root, limit=limit)


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


def _folded(text: str) -> str:
    """Text as a reader sees it, case and spacing aside: a title or a name copied from a page
    (an "é" of one character) is the record's that writes it as "e" and a combining accent, or
    holds a soft hyphen or a zero-width space, which the failure showed as the very same text."""
    return " ".join(topic_reading(text).casefold().split())


def _works(n: int) -> str:
    return "1 work" if n == 1 else f"{n} works"


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def _matching(n: int, *, people: bool) -> str:
    """'2 people match', '1 work matches': a count step's words, as the analyst writes them."""
    counted = _people(n) if people else _works(n)
    return f"{counted} {'matches' if n == 1 else 'match'}"


def _institution(text: str) -> str:
    """An OpenAlex institution id a step names, as the step wrote it; in the scenario's words
    where it is none (the import's own error names `--subject`, which no step has)."""
    short = ids.openalex_id(text.strip())
    if short is None or not short.startswith("I"):
        raise ScenarioProblem(f'"{text.strip()}" is not an OpenAlex institution id: write it as I4210113369')
    return text.strip()


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ScenarioProblem(f'"{text}" is not a date: write it as YYYY-MM-DD') from None
