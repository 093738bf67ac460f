"""ClaimReview JSON-LD (schema.org): one review per claim, for fact-check search and aggregators.

`claimReviewed` is the claim in under 75 characters and never carries the verdict;
`itemReviewed` is the `Claim` as its speaker made it, with the sources it appeared in, and says
so where others reported it and the speaker did not confirm it;
`reviewRating` gives the verdict in words (`alternateName`), why (`ratingExplanation`) and a
number on the scale below (documented in docs/reports.md).

The review's own `url`, `author`, `publisher` and `datePublished` belong to whoever publishes
it: they are written only where the results carry a `Publication` (`check --report-url`,
`--author`, `--publisher`, `--date-published`), never from the clock, so the same results always
give the same file. Text from claims and evidence is untrusted, as in the other reports: each
string passes through `printable()` (control, bidi-override and tag characters become U+FFFD),
so no aggregator showing a rating's explanation shows a terminal escape or text a bidi override
reorders. The output is safe to paste into a `<script type="application/ld+json">`: `<`, `>`
and `&` (and U+2028, U+2029) are written as JSON escapes, so no text can close the script
element.
"""

from __future__ import annotations

import json
from typing import Any

from .._text import printable
from ..results import VERDICT_WORDS, ClaimResult, Publication, Results, SourceRef, StatementRef
from .view import safe_url

CLAIM_REVIEWED_LIMIT = 74
"""claimReviewed is kept under 75 characters, as fact-check consumers display it whole."""

RATING_SCALE = {
    "contradicted": 1,
    "insufficient_evidence": 3,
    "not_contradicted": 4,
    "supported": 5,
}
"""1 (worst) to 5 (best), by how far the record bears the claim out. 3, the middle, is
"insufficient evidence": the record leans neither way. 2 is not used: claimwatch has no
"mostly contradicted"."""
WORST_RATING, BEST_RATING = 1, 5

REPORTED_NOT_CONFIRMED = "Reported, not confirmed: others reported this statement, and the speaker did not confirm it."
"""The Claim's `description` where the statement has `confirmed: false`, as the HTML and Markdown
reports flag it (the speaker's name may already say so, as in "MSRA (as reported)": not repeated)."""


def render_claimreview(results: Results) -> str:
    graph = [claim_review(r, results.statement_of(r), results.publication) for r in results.results]
    document = _printable({"@context": "https://schema.org", "@graph": graph})
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _script_safe(text) + "\n"


def claim_review(
    result: ClaimResult, statement: StatementRef | None, publication: Publication | None = None
) -> dict[str, Any]:
    """One ClaimReview for one claim."""
    return {
        "@type": "ClaimReview",
        "identifier": result.claim,
        **review_publication(publication),
        "claimReviewed": claim_reviewed(result.says),
        "itemReviewed": _claim(statement),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_SCALE[result.verdict],
            "worstRating": WORST_RATING,
            "bestRating": BEST_RATING,
            "alternateName": VERDICT_WORDS[result.verdict],
            "ratingExplanation": result.why,
        },
    }


def review_publication(publication: Publication | None) -> dict[str, Any]:
    """The review's `url`, `author`, `publisher` and `datePublished`: only those the caller gave.

    Properties as schema.org/ClaimReview (from CreativeWork) and Google's fact-check markup
    (developers.google.com/search/docs/appearance/structured-data/factcheck) define them: `author`
    is who publishes the fact check, an Organization or a Person with a name (and, for an
    organisation, its home page as `url`).
    """
    if publication is None:
        return {}
    pub = publication
    fields: dict[str, Any] = {}
    url = safe_url(pub.url)
    if url:
        fields["url"] = url
    if pub.author:
        fields["author"] = _author(pub, pub.author)
    if pub.publisher:
        fields["publisher"] = _organization(pub.publisher, pub.publisher_url)
    if pub.date_published:
        fields["datePublished"] = pub.date_published
    return fields


def _author(pub: Publication, name: str) -> dict[str, Any]:
    # A fact-checker named beside a different publisher is a person writing for it; otherwise the
    # author is the organisation itself, with its home page where the publisher's is known.
    if pub.publisher and name != pub.publisher:
        return {"@type": "Person", "name": name}
    return _organization(name, pub.publisher_url if name == pub.publisher else None)


def _organization(name: str, url: str | None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    home = safe_url(url)
    if home:
        org["url"] = home
    return org


def claim_reviewed(says: str) -> str:
    """The claim in under 75 characters, cut at a word with an ellipsis where it is longer."""
    text = " ".join(says.split())
    if len(text) <= CLAIM_REVIEWED_LIMIT:
        return text
    cut = text[: CLAIM_REVIEWED_LIMIT - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "\u2026"


def _claim(statement: StatementRef | None) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    if statement is None:
        return claim
    claim["author"] = {"@type": "Organization", "name": statement.speaker}
    if not statement.confirmed:
        # `author` alone would attribute it to the speaker outright, as the other reports do not.
        claim["description"] = REPORTED_NOT_CONFIRMED
    claim["datePublished"] = statement.made_on
    claim["appearance"] = [_appearance(s) for s in statement.sources]
    return claim


def _appearance(source: SourceRef) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.authors:
        work["author"] = [{"@type": "Person", "name": a} for a in source.authors]
    if source.published:
        work["datePublished"] = source.published
    url = safe_url(source.url)
    if url:
        work["url"] = url
    archived = safe_url(source.archived_url)
    if archived:
        work["archivedAt"] = archived  # schema.org CreativeWork's property for an archived copy
    return work


def _printable(value: Any) -> Any:
    """`value` with `printable()` applied to every string in it (the keys are claimwatch's own)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def _script_safe(text: str) -> str:
    # These characters only occur inside JSON strings here, where the escapes mean the same.
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text
