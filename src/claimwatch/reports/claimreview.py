"""ClaimReview JSON-LD (schema.org): one review per claim, for fact-check search and aggregators.

`claimReviewed` is the claim in under 75 characters and never carries the verdict;
`itemReviewed` is the `Claim` as its speaker made it, with the sources it appeared in;
`reviewRating` gives the verdict in words (`alternateName`), why (`ratingExplanation`) and a
number on the scale below (documented in docs/reports.md).

The review's own `url`, `author` and `datePublished` belong to whoever publishes it; claimwatch
knows none of them and writes none (no wall-clock date either), so the same results always
give the same file. The output is safe to paste into a `<script type="application/ld+json">`:
`<`, `>` and `&` are written as JSON escapes, so no text can close the script element.
"""

from __future__ import annotations

import json
from typing import Any

from ..results import VERDICT_WORDS, ClaimResult, Results, SourceRef, StatementRef
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


def render_claimreview(results: Results) -> str:
    graph = [claim_review(r, results.statement_of(r)) for r in results.results]
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, indent=2, ensure_ascii=False)
    return _script_safe(text) + "\n"


def claim_review(result: ClaimResult, statement: StatementRef | None) -> dict[str, Any]:
    """One ClaimReview for one claim."""
    return {
        "@type": "ClaimReview",
        "identifier": result.claim,
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
    return work


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
