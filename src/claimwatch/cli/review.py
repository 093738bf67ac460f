"""claimwatch review: list the findings not yet reviewed, or record a decision on one."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

import click

from .. import claims as claims_mod
from .._text import one_line
from ..errors import InputError, Problem
from ..evaluate import evaluate
from ..evidence import open_evidence_paths
from ..project import case_settings
from ..reports.terminal import not_the_same_person
from ..results import Finding, PersonFinding, Results, Review
from ..reviews import (
    DECISIONS,
    REVIEWS_FILE,
    Reviews,
    curated_file_names,
    load_reviews,
    person_named,
    record_review,
    reviews_there,
    unreviewed,
    work_key,
)
from .options import Day, ExistingPath, lists_option, root_option


@click.command()
@click.argument("claim_id", required=False)
@click.argument("finding", metavar="[WORK_OR_PERSON]", required=False)
@click.option("--decision", type=click.Choice(DECISIONS), help="The decision to record on the finding.")
@click.option("--note", help="Why: the reviewer's reason, shown beside the finding in every report.")
@click.option(
    "--by",
    help="Who decided.  [default: [review] by in the case's claimwatch.toml, else the system's user name]",
)
@click.option(
    "--date",
    "date_",
    type=Day(),
    help="The day of the decision, YYYY-MM-DD.  [default: today]",
)
@click.option(
    "--expires",
    type=Day(),
    help="The last day the review holds: evidence current after it makes the review lapse.",
)
@click.option(
    "--openalex",
    help="With a work named by a DOI, an arXiv id or a curated id: the OpenAlex work id (W…) of the record "
    "reviewed, so that the review never follows that DOI to another work.",
)
@click.option(
    "--distinct-from",
    "distinct_from",
    multiple=True,
    metavar="PERSON",
    help="With a person confirmed: a person they are not (as the listing names them). Repeatable. A person "
    "confirmed who may be one counted already is then counted too, as someone else, where every person counted "
    "they may be is named (here or in that person's own review).",
)
@click.option(
    "--evidence",
    "evidence_paths",
    multiple=True,
    type=ExistingPath(),
    help="Evidence to list the findings of (as for check). Repeatable; needed to list.",
)
@click.option(
    "--as-of",
    type=Day(),
    help="The day open-ended claims run to, as for check (default: when the newest evidence was retrieved).",
)
@click.option(
    "--claims",
    "claim_paths",
    multiple=True,
    type=ExistingPath(),
    help="Claim files or folders.  [default: the case's claims/ folder]",
)
@click.option(
    "--reviews",
    "reviews_path",
    type=click.Path(dir_okay=False),
    help=f"The reviews file.  [default: the case's {REVIEWS_FILE}]",
)
@click.option(
    "--no-reviews",
    is_flag=True,
    help="In the listing, leave the reviews out, as check does: every finding as the evaluation finds it.",
)
@lists_option
@root_option
def review(
    claim_id: str | None,
    finding: str | None,
    decision: str | None,
    note: str | None,
    by: str | None,
    date_: dt.datetime | None,
    expires: dt.datetime | None,
    openalex: str | None,
    distinct_from: tuple[str, ...],
    evidence_paths: tuple[str, ...],
    as_of: dt.datetime | None,
    claim_paths: tuple[str, ...],
    reviews_path: str | None,
    no_reviews: bool,
    lists_dirs: tuple[str, ...],
    root: str,
) -> None:
    """List the findings no review has decided yet, or record a decision on one.

    With no CLAIM_ID and WORK_OR_PERSON: evaluate the case's claims against --evidence (up to
    --as-of, as check does), with the reviews applied (none with --no-reviews; a --reviews file
    must be there, as for check), and list each finding not yet reviewed
    (claim, work id, status, date, title; for a claim about people, claim, person id, status,
    first year at the subject, name), then each person confirmed yet uncertain as one who may be
    a person counted already, then the reviews that did not apply (their work or person
    no longer a finding, expired, or their claim not among the case's), each with the people it
    says its person is not (distinct_from), as check's summary shows them.

    With CLAIM_ID and WORK_OR_PERSON, as the listing shows it (a work: an OpenAlex work id, a DOI,
    an arXiv id or a curated work id; for a claim about people, a person: an OpenAlex author id,
    an ORCID iD or a curated person's id, curated:ID where it could be read as another): record --decision with --note in the case's
    reviews.yaml, made where missing. not_a_match sets the finding aside (out of the verdict,
    still shown with the note); confirmed counts it as a match, its doubts resolved, but for a
    person who may be one counted already (two records of one name that no id tells apart):
    they stay uncertain, and the listing says so, unless --distinct-from names that other person
    (the reviewer knows them for two people: both count); if they are one person, set the other
    aside with not_a_match; disputed counts it only as uncertain. A second review naming the finding by the same id is refused:
    edit the first in the file (one naming it by another of its ids is recorded, and check
    reports it as overlapping). A work named by a DOI or an arXiv id follows it when OpenAlex
    merges or renumbers the work, and also where it moves that DOI to another work: give
    --openalex with the listing's work id, and the review applies to no work but the one
    that record is among (elsewhere check reports it as not applied).

    Example:

    \b
        claimwatch review --evidence evidence/
        claimwatch review msra-no-gait-recognition W4391234567 --decision not_a_match \\
            --note "The abstract says the method does not address gait recognition."
        claimwatch review msra-no-seven-sons-recruits A5000000001 --decision not_a_match \\
            --note "OpenAlex merged two people of this name; the Harbin papers are the other's."
    """
    if no_reviews and reviews_path:
        raise click.UsageError("--reviews and --no-reviews contradict each other", ctx=click.get_current_context())
    path = Path(reviews_path) if reviews_path else Path(root) / REVIEWS_FILE
    claim_set = claims_mod.load_claims(claim_paths or (str(Path(root) / "claims"),), root=root, lists=lists_dirs)
    if claim_id is None:
        if finding is not None or decision or note or expires or date_ or by or openalex or distinct_from:
            raise click.UsageError("a decision needs CLAIM_ID and WORK_OR_PERSON", ctx=click.get_current_context())
        if not evidence_paths:
            raise click.UsageError("listing findings needs --evidence", ctx=click.get_current_context())
        reviews = None if no_reviews else _listed_reviews(path, given=reviews_path is not None)
        as_of_day = as_of.date() if as_of else None
        results = evaluate(claim_set, open_evidence_paths(evidence_paths), as_of=as_of_day, reviews=reviews)
        other = _of_other_claims(reviews, claim_set) if reviews else []
        _print_unreviewed(results, other, "among the claims given" if claim_paths else "in the case")
        return
    if evidence_paths or as_of or no_reviews:
        raise click.UsageError(
            "--evidence, --as-of and --no-reviews list findings; a decision takes none of them",
            ctx=click.get_current_context(),
        )
    if finding is None or decision is None or not note:
        raise click.UsageError(
            "recording a review needs CLAIM_ID, WORK_OR_PERSON, --decision and --note", ctx=click.get_current_context()
        )
    about_people = any(c.id == claim_id and c.authors is not None for f in claim_set.files for c in f.claims)
    recorded = record_review(
        path,
        claim=claim_id,
        person=finding if about_people else None,
        work=None if about_people else finding,
        decision=decision,  # type: ignore[arg-type]  # click.Choice(DECISIONS) gave one of them
        note=note,
        by=by or case_settings(root, "review").get("by") or getpass.getuser(),
        date=date_.date() if date_ else dt.date.today(),
        expires=expires.date() if expires else None,
        known_claims=[c.id for f in claim_set.files for c in f.claims],
        openalex=openalex,
        distinct_from=distinct_from,
    )
    click.echo(
        f"recorded {recorded.decision} for {one_line(recorded.names)} on claim {one_line(recorded.claim)} "
        f"at {one_line(str(path))}:{recorded.line}"
    )
    key = work_key(finding) if not about_people else None
    if openalex is None and key is not None and key.startswith(("doi:", "arxiv:")):
        click.echo(
            f"note: {one_line(finding)} will name whatever work OpenAlex gives it, should it move to another; "
            "to tie the review to the record reviewed, add `openalex: W…` (its work id) to it",
            err=True,
        )


def _listed_reviews(path: Path, *, given: bool) -> Reviews | None:
    """The reviews a listing applies: the case's reviews.yaml, none where it has none yet; a file
    given with --reviews must be there, as check holds it, or a mistyped name would list every
    finding reviewed in the real file as still to review, "0 reviewed", in silence."""
    # A link gone is refused, the case's file as a file given; --no-reviews lists, as check's
    # advice ("check with --no-reviews") sent a reviewer listing to another command.
    found = reviews_there(path, without="list with --no-reviews")
    if found is None and given:
        raise InputError(
            Problem(
                str(path),
                0,
                0,
                "no such file: give the reviews file there is, or list with --no-reviews "
                "(the first review recorded with this --reviews makes it)",
            )
        )
    return load_reviews(found) if found else None


def _of_other_claims(reviews: Reviews, claim_set: claims_mod.ClaimSet) -> list[Review]:
    """Reviews naming a claim the run does not hold (renamed since, a typo, or a claim file not
    given with --claims): they apply to nothing, and the listing says so beside the reviews that
    lapsed."""
    return reviews.of_other_claims({c.id for f in claim_set.files for c in f.claims})


def _print_unreviewed(results: Results, other_claims: list[Review], claims_read: str) -> None:
    pending = unreviewed(results)
    shared = _shared_ids(results)
    for claim, finding in pending:
        click.echo(f"{one_line(claim)}  {_listed(finding, shared.get(claim, {}))}")
    for claim, person in _confirmed_yet_uncertain(results):
        click.echo(f"confirmed yet uncertain: {one_line(claim)}  {_listed(person, shared.get(claim, {}))}")
        where = f" ({one_line(person.review.path)}:{person.review.line})" if person.review else ""
        click.echo(
            f"    {one_line(person.uncertain_because[-1])}; if they are one person, set one of the two aside "
            f"(--decision not_a_match), and the other counts; if two, give the review{where} distinct_from naming "
            "the other, and both count"
        )
    lapsed = [(r.claim, x) for r in results.results for x in r.lapsed_reviews]
    for claim, x in lapsed:
        click.echo(
            f"not applied: {one_line(x.review.path)}:{x.review.line}: {one_line(claim)} {one_line(x.review.names)}"
            f"{one_line(not_the_same_person(x.review))}: {one_line(x.why)}"
        )
    for r in other_claims:
        click.echo(
            f"not applied: {one_line(r.path)}:{r.line}: {one_line(r.claim)} {one_line(r.names)}"
            f"{one_line(not_the_same_person(r))}: no claim of that id {claims_read}"
        )
    not_applied = len(lapsed) + len(other_claims)
    done = sum(
        sum(1 for f in (*r.findings, *r.uncertain_findings, *r.dismissed) if f.review)
        + sum(1 for p in (*r.people, *r.uncertain_people, *r.dismissed_people) if p.review)
        for r in results.results
    )
    click.echo(
        f"{len(pending)} {'finding' if len(pending) == 1 else 'findings'} to review, {done} reviewed"
        + (f", {not_applied} {'review' if not_applied == 1 else 'reviews'} not applied" if not_applied else "")
        + (
            "; record one with: claimwatch review CLAIM_ID WORK_OR_PERSON --decision not_a_match|confirmed|disputed "
            "--note TEXT"
            if pending
            else ""
        )
    )


def _confirmed_yet_uncertain(results: Results) -> list[tuple[str, PersonFinding]]:
    """The persons a review confirmed that stay uncertain, as ones who may be a person counted
    already (evaluate.people's `_confirmed_yet_maybe_one`, whose doubt is their last): a reviewer
    reading "N reviewed" would take the confirmation as counted."""
    return [
        (r.claim, p)
        for r in results.results
        for p in r.uncertain_people
        if p.review is not None and p.review.decision == "confirmed"
    ]


def _shared_ids(results: Results) -> dict[str, dict[str, list[str]]]:
    """By claim, the ids two people of it share (one curated id, given by two files), each with
    the files of the people who have it."""
    out = {}
    for r in results.results:
        files: dict[str, list[str]] = {}
        for p in (*r.people, *r.uncertain_people, *r.dismissed_people):
            files.setdefault(p.id, []).append(_file_of(p))
        out[r.claim] = {i: f for i, f in files.items() if len(f) > 1}
    return out


def _file_of(person: PersonFinding) -> str:
    return person.records[0].rpartition(":")[0] if person.records else ""


def _file_named_alone(path: str, others: list[str]) -> str:
    """The shortest name of a curated file that names none of the others: its own name, or the
    folders before it too, where another file of that name gives the same id."""
    taken = {name for other in others if other != path for name in curated_file_names(other)}
    names = curated_file_names(path)
    return next((n for n in names if n not in taken), names[-1])


def _listed(finding: Finding | PersonFinding, shared: dict[str, list[str]] | None = None) -> str:
    """A finding's line after its claim: a work by id, status, date and title; a person by id,
    status, first year at the subject and name."""
    if isinstance(finding, PersonFinding):
        year = finding.first_year_at_subject or (finding.shared_years[0] if finding.shared_years else None)
        # An id to copy into `claimwatch review` that names them alone: with their file's name
        # (and folders, where two files of one name give it) where two files give one id.
        others = (shared or {}).get(finding.id)
        path = _file_of(finding)
        named = person_named(finding.id, _file_named_alone(path, others) if others and path else None)
        return f"{one_line(named)}  {finding.status}  {year or 'no certain year'}  {one_line(finding.name)}"
    work = finding.work
    return (
        f"{one_line(work.id)}  {finding.status}  {one_line(work.publication_date or 'undated')}  {one_line(work.title)}"
    )


def register(cli: click.Group) -> None:
    cli.add_command(review)
